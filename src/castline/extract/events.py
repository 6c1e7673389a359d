"""Timeline events: what happened on a date the text gives — exits, airings, interviews, posts, directing.

An event is a dated sentence outside quotation marks: its participants are
the entities it names (pronouns resolved), its type comes from trigger words
near the date. Anaphoric dates ("at the time") point at an event already
told and year adjectives ("his 2022 exit") date nothing new, so neither
makes an event.
"""

from __future__ import annotations

import re

from ..document import Event, Span
from ..kb.text import summary_of
from .context import Context, inside
from .time import TimeExpr

PARTICIPANT_TYPES = ("person", "character", "show", "episode", "organization", "outlet", "franchise", "network")
# Checked in order, first near the date and then in the whole sentence.
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("exit_announced", re.compile(r"\b(?:announc|confirm|reveal)\w*\b.*\b(?:leav|exit|depart|walk\w* away)", re.I)),
    ("written_off", re.compile(r"\bwritten off\b|\bwrite\w* (?:him|her|them) off\b|\bkilled off\b", re.I)),
    ("exit", re.compile(r"\b(?:leav(?:e|es|ing)|left|exit\w*|depart\w*|walk\w* away|farewell|goodbye)\b", re.I)),
    ("directing", re.compile(r"\bdirect(?:s|ed|ing|or|orial)?\b", re.I)),
    ("episode_aired", re.compile(r"\b(?:air(?:ed|s|ing)?|hit screens|premier\w*|broadcast|debut(?:ed|s)?)\b", re.I)),
    ("union_action", re.compile(r"\b(?:picket\w*|strike\w*|union|SAG-AFTRA|WGA|solidarity)\b", re.I)),
    ("social_post", re.compile(r"\b(?:Instagram|Twitter|TikTok|Facebook|social media|post(?:ed|s)?|caption\w*|"
                               r"tweet\w*|tribute|selfie|photos?)\b", re.I)),
    ("interview_published", re.compile(r"\b(?:interview\w*|told|spoke|speaking|cover story|podcast|published|"
                                       r"sat down|chatted)\b", re.I)),
    ("return", re.compile(r"\b(?:return\w*|comeback|back to)\b", re.I)),
    ("joined_show", re.compile(r"\b(?:join\w*|cast as|cast in|signed on|boarded)\b", re.I)),
    ("married", re.compile(r"\b(?:married|wedding|wed)\b", re.I)),
    ("renewed", re.compile(r"\brenew\w*\b", re.I)),
    ("cancelled", re.compile(r"\bcancel\w*\b", re.I)),
]
NEAR_DATE = 70  # characters either side of a date that decide its event's type first


def event_type(sentence: str, date_at: int) -> str:
    near = sentence[max(0, date_at - NEAR_DATE):date_at + NEAR_DATE]
    for text in (near, sentence):
        for kind, pattern in TRIGGERS:
            if pattern.search(text):
                return kind
    return "mention"


def find_events(ctx: Context, times: list[TimeExpr]) -> list[Event]:
    """One event per dated sentence and date; the same type, date and subject in one article is told once."""
    events: list[Event] = []
    seen: set[tuple] = set()
    for expr in times:
        if not expr.value or expr.modifier or expr.kind == "anaphoric" or inside(ctx.quote_ranges, expr.start):
            continue
        sentence = ctx.sentence_span(expr.start)
        start, end = sentence.start, sentence.end
        participants: list[str] = []
        for m in ctx.mentions_in(start, end):
            if ctx.type_of(m.key) in PARTICIPANT_TYPES and not inside(ctx.quote_ranges, m.start) \
                    and m.key not in participants:
                participants.append(m.key)
        if not participants:
            continue
        participants.sort(key=lambda key: ctx.type_of(key) not in ("person", "character"))
        kind = event_type(ctx.text[start:end], expr.start - start)
        key = (kind, expr.value, participants[0])
        if key in seen:
            continue
        seen.add(key)
        events.append(Event(kind, expr.value, participants, summary_of(ctx.text[start:end]), Span(start, end)))
    return events
