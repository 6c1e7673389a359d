"""Timeline events: one record per dated happening — exits, airings, premieres, renewals, posts, deaths …

An event is a dated clause. Its date is the resolved value of the date expression, its participants
the entities its sentence names (pronouns resolved; when it names none but refers back or says what
aired, those of the sentence before), its type the trigger words of `lexicon.EVENT_TRIGGERS` in the
date's clause, near the date, or in the sentence. What dates nothing new is left out: anaphoric dates
("at the time"), spans of years ("from 1973 to 1978": a run, not a happening), a year before a noun
that is no happening ("the 2025 episodes") or before one the text dates more precisely elsewhere
("since his 2022 exit" after "announced in August 2022 that he was leaving"), hypotheticals ("if you
have yet to watch it tonight"), and dates inside quotation marks that do not state their year ("last
Tuesday"), which count from when the words were said. A clause coordinated with the dated one, with
a trigger of another type and no date of its own ("canceled in May 2018 but picked up by NBC"), is a
second event on that date. The same happening told in two sentences (a summary bullet, then the body)
is one event with both sentences as evidence.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..document import Event, Span
from ..kb.text import summary_of
from ..lexicon import AIRING_FORMS, EVENT_TRIGGERS, HAPPENING_NOUNS
from .context import Context, inside
from .time import TimeExpr, modified_noun, verb_above

PARTICIPANT_TYPES = ("person", "character", "show", "episode", "organization", "outlet", "franchise", "network",
                     "place")
# Types of event a sentence may tell without naming who or what ("the finale aired on January 1").
UNNAMED_TYPES = frozenset({"episode_aired", "return", "renewed", "cancelled", "filming"})
# A sentence that opens on a reference back ("These accusations …", "The season …", "However, it was …")
# continues the sentence before it.
REFERS_BACK = re.compile(r"^\W*(?:(?:however|but|and|so|still|then|now|meanwhile),?\s+)?"
                         r"(?:the|this|that|these|those|its|their|his|her|it|they|he|she)\b", re.I)
# Sentences back that a sentence naming nobody may take its participants from.
CARRY_BACK = 3
_AIRING = "|".join(sorted((re.escape(f) for f in AIRING_FORMS), key=len, reverse=True))
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(source.replace("{airing}", _AIRING), re.I))
                                               for kind, source in EVENT_TRIGGERS]
NEAR_DATE = 70  # characters either side of a date that decide its event's type after its own clause
# A clause that opens with one of these supposes rather than tells.
HYPOTHETICAL = re.compile(r"(?:^|[,;:—–-]\s*)[“\"‘']?(?:if|unless|whether|in case)\b[^,;:]*$", re.I)


def trigger(text: str) -> str | None:
    """The first event type whose trigger words the text holds."""
    for kind, pattern in TRIGGERS:
        if pattern.search(text):
            return kind
    return None


def event_type(sentence: str, date_at: int, clause: str | None = None) -> str:
    near = sentence[max(0, date_at - NEAR_DATE):date_at + NEAR_DATE]
    for text in (clause, near, sentence):
        kind = trigger(text) if text else None
        if kind:
            return kind
    return "mention"


def dates_a_happening(expr: TimeExpr, text: str) -> bool:
    """Whether a resolved date expression tells when something happened (see the module doc)."""
    if not expr.value or expr.kind in ("anaphoric", "range"):
        return False
    if expr.quoted and not expr.explicit:
        return False
    if expr.modifier:
        return modified_noun(text, expr.end) in HAPPENING_NOUNS
    return True


def _clause(verb: Token | None) -> str | None:
    """The words of a verb's clause without the clauses coordinated with it."""
    if verb is None:
        return None
    skip = {t.i for c in verb.conjuncts if c.i > verb.i for t in c.subtree}
    return " ".join(t.text for t in verb.subtree if t.i not in skip)


def _verb_words(verb: Token, dated: Token) -> str:
    """A verb with its particle and the verbs coordinated with it but the dated one: 'picked up and revived'."""
    words = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    for other in verb.conjuncts:
        if other.i != dated.i:
            words += [other, *(c for c in other.children if c.dep_ == "prt")]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _carried(ctx: Context, start: int) -> list[str]:
    """Participants of the nearest sentence before that has any (a few back at most); else the last show named."""
    sentence = ctx.sentence_of(start)
    for _ in range(CARRY_BACK):
        if sentence.start == 0:
            break
        sentence = ctx.doc[sentence.start - 1].sent
        found = _participants(ctx, sentence.start_char, sentence.end_char, False)
        if found:
            return found
    shows = [m.key for m in ctx.mentions_in(0, start) if ctx.type_of(m.key) == "show"]
    return shows[-1:]


