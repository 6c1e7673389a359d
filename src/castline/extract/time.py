"""Dates in an article: its publication date solved from all its temporal evidence, every date expression resolved.

The publication date is the tightest interval the evidence allows, narrowed clue by clue in order of
strength: the header, a dateline, the URL, then the text — a day it pins ("aired yesterday,
December 16"), dated past events (the article is on or after them), dated future events (on or
before them), and the habit of naming a weekday only for a day of the week just gone ("died on
Sunday"). A clue that conflicts with the stronger ones before it is set aside. The date is
reported at the precision the interval pins — a day, a month, a year — with the clues that decided
it; with past events alone it is only a guess (the year of the latest), and says so.

Relative and partial dates ("last week", "on Monday", "in March", "two years later") are then
resolved against that interval, or against the last date of the same paragraph, and stay unresolved
when the evidence cannot date them. A month stays a month and a year a year; no day is ever invented.
Numbers that are not dates ("season 10", "38", "10 p.m.") never match.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Token

from ..ingest.metadata import find_datelines, iso_bounds, url_date
from ..lexicon import (
    AIRING_FORMS,
    AIRING_VERBS,
    FUTURE_MARKERS,
    HAPPENING_NOUNS,
    NUMBER_WORDS,
    SCHEDULE_VERBS,
    VAGUE_AMOUNT_WORDS,
)
from .context import inside, quoted_ranges

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}
WEEKDAYS |= {"tues": 1, "thurs": 3}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday" \
           r"|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?"
_FULL_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_AMOUNT = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_SEASONS = r"spring|summer|fall|autumn|winter"
_YEAR_PREPS = r"in|since|by|until|during|from|before|after|early|late|mid|mid-|throughout|around|through|into|" \
              r"(?:end|start|beginning|middle|half|spring|summer|fall|autumn|winter|class)\s+of"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("range", re.compile(r"\b(?:between\s+(?P<year>(?:19|20)\d{2})\s+and|(?:from\s+)?(?P<y1>(?:19|20)\d{2})\s*"
                         r"(?:[-–—]|to|until|through))\s*(?P<year2>(?:19|20)?\d{2})\b(?!\s*(?:p\.?m|a\.?m|:))")),
    ("date", re.compile(rf"\b(?:{_WEEKDAY},?\s+(?P<paren>\()?)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                        rf"(?!\s*(?:p\.?m|a\.?m|:|%))(?:,?\s+{_YEAR}\b)?(?(paren)\))")),
    ("date", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
                        rf"(?:,?\s+{_YEAR})?")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("season", re.compile(rf"\b(?:(?:early|late|mid)[- ])?(?:{_SEASONS})\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("month", re.compile(rf"(?:\b(?P<prep>(?i:in|since|by|until|through|from|last|this|next|early|late|mid|mid-|"
                         rf"during|before|after|that))\s+){_MONTH}\b(?!\s*\d)")),
    ("month", re.compile(r"\b(?P<month>January|February|April|June|July|August|September|October|November|December)"
                         r"\b(?!\s*\d)")),
    ("year", re.compile(rf"\b(?P<prep>(?i:{_YEAR_PREPS}))\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?{_YEAR}\b"
                        r"(?!['’]s)(?!\s*[-–]\s*\d)")),
    ("year", re.compile(rf"(?<![\w$#-]){_YEAR}(?![\w-])(?!\s*(?:p\.?m|a\.?m))")),
    ("relative", re.compile(rf"\b{_AMOUNT}\s+(?:of\s+)?(?P<unit>day|week|month|year|decade)s?\s+"
                            r"(?P<dir>ago|later|earlier)\b", re.I)),
    ("relative", re.compile(r"\bthe\s+(?P<dir>following|next)\s+(?P<unit>day|week|month|year)\b", re.I)),
    ("relative", re.compile(r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>this\s+past|this|last|next|past)\s+"
                            rf"(?P<unit>week|weekend|month|year|{_SEASONS})\b", re.I)),
    ("relative", re.compile(rf"\b(?:in|during|by|until)\s+(?P<which>the)\s+(?:(?P<edge>early|late)\s+)?"
                            rf"(?P<unit>{_SEASONS})\b(?!\s+(?:of\s+)?(?:19|20)\d\d)", re.I)),
    ("relative", re.compile(r"\b(?P<part_of>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)\b"
                            r"|\b(?P<day_word>today|tonight|yesterday|tomorrow)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<prep>(?i:on|last|this|next|since|until|by|from|early|late))\s+)?"
                           rf"{_FULL_WEEKDAY}\b"
                           r"(?P<part>\s+(?:night|morning|afternoon|evening))?(?:['’]s)?(?!,?\s+(?:\()?"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")),
    ("anaphoric", re.compile(r"\b(?:at|around|by)\s+the\s+time\b(?!\s+(?:of\s+writing|of\s+publication|being))"
                             r"|\bthat\s+(?:day|week|month|year)\b", re.I)),
]
# Words a clause may end with before a date in the future tense, and the scheduling present of airing verbs.
FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_MARKERS) + "|"
                    + "|".join(re.escape(forms[1]) for forms in AIRING_VERBS.values()) + r")(?=\W|$)", re.I)
# A past-tense verb in the clause before a date, when no parse says more: regular -ed forms and the common irregulars.
PAST = re.compile(r"\b(?:\w{2,}ed|was|were|had|did|left|told|said|won|began|made|took|came|went|saw|wrote|spoke|"
                  r"ran|got|became|met|quit|shot|hit|sat|gave|knew|found|lost|held|brought|felt|kept)\b", re.I)
# A date introduced by one of these is where something is aimed, not when it happened.
TOWARD = re.compile(r"\b(?:to|until|till|into|through)\s+(?:(?:at\s+least|as\s+late\s+as|early|late|mid|"
                    r"the\s+(?:end|start)\s+of)[\s-]+)?$", re.I)
# Dependencies of a participle that hangs on a clause ("…, premiering Thursday"); a gerund ("of getting") does not.
CLAUSE_DEPS = frozenset({"advcl", "acl", "relcl", "xcomp", "conj", "ccomp"})
FUTURE_AUX = frozenset({"will", "wo", "'ll", "’ll", "shall"})
# A weekday names a day of the week before the article ("on Wednesday, February 22", "died on Sunday").
WEEKDAY_WINDOW = 6
# How far from its one known bound a year-less weekday date may be sought (a weekday date repeats every few years).
YEAR_AHEAD = 400
# What may stand between a relative phrase and the date it explains: "yesterday, December 16", "this month (March)".
ANCHOR_GAP = re.compile(r"[\s,(—–-]*(?:(?:on|in|of|back in)\s+)?")
# "in the ten seasons since its 2013 premiere"
SEASONS_SINCE = re.compile(rf"\b{_AMOUNT}\s+seasons?\s+since\s+(?:(?:its|the\s+show['’]s|the\s+series['’]?)\s+)?"
                           rf"{_YEAR}\b", re.I)
# First and last month of the seasons that stay inside one year ("in the fall" of which year).
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
# Day- and week-level phrases: against an article known only to the month they date that month.
DAY_UNITS = frozenset({"day", "week", "weekend"})


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str  # iso, range, date, month, season, year, relative, weekday, anaphoric
    fields: dict[str, Any]  # year, month, day, weekday as written; n, unit, dir, which … for relative ones
    value: str | None = None  # ISO at the precision the text supports
    modifier: bool = False  # "his 2022 exit": a year used as an adjective
    tense: str | None = None  # "past" or "future" when the clause says so
    quoted: bool = False  # inside quotation marks: relative to when the words were said, not to the article

    @property
    def explicit(self) -> bool:
        """The expression states its own year ("August 2022", "2017"), so it needs no reference date."""
        return self.kind in ("iso", "date", "month", "season", "year") and self.fields.get("year") is not None


@dataclass(frozen=True)
class When:
    """A calendar point at some precision; `day` and `month` are None when unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, iso: str | None) -> When | None:
        if not iso:
            return None
        parts = [int(p) for p in iso.split("-")]
        return cls(*parts)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        if self.day:
            return self.first()
        if self.month:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)


