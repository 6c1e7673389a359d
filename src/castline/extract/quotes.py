"""Who said what, to which outlet, and when: direct and reported speech, attributed passage by passage.

Spans. Quotation marks are paired line by line with recovery: apostrophes are not
marks, a quote may run over paragraphs that each reopen it (UK style: only the
last one closes), unbalanced marks close at the end of the line. Titles in
quotation marks are not quotes; a quoted phrase inside a reported clause belongs
to that indirect quote.

Attribution has two steps. First each quote reads its own frame — the text of its
sentence outside the marks: a reporting verb and its subject, an outlet, a date,
and what kind of occasion the words were given on (an interview, a post, a
statement, an earlier occasion). Then one pass over the article in text order
decides what the frame leaves open: a quote without a cue keeps the speaker of the
passage, or takes the cue of the sentence after it; a speaker's quotes share the
interview (outlet and date) the article reports for that speaker, before or after
the cue; "she added" carries the conversation on; ambiguous names and pronouns go
to the speaker of the passage.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..document import Entity, Quote, Span
from ..lexicon import (
    CONTINUING_VERBS,
    DESCRIBING_VERBS,
    EVENT_WORDS,
    IMPLIED_PLATFORMS,
    INDIRECT_VERBS,
    ORGANIZATION_NOUNS,
    PEOPLE_NOUNS,
    PERSON_EPITHET_NOUNS,
    POST_NOUNS,
    POSTING_VERBS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    SPOKESPERSON_NOUNS,
    STATEMENT_NOUNS,
)
from .context import Context, Mention
from .coref import gender_of
from .entities import looks_like_title
from .quotecues import Cue, cues_in, find_cues
from .time import TimeExpr

OPENERS = {"“": "”", '"': '"', "‘": "’", "«": "»", "'": "'"}
CLOSERS = set(OPENERS.values())
SINGLE_OPENERS = ("‘", "'")
PERSON_TYPES = ("person", "character")
ORGANIZATION_TYPES = ("network", "organization", "outlet")
SPEAKER_TYPES = PERSON_TYPES + ORGANIZATION_TYPES
# Entity types that can never be the outlet words were given to.
NOT_OUTLET_TYPES = ("person", "character", "place", "franchise")
# Subjects that never name a speaker ("That said, …", "it is said").
NOT_SPEAKERS = {"i", "we", "they", "you", "it", "that", "this", "which", "what", "who", "there"}
# Words that open a clause which names a topic rather than reporting words ("revealed why he left").
TOPIC_WORDS = {"what", "why", "how", "where", "who", "whom", "when", "whether", "which"}
# Verbs whose subordinate clause is an earlier occasion than the one the quote was given on ("after she said").
EARLIER_MARKS = {"after", "before", "since", "until", "once"}
# Bare epithets that name whoever the article is about ("the actor said"), not a particular credit.
GENERIC_EPITHET = re.compile(r"^(?:the|this|that)\s+(?:\d+-year-old\s+)?(?:" + "|".join(
    sorted(PERSON_EPITHET_NOUNS, key=len, reverse=True)) + r")?$", re.I)
# Words in the first paragraph of an article: the lines above it and it are the lead, whose perfect tense is the
# news itself ("Quinn has revealed she is leaving").
LEAD_WORDS = 25
# A quote run over more lines than this with no cue is no longer the same speaker's.
CONTINUATION_LINES = 2
# A quoted phrase this short right after a reported clause is part of it ('… end, “its shortest season ever.”').
MAX_APPENDED_WORDS = 6
# Tokens after a quote's closing mark in which its reporting verb stands ("…,” the 41-year-old actress said).
VERB_WINDOW = 14


@dataclass
class QuotedSpan:
    open_at: int  # the opening mark
    start: int  # first character inside
    end: int  # after the last character inside
    close_at: int | None  # the closing mark, None when the text never closes it
    text: str  # the words, with marks that reopen continued paragraphs removed


# ---------------------------------------------------------------------------------------------------- spans


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return not (before.isalnum() or before in ".,;!?%'’") or before in "([{—–-/"


def _is_closing(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark that is an apostrophe: inside a word, or a plural possessive ("the fans’ letters")."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return before in "sS" and bool(re.match(r"\s[a-z]", text[i + 1:i + 3]))


def _closes(text: str, i: int, closer: str, opened: QuotedSpan) -> bool:
    ch = text[i]
    if ch == "”" and closer == '"':
        return True  # a straight quote closed by a curly one
    if ch != closer:
        return False
    if closer == '"':
        return _is_closing(text, i) and i != opened.start
    if closer in ("’", "'"):
        return _is_closing(text, i) and not _is_apostrophe(text, i) and not text[i - 1].isspace()
    return True


def _single_opens(text: str, i: int, line_end: int, next_line: str) -> bool:
    """A single mark opens a quote only when it closes in the line, the next line reopens it, or it opens the line
    (a UK paragraph continuing a quote whose closing mark the page lost)."""
    if not (text[i + 1:i + 2].isalnum() or text[i + 1:i + 2] in "[(“\"…"):
        return False
    if i == 0 or text[i - 1] == "\n" or text[max(0, i - 2):i] == ": ":
        return True
    closer = OPENERS[text[i]]
    probe = QuotedSpan(i, i + 1, i + 1, None, "")
    if any(_closes(text, j, closer, probe) for j in range(i + 2, line_end)):
        return True
    return next_line[:1] == text[i]


def _first_close(text: str, start: int, end: int, closer: str) -> int | None:
    probe = QuotedSpan(start - 1, start, start, None, "")
    return next((j for j in range(start, end) if _closes(text, j, closer, probe)), None)


def _continues(text: str, line: re.Match[str], closer: str) -> bool:
    """A line opening with a mark carries on the quote left open above when its own quote runs to the line's end.

    A quote that closes mid-line with a cue after it ("“…,” she adds, “…”) is a new quote.
    """
    start, end = line.span()
    if text[start] not in OPENERS or OPENERS[text[start]] != closer:
        return False
    close = _first_close(text, start + 1, end, closer)
    return close is None or not text[close + 1:end].strip(" .,;")


def find_quoted(text: str) -> list[QuotedSpan]:
    """Top-level quoted spans: nested marks belong to the outer quote; odd marks recover."""
    spans: list[QuotedSpan] = []
    lines = list(re.finditer(r"[^\n]+", text))
    carry: QuotedSpan | None = None  # a quote left open at the end of the previous line
    carry_closer = ""
    for n, line in enumerate(lines):
        l_start, l_end = line.span()
        next_line = lines[n + 1].group() if n + 1 < len(lines) else ""
        i, opened, closer = l_start, None, ""
        if carry is not None:
            if _continues(text, line, carry_closer):
                opened, closer, i = carry, carry_closer, l_start + 1
            else:
                spans.append(carry)
            carry = None
        while i < l_end:
            ch = text[i]
            if opened is None:
                if ch in OPENERS and _is_opening(text, i) and \
                        (ch not in SINGLE_OPENERS or _single_opens(text, i, l_end, next_line)):
                    opened, closer = QuotedSpan(i, i + 1, i + 1, None, ""), OPENERS[ch]
            elif _closes(text, i, closer, opened):
                _finish(text, opened, i)
                opened.close_at = i
                spans.append(opened)
                opened = None
            i += 1
        if opened is not None:
            _finish(text, opened, l_end)
            carry, carry_closer = opened, closer
    if carry is not None:
        spans.append(carry)
    return [s for s in spans if re.search(r"\w\w", s.text)]


def _finish(text: str, span: QuotedSpan, end: int) -> None:
    """Extend a span to `end`, joining continued paragraphs without their reopening marks."""
    if span.text:
        reopened = text.find("\n", span.end)
        piece = text[reopened:end].strip().lstrip("“\"‘'«")
        span.text = f"{span.text} {piece}".strip()
    else:
        span.text = text[span.start:end]
    span.end = end


def is_title(text: str, span: QuotedSpan) -> bool:
    """A title in quotation marks ("the finale of “Harbor City Fire.”"), not quoted words.

    Title Case of up to eight words, inside a sentence rather than after a colon or a
    reporting verb; a question in Title Case ("“Who Took the Badge?”") is a title too.
    """
    inner = span.text.strip().rstrip(",")
    words = inner.split()
    if not words or len(words) > 8:
        return False
    before = text[max(0, span.open_at - 3):span.open_at]
    introduced = bool(re.search(r"[:]\s*$", before))
    bare = inner.rstrip(".") if re.search(r"\w\w\.$", inner) else inner
    if looks_like_title(bare):
        return not introduced
    question = inner.rstrip("?!")
    content = [w for w in question.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "a", "an", "and")]
    return inner != question and len(content) >= 2 and all(w[:1].isupper() for w in content) and not introduced


# ---------------------------------------------------------------------------------------------------- records


@dataclass
class Attribution:
    """How a quote was attributed: what the passage pass needs to decide what the frame left open."""

    speaker: str | None = None
    via: str = ""  # how the speaker was found: name, alias, pronoun, epithet, org, continued, next, answer
    outlet: str | None = None
    date: str | None = None
    cue: str | None = None
    verb: Token | None = None
    own_occasion: bool = False  # a statement, a post, an earlier or dated occasion: nothing is inherited
    posted: bool = False  # words posted online
    current: bool = False  # given for this article: "says", "tells", "in a statement to X", a Q&A answer
    anaphoric_date: bool = False  # "at the time": the date of what was just told
    candidates: tuple[str, ...] = ()  # what an ambiguous reference (a shared surname, a pronoun) may name
    gender: str | None = None  # of the pronoun or epithet that names the speaker
    line: int = 0
    section: int = 0


@dataclass
class Occasion:
    """An interview, appearance or post the article reports: who gave words to which outlet, when."""

    start: int
    outlet: str
    date: str | None
    participants: set[str] = field(default_factory=set)


@dataclass
class Reader:
    """The document with what attribution looks up again and again."""

    ctx: Context
    times: list[TimeExpr]
    published: str | None
    cues: list[Cue]
    lines: list[tuple[int, int]]
    sections: list[int]  # section index of each line
    skip: list[tuple[int, int]] = field(default_factory=list)  # quoted text: no cue or outlet inside counts

    @cached_property
    def lead_end(self) -> int:
        """Where the lead ends: after the first line long enough to be a paragraph."""
        text = self.ctx.text
        return next((end for start, end in self.lines if len(text[start:end].split()) >= LEAD_WORDS), 0)

    def line_of(self, offset: int) -> int:
        """Index of the line holding `offset` (of the line before, for an offset between lines)."""
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    @cached_property
    def line_starts(self) -> list[int]:
        return [start for start, _ in self.lines]

    def quoted(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.skip)


def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def _sections(text: str, lines: list[tuple[int, int]], spans: list[QuotedSpan]) -> list[int]:
    """Section index of each line: a subheading (a short line without a full stop, not quoted) opens a section."""
    starts = [start for start, _ in lines]
    quoted_lines = {bisect.bisect_right(starts, s.open_at) - 1 for s in spans}
    out, section = [], 0
    for index, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if index and index not in quoted_lines and len(line.split()) <= 12 and not re.search(r"[.:!…\"”’]$", line):
            section += 1
        out.append(section)
    return out


# ---------------------------------------------------------------------------------------------------- speakers


def _is_reporting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    verbal = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or \
        any(c.dep_ == "aux" for c in token.children)  # "did whisper" tagged as a noun
    if lemma not in REPORTING_VERBS or not verbal:
        return False
    if lemma == "point":  # "pointed out" reports; "pointed at" does not
        return any(c.dep_ == "prt" for c in token.children)
    return True


# Dependencies through which a verb without a subject shares the subject of the verb above it
# ("Quinn replied, saying …", "by confirming …", "in saying that …").
SHARED_SUBJECT_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep", "pobj")


def _subject(verb: Token) -> Token | None:
    """The token naming who speaks: the subject, a passive's agent, or the subject a participle shares."""
    token, through_conj = verb, False
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:  # "with Quinn recalling", "Mara Quinn spills", "the post read": the subject as a compound
            subjects = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and
                        (c.pos_ == "PROPN" or c.lemma_.lower() in POST_NOUNS | STATEMENT_NOUNS)]
        if subjects and subjects[0].dep_ == "nsubjpass":
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agents[0] if agents else None
        if subjects:
            subject = subjects[0]
            if token.dep_ == "relcl" and (subject.lower_ in ("who", "that") or
                                          any(c.lower_ == "whom" for c in subject.subtree)):
                return token.head  # "the actor, who revealed …", "Mara and Tom, both of whom said …"
            return subject
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head  # "with a spokesperson telling Insider"
        shared = token.dep_ in SHARED_SUBJECT_DEPS or (through_conj and token.dep_ == "ccomp")
        if token.head.i == token.i or not shared:
            return None  # a verb coordinated into a reported clause ("insisted X … and teased Y") is the reporter's
        through_conj = token.dep_ == "conj"
        token = token.head
    return None


