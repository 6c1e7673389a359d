"""The parsed document every extractor reads: text, spaCy doc, entities found so far, dates."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..document import Document, Entity, Span
from ..lexicon import SOCIAL_NETWORKS


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Stretches inside double quotation marks, paired naively; enough to judge salience."""
    return [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(s < offset < e for s, e in ranges)


@dataclass
class Mention:
    """One place where the text names (or refers to) an entity."""

    key: str
    start: int
    end: int
    kind: str = "name"  # name, alias, epithet, pronoun


@dataclass
class Context:
    document: Document
    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by start
    gender: dict[str, str] = field(default_factory=dict)  # entity key -> "m" / "f"
    played: dict[str, str] = field(default_factory=dict)  # actor key -> the one character they play here
    _index: dict[str, Entity] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)  # mention starts, for bisection

    @cached_property
    def social(self) -> set[str]:
        """Keys of the social networks the document names (Instagram, TikTok …)."""
        return {e.key for e in self.entities if e.name in SOCIAL_NETWORKS}

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def quote_ranges(self) -> list[tuple[int, int]]:
        return quoted_ranges(self.text)

    def entity(self, key: str) -> Entity:
        return self._by_key()[key]

    def type_of(self, key: str | None) -> str | None:
        entity = self._by_key().get(key) if key else None
        return entity.type if entity else None

    def _by_key(self) -> dict[str, Entity]:
        """Entities by key, rebuilt when extractors have added some (they only ever append)."""
        if len(self._index) != len(self.entities):
            self._index = {e.key: e for e in self.entities}
        return self._index

    def add_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(self.mentions + mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        for m in mentions:
            if m.kind != "pronoun":
                self.entity(m.key).mentions.append(Span(m.start, m.end))

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention that covers [start, end), if any."""
        index = bisect.bisect_right(self._starts, start) - 1
        while index >= 0:
            m = self.mentions[index]
            if m.start <= start and m.end >= end:
                return m
            if m.end < start and start - m.start > 200:
                break
            index -= 1
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions inside [start, end), in text order."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def sentence_of(self, offset: int) -> SpacySpan:
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return token.sent if token is not None else self.doc[:].sents.__next__()

    def sentence_span(self, offset: int) -> Span:
        """The sentence around `offset`, without the blank lines spaCy may attach to its end."""
        sent = self.sentence_of(offset)
        end = sent.end_char
        while end > sent.start_char and self.text[end - 1].isspace():
            end -= 1
        return Span(sent.start_char, end)

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n\n", 0, offset)
        end = self.text.find("\n\n", offset)
        return (0 if start < 0 else start + 2), (len(self.text) if end < 0 else end)