def at_precision(low: date, high: date) -> str | None:
    """The finest ISO value (day, month, year) that holds every day from low to high, if any."""
    if low == high:
        return low.isoformat()
    if (low.year, low.month) == (high.year, high.month):
        return f"{low.year:04d}-{low.month:02d}"
    if low.year == high.year:
        return f"{low.year:04d}"
    return None


# ---- scanning ----------------------------------------------------------------------------------------------

def scan(text: str) -> list[TimeExpr]:
    """Every date expression in the text, longest first where they overlap, in text order, unresolved."""
    found: list[TimeExpr] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            expr = _expr(kind, match, text)
            if expr is None or any(expr.start < f.end and f.start < expr.end for f in found):
                continue
            found.append(expr)
    quotes = quoted_ranges(text)
    for expr in found:
        expr.quoted = inside(quotes, expr.start)
    return sorted(found, key=lambda f: f.start)


def _expr(kind: str, match: re.Match[str], text: str) -> TimeExpr | None:
    """One match as an expression (prepositions left out of its span), or None when it is no date here."""
    groups = match.groupdict()
    start, end = match.span()
    prep = (groups.get("prep") or "").lower()
    if prep and kind in ("month", "year", "weekday"):
        keep = {"month": ("last", "this", "next", "early", "late", "mid", "mid-", "that"),
                "weekday": ("last", "this", "next"), "year": ("early", "late", "mid", "mid-")}[kind]
        if prep not in keep:
            start = match.start({"month": "month", "year": "year", "weekday": "weekday"}[kind])
    if kind == "relative" and groups.get("n") and groups.get("dir") == "ago":
        before = re.findall(r"[a-z]+", text[max(0, start - 25):start].lower())[-2:]
        if VAGUE_AMOUNT_WORDS & set(before) or groups["n"].lower() in ("few", "several"):
            return None  # "less than two weeks ago" dates nothing
    if kind in ("relative", "weekday") and not _is_time_word(kind, text, start, match):
        return None
    expr = TimeExpr(start, end, text[start:end], kind, _fields(kind, match))
    if kind == "year" and not prep:
        if not _modifies_a_noun(text, start, end):
            return None
        expr.modifier = True
    return expr