@dataclass
class Reference:
    key: str | None
    via: str = ""
    candidates: tuple[str, ...] = ()
    gender: str | None = None


def speaker_of(reader: Reader, verb: Token) -> Reference:
    """The entity behind a reporting verb's subject: a name, an epithet, a pronoun, an organisation."""
    ctx = reader.ctx
    subject = _subject(verb)
    if subject is None or reader.quoted(subject.idx):
        # '“…,” the actor explained': the parser took quoted words for the subject, or found none
        near = [t for t in ctx.doc[max(0, verb.i - 5):verb.i]]
        if any(t.text in CLOSERS for t in near):
            subject = next((t for t in reversed(near) if t.pos_ in ("PROPN", "NOUN", "PRON") and
                            not reader.quoted(t.idx)), None)
        elif subject is not None:
            subject = None
    if subject is None:
        return Reference(None, "nosubject")
    return _entity_of(ctx, subject, verb)


def _mention_of(ctx: Context, token: Token) -> Mention | None:
    return ctx.mention_at(token.idx, token.idx + len(token.text))


def _entity_of(ctx: Context, token: Token, verb: Token | None = None) -> Reference:
    """Who a subject names. Unresolved references say what they are: an 'epithet' or a definite 'role' ('the EP')
    that the passage may resolve, an 'unknown' proper name, a 'post' whose author the text told before."""
    word, lemma = token.lower_, token.lemma_.lower()
    if word in NOT_SPEAKERS:
        return Reference(None)
    if lemma in SPOKESPERSON_NOUNS:
        return Reference(_spoken_for(ctx, token, verb), "org")
    if lemma in POST_NOUNS | STATEMENT_NOUNS and _mention_of(ctx, token) is None:
        return Reference(None, "post")  # "the Facebook post read": its author is told before
    for candidate in (token, *(c for c in token.children if c.dep_ in ("compound", "flat", "appos"))):
        mention = _mention_of(ctx, candidate)
        if mention is None:
            continue
        kind = ctx.type_of(mention.key)
        if kind in PERSON_TYPES:
            return _person_reference(ctx, mention)
        if kind in ORGANIZATION_TYPES:
            return Reference(mention.key, "org")
    if token.pos_ == "NOUN" and (lemma in PEOPLE_NOUNS or lemma in PERSON_EPITHET_NOUNS):
        named = _named_in_phrase(ctx, token)
        if named is not None:  # "the network's president of production Keith Cox told …"
            return _person_reference(ctx, named)
    definite = token.left_edge.lower_ in ("the", "this", "that")
    if lemma in ORGANIZATION_NOUNS and definite:
        return Reference(_last_of_types(ctx, token.idx, ORGANIZATION_NOUNS[lemma]), "org")
    if lemma in REPORT_NOUNS:  # "a new report from Deadline revealed …"
        owner = _owner_in(ctx, token, ("outlet",))
        return Reference(owner, "org") if owner else Reference(None)
    if lemma in SPEECH_NOUNS:  # "Quinn's response was, “…”"
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners:
            return _entity_of(ctx, owners[0])
    phrase = ctx.text[token.left_edge.idx:token.idx + len(token.text)]
    if GENERIC_EPITHET.match(phrase) or (definite and lemma in PERSON_EPITHET_NOUNS):
        gender = gender_of(word)
        return Reference(None, "epithet", _people(ctx, gender), gender)
    if definite and lemma in PEOPLE_NOUNS:
        return Reference(None, "role", _people(ctx, None))
    if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title):
        owner = _person_named(ctx, token.text)
        if owner is not None:
            return Reference(owner, "name")
        if token.ent_type_ in ("PERSON", ""):
            return Reference(None, "unknown")
    return Reference(None)


def _person_named(ctx: Context, word: str) -> str | None:
    """The one person entity whose name has `word` as its first or last word ('Wilson' for a Rob Wilson the
    article named in full), when the mention itself was not linked."""
    owners = {e.key for e in ctx.entities if e.type == "person" and
              word in e.name.split()[:1] + e.name.split()[-1:]}
    return owners.pop() if len(owners) == 1 else None


def _named_in_phrase(ctx: Context, noun: Token) -> Mention | None:
    """The person a role noun's phrase names ('executive producer Jon Sen'), outside its 'of' phrases ('the wife
    of Tom Reyes' names someone else)."""
    found = None
    stack = [c for c in noun.children if c.dep_ != "prep"]
    while stack:
        token = stack.pop()
        mention = _mention_of(ctx, token)
        if mention is not None and ctx.type_of(mention.key) in PERSON_TYPES and mention.kind in ("name", "alias") \
                and (found is None or mention.start > found.start):
            found = mention
        stack += [c for c in token.children if c.dep_ != "prep"]
    return found


def _owner_in(ctx: Context, token: Token, types: tuple[str, ...]) -> str | None:
    """An entity of the given types inside a noun phrase: 'a report from Deadline', 'Deadline's report'."""
    for child in token.subtree:
        mention = _mention_of(ctx, child)
        if mention is not None and ctx.type_of(mention.key) in types:
            return mention.key
    return None


def _person_reference(ctx: Context, mention: Mention) -> Reference:
    """A person named by a mention, with the others it may name when it is ambiguous."""
    words = ctx.text[mention.start:mention.end]
    if mention.kind == "pronoun":
        gender = gender_of(words)
        return Reference(mention.key, "pronoun", _people(ctx, gender), gender)
    if mention.kind == "epithet" and GENERIC_EPITHET.match(words):
        gender = gender_of(words.split()[-1])
        return Reference(mention.key, "epithet", _people(ctx, gender), gender)
    if len(words.split()) == 1:
        sharing = tuple(e.key for e in ctx.entities if e.type == "person" and words in e.name.split()[:1] +
                        e.name.split()[-1:])
        if len(sharing) > 1:
            return Reference(mention.key, "surname", sharing)
    return Reference(mention.key, mention.kind)


def _people(ctx: Context, gender: str | None) -> tuple[str, ...]:
    return tuple(e.key for e in ctx.entities if e.type in PERSON_TYPES and
                 (gender is None or ctx.gender.get(e.key, gender) == gender))


def _spoken_for(ctx: Context, noun: Token, verb: Token | None) -> str | None:
    """The organisation a spokesperson speaks for: 'a Paramount Network spokesperson', 'a rep for the studio', or
    the organisation the sentence is about ('The network denied it, with a spokesperson telling …')."""
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "poss", "nmod", "amod") or
                 (c.dep_ == "prep" and c.lower_ in ("for", "of", "at"))]
    for child in (t for modifier in modifiers for t in modifier.subtree):
        mention = _mention_of(ctx, child)
        if mention is not None:
            kind = ctx.type_of(mention.key)
            if kind in ORGANIZATION_TYPES:
                return mention.key
            if kind in PERSON_TYPES:
                return None  # a person's representative speaks for that person, who did not say the words
    head = noun
    while head.head.i != head.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < noun.i]
        if subjects:
            reference = _entity_of(ctx, subjects[0])
            return reference.key if reference.key and ctx.type_of(reference.key) in ORGANIZATION_TYPES else None
    return None


