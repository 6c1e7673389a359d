"""The records that flow between stages: a cleaned Document and what was extracted from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The warning prefix of a document stored without extraction because it is not in English.
NOT_ENGLISH = "not English"


@dataclass
class Document:
    """One article: cleaned text that every offset refers to, plus its metadata."""

    source: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 at the precision known: 2023-02-22, 2023-02 or 2023
    published_inferred: bool = False
    removed: list[str] = field(default_factory=list)
    removed_rules: list[str] = field(default_factory=list)  # the id of the cleaning rule behind each removed line
    warnings: list[str] = field(default_factory=list)

    @property
    def is_english(self) -> bool:
        return not any(w.startswith(NOT_ENGLISH) for w in self.warnings)


@dataclass(frozen=True)
class Span:
    """Character offsets into Document.text."""

    start: int
    end: int


@dataclass
class Entity:
    """An entity as one document names it; `key` is local to the document."""

    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    certain: bool = True  # False when the article's cues leave the type in doubt
    scores: dict[str, float] = field(default_factory=dict)  # the type model's probability of each type
    reasons: list[str] = field(default_factory=list)  # the cues that decided the type


@dataclass(frozen=True)
class Value:
    """A literal fact object, such as an age."""

    value: Any


@dataclass
class Fact:
    """subject -predicate-> object, with the sentence it came from.

    Subject and entity objects are local entity keys; qualifier values named in
    ENTITY_QUALIFIERS are entity keys too.
    """

    subject: str
    predicate: str
    object: str | Value
    evidence: Span
    qualifiers: dict[str, Any] = field(default_factory=dict)


ENTITY_QUALIFIERS = frozenset({"show"})
SYMMETRIC_PREDICATES = frozenset({"spouse_of", "partner_of", "romantic_partner_of", "relative_of"})


@dataclass
class Quote:
    span: Span
    text: str
    kind: str  # "direct" or "indirect"
    speaker: str | None = None
    outlet: str | None = None
    date: str | None = None
    cue: str | None = None


@dataclass
class Event:
    type: str
    date: str | None
    participants: list[str]
    summary: str
    evidence: Span


@dataclass
class DateEvidence:
    """How the publication date was decided, and every date expression with the date it resolved to.

    `clues` are JSON-ready records (source, rule, value, text, start, end, used); `spans` are
    (start, end, value) of the date expressions, value None where the evidence cannot date one.
    """

    clues: list[dict[str, Any]] = field(default_factory=list)
    spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    pinned: bool = False  # False when the date is a guess: past events bound it from below and nothing closes it


@dataclass
class DocExtraction:
    """Everything extracted from one document; a pure function of that document."""

    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published: str | None = None  # inferred from the URL, a dateline or the text when the document gave no date
    dates: DateEvidence = field(default_factory=DateEvidence)

    def entity(self, key: str) -> Entity:
        return next(e for e in self.entities if e.key == key)