def _is_time_word(kind: str, text: str, start: int, match: re.Match[str]) -> bool:
    """'Today' the programme and 'Friday Night Frights' are names, not dates: capitalised inside a name or sentence."""
    lead = text[max(0, start - 40):start]
    if kind == "weekday":
        if not match.group("part") and re.match(r"\s+[A-Z]", text[match.end():]):
            return False  # "Friday Night Frights", "Monday Night Mayhem"
        previous = re.search(r"[A-Z][\w’'-]*\s+$", lead)
        return bool(match.group("prep")) or not previous or _sentence_start(lead[:previous.start()])
    first = text[start:match.end()].split()[0]
    return first not in ("Today", "Tonight") or _sentence_start(lead)  # "appeared on Today", "The Tonight Show"


def _sentence_start(lead: str) -> bool:
    return not lead.strip() or bool(re.search(r"(?:[.!?:;”\"’)\]]|^|\n)\s*[“\"‘']?\s*$", lead))


def _modifies_a_noun(text: str, start: int, end: int) -> bool:
    """'the 2017 awards', "2011's film": a bare year before a noun modifies it; any other bare number is no date."""
    after = text[end:end + 40]
    before = text[max(0, start - 30):start]
    if re.search(r"(?:season|episode|no\.|number|chapter|vol\.?|part|phase|room|#|\$)\s*$", before, re.I):
        return False
    previous = re.search(r"([A-Za-z][\w’'-]*)\s+$", before)
    if previous and previous.group(1)[0].isupper() and not _sentence_start(before[:previous.start()]) \
            and previous.group(1).lower() not in ("the", "a", "his", "her", "their", "its", "our", "my", "your"):
        return False  # "Harbor City 2049": part of a title
    if re.match(r"['’]s\b", after):
        return True
    if re.match(r"\s+(?:and|or|to|when|as|through)\b", after):
        return False
    return bool(re.match(r"\s+(?:[a-z]|[A-Z]|[“\"‘])", after))