def _last_of_types(ctx: Context, offset: int, types: tuple[str, ...]) -> str | None:
    earlier = [m for m in ctx.mentions if m.start < offset and ctx.type_of(m.key) in types
               and m.kind in ("name", "alias")]
    return earlier[-1].key if earlier else None


def _participants(ctx: Context, subject: Token | None) -> set[str]:
    """Everyone a subject names: 'Mara Quinn and Tomas Reyes told …' gives both."""
    if subject is None:
        return set()
    found = set()
    for token in (subject, *(c for c in subject.subtree if c.dep_ == "conj")):
        reference = _entity_of(ctx, token)
        if reference.key is not None and ctx.type_of(reference.key) in PERSON_TYPES:
            found.add(reference.key)
            if reference.via == "surname":
                found |= set(reference.candidates)  # whichever of them it is, they took part
    return found


# ---------------------------------------------------------------------------------------------------- frames


def _frames(reader: Reader, span: QuotedSpan, spans: list[QuotedSpan]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The text before the opening mark and after the closing mark, within the sentence and between quotes."""
    text = reader.ctx.text
    first = reader.lines[reader.line_of(span.open_at)]
    close = span.close_at if span.close_at is not None else span.end
    last = reader.lines[reader.line_of(close)]
    prev_close = max((q.close_at + 1 for q in spans if q.close_at is not None and q.close_at < span.open_at),
                     default=first[0])
    before_start = max(first[0], prev_close)
    breaks = [m.end() for m in re.finditer(r"[.?!][”\"’']?\s+(?=[A-Z“\"‘'])", text[before_start:span.open_at + 1])
              if m.end() <= span.open_at - before_start]
    if breaks:
        before_start += breaks[-1]
    after_start = close + 1 if span.close_at is not None else span.end
    next_open = min((q.open_at for q in spans if q.open_at > after_start), default=last[1])
    after_end = min(last[1], next_open)
    stop = re.search(r"[.!?](?=\s+[A-Z“\"‘]|\s*$)", text[after_start:after_end])
    if stop and stop.start() > 0:
        after_end = after_start + stop.end()
    return (before_start, span.open_at), (after_start, max(after_start, after_end))


def _lead_line(reader: Reader, span: QuotedSpan, before: tuple[int, int]) -> tuple[int, int] | None:
    """For a quote opening its line, the last sentence of the line above when it ends in a colon ('He said:')."""
    text = reader.ctx.text
    index = reader.line_of(span.open_at)
    if text[before[0]:before[1]].strip() or index == 0:
        return None
    start, end = reader.lines[index - 1]
    if not text[start:end].rstrip().endswith(":"):
        return None
    sent = reader.ctx.sentence_of(max(start, end - 2))
    return max(start, sent.start_char), end


def _tokens(reader: Reader, start: int, end: int) -> list[Token]:
    span = reader.ctx.doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _verb_near(reader: Reader, before: tuple[int, int], after: tuple[int, int]) -> Token | None:
    """The reporting verb of a quote: first just after it, else last in its lead-in."""
    lead_tokens = [t for t in _tokens(reader, *before) if not t.is_punct]
    if lead_tokens and (_is_reporting(lead_tokens[-1]) or _reporting_word(lead_tokens[-1].lower_)) and \
            _can_report(reader, lead_tokens[-1]):
        return lead_tokens[-1]  # 'replied “soon”', 'said: “…”', 'sharing, “…”'
    after_tokens = [t for t in _tokens(reader, *after) if not t.is_punct][:VERB_WINDOW]
    for token in after_tokens:
        if token.pos_ in ("VERB", "AUX") and not _is_reporting(token) and token.lemma_.lower() != "read":
            break  # another clause begins: the words after it are no cue of this quote
        if (_is_reporting(token) or _participle_cue(token) or _post_reads(token)) and \
                not _introduces_next(reader, token, after):
            return token
    lead = reader.ctx.text[before[0]:before[1]].strip(" ,")
    if re.search(r"according to\s*$", lead):
        return None
    for token in reversed(_tokens(reader, *before)):
        if (_is_reporting(token) or _describes_as(token) or _participle_cue(token)) and _can_report(reader, token):
            return token
    return None


def _introduces_next(reader: Reader, token: Token, after: tuple[int, int]) -> bool:
    """'was “bittersweet,” with Quinn recalling, “…”': a participle just before the next quote introduces that one."""
    rest = reader.ctx.text[token.idx + len(token.text):after[1]]
    return token.lower_.endswith("ing") and not rest.strip(" ,:") and after[1] < len(reader.ctx.text) and \
        reader.ctx.text[after[1]] in OPENERS


def _participle_cue(token: Token) -> bool:
    """'with Quinn recalling, “…”': a reporting participle the tagger took for a noun."""
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return False
    return _reporting_word(token.lower_)


def _reporting_word(word: str) -> bool:
    """A participle of a reporting verb, whatever the tagger made of it ('sharing', 'adding', 'noting')."""
    return word.endswith("ing") and bool({word[:-3], word[:-3] + "e"} & REPORTING_VERBS)


def _post_reads(token: Token) -> bool:
    """'“…,” the post read': a post or statement that reads its words."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "compound")), None)
    return token.lower_ in ("read", "reads") and subject is not None and \
        subject.lemma_.lower() in POST_NOUNS | STATEMENT_NOUNS


def _can_report(reader: Reader, verb: Token) -> bool:
    """A verb whose subject is a thing ('a return seems assured') reports no words."""
    subject = _subject(verb)
    return subject is None or _may_speak(reader.ctx, subject)


def _describes_as(token: Token) -> bool:
    """'describing it as, “…”', 'calling it “…”': a verb that introduces words it does not report."""
    return token.lemma_.lower() in DESCRIBING_VERBS and token.pos_ == "VERB"


# ---------------------------------------------------------------------------------------------------- outlets


def _outlet_in(reader: Reader, start: int, end: int) -> str | None:
    mention = _outlet_mention(reader, start, end)
    return mention.key if mention is not None else None


def _outlet_mention(reader: Reader, start: int, end: int) -> Mention | None:
    """The outlet named in [start, end) outside quoted text: an outlet by type, or any title a cue makes one.

    'EW's West of Westeros podcast' names the podcast, not the magazine.
    """
    ctx = reader.ctx
    for mention in ctx.mentions_in(start, end):
        if reader.quoted(mention.start) or mention.kind == "pronoun" or _describes_person(ctx.text, mention.end):
            continue
        kind = ctx.type_of(mention.key)
        if kind == "outlet":
            return _owned_title(reader, mention, end) or mention
        if _cued_outlet(reader, mention, kind):
            return _owned_title(reader, mention, end) or mention
    return None


def _describes_person(text: str, end: int) -> bool:
    """A name that describes someone ('the In Time actor', 'a Variety editor') is a credit, not an outlet."""
    word = re.match(r"\s+([a-z-]+)", text[end:end + 20])
    return bool(word) and word.group(1) in PERSON_EPITHET_NOUNS | PEOPLE_NOUNS | SPOKESPERSON_NOUNS


def _owned_title(reader: Reader, mention: Mention, end: int) -> Mention | None:
    """In "EW's West of Westeros podcast", the podcast."""
    text = reader.ctx.text
    if not re.match(r"['’]s\s", text[mention.end:mention.end + 3]):
        return None
    nxt = next(iter(reader.ctx.mentions_in(mention.end, min(end, mention.end + 60))), None)
    if nxt is None or reader.ctx.type_of(nxt.key) in ("person", "place"):
        return None
    return nxt if re.match(r"^['’]s\s+[“\"‘]?$", text[mention.end:nxt.start]) else None


def _unnamed_outlet(reader: Reader, verb: Token | None) -> str | None:
    """'told Coast Radio Weekly', 'speaking to the Harbor Herald': a name no list knows, given words, is an outlet.

    The name is taken as an outlet entity of the document when it is a proper name of two words or more that
    names nobody (a single unknown name after 'told' is more often a person).
    """
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    heads = [c for c in verb.children if c.dep_ == "dobj"] if lemma == "tell" else []
    if lemma in ("speak", "talk", "chat"):
        heads = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                 for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        words = [t for t in head.subtree if t.pos_ == "PROPN" or (t.i == head.i and t.is_title)]
        if len(words) < 2 or head.ent_type_ == "PERSON" or words[-1].i != head.i or \
                any(_mention_of(reader.ctx, t) for t in head.subtree):
            continue
        if words[-1].i - words[0].i + 1 != len(words):
            continue
        start, end = words[0].idx, head.idx + len(head.text)
        entity = Entity(key=f"Q{len(reader.ctx.entities) + 1}", name=reader.ctx.text[start:end], type="outlet")
        reader.ctx.entities.append(entity)
        reader.ctx.add_mentions([Mention(entity.key, start, end)])
        return entity.key
    return None


_OWNER = r"(?:the\s+|an?\s+)?(?:(?:[A-Z][\w'’-]+\s+){0,2}[\w-]+['’]s\s+)?[“\"‘]?"
OUTLET_BEFORE = re.compile(r"(?:\b(?:appear\w*|stopp?\w*\s+by|guest\w*|on|with|to|at|episode\s+of|edition\s+of|"
                           r"hosted\s+by|podcast|told|tells|tell|telling)\s+" + _OWNER + ")$", re.I)
# Where a name after the cue is a programme whatever else it looks like ("appeared on Mara Quinn's Late Show").
APPEARED_ON = re.compile(r"\b(?:appear\w*\s+on|guest\w*\s+on|stopp?\w*\s+by|episode\s+of)\s+" + _OWNER + "$", re.I)


def _cued_outlet(reader: Reader, mention: Mention, kind: str | None) -> bool:
    """A title that a cue just before makes an outlet: 'appeared on “Late Night”', 'in an interview on The Morning
    Show', 'at the Banff TV Festival' (an event, whatever type the name was given)."""
    text = reader.ctx.text
    before = text[max(0, mention.start - 40):mention.start]
    name = text[mention.start:mention.end]
    if re.search(r"\bat\s+the\s+(?:recent\s+|annual\s+|\d{4}\s+)?$", before):
        return name.split()[-1].lower() in EVENT_WORDS and kind not in PERSON_TYPES
    if kind in PERSON_TYPES:  # a programme the text took for a person is still where one appears
        return bool(APPEARED_ON.search(before))
    if kind in NOT_OUTLET_TYPES:
        return False
    cue = [c for c in reader.cues if c.kind in ("OCCASION", "APPEAR_ON", "SPEAK_TO") and
           0 <= mention.start - c.end <= 40]
    return bool(cue) and bool(OUTLET_BEFORE.search(before))


def _back_reference(reader: Reader, start: int, end: int) -> str | None:
    """'she told the outlet': the outlet named last before."""
    if not any(c.kind == "BACK_REFERENCE" for c in cues_in(reader.cues, start, end, reader.skip)):
        return None
    earlier = [m for m in reader.ctx.mentions if m.start < start and reader.ctx.type_of(m.key) == "outlet"
               and not reader.quoted(m.start)]
    return earlier[-1].key if earlier else None


def _platform(reader: Reader, start: int, end: int) -> str | None:
    found = _platform_at(reader, start, end)
    return found[0] if found else None


def _platform_at(reader: Reader, start: int, end: int) -> tuple[str, int] | None:
    """A social network named in [start, end), or one a word implies ('tweeted', 'in a tweet'), and where."""
    ctx = reader.ctx
    for mention in ctx.mentions_in(start, end):
        if mention.key in ctx.social and not reader.quoted(mention.start):
            return mention.key, mention.start
    for token in _tokens(reader, start, end):
        name = IMPLIED_PLATFORMS.get(token.lemma_.lower())
        if name and not reader.quoted(token.idx):
            return _implied_entity(ctx, name, token), token.idx
    return None


def _implied_entity(ctx: Context, name: str, token: Token) -> str:
    """The social network a word implies, as an entity of the document (created once, at the word)."""
    for entity in ctx.entities:
        if entity.name == name:
            return entity.key
    entity = Entity(key=f"Q{len(ctx.entities) + 1}", name=name, type="outlet")
    ctx.entities.append(entity)
    ctx.add_mentions([Mention(entity.key, token.idx, token.idx + len(token.text), "alias")])
    return entity.key


# ---------------------------------------------------------------------------------------------------- dates


def _attached(ctx: Context, expr: TimeExpr, verb: Token | None) -> bool:
    """Whether a date expression modifies the reporting verb (or the occasion it names), not another clause.

    "told Variety in May" and "in an interview published Tuesday" are the quote's dates; "of the finale, which
    airs Monday" is not.
    """
    if verb is None:
        return True
    span = ctx.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(12):
        if token.i == verb.i:
            return True
        if token.dep_ in ("relcl", "ccomp", "xcomp", "csubj", "conj", "parataxis") or \
                (token.dep_ in ("advcl", "acl") and token.lemma_.lower() not in ("publish", "release", "air")):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _date_in(reader: Reader, frames: list[tuple[int, int]], verb: Token | None,
             resolved: bool = True) -> TimeExpr | None:
    """The first date in the frames, outside quotes, that belongs to the reporting verb (resolved, unless not
    asked: an unresolved 'last month' still tells an earlier occasion)."""
    for start, end in frames:
        for expr in reader.times:
            if start <= expr.start < end and (expr.value or not resolved) and not expr.modifier and \
                    not reader.quoted(expr.start) and reader.ctx.mention_at(expr.start, expr.end) is None and \
                    _attached(reader.ctx, expr, verb):
                return expr  # a date word inside a name ("The Tonight Show") is no date
    return None


# ---------------------------------------------------------------------------------------------------- attribution


def attribute(reader: Reader, frames: list[tuple[int, int]], verb: Token | None) -> Attribution:
    """What a quote's own frame says: speaker, outlet, date and the kind of occasion."""
    found = Attribution(cue=verb.text.lower() if verb is not None else None, verb=verb)
    if verb is not None:
        reference = speaker_of(reader, verb)
        found.speaker, found.via = reference.key, reference.via
        found.candidates, found.gender = reference.candidates, reference.gender
        found.current = verb.tag_ in ("VBZ", "VBP")
        lemma = verb.lemma_.lower()
        found.posted = lemma in POSTING_VERBS
    cues = [c for start, end in frames for c in cues_in(reader.cues, start, end, reader.skip)]
    kinds = {c.kind for c in cues}
    found.posted = found.posted or bool(kinds & {"POST", "TOOK_TO", "COMMENTS", "SOCIAL_MEDIA"}) or \
        found.via == "post"
    for start, end in frames:
        found.outlet = found.outlet or _outlet_in(reader, start, end)
    for start, end in frames:
        found.outlet = found.outlet or _back_reference(reader, start, end)
    if found.outlet is None and found.posted:
        for start, end in frames:
            found.outlet = found.outlet or _platform(reader, start, end)
    if found.outlet is None:
        found.outlet = _unnamed_outlet(reader, verb)
    expr = _date_in(reader, frames, verb)
    if expr is not None:
        found.date, found.anaphoric_date = expr.value, expr.kind == "anaphoric"
    unresolved = _date_in(reader, frames, verb, resolved=False) if expr is None else None
    statement = "STATEMENT" in kinds and found.outlet is None
    found.current = found.current or ("STATEMENT" in kinds and found.outlet is not None)
    earlier = any(c.earlier for c in cues if c.kind in ("OCCASION", "EARLIER", "STATEMENT", "POST"))
    unnamed_post = found.posted and found.outlet is None and "SOCIAL_MEDIA" in kinds
    dated = expr or unresolved
    dated_elsewhere = found.outlet is None and not found.anaphoric_date and not found.current and \
        dated is not None and _distant(dated)
    in_lead = verb is not None and verb.idx < reader.lead_end
    found.own_occasion = statement or earlier or unnamed_post or dated_elsewhere or \
        (verb is not None and _earlier_verb(verb, in_lead))
    if earlier:
        found.current = False
    return found


def _distant(expr: TimeExpr) -> bool:
    """Whether a date names an occasion of its own: a month or a year does; a weekday or 'this week' is the news
    the article reports."""
    return expr.kind not in ("weekday", "anaphoric") and not re.search(r"\b(?:this|today|tonight|yesterday)\b",
                                                                       expr.text, re.I)


def _earlier_verb(verb: Token, in_lead: bool) -> bool:
    """A report of an earlier occasion: 'has said' (over time, but in the lead it is the news), 'after she
    revealed …'."""
    perfect = not in_lead and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and \
        not any(c.lower_ in ("now", "just", "recently") for c in verb.children)
    marked = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in verb.children)
    return perfect or marked