def find_events(ctx: Context, times: list[TimeExpr]) -> list[Event]:
    """One event per dated happening; a happening told again in another sentence adds its evidence (same key)."""
    events: list[Event] = []
    verbs: dict[int, int] = {}  # event index -> the verb its date hangs on
    valued = [t for t in times if t.value]
    for expr in sorted(times, key=lambda t: t.modifier):  # "since his 2022 exit" last: it may refer back
        if not dates_a_happening(expr, ctx.text):
            continue
        sentence = ctx.sentence_span(expr.start)
        start, end = sentence.start, sentence.end
        text = ctx.text[start:end]
        if HYPOTHETICAL.search(text[:expr.start - start]):
            continue
        span = ctx.doc.char_span(expr.start, expr.end, alignment_mode="expand")
        verb = verb_above(span.root) if span is not None and len(span) else None
        kind = event_type(text, expr.start - start, _clause(verb))
        participants = _participants(ctx, start, end, expr.quoted)
        if not participants and (kind in UNNAMED_TYPES or REFERS_BACK.match(text)):
            participants = _carried(ctx, start)
        if not participants:
            continue
        found = [(kind, participants)]
        for other in (verb.conjuncts if verb is not None else ()):
            span_start, span_end = other.left_edge.idx, other.right_edge.idx + len(other.right_edge)
            if other.pos_ != "VERB" or any(span_start <= t.start < span_end for t in valued):
                continue
            second = trigger(_verb_words(other, verb))
            if second and second != kind:
                found.append((second, participants))
        for index, (kind_found, people) in enumerate(found):
            event = Event(kind_found, expr.value, list(people), summary_of(text), Span(start, end))
            if expr.modifier and _dated_finer(events, event):
                continue
            _add(events, event, index > 0, verbs, verb)
    return sorted(events, key=lambda e: e.evidence.start)


def _dated_finer(events: list[Event], event: Event) -> bool:
    """Whether the article dates this year's happening more precisely elsewhere (a shared participant, a finer date)."""
    return any(e.date and event.date and len(e.date) > len(event.date) and e.date.startswith(event.date)
               and set(e.participants) & set(event.participants) for e in events)


def _participants(ctx: Context, start: int, end: int, quoted: bool) -> list[str]:
    """Entities the sentence names (inside quotation marks only for a date that is itself quoted), people first."""
    participants: list[str] = []
    for m in ctx.mentions_in(start, end):
        if ctx.type_of(m.key) in PARTICIPANT_TYPES and (quoted or not inside(ctx.quote_ranges, m.start)) \
                and m.key not in participants:
            participants.append(m.key)
    participants.sort(key=lambda key: (ctx.type_of(key) not in ("person", "character"), ctx.type_of(key) == "place"))
    return participants if any(ctx.type_of(key) != "place" for key in participants) else []


def _add(events: list[Event], event: Event, coordinated: bool = False, verbs: dict[int, int] | None = None,
         verb: Token | None = None) -> None:
    """Add an event, or tell an earlier one again: the same date (and, for a year, the same type) and a shared
    participant in another sentence.

    In one sentence a date makes one event, and a second only for a coordinated clause of another type; two
    dates of one happening ("next week … which airs Nov. 12") keep the finer. `verbs` maps an event's index
    to the verb its date hangs on, to tell coordinated clauses apart.
    """
    verbs = verbs if verbs is not None else {}
    if any(e.evidence == event.evidence and e.date == event.date and (e.type == event.type or not coordinated)
           for e in events):
        return
    for index, known in enumerate(events):
        if known.evidence != event.evidence or coordinated or not _nested(known.date, event.date) \
                or _coordinated(verbs.get(index), verb):
            continue
        if len(event.date or "") > len(known.date or ""):
            events[index] = Event(known.type, event.date, known.participants, known.summary, known.evidence)
        return
    for known in events:
        if known.date != event.date or not set(known.participants) & set(event.participants) \
                or known.evidence == event.evidence or (len(event.date or "") == 4 and known.type != event.type):
            continue  # in a year, two kinds of happening are two happenings
        merged = known.participants + [p for p in event.participants if p not in known.participants]
        events.append(Event(known.type, known.date, merged, known.summary, event.evidence))
        return
    if verb is not None:
        verbs[len(events)] = verb.i
    events.append(event)


def _nested(first: str | None, second: str | None) -> bool:
    """Two different dates, one inside the other ('2019-11' and '2019-11-12')."""
    return bool(first and second and first != second and (first.startswith(second) or second.startswith(first)))


def _coordinated(known: int | None, verb: Token | None) -> bool:
    """Whether two dates hang on coordinated verbs ('was renewed in January, and production begins this summer')."""
    return known is not None and verb is not None and known != verb.i and known in {t.i for t in verb.conjuncts}