def _fields(kind: str, match: re.Match[str]) -> dict[str, Any]:
    """Year, month, day and weekday as written (None where the text leaves them out), or a relative phrase's parts."""
    groups = match.groupdict()
    if kind == "iso":
        return {"year": int(groups["year"]), "month": int(groups["m"]), "day": int(groups["d"]), "weekday": None}
    if kind == "range":
        first = int(groups.get("year") or groups["y1"])
        second = groups["year2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return {"year": None, "from": first, "to": last, "month": None, "day": None, "weekday": None}
    if kind == "relative":
        n = groups.get("n")
        amount = None if n is None else int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
        which = (groups.get("which") or "").lower().split()
        return {"n": amount, "unit": (groups.get("unit") or "").lower(), "dir": (groups.get("dir") or "").lower(),
                "which": which[-1] if which else "", "this_past": len(which) > 1,
                "edge": (groups.get("edge") or "").lower(), "day_word": _day_word(groups),
                "year": None, "month": None, "day": None, "weekday": None}
    return {"year": int(groups["year"]) if groups.get("year") else None,
            "month": MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None,
            "day": int(groups["day"]) if groups.get("day") else None,
            "weekday": WEEKDAYS[groups["weekday"].lower().rstrip(".")] if groups.get("weekday") else None,
            "prep": (groups.get("prep") or "").lower()}


def _day_word(groups: dict[str, str | None]) -> str | None:
    """today, yesterday or tomorrow for 'tonight', 'last night', 'this evening', 'tomorrow morning' …"""
    word = (groups.get("day_word") or groups.get("part_of") or "").lower()
    if not word:
        return None
    if word == "last" or word == "yesterday":
        return "yesterday" if groups.get("part") or word == "yesterday" else None
    return {"tonight": "today", "this": "today"}.get(word, word)


def modified_noun(text: str, end: int) -> str | None:
    """The noun a year before it modifies: 'the 2017 Harbor Drama Awards' -> awards, 'his 2022 exit' -> exit."""
    after = text[end:end + 80]
    if re.match(r"['’]s\b", after):
        return None  # "2011's film": a work of that year
    after = re.sub(r"^\s*[“\"‘][^”\"’]{0,40}[”\"’]", "", after)  # a quoted title between year and noun
    words = re.findall(r"[A-Za-z][\w’'-]*|[^\w\s]", after)
    noun = None
    for word in words[:6]:
        if not word[0].isalpha():
            break
        if word[0].isupper():
            noun = word.lower()  # a capitalised name: its last word is its head ("Drama Awards")
            continue
        return word.lower() if noun is None else noun
    return noun


def _valid(year: int, month: int, day: int | None) -> bool:
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def weekday_years(month: int, day: int, weekday: int, near: int, spread: int = 12) -> list[int]:
    """The years near `near` in which month/day falls on the weekday."""
    return [y for y in range(near - spread, near + spread + 1)
            if _valid(y, month, day) and date(y, month, day).weekday() == weekday]


# ---- tense -------------------------------------------------------------------------------------------------

def tense_of(expr: TimeExpr, text: str, doc: Doc | None = None) -> str | None:
    """'past' or 'future' when the clause around a date says so (tense, schedules, airing verbs), else None."""
    if expr.kind == "relative" and expr.fields["dir"] == "ago":
        return "past"
    before = _clause_before(text, expr.start)
    if re.search(r"\bsince\s*$", before, re.I):
        return "past"
    if TOWARD.search(before):
        return None  # "pushed back to late 2020": a past verb aims at a later date
    if doc is not None:
        found = _parsed_tense(doc, expr.start, expr.end)
        if found:
            return found
    if FUTURE.search(before):
        return "future"
    if doc is None and PAST.search(before):
        return "past"
    return None


def _parsed_tense(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = verb_above(span.root) if span is not None and len(span) else None
    while verb is not None:
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in aux):
            return "future"
        head = verb.head
        if verb.dep_ == "xcomp" and (_schedules(head) or (head.lemma_ == "go" and head.tag_ == "VBG")):
            return "future"  # "is set to air", "is going to return"
        if _schedules(verb) and verb.tag_ == "VBN" and any(a.lemma_ == "be" for a in aux):
            return "future"  # "was slated for Aug. 12"
        if verb.tag_ in ("VBZ", "VBP") and verb.lower_ in AIRING_FORMS:
            return "future"  # "premieres on October 7"
        if verb.tag_ == "VBD":
            return "past"
        if (verb.tag_ == "VBN" and any(a.lemma_ in ("have", "be") for a in aux)) or any(a.tag_ == "VBD" for a in aux):
            return "past"  # "has aired", "was renewed", "didn't see", "was leaving"
        if verb.tag_ in ("VBG", "VBN") and not aux and verb.dep_ in CLAUSE_DEPS:
            verb = verb_above(verb.head)  # a participle takes the tense of the clause it hangs on
            continue
        return None
    return None


def _schedules(verb: Token) -> bool:
    return verb.lemma_ in SCHEDULE_VERBS or verb.lower_ in SCHEDULE_VERBS


def verb_above(token: Token) -> Token | None:
    """The nearest verb at or above a token in the parse."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX"):
        if token.head is token or seen > 12:
            return None
        token, seen = token.head, seen + 1
    return token


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 60):start]
    return re.split(r"[.;!?](?=\s+[A-Z“\"])|\n", window)[-1]


# ---- the publication date ----------------------------------------------------------------------------------

@dataclass
class Clue:
    """One piece of evidence about the publication date: the dates it allows and the words that say so."""

    source: str  # header, dateline, url, text
    rule: str  # stated, updated, pinned by, on or after (a past event), on or before (a future one), within a week
    # after (a weekday named)
    value: str  # the date the clue names, ISO at its precision
    text: str
    low: date | None  # earliest publication date it allows
    high: date | None  # latest
    start: int | None = None  # offsets in the article text, when the clue is in it
    end: int | None = None
    used: str = "agrees"  # decided (it narrowed the date), agrees, or set aside (it conflicts with stronger clues)

    def record(self) -> dict[str, Any]:
        return {"source": self.source, "rule": self.rule, "value": self.value, "text": self.text,
                "start": self.start, "end": self.end, "used": self.used}


@dataclass
class Published:
    """The publication date: an interval, its value at the precision the interval pins, and the clues behind it.

    `pinned` is False when the value is only a guess (past events give a lower bound and nothing
    closes it): relative dates are not resolved against a guess.
    """

    value: str | None = None
    low: date | None = None
    high: date | None = None
    pinned: bool = False
    inferred: bool = False
    clues: list[Clue] = field(default_factory=list)

    @classmethod
    def given(cls, iso: str | None) -> Published:
        """A publication date known from elsewhere (a header, a test)."""
        if not iso:
            return cls()
        low, high = iso_bounds(iso)
        return cls(iso, low, high, True, False)

    def evidence(self) -> list[dict[str, Any]]:
        """The clues worth showing: the sources, and every text clue that decided the date or was set aside."""
        return [c.record() for c in self.clues if c.source != "text" or c.used != "agrees"]


def solve_published(text: str, header: str | None = None, url: str | None = None, doc: Doc | None = None,
                    exprs: list[TimeExpr] | None = None) -> Published:
    """The publication date from the header, datelines, URL and text, narrowed clue by clue (see module doc)."""
    exprs = exprs if exprs is not None else _tensed(scan(text), text, doc)
    clues: list[Clue] = []
    if header:
        clues.append(Clue("header", "stated", header, header, *iso_bounds(header)))
    lines = find_datelines(text)
    has_published = any(line.role == "published" for line in lines)
    for line in lines:
        rule = "updated" if line.role == "updated" and has_published else "stated"
        low, high = iso_bounds(line.value)
        clues.append(Clue("dateline", rule, line.value, text[line.start:line.end], None if rule == "updated" else low,
                          high, line.start, line.end))
    from_url = url_date(url)
    if from_url:
        clues.append(Clue("url", "stated", from_url[0], from_url[1], *iso_bounds(from_url[0])))
    clues += _anchors(text, exprs, None, None)
    clues += _event_bounds(exprs, text)
    low, high = _narrow(clues, None, None)
    later = _anchors(text, exprs, low, high, year_less=True) + _seasons_since(text) + _weekday_clues(exprs, low, high)
    low, high = _narrow(later, low, high)
    value, pinned = _report(low, high)
    return Published(value, low, high, pinned, not header or value != header, clues + later)


def _tensed(exprs: list[TimeExpr], text: str, doc: Doc | None) -> list[TimeExpr]:
    for expr in exprs:
        expr.tense = tense_of(expr, text, doc)
    return exprs


def _narrow(clues: list[Clue], low: date | None, high: date | None) -> tuple[date | None, date | None]:
    """Apply clues in order; one that would leave no possible date is set aside."""
    for clue in clues:
        new_low = max(d for d in (low, clue.low) if d) if low or clue.low else None
        new_high = min(d for d in (high, clue.high) if d) if high or clue.high else None
        if new_low and new_high and new_low > new_high:
            clue.used = "set aside"
            continue
        clue.used = "decided" if (new_low, new_high) != (low, high) else "agrees"
        low, high = new_low, new_high
    return low, high


def _report(low: date | None, high: date | None) -> tuple[str | None, bool]:
    """The value at the precision the interval pins; with only a lower bound (or a wide interval) a guess: the year
    of the latest past event. Future events alone guess nothing: they are announced any time ahead."""
    if low and high:
        value = at_precision(low, high)
        if value:
            return value, True
    if low:
        return f"{low.year:04d}", False
    return None, False


def _anchors(text: str, exprs: list[TimeExpr], low: date | None, high: date | None,
             year_less: bool = False) -> list[Clue]:
    """A relative phrase next to a date pins the article against it: 'aired yesterday, December 16' (the day after),
    'earlier this month, on March 3' (that month), 'last year, in October 2022' (the year after)."""
    clues = []
    for index, expr in enumerate(exprs):
        if expr.kind != "relative" or expr.quoted or expr.fields["dir"] or not (
                expr.fields.get("day_word") or expr.fields["unit"] in ("week", "month", "year")):
            continue
        for other in exprs[max(0, index - 1):index + 2]:
            gap = text[min(other.end, expr.end):max(other.start, expr.start)]
            if other is expr or other.kind not in ("date", "iso", "month") or other.quoted \
                    or not ANCHOR_GAP.fullmatch(gap) or (other.fields["year"] is None) != year_less:
                continue
            fields = other.fields
            years = [fields["year"]] if fields["year"] else _years_between(low, high)
            spans = [span for y in years if _valid(y, fields["month"], fields["day"])
                     for span in [_pinned_by(expr.fields, When(y, fields["month"], fields["day"]))] if span]
            spans = [(a, b) for a, b in spans if (not low or b >= low) and (not high or a <= high)]
            if len(spans) == 1:
                start, end = min(expr.start, other.start), max(expr.end, other.end)
                value = at_precision(*spans[0]) or spans[0][0].isoformat()
                clues.append(Clue("text", "pinned by", value, text[start:end], *spans[0], start, end))
    return clues


def _pinned_by(fields: dict[str, Any], when: When) -> tuple[date, date] | None:
    """The publication dates that make a relative phrase mean the given date."""
    if fields.get("day_word"):
        if when.day is None:
            return None
        day = when.first() + timedelta(days={"today": 0, "yesterday": 1, "tomorrow": -1}[fields["day_word"]])
        return day, day
    step = {"last": 1, "past": 1, "next": -1}.get(fields["which"], 0)
    unit = fields["unit"]
    if unit == "year":
        low, high = date(when.year + step, 1, 1), date(when.year + step, 12, 31)
    elif unit == "month" and when.month:
        low, high = _month_span(when.first(), step)
    elif unit == "week" and when.day:
        before, after = {0: (-6, 6), 1: (1, 13), -1: (-13, -1)}[step]  # days from the date to the article
        low, high = when.first() + timedelta(days=before), when.first() + timedelta(days=after)
    else:
        return None
    if fields["edge"] == "earlier" and step == 0:
        low = max(low, when.first())  # it happened earlier this year: the article is after it
    return low, high


def _seasons_since(text: str) -> list[Clue]:
    """'ten seasons since its 2013 premiere': a yearly season each, so the article is in its last season's year."""
    clues = []
    for match in SEASONS_SINCE.finditer(text):
        count = match.group("n").lower()
        n = int(count) if count.isdigit() else NUMBER_WORDS.get(count, 0)
        if n > 1:
            year = int(match.group("year")) + n - 1
            clues.append(Clue("text", "on or after", f"{year:04d}", match.group(0), date(year, 1, 1), None,
                              *match.span()))
    return clues


def _years_between(low: date | None, high: date | None) -> list[int]:
    if not low and not high:
        return []
    first = (low or high).year - (0 if low else 1)
    last = (high or low).year + (0 if high else 1)
    return list(range(first, last + 1))


def _event_bounds(exprs: list[TimeExpr], text: str) -> list[Clue]:
    """Dated past events bound the article from below (latest first), dated future events from above.

    A year before a noun bounds nothing unless the noun is a happening ("the 2020 election" is named ahead).
    """
    past, future = [], []
    for expr in exprs:
        if not expr.explicit or (expr.modifier and modified_noun(text, expr.end) not in HAPPENING_NOUNS):
            continue
        when = When(expr.fields["year"], expr.fields["month"], expr.fields["day"])
        if when.month and not _valid(when.year, when.month, when.day):
            continue
        if expr.tense == "past":
            past.append(Clue("text", "on or after", when.iso(), expr.text, when.first(), None, expr.start, expr.end))
        elif expr.tense == "future":
            future.append(Clue("text", "on or before", when.iso(), expr.text, None, when.last(), expr.start, expr.end))
    return sorted(past, key=lambda c: c.low, reverse=True) + sorted(future, key=lambda c: c.high)


def _weekday_clues(exprs: list[TimeExpr], low: date | None, high: date | None) -> list[Clue]:
    """A date named with its weekday: the weekday picks its year, and a past one lies in the article's week; so
    does a day the text dates that a bare past weekday names again ("died on Sunday" … "September 6, 2020")."""
    bounds, windows, named = [], [], []
    for expr in exprs:
        fields = expr.fields
        if expr.kind != "date" or fields["weekday"] is None or not _valid(2000, fields["month"], fields["day"]):
            continue
        day = _weekday_date(fields, expr.tense, low, high) if fields["year"] is None else \
            date(fields["year"], fields["month"], fields["day"]) if _valid(fields["year"], fields["month"],
                                                                          fields["day"]) else None
        if day is None:
            continue
        named.append(day)
        if fields["year"] is None and expr.tense == "future":
            bounds.append(Clue("text", "on or before", day.isoformat(), expr.text, None, day, expr.start, expr.end))
        elif fields["year"] is None and expr.tense == "past":
            bounds.append(Clue("text", "on or after", day.isoformat(), expr.text, day, None, expr.start, expr.end))
        if expr.tense == "past":
            windows.append(Clue("text", "within a week after", day.isoformat(), expr.text, day,
                                day + timedelta(days=WEEKDAY_WINDOW), expr.start, expr.end))
    named += [When(e.fields["year"], e.fields["month"], e.fields["day"]).first() for e in exprs
              if e.explicit and e.fields["day"] and e.tense != "future" and _valid(e.fields["year"], e.fields["month"],
                                                                                   e.fields["day"])]
    floor = low - timedelta(days=WEEKDAY_WINDOW) if low else None
    for expr in exprs:
        if expr.kind != "weekday" or expr.quoted or expr.tense != "past" or expr.fields["prep"] in ("next", "this"):
            continue
        same = [d for d in named if d.weekday() == expr.fields["weekday"] and (not floor or d >= floor)]
        if same:
            day = max(same)
            windows.append(Clue("text", "within a week after", day.isoformat(), expr.text, day,
                                day + timedelta(days=WEEKDAY_WINDOW), expr.start, expr.end))
    return bounds + windows


def _weekday_date(fields: dict[str, Any], tense: str | None, low: date | None, high: date | None) -> date | None:
    """The day a year-less 'Thursday, Aug. 12' names: the only one of its years the bounds allow.

    A bound on one side only allows a year around it: a past date within a week before the article at the
    earliest, a future one within a year after the latest past event.
    """
    if not low and not high:
        return None
    floor = (low - timedelta(days=WEEKDAY_WINDOW)) if low else high - timedelta(days=YEAR_AHEAD)
    ceiling = high if high else low + timedelta(days=YEAR_AHEAD)
    if tense == "future" and high and not low:
        floor, ceiling = high - timedelta(days=YEAR_AHEAD), high + timedelta(days=YEAR_AHEAD)
    days = [date(y, fields["month"], fields["day"])
            for y in weekday_years(fields["month"], fields["day"], fields["weekday"], (low or high).year)]
    fits = [d for d in days if floor <= d <= ceiling]
    return fits[0] if len(fits) == 1 else None


# ---- resolving every expression ----------------------------------------------------------------------------

def resolve(exprs: list[TimeExpr], text: str, published: Published) -> None:
    """Fill each expression's value in text order: against the publication date, or the paragraph's last date."""
    seen: list[str] = []  # resolved values so far, in text order
    reference: dict[int, When] = {}  # paragraph (line) -> the last date it gave
    for expr in exprs:
        paragraph = text.count("\n", 0, expr.start)
        expr.value = _value(expr, published, reference.get(paragraph), seen)
        if expr.value and expr.kind not in ("anaphoric", "relative", "weekday") and not expr.modifier:
            reference[paragraph] = When.parse(expr.value)
        if expr.value and expr.kind != "anaphoric" and not expr.modifier:
            seen.append(expr.value)


def _value(expr: TimeExpr, pub: Published, reference: When | None, seen: list[str]) -> str | None:
    fields = expr.fields
    if expr.kind == "anaphoric":
        return seen[-1] if seen else None
    if expr.kind == "range":
        return None
    if expr.explicit:
        if fields["month"] and not _valid(fields["year"], fields["month"], fields["day"]):
            return None
        return When(fields["year"], fields["month"], fields["day"]).iso()
    if expr.kind in ("date", "month"):
        return _partial(fields, expr.tense, pub, reference)
    if expr.kind == "relative" and fields["dir"] in ("later", "following", "next", "earlier") and fields["unit"]:
        return _from_reference(fields, reference)
    if not pub.pinned or pub.low is None or pub.high is None:
        return None
    if expr.kind == "weekday" and fields["prep"] not in ("last", "next"):
        named = [w for w in map(When.parse, seen) if w and w.day and w.first().weekday() == fields["weekday"]
                 and pub.low - timedelta(days=7) <= w.first() <= pub.high + timedelta(days=7)]
        if named:
            return named[-1].iso()  # "on Tuesday" after "Tuesday, March 12": that day
    ranges = [_around(expr, at) for at in (pub.low, pub.high)]
    if any(r is None for r in ranges):
        return None
    low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
    value = at_precision(low, high)
    unit = "day" if expr.kind == "weekday" or fields.get("day_word") else fields["unit"]
    if unit in DAY_UNITS:
        month = at_precision(pub.low, pub.high)
        if month and len(month) == 7 and (value is None or len(value) < 7):
            return month  # "on Tuesday" in an article of some day in October: October
        if value and unit in ("week", "weekend"):
            return value[:7]  # a week dates its month, never a day
    return value


def _partial(fields: dict[str, Any], tense: str | None, pub: Published, reference: When | None) -> str | None:
    """A month, or a month and day, without a year: from the paragraph's last date, else the publication date."""
    month, day, weekday = fields["month"], fields["day"], fields["weekday"]
    if weekday is not None and day is not None:
        anchor = pub.low if pub.pinned and pub.low else reference.first() if reference else None
        if anchor is None:
            return None
        after = pub.low or (reference.first() if reference else None)  # a future day follows what the text told
        years = [y for y in weekday_years(month, day, weekday, anchor.year, spread=6)
                 if (tense != "future" or not after or date(y, month, day) >= after)
                 and (tense != "past" or not pub.high or date(y, month, day) <= pub.high)]
        if not years:
            return None
        year = min(years, key=lambda y: (abs((date(y, month, day) - anchor).days), -y))
        return When(year, month, day).iso()
    if reference is not None:
        return When(_nearest_year(month, day, reference, tense, pub), month, day).iso()  # the paragraph's story
    if not pub.pinned or pub.low is None or pub.high is None:
        return None
    years = {_year_for(month, day, tense, at) for at in (pub.low, pub.high)}
    return When(years.pop(), month, day).iso() if len(years) == 1 else None


def _year_for(month: int, day: int | None, tense: str | None, at: date) -> int:
    """The year of a month/day seen from `at`: the last one up to it, the next one in the future tense, else nearest."""
    years = [y for y in range(at.year - 1, at.year + 2) if _valid(y, month, day)]
    if tense == "future":
        return min(y for y in years if When(y, month, day).last() >= at)
    past = max(y for y in years if When(y, month, day).first() <= at)
    if tense == "past":
        return past
    ahead = min(y for y in years if When(y, month, day).first() > at)
    return past if (at - When(past, month, day).last()).days <= (When(ahead, month, day).first() - at).days \
        else ahead


def _nearest_year(month: int, day: int | None, reference: When, tense: str | None, pub: Published) -> int:
    """The year that carries the paragraph's story forward from its last date ('In July 2023 … Then, in August'),
    on the side of the article the tense puts it; the nearest year when no forward one fits."""
    point = reference.first()
    years = [y for y in range(point.year - 1, point.year + 3) if _valid(y, month, day)]
    fits = [y for y in years if (tense == "future" or not pub.high or When(y, month, day).first() <= pub.high)
            and (tense != "future" or not pub.low or When(y, month, day).last() >= pub.low)]
    forward = [y for y in fits if When(y, month, day).last() >= point]
    if forward:
        return min(forward)
    return min(fits or years, key=lambda y: (abs((When(y, month, day).first() - point).days), -y))


def _from_reference(fields: dict[str, Any], reference: When | None) -> str | None:
    """'two years later', 'the following month', 'a week later': counted from the paragraph's last date, at the
    precision of that date and of the unit (a week dates its month)."""
    n = 1 if fields["dir"] in ("following", "next") else fields["n"]
    if reference is None or not n:
        return None
    sign = -1 if fields["dir"] == "earlier" else 1
    if fields["unit"] in ("day", "week"):
        if reference.day is None:
            return None
        day = reference.first() + timedelta(days=sign * n * (7 if fields["unit"] == "week" else 1))
        return day.isoformat() if fields["unit"] == "day" else day.isoformat()[:7]
    if fields["unit"] in ("year", "decade"):
        return f"{reference.year + sign * n * (10 if fields['unit'] == 'decade' else 1):04d}"
    if reference.month is None:
        return None
    index = reference.year * 12 + reference.month - 1 + sign * n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _around(expr: TimeExpr, at: date) -> tuple[date, date] | None:
    """The days a relative expression can mean, seen from an article dated `at`."""
    fields = expr.fields
    if expr.kind == "weekday":
        return _weekday_from(fields["weekday"], fields["prep"], expr.tense, at)
    if fields.get("day_word"):
        day = at + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(fields["day_word"], 0))
        return day, day
    unit, which, n = fields["unit"], fields["which"], fields["n"]
    if fields["dir"] == "ago":
        if not n:
            return None
        if unit == "day":
            return at - timedelta(days=n), at - timedelta(days=n)
        if unit == "week":
            middle = at - timedelta(weeks=n)
            return middle - timedelta(days=3), middle + timedelta(days=3)
        if unit == "month":
            return _month_span(at, -n)
        years = n * (10 if unit == "decade" else 1)
        return date(at.year - years, 1, 1), date(at.year - years, 12, 31)
    if which == "the":  # "in the fall": the next one in the future tense, else the last one begun
        months = SEASON_MONTHS.get(unit)
        if months is None:
            return None
        if expr.tense == "future":
            ends = date(at.year, months[1], calendar.monthrange(at.year, months[1])[1])
            year = at.year if at <= ends else at.year + 1
        else:
            year = at.year if at >= date(at.year, months[0], 1) else at.year - 1
        return date(year, 1, 1), date(year, 12, 31)
    step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if fields["this_past"]:
        step = -1 if unit not in ("week", "weekend") else 0
    if unit in ("week", "weekend"):
        if fields["this_past"]:
            return at - timedelta(days=7), at
        monday = at - timedelta(days=at.weekday()) + timedelta(weeks=step)
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if unit == "weekend" else \
            (monday, monday + timedelta(days=6))
    if unit == "month":
        return _month_span(at, step)
    year = at.year + step
    return date(year, 1, 1), date(year, 12, 31)