def direct_quotes(reader: Reader, spans: list[QuotedSpan]) -> list[tuple[Quote, Attribution]]:
    out: list[tuple[Quote, Attribution]] = []
    for span in spans:
        before, after = _frames(reader, span, spans)
        lead = _lead_line(reader, span, before)
        if lead is not None:
            before = lead
        verb = _verb_near(reader, before, after)
        if verb is not None and _describes_as(verb):
            found = attribute(reader, [before, after], None)
            found.cue = verb.text.lower()
            reference = speaker_of(reader, verb)
            found.speaker, found.via, found.candidates, found.gender = \
                reference.key, reference.via, reference.candidates, reference.gender
        else:
            found = attribute(reader, [before, after], verb)
        if verb is None:
            reference = _according_to(reader, before, after) or _dash_speaker(reader, after)
            if reference is not None:
                found.speaker, found.via = reference.key, reference.via
        quote = Quote(Span(span.start, span.end), span.text.strip(), "direct", found.speaker, found.outlet,
                      found.date, found.cue)
        out.append((quote, found))
    return out


def _according_to(reader: Reader, before: tuple[int, int], after: tuple[int, int]) -> Reference | None:
    for start, end in (after, before):
        match = re.search(r"\b(?:according to|per)\s+", reader.ctx.text[start:end])
        if match:
            return _source_after(reader, start + match.end(), end)
    return None


def _source_after(reader: Reader, start: int, end: int) -> Reference | None:
    """The first speaker named in [start, end): 'according to showrunner Mara Quinn', 'per reports from Deadline'."""
    for mention in reader.ctx.mentions_in(start, end):
        if reader.ctx.type_of(mention.key) in SPEAKER_TYPES and mention.kind != "pronoun":
            if reader.ctx.type_of(mention.key) in PERSON_TYPES:
                return _person_reference(reader.ctx, mention)
            return Reference(mention.key, "org")
    return None


def _dash_speaker(reader: Reader, after: tuple[int, int]) -> Reference | None:
    """'“…” — Mara Quinn': a dash and a name right after the quote."""
    match = re.match(r"\s*[—–-]{1,2}\s*", reader.ctx.text[after[0]:after[1]])
    if not match:
        return None
    return _source_after(reader, after[0] + match.end(), after[1])


# ---------------------------------------------------------------------------------------------------- indirect

TRAILING_ATTRIBUTION = re.compile(
    r"(?:,?\s+(?:in an?|during an?|in (?:his|her|their) )\s*(?:\w+\s+){0,3}?(?:interview|conversation|chat|"
    r"appearance|episode|statement|post|video)\b.*|,?\s+(?:to|with|via)\s+[A-Z][\w' ]+$|\s+[—–]\s.*|[,.;:]+)$")


def _clause_text(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:—–":
        start += 1
    if "\n" in text[start:end]:
        end = text.index("\n", start)
    trimmed = TRAILING_ATTRIBUTION.sub("", text[start:end])
    trimmed = TRAILING_ATTRIBUTION.sub("", trimmed)
    return start, start + len(trimmed.rstrip())


@dataclass
class Clause:
    """A reported clause and the verb (or 'according to' phrase) that reports it."""

    start: int
    end: int
    verb: Token | None
    frames: list[tuple[int, int]]
    source: Reference | None = None  # for 'according to X, …'
    date: TimeExpr | None = None  # a date moved out of the clause's end: the report's own


def reported_clauses(reader: Reader) -> list[Clause]:
    """Reported speech: a reporting verb's complement clause, the clause a parenthetical verb reports, and the
    sentence an 'according to X' or 'per X' phrase attributes."""
    out: list[Clause] = []
    ctx = reader.ctx
    for token in ctx.doc:
        if token.lemma_.lower() not in INDIRECT_VERBS or not _is_reporting(token) or reader.quoted(token.idx):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.lower_ in NOT_SPEAKERS - {"they", "we", "i", "it"} for c in subjects):
            continue  # "That said, …"
        if any(c.lower_ == "it" for c in subjects) and not any(c.dep_ == "agent" for c in token.children):
            continue  # "it says a lot", "it should be noted that" ("it was reported by X that …" names X)
        if subjects and not _may_speak(ctx, subjects[0]):
            continue  # "a series of signs told him …"
        bounds = _reported_clause(ctx, token)
        if bounds is None:
            continue
        start, end = _clause_text(ctx.text, *bounds)
        if end - start < 8:
            continue
        end, date = _trailing_date(reader, start, end)
        sent = token.sent
        out.append(Clause(start, end, token, [(sent.start_char, start), (end, sent.end_char)], date=date))
    out += _according_clauses(reader)
    return out


def _may_speak(ctx: Context, subject: Token) -> bool:
    """Whether a subject can be a source of words: a name, a pronoun, a person or organisation noun."""
    if subject.pos_ in ("PROPN", "PRON") or any(_mention_of(ctx, t) for t in subject.subtree):
        return True
    lemma = subject.lemma_.lower()
    return lemma in PEOPLE_NOUNS | PERSON_EPITHET_NOUNS | SPOKESPERSON_NOUNS | REPORT_NOUNS | POST_NOUNS | \
        STATEMENT_NOUNS or lemma in ORGANIZATION_NOUNS or subject.pos_ not in ("NOUN",)


# Verbs that take the person told as an object before the reported clause ("assured fans that …").
OBJECT_VERBS = {"tell", "assure", "inform", "warn", "remind", "promise", "ask", "urge", "reassure", "convince"}
# Words in a reported clause that put its date in the clause's own future ("said she would leave in May").
MODAL = {"will", "would", "'ll", "’ll", "could", "might", "may", "shall", "should", "to"}


def _reported_clause(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """Character bounds of what a reporting verb reports, or None."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    complements = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if complements:
        return _complement(ctx, verb, complements[0], infinitive)
    if infinitive or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp")):
        return None  # "to explain why …", "speaking to …": no speech reported
    told_to = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    if verb.lemma_.lower() == "tell" and told_to and any(c.dep_ == "dobj" for c in verb.children):
        words = list(told_to[0].subtree)  # "she told him to give them the details" ("told X what to expect" not)
        return None if words[0].lower_ in TOPIC_WORDS else (words[0].idx, words[-1].idx + len(words[-1].text))
    reported = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                and not any(t.dep_ == "cc" and verb.i < t.i < c.i for t in verb.children)]
    if reported and verb.i + 1 < len(verb.doc) and verb.nbor(1).dep_ != "ccomp":
        words = list(reported[0].subtree)  # 'he joked to Us Weekly, being in control … came with …'
        return words[0].idx, words[-1].idx + len(words[-1].text)
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i > verb.i:
        return _parenthetical(ctx, verb)
    return _that_clause(verb)


def _complement(ctx: Context, verb: Token, clause: Token, infinitive: bool) -> tuple[int, int] | None:
    words = [t for t in clause.subtree if not _after_coordinated_report(t, clause)]
    first = words[0]
    if first.lower_ in TOPIC_WORDS and not (first.lower_ == "how" and first.i + 1 < len(first.doc) and
                                            first.nbor(1).pos_ in ("ADJ", "ADV")):
        return None  # "revealed why he left" names a topic ("pointed out how incredible it is" reports)
    that = first.dep_ == "mark" and first.lower_ == "that"
    if infinitive and not that:
        return None  # "that's not to say …"; "went on to say that …" reports
    if first.dep_ == "mark" and first.lower_ in ("whether", "if"):
        return None
    if that:
        words = words[1:]
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.left_edge.i and
               clause.left_edge.i - c.right_edge.i <= 2]  # right before the clause, a quote mark at most between
    if objects and not that and verb.lemma_.lower() not in OBJECT_VERBS and \
            ctx.type_of(getattr(_mention_of(ctx, objects[0]), "key", None)) not in SPEAKER_TYPES:
        words = list(objects[0].subtree) + words  # the parser took the clause's subject for an object
    more = [c for c in verb.children if c.dep_ == "conj" and c.i > words[-1].i and
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if more:  # "said he was surprised, but that it would …"
        words += [t for t in verb.doc[words[-1].i + 1:more[0].right_edge.i + 1]]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _after_coordinated_report(token: Token, clause: Token) -> bool:
    """Whether a token belongs to a second reporting verb coordinated into the clause ('… and teased that …')."""
    conj = next((c for c in clause.children if c.dep_ == "conj" and _is_reporting(c)), None)
    if conj is None:
        return False
    cc = [c for c in clause.children if c.dep_ == "cc" and c.i < conj.i]
    cut = cc[-1].i if cc else conj.i
    return token.i >= cut


def _parenthetical(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """'as he told Variety, the writers …': the clause the parenthetical report is set off from by a comma."""
    reporting_end = max(t.i for t in verb.subtree if not t.is_punct)
    if reporting_end + 1 >= len(verb.doc) or verb.doc[reporting_end + 1].text != ",":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and _mention_of(ctx, objects[0]) is None:
        return None  # "as Quinn shared details about the finale, she …" reports nothing
    head_words = [t for t in verb.head.subtree if t.i > reporting_end]
    if len(head_words) < 3:
        return None
    return head_words[0].idx, head_words[-1].idx + len(head_words[-1].text)


def _that_clause(verb: Token) -> tuple[int, int] | None:
    """A 'that' a few words after the verb, when the parser missed the clause ('announced on Monday's show that …')."""
    sent = verb.sent
    for token in verb.doc[verb.i + 1:min(sent.end, verb.i + 14)]:
        if token.lower_ == "that" and token.i + 3 < sent.end:
            words = [t for t in verb.doc[token.i + 1:sent.end] if not t.is_space]
            while words and words[-1].is_punct:
                words.pop()
            return (words[0].idx, words[-1].idx + len(words[-1].text)) if len(words) >= 3 else None
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":", "."):
            return None
    return None


def _trailing_date(reader: Reader, start: int, end: int) -> tuple[int, TimeExpr | None]:
    """A date ending a reported clause without a modal belongs to the report ('announced she was leaving the show
    in August'); one after 'would' or 'to' to what was reported ('said she would leave in August')."""
    text = reader.ctx.text
    for expr in reader.times:
        if start < expr.start and end - 1 <= expr.end <= end + 1 and expr.kind in ("month", "date", "year", "weekday",
                                                                           "relative"):
            lead = text[start:expr.start]
            prep = re.search(r"\s+(?:in|on|last|back in|earlier in|this)?\s*$", lead)
            words = set(re.findall(r"[\w'’]+", lead.lower()))
            span = reader.ctx.doc.char_span(start, expr.start, alignment_mode="contract")
            past = bool(words & {"was", "were", "had"}) or (span is not None and any(t.tag_ == "VBD" for t in span))
            if words & MODAL or prep is None or not past:
                return end, None
            return start + prep.start(), expr
    return end, None


def _according_clauses(reader: Reader) -> list[Clause]:
    """'According to Mara Quinn, the writers …' and '…, per Deadline.': the sentence's own clause, by the source."""
    out = []
    ctx = reader.ctx
    for cue in reader.cues:
        if cue.kind != "REPORT" or cue.text.lower().split()[0] not in ("according", "per") or \
                reader.quoted(cue.start):
            continue
        sent = ctx.sentence_of(cue.start)
        comma = ctx.text.find(",", cue.end, sent.end_char)
        source_end = comma if comma >= 0 else sent.end_char
        source = _source_after(reader, cue.end, source_end) or Reference(None)
        lead = ctx.text[sent.start_char:cue.start].strip(" ,")
        rest = ctx.text[comma + 1:sent.end_char].strip() if comma >= 0 else ""
        if rest and not re.match(r"(?:and|but|or|so|as|which|who)\b", rest):
            start, end = comma + 1, sent.end_char  # "[…, and] according to X, <clause>."
        elif lead:
            start, end = sent.start_char, cue.start  # "<clause>, per X[, and …]"
        else:
            continue
        start, end = _clause_text(ctx.text, start, end)
        if end - start < 12 or len(ctx.text[start:end].split()) < 3:
            continue
        frames = [(sent.start_char, start), (end, sent.end_char)]
        out.append(Clause(start, end, None, frames, source))
    return out


def indirect_quotes(reader: Reader, clauses: list[Clause]) -> list[tuple[Quote, Attribution]]:
    out: list[tuple[Quote, Attribution]] = []
    text = reader.ctx.text
    for clause in clauses:
        found = attribute(reader, clause.frames, clause.verb)
        if clause.date is not None:
            found.date = clause.date.value or found.date
            found.own_occasion = found.own_occasion or (found.outlet is None and _distant(clause.date))
        if clause.source is not None:
            found.speaker, found.via, found.candidates = clause.source.key, clause.source.via, \
                clause.source.candidates
            found.cue = "according to"
        if reader.ctx.type_of(found.speaker) == "outlet":
            found.outlet = found.speaker  # "Deadline reports that …": the outlet's own words
        quote = Quote(Span(clause.start, clause.end), text[clause.start:clause.end], "indirect", found.speaker,
                      found.outlet, found.date, found.cue)
        out.append((quote, found))
    return out


def merge_spans(doc: Doc, spans: list[QuotedSpan], clauses: list[Clause]) -> tuple[list[QuotedSpan], list[Clause]]:
    """Quoted words inside a reported clause belong to it ("said a return is “not impossible”"); a clause that is
    all quoted words is the direct quote ("said “I am done.”")."""
    text = doc.text
    kept_clauses: list[Clause] = []
    dropped: set[int] = set()
    for clause in clauses:
        inside = [s for s in spans if clause.start <= s.open_at < clause.end + 1 or
                  (clause.end <= s.open_at and re.fullmatch(r"[\s,—–-]*", text[clause.end:s.open_at]) and
                   "\n" not in text[clause.end:s.open_at] and len(s.text.split()) <= MAX_APPENDED_WORDS)]
        if any(s.open_at <= clause.start + 1 for s in inside) or \
                any(s.open_at < clause.start < (s.close_at or s.end) for s in spans):
            continue  # the clause is the quoted words, or inside them
        for s in inside:
            cut = _own_cue(doc, clause, s)
            if cut is not None:  # "said he didn't know, describing it as, “…”": the quote has its own cue
                clause.end = min(clause.end, cut)
                continue
            dropped.add(id(s))
            clause.end = max(clause.end, (s.close_at + 1) if s.close_at is not None else s.end)
        kept_clauses.append(clause)
    return [s for s in spans if id(s) not in dropped], kept_clauses


def _own_cue(doc: Doc, clause: Clause, span: QuotedSpan) -> int | None:
    """Where to end a clause whose quoted words have a cue of their own between them and the clause's start: the
    start of that cue's phrase ('…, describing the news as, “…”'); None when the words belong to the clause."""
    lead = doc.char_span(clause.start, span.open_at, alignment_mode="contract")
    if lead is None:
        return None
    for token in reversed(lead):
        if (_describes_as(token) or _reporting_word(token.lower_)) and token.left_edge.idx > clause.start:
            return token.left_edge.idx - 1 if doc.text[token.left_edge.idx - 2:token.left_edge.idx - 1] == "," \
                else token.left_edge.idx
    return None


# ---------------------------------------------------------------------------------------------------- Q&A

# "TVLINE | What was your first reaction?" or "Q: …" opens a question; "PATEL | I screamed." answers one.
QA_LINE = re.compile(r"^(?P<who>[A-Z][\w!.'’& ]{0,30}?)\s*(?:\||:)\s+(?P<words>\S.*)$")


def qa_quotes(reader: Reader) -> list[tuple[Quote, Attribution]]:
    """Answers in a Q&A interview: each answer paragraph is a direct quote of the interviewee, to the asker."""
    ctx = reader.ctx
    out: list[tuple[Quote, Attribution]] = []
    outlet: str | None = None
    lines = list(re.finditer(r"[^\n]+", ctx.text))
    questions = [i for i, para in enumerate(lines) if _asker(ctx, para) is not None]
    if not questions:
        return out
    interviewee = _interviewee(ctx, lines[questions[0]].start())
    asking = False
    for index, para in enumerate(lines):
        line, start = para.group(), para.start()
        label = QA_LINE.match(line)
        who = label.group("who").strip() if label else ""
        if index in questions:
            outlet = _asker(ctx, para) or outlet or _own_outlet(ctx)
            asking = True
            continue
        if not asking:
            continue
        # after the last question, only the paragraph right after it is its answer; prose resumes then
        asking = any(q > index for q in questions)
        speaker = interviewee
        words_at = start
        if label and who not in ("A", "Answer"):
            speaker = _person_called(ctx, who)  # "PATEL | I screamed."
            if speaker is None:
                asking = False
                continue
        if label:
            words_at = start + label.start("words")
        if not re.search(r"[.!?…]\W*$", line):  # prose resumes, or a subheading
            asking = False
            continue
        quote = Quote(Span(words_at, para.end()), ctx.text[words_at:para.end()], "direct", speaker, outlet,
                      reader.published, "answered")
        out.append((quote, Attribution(speaker=speaker, via="answer", outlet=outlet, date=reader.published,
                                       cue="answered", current=True)))
    return out


def _asker(ctx: Context, para: re.Match[str]) -> str | None:
    """For a question line ('TVLINE | …', 'Q: …'), the outlet asking it ('' when unnamed); else None."""
    label = QA_LINE.match(para.group())
    if not label:
        return None
    who = label.group("who").strip()
    if who in ("Q", "Question"):
        return ""
    mention = ctx.mention_at(para.start(), para.start() + len(who))
    return mention.key if mention and ctx.type_of(mention.key) == "outlet" else None


def _own_outlet(ctx: Context) -> str | None:
    """The publication the article comes from, when the text names it."""
    name = ctx.document.outlet
    return next((e.key for e in ctx.entities if name and e.name == name and e.mentions), None)


def _person_called(ctx: Context, label: str) -> str | None:
    """The person a Q&A label names, in any case: 'PATEL', 'Mira Patel'."""
    label = label.lower()
    for entity in ctx.entities:
        names = [entity.name, *entity.aliases, entity.name.split()[-1]]
        if entity.type == "person" and any(n.lower() == label for n in names):
            return entity.key
    return None


def _interviewee(ctx: Context, first_question: int) -> str | None:
    """The person the introduction of a Q&A names most (the latest of equals): who answers the questions."""
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in ctx.mentions_in(0, first_question):
        if ctx.type_of(m.key) == "person" and m.kind in ("name", "alias"):
            counts[m.key] += 1
            last[m.key] = m.start
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], last[k]))