def _month_span(at: date, step: int) -> tuple[date, date]:
    index = at.year * 12 + at.month - 1 + step
    year, month = index // 12, index % 12 + 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _weekday_from(weekday: int, prep: str, tense: str | None, at: date) -> tuple[date, date]:
    """'on Monday' as the nearest Monday on the side of the article the tense puts it (the same day counts)."""
    if prep == "next" or (tense == "future" and prep != "last"):
        ahead = (weekday - at.weekday()) % 7 or (7 if prep == "next" else 0)
        day = at + timedelta(days=ahead)
    elif prep == "this":
        day = at - timedelta(days=at.weekday()) + timedelta(days=weekday)
    else:
        back = (at.weekday() - weekday) % 7 or (7 if prep == "last" else 0)
        day = at - timedelta(days=back)
    return day, day


def find_times(text: str, published: Published | str | None, doc: Doc | None = None,
               exprs: list[TimeExpr] | None = None) -> list[TimeExpr]:
    """Every date expression with its tense and the date it resolves to against the publication date."""
    pub = published if isinstance(published, Published) else Published.given(published)
    exprs = exprs if exprs is not None else _tensed(scan(text), text, doc)
    resolve(exprs, text, pub)
    return exprs


def read_dates(text: str, header: str | None, url: str | None, doc: Doc | None = None
               ) -> tuple[Published, list[TimeExpr]]:
    """The publication date and every resolved date expression of an article, in one pass over its text."""
    exprs = _tensed(scan(text), text, doc)
    published = solve_published(text, header, url, doc, exprs)
    return published, find_times(text, published, doc, exprs)