# ---------------------------------------------------------------------------------------------------- passage


def _occasions(reader: Reader, answers: list[tuple[Quote, Attribution]], passage: Passage) -> list[Occasion]:
    """Every interview, appearance or post the article reports, with who took part and when.

    A sentence that names an outlet after a cue ("appeared on X this week", "told X", "in an interview with X")
    reports one; its participants are the subject of the verb that governs the outlet (or, when the outlet is that
    subject, the people it spoke with), and the host whose name the outlet carries. "In the comments" is an
    occasion on the platform posted to last; a Q&A is one with its interviewee.
    """
    ctx = reader.ctx
    out: list[Occasion] = []
    platform: str | None = None
    for sent in ctx.doc.sents:
        if reader.quoted(sent.start_char) and reader.quoted(max(sent.start_char, sent.end_char - 2)):
            continue
        cues = cues_in(reader.cues, sent.start_char, sent.end_char, reader.skip)
        kinds = {c.kind for c in cues}
        if any(c.earlier for c in cues if c.kind in ("OCCASION", "EARLIER")):
            continue
        anchor, outlet = _occasion_outlet(reader, sent, cues, platform)
        if outlet is None:
            continue
        if ctx.type_of(outlet) == "outlet" and outlet in ctx.social:
            platform = outlet
        verb = _governing_verb(anchor)
        people = _occasion_people(reader, sent, verb, outlet, passage)
        host = _host_of(reader, outlet, sent)
        if host:
            people.add(host)
        expr = _date_in(reader, [(sent.start_char, sent.end_char)], verb)
        date = expr.value if expr is not None and expr.kind != "anaphoric" else None
        if date is None and verb is not None and verb.tag_ in ("VBZ", "VBP") and "COMMENTS" not in kinds:
            date = reader.published
        if people:
            out.append(Occasion(sent.start_char, outlet, date, people))
    for quote, _ in answers:
        if quote.outlet and quote.speaker:
            out.append(Occasion(0, quote.outlet, quote.date, {quote.speaker}))
            break
    return sorted(out, key=lambda o: o.start)


def _occasion_outlet(reader: Reader, sent, cues: list[Cue], platform: str | None) -> tuple[Token | None, str | None]:
    """The outlet a sentence gives words to, and the token that names it."""
    ctx = reader.ctx
    kinds = {c.kind for c in cues}
    mention = _outlet_mention(reader, sent.start_char, sent.end_char)
    if mention is not None:
        if ctx.type_of(mention.key) == "outlet" and not _cued_sentence(reader, sent, mention, kinds):
            return None, None  # "Deadline reported …" is news, not words given to Deadline
        if ctx.type_of(mention.key) != "outlet" and not ({"OCCASION", "SPEAK_TO", "APPEAR_ON"} & kinds or
                                                         _in_title(reader, mention.key)):
            return None, None  # an event named in passing, not where the words were given
        return _token_at(ctx, mention.start), mention.key
    posted = bool(kinds & {"POST", "TOOK_TO"}) or any(
        t.lemma_.lower() in POSTING_VERBS and t.pos_ == "VERB" and not reader.quoted(t.idx) for t in sent)
    found = _platform_at(reader, sent.start_char, sent.end_char) if posted else None
    if found is not None:
        return _token_at(ctx, found[1]), found[0]
    if "COMMENTS" in kinds and platform is not None:
        cue = next(c for c in cues if c.kind == "COMMENTS")
        return _token_at(ctx, cue.start), platform
    return None, None


def _token_at(ctx: Context, offset: int) -> Token | None:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _in_title(reader: Reader, key: str) -> bool:
    """Whether the article's first line (its headline) names an entity."""
    if not reader.lines:
        return False
    return any(m.key == key for m in reader.ctx.mentions_in(*reader.lines[0]))


def _governing_verb(token: Token | None) -> Token | None:
    """The nearest verb above a token: the verb a cue's outlet depends on."""
    for _ in range(8):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _occasion_people(reader: Reader, sent, verb: Token | None, outlet: str, passage: Passage) -> set[str]:
    """Who gave words on an occasion: the governing verb's subject (all of them: 'Quinn and Reyes told …'), the
    people an outlet that is the subject spoke with, or else the people named before the verb."""
    ctx = reader.ctx
    subject = _subject(verb) if verb is not None else None
    if subject is not None:
        mention = _mention_of(ctx, subject)
        if mention is not None and mention.key == outlet:
            return {m.key for m in ctx.mentions_in(verb.idx, sent.end_char)
                    if ctx.type_of(m.key) == "person" and m.kind != "pronoun" and not reader.quoted(m.start)}
        reference = _entity_of(ctx, subject)
        if reference.via in ("pronoun", "epithet", "role"):
            key = _settle(reader, reference, subject.idx, verb, passage)
            return {key} if key and ctx.type_of(key) in PERSON_TYPES else set()
        people = _participants(ctx, subject)
        if people or reference.key is not None:
            return people
    end = verb.idx if verb is not None else sent.end_char
    return {m.key for m in ctx.mentions_in(sent.start_char, end)
            if ctx.type_of(m.key) == "person" and not reader.quoted(m.start)}


def _cued_sentence(reader: Reader, sent, mention: Mention, kinds: set[str]) -> bool:
    """Whether a sentence tells words given to the outlet it names, not news it reported ('Deadline reported …')."""
    if kinds & {"OCCASION", "SPEAK_TO", "APPEAR_ON", "POST", "TOOK_TO", "BACK_REFERENCE", "STATEMENT"}:
        return True
    before = reader.ctx.text[max(sent.start_char, mention.start - 25):mention.start]
    return bool(re.search(r"\b(?:told|tells|tell|telling|to|with|on|via)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?"
                          r"(?:own\s+)?$", before))


def _host_of(reader: Reader, outlet: str, sent) -> str | None:
    """'James Marlow's Late Show': a programme named after its host, who takes part in what is said there."""
    ctx = reader.ctx
    for mention in ctx.mentions_in(sent.start_char, sent.end_char):
        if mention.key != outlet:
            continue
        before = ctx.text[max(0, mention.start - 60):mention.start]
        owner = re.search(r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)['’]s\s+[“\"‘]?$", before)
        name = ctx.text[mention.start:mention.end]
        inner = re.match(r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)['’]s\s", name)
        for match, base in ((owner, mention.start - len(before)), (inner, mention.start)):
            if match:
                person = ctx.mention_at(base + match.start(1), base + match.end(1))
                if person and ctx.type_of(person.key) == "person":
                    return person.key
    return None


def _name_speakers(reader: Reader) -> None:
    """People the text names only as the subject of a reporting verb ('“…,” Marlow said'), whom no entity holds yet:
    each becomes a person of the document, with a mention wherever the text names them."""
    ctx = reader.ctx
    for token in ctx.doc:
        if not _is_reporting(token) or reader.quoted(token.idx):
            continue
        subject = _subject(token)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or \
                reader.quoted(subject.idx) or _entity_of(ctx, subject).via != "unknown":
            continue
        words = [t for t in subject.subtree if t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.i <= subject.i]
        if not words or words[-1].i - words[0].i + 1 != len(words):
            continue
        name = ctx.text[words[0].idx:subject.idx + len(subject.text)]
        entity = Entity(key=f"Q{len(ctx.entities) + 1}", name=name, type="person")
        ctx.entities.append(entity)
        ctx.add_mentions([Mention(entity.key, m.start(), m.end())
                          for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", ctx.text)
                          if ctx.mention_at(m.start(), m.end()) is None])


def _speaking_subjects(reader: Reader) -> list[tuple[int, str]]:
    """(offset, entity) for every unambiguous person who is the subject of a reporting verb, in text order."""
    out = []
    for token in reader.ctx.doc:
        if (_is_reporting(token) or token.lemma_.lower() in ("appear", "open")) and not reader.quoted(token.idx):
            subject = _subject(token)
            if subject is None:
                continue
            reference = _entity_of(reader.ctx, subject)
            if reference.key and reference.via in ("name", "alias") and \
                    reader.ctx.type_of(reference.key) in PERSON_TYPES:
                out.append((token.idx, reference.key))
            elif reference.via == "unknown":
                out.append((token.idx, ""))  # someone named whom no entity holds
    return out


@dataclass
class Passage:
    """What the pass over the article knows at a quote: who has been speaking, and who the article is about."""

    speaker: str | None  # the speaker of the previous quote, when it is close enough to carry on
    unknown: bool  # that speaker is someone named but not known as an entity
    since: int  # where the previous quote ends
    speaking: list[tuple[int, str]]
    mentions: Counter[str]
    said: list[str]  # speakers of the quotes so far


def _settle(reader: Reader, reference: Reference, offset: int, verb: Token | None, passage: Passage) -> str | None:
    """Who an ambiguous reference — a surname two people share, a pronoun, a bare epithet or role — names.

    A pronoun goes to the last one named speaking since the previous quote, else to the speaker of the passage,
    when they fit its gender; else it keeps its antecedent when that one's gender is known to agree, else it goes
    to the last fitting speaker. A surname goes to the passage's speaker when that is one of its owners, else to the
    last of them seen speaking, else to the one the article names most. An epithet goes to a person its sentence
    names, else to the passage's speaker, else to the latest fitting subject, else to the main fitting person.
    """
    ctx = reader.ctx
    fits = set(reference.candidates)
    current = reference.key
    if reference.via == "surname":
        if passage.speaker in fits:
            return passage.speaker
        spoke = [key for at, key in passage.speaking if at < offset and key in fits and key]
        return spoke[-1] if spoke else max(reference.candidates, key=lambda k: passage.mentions[k])
    if reference.via == "pronoun":
        spoke = _spoke_last(reader, passage, offset)
        if passage.unknown or spoke == "":
            return None  # "Marlow said … she added": someone the article names but no entity holds
        if spoke in fits:
            return spoke  # the last one named speaking: "Elsewhere, Quinn revealed … “…,” she said"
        if passage.speaker in fits:
            return passage.speaker
        known = ctx.gender.get(current) if current else None
        if known is not None and known == reference.gender:
            return current
        said = [k for k in passage.said if k in fits and ctx.gender.get(k) == reference.gender]
        return said[-1] if said else current
    if reference.via == "epithet" or (reference.via == "role" and current is None):
        named = _named_in_sentence(reader, verb, fits) if verb is not None else None
        if named is not None:
            return named
        if passage.speaker in fits:
            return passage.speaker
        return _recent_subject(reader, offset, fits) or current or _main_person(ctx, fits, passage.mentions)
    return current


def _spoke_last(reader: Reader, passage: Passage, offset: int) -> str | None:
    """The person last named as the subject of a reporting verb in the line of `offset` or the one before ('' for a
    name no entity holds), when that was after the passage's last quote."""
    line = reader.line_of(offset)
    spoke = [(at, key) for at, key in passage.speaking if passage.since <= at < offset and
             line - reader.line_of(at) <= 1]
    return spoke[-1][1] if spoke else None


def _recent_subject(reader: Reader, offset: int, fits: set[str]) -> str | None:
    """The latest fitting person named as a subject in the sentence of `offset` or the two before it."""
    ctx = reader.ctx
    sent = ctx.sentence_of(offset)
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        start = ctx.doc[start - 1].sent.start
    found = None
    for token in ctx.doc[start:sent.end]:
        if token.idx >= offset:
            break
        if token.dep_ in ("nsubj", "nsubjpass") and not reader.quoted(token.idx):
            mention = _mention_of(ctx, token)
            if mention is not None and mention.key in fits and mention.kind in ("name", "alias"):
                found = mention.key
    return found


def _main_person(ctx: Context, fits: set[str], mentions: Counter[str]) -> str | None:
    """The person the article names most among those that fit."""
    people = [k for k in fits if ctx.type_of(k) in PERSON_TYPES and mentions[k]]
    return max(people, key=lambda k: mentions[k]) if people else None


def _named_in_sentence(reader: Reader, verb: Token, candidates: set[str]) -> str | None:
    """The person named by name earlier in the sentence of a bare epithet ('Though Quinn stays, the actress said')."""
    sent = verb.sent
    names = [m for m in reader.ctx.mentions_in(sent.start_char, verb.idx)
             if m.kind in ("name", "alias") and m.key in candidates and not reader.quoted(m.start)]
    return names[-1].key if names else None


def _next_cue(reader: Reader, quote: Quote) -> tuple[Token, Reference] | None:
    """For a quote with no cue of its own, a cue opening the sentence after it ('“…” She added that …',
    '“…” That is how she put it to X.')."""
    ctx = reader.ctx
    end = quote.span.end + 1
    if "\n\n" in ctx.text[end:end + 3]:
        return None
    while end < len(ctx.text) - 1 and ctx.text[end] in " \t":
        end += 1
    start = _token_at(ctx, min(end, len(ctx.text) - 1))
    if start is None:
        return None
    after = [t for t in ctx.doc[start.i:] if not t.is_space and not t.is_punct]
    if not after or reader.quoted(after[0].idx):
        return None
    sent = after[0].sent
    for verb in sent:
        if verb.i - sent.start > 6:
            break
        reporting = _is_reporting(verb) or (verb.lemma_.lower() == "put" and any(c.lower_ == "it" for c in
                                                                                   verb.children))
        if reporting and not reader.quoted(verb.idx):
            reference = speaker_of(reader, verb)
            if reference.key is not None:
                return verb, reference
    return None


def _passage(reader: Reader, found: list[tuple[Quote, Attribution]], occasions: list[Occasion],
             passage: Passage) -> None:
    """Decide in text order what each quote's frame left open: speaker, outlet, date."""
    previous: tuple[Quote, Attribution] | None = None
    for quote, how in found:
        how.line = reader.line_of(quote.span.start)
        how.section = reader.sections[how.line]
        passage.speaker, passage.unknown = _passage_speaker(previous, how)
        passage.since = previous[0].span.end if previous is not None else 0
        if how.via in ("surname", "pronoun", "epithet", "role"):
            reference = Reference(quote.speaker, how.via, how.candidates, how.gender)
            quote.speaker = _settle(reader, reference, quote.span.start, how.verb, passage)
        if quote.speaker is None and how.via == "post":
            quote.speaker = _poster(reader, quote) or passage.speaker
        if quote.speaker is None and how.via == "nosubject" and not passage.unknown:
            quote.speaker = passage.speaker  # "…, says the second season is …" (the subject left out)
        if quote.speaker is None and how.cue is None and quote.kind == "direct":
            _float(reader, quote, how, previous)
        if quote.outlet is None and not how.own_occasion:
            _inherit(quote, how, occasions, previous)
        if quote.outlet is not None and quote.date is None:
            quote.date = _occasion_date(quote, occasions)
        if quote.date is None and quote.kind == "direct":
            quote.date = _lead_date(reader, quote)
        if quote.date is None and how.current and not how.own_occasion:
            quote.date = reader.published
        if quote.speaker:
            passage.said.append(quote.speaker)
        previous = (quote, how)


def _passage_speaker(previous: tuple[Quote, Attribution] | None, how: Attribution) -> tuple[str | None, bool]:
    """The previous quote's speaker when it is in the same section and at most a few lines back."""
    if previous is None:
        return None, False
    quote, before = previous
    if before.section != how.section or how.line - before.line > CONTINUATION_LINES:
        return None, False
    return quote.speaker, quote.speaker is None and before.via == "unknown"


def _poster(reader: Reader, quote: Quote) -> str | None:
    """Who posted what 'the post read': the subject (or agent) of a sharing verb in the sentences just before."""
    ctx = reader.ctx
    sent = ctx.sentence_of(quote.span.start)
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = ctx.doc[sent.start - 1].sent
        for token in sent:
            if token.lemma_.lower() in POSTING_VERBS | {"announce", "reveal", "confirm"} and \
                    not reader.quoted(token.idx):
                subject = _subject(token)
                reference = _entity_of(ctx, subject) if subject is not None else Reference(None)
                if reference.key is not None:
                    return reference.key
    return None


def _float(reader: Reader, quote: Quote, how: Attribution, previous: tuple[Quote, Attribution] | None) -> None:
    """A quote with no cue: the speaker a headline names ('Mara Quinn: …'), the subject of the sentence that holds an
    embedded quote, the cue of the sentence after a quote that stands alone, else the speaker of the passage."""
    ctx = reader.ctx
    headline = _headline_speaker(reader, quote)
    if headline is not None:
        quote.speaker, how.via = headline, "headline"
        return
    sent = ctx.sentence_of(quote.span.start)
    lead = ctx.text[sent.start_char:quote.span.start - 1].strip(" :—–-")
    if lead and not lead.endswith((".", "!", "?")):
        quote.speaker = _holder(reader, quote)
        first_person = bool(re.search(r"\b(?:I|I['’]\w+|me|my|we|our|us)\b", quote.text))
        if quote.speaker is None and first_person:
            quote.speaker = _passage_speaker(previous, how)[0]  # someone's own words: the passage's speaker
        if previous is not None and previous[1].line == how.line and previous[0].speaker is not None and \
                previous[0].speaker == previous[0].outlet:
            quote.outlet = quote.outlet or previous[0].outlet  # words quoted within an outlet's report
        return
    same_line = previous is not None and previous[1].line == how.line
    nxt = _next_cue(reader, quote)
    if nxt is not None and not same_line:
        verb, reference = nxt
        quote.speaker, how.via, how.cue, quote.cue = reference.key, "next", verb.text.lower(), verb.text.lower()
        sent = verb.sent
        extra = attribute(reader, [(sent.start_char, sent.end_char)], verb)
        quote.outlet = quote.outlet or extra.outlet
        quote.date = quote.date or extra.date
        how.own_occasion, how.current = extra.own_occasion, extra.current
        return
    if previous is None:
        return
    before, before_how = previous
    speaker, unknown = _passage_speaker(previous, how)
    if unknown:
        how.via = "unknown"  # the words of someone named whom no entity holds
    if speaker is None and not same_line:
        return
    quote.speaker, how.via = before.speaker, "continued"
    quote.outlet = quote.outlet or before.outlet
    quote.date = quote.date or before.date
    how.own_occasion, how.current = before_how.own_occasion, before_how.current


HEADLINE_SPEAKER = re.compile(r"^\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*:\s")


def _headline_speaker(reader: Reader, quote: Quote) -> str | None:
    """'Mara Quinn: Leaving the show was “the hardest call”': a line that opens with a person's name and a colon."""
    start, end = reader.lines[reader.line_of(quote.span.start)]
    match = HEADLINE_SPEAKER.match(reader.ctx.text[start:end])
    if match is None:
        return None
    mention = reader.ctx.mention_at(start + match.start("name"), start + match.end("name"))
    return mention.key if mention is not None and reader.ctx.type_of(mention.key) == "person" else None


def _holder(reader: Reader, quote: Quote) -> str | None:
    """For quoted words inside a sentence with no cue ('so she could “focus on other projects”'), the person the
    sentence has as the subject of those words, when they are a verb phrase or clause (a quoted label is not
    speech)."""
    ctx = reader.ctx
    span = ctx.doc.char_span(quote.span.start, quote.span.end, alignment_mode="contract")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    root = span.root
    verb = root if root.pos_ in ("VERB", "AUX") else _governing_verb(root.head)
    for _ in range(3):  # "he still thought it “kept getting better”": up from 'it' to 'he'
        subject = _subject(verb) if verb is not None else None
        reference = _entity_of(ctx, subject) if subject is not None else Reference(None)
        if reference.key and ctx.type_of(reference.key) in PERSON_TYPES:
            return reference.key
        if verb is None or verb.head.i == verb.i or verb.dep_ == "relcl":
            return None  # "the show, which “will follow …”": the show's description, nobody's words
        verb = _governing_verb(verb.head)
    return None


def _inherit(quote: Quote, how: Attribution, occasions: list[Occasion],
             previous: tuple[Quote, Attribution] | None) -> None:
    """The outlet (and date) of the occasion the speaker's words belong to.

    The speaker's latest occasion before the quote; else "she added" carries on the previous quote's occasion;
    else, when the article reports only one occasion for the speaker, that one (a lead often sums up the
    interview it quotes from further down).
    """
    speaker = quote.speaker
    if speaker is not None:
        before = [o for o in occasions if o.start <= quote.span.start and speaker in o.participants]
        if before:
            _take(quote, how, before[-1])
            return
    if previous is not None and how.verb is not None and how.verb.lemma_.lower() in CONTINUING_VERBS:
        prior, prior_how = previous
        if prior.outlet and not prior_how.own_occasion and how.line - prior_how.line <= 1:
            quote.outlet, quote.date = prior.outlet, quote.date or prior.date
            return
    if speaker is not None:
        outlets = {o.outlet for o in occasions if speaker in o.participants}
        if len(outlets) == 1:
            _take(quote, how, next(o for o in occasions if speaker in o.participants))


def _take(quote: Quote, how: Attribution, occasion: Occasion) -> None:
    quote.outlet = occasion.outlet
    if quote.date is None or how.anaphoric_date:
        quote.date = occasion.date or quote.date


def _occasion_date(quote: Quote, occasions: list[Occasion]) -> str | None:
    """A quote given to an outlet without a date of its own ('he told the outlet') takes the date of the latest
    occasion before it with that outlet and speaker."""
    same = [o for o in occasions if o.start <= quote.span.start and o.outlet == quote.outlet and
            (quote.speaker is None or quote.speaker in o.participants)]
    return same[-1].date if same else None


def _lead_date(reader: Reader, quote: Quote) -> str | None:
    """A date that an earlier sentence of the quote's paragraph gives the speaker ('She posted a tribute in March.
    “…,” she wrote.')."""
    ctx = reader.ctx
    start, _ = reader.lines[reader.line_of(quote.span.start)]
    if quote.speaker is None:
        return None
    for sent in ctx.doc.sents:
        if sent.start_char < start or sent.end_char > quote.span.start - 1 or not any(
                m.key == quote.speaker and not reader.quoted(m.start)
                for m in ctx.mentions_in(sent.start_char, sent.end_char)):
            continue
        expr = _date_in(reader, [(sent.start_char, sent.end_char)], sent.root)
        if expr is not None and expr.kind != "anaphoric":
            return expr.value
    return None


# ---------------------------------------------------------------------------------------------------- entry


def find_quotes(ctx: Context, times: list[TimeExpr], published: str | None = None) -> list[Quote]:
    """All quotes of the document in text order, attributed passage by passage."""
    spans = [s for s in find_quoted(ctx.text) if not is_title(ctx.text, s)]
    lines = _lines(ctx.text)
    reader = Reader(ctx, times, published if published is not None else ctx.document.published,
                    find_cues(ctx.doc), lines, _sections(ctx.text, lines, spans),
                    [(s.open_at, (s.close_at if s.close_at is not None else s.end) + 1) for s in spans])
    _name_speakers(reader)
    clauses = reported_clauses(reader)
    spans, clauses = merge_spans(ctx.doc, spans, clauses)
    found = direct_quotes(reader, spans) + indirect_quotes(reader, clauses)
    taken = [(q.span.start, q.span.end) for q, _ in found]
    answers = qa_quotes(reader)
    found += [(q, how) for q, how in answers if not any(s < q.span.end and q.span.start < e for s, e in taken)]
    found.sort(key=lambda qa: qa[0].span.start)
    passage = Passage(None, False, 0, _speaking_subjects(reader),
                      Counter(m.key for m in ctx.mentions if m.kind in ("name", "alias")), [])
    _passage(reader, found, _occasions(reader, answers, passage), passage)
    return [q for q, _ in found]

