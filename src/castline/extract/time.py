"""Date expressions normalized against the document creation time, at the precision the text gives.

Partial dates ("Wednesday, February 22", "January 18", "in March") take their
year from the weekday when one is given, from tense (future: the next such
date after the article) and otherwise from the nearest date the narrative has
reached. A month stays a month and a year a year; no day is ever invented.
Numbers that are not dates ("season 10", "38", "10 p.m.") never match.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday" \
           r"|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("date", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                        rf"(?!\s*(?:p\.?m|a\.?m|:))(?:,?\s+{_YEAR})?")),
    ("date", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
                        rf"(?:,?\s+{_YEAR})?")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("month", re.compile(rf"(?:\b(?P<prep>in|since|by|until|through|from|last|this|next|early|late|mid|mid-|during|"
                         rf"before|after|that)\s+){_MONTH}\b(?!\s*\d)")),
    ("month", re.compile(r"\b(?P<month>January|February|April|June|July|August|September|October|November|December)"
                         r"\b(?!\s*\d)")),
    ("year", re.compile(rf"\b(?P<prep>in|since|by|until|during|from|of|before|after|early|late|mid|mid-)\s+{_YEAR}\b"
                        r"(?!\s*[-–]\s*\d)")),
    ("year", re.compile(rf"(?<![\w$#-]){_YEAR}(?![\w-])(?!\s*(?:p\.?m|a\.?m))")),
    ("relative", re.compile(r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>this|last|next|past)\s+"
                            r"(?P<unit>week|month|year|spring|summer|fall|autumn|winter)\b", re.I)),
    ("relative", re.compile(r"\b(?P<day_word>today|tonight|yesterday|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<prep>on|last|this|next|since|until|by)\s+{_WEEKDAY}(?!,?\s+{_MONTH})\b")),
    ("anaphoric", re.compile(r"\b(?:at|around|by)\s+the\s+time\b(?!\s+(?:of\s+writing|of\s+publication|being))"
                             r"|\bthat\s+(?:day|week|month|year)\b", re.I)),
]
# Words before a date in its clause that put it after the article: tense, schedules, present-tense airings.
FUTURE = re.compile(r"\b(?:will|won['’]t|['’]ll|is set to|are set to|set to|is slated|slated to|scheduled|upcoming|"
                    r"is expected to|plans? to|is going to|next|airs|premieres|debuts|returns|hits)\b", re.I)


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str  # iso, date, month, year, relative, weekday, anaphoric
    fields: dict[str, int | None]  # year, month, day, weekday as written
    value: str | None = None  # ISO at the precision the text supports
    modifier: bool = False  # "his 2022 exit": a year used as an adjective


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


def scan(text: str) -> list[TimeExpr]:
    """Every date expression in the text, longest first where they overlap, in text order, unresolved."""
    found: list[TimeExpr] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind in ("month", "year", "weekday") and match.groupdict().get("prep"):
                start = match.start("month" if "month" in match.groupdict() and match.group("month") else
                                    "year" if kind == "year" else "weekday")
                if kind == "month" and match.group("prep") in ("last", "this", "next", "early", "late", "mid",
                                                               "mid-", "that"):
                    start = match.start("prep")
                if kind == "weekday" and match.group("prep") in ("last", "this", "next"):
                    start = match.start("prep")
            if any(start < f.end and f.start < end for f in found):
                continue
            expr = TimeExpr(start, end, text[start:end], kind, _fields(kind, match))
            if kind == "year" and not match.groupdict().get("prep"):
                if not re.match(r"\s+[a-z]", text[end:end + 2]) or re.match(r"\s+(?:and|or|to|when|as)\b",
                                                                             text[end:end + 6]):
                    continue
                expr.modifier = True
            found.append(expr)
    return sorted(found, key=lambda f: f.start)


def _fields(kind: str, match: re.Match[str]) -> dict[str, int | None]:
    """Year, month, day and weekday as written (None where the text leaves them out)."""
    groups = match.groupdict()
    if kind == "iso":
        return {"year": int(groups["year"]), "month": int(groups["m"]), "day": int(groups["d"]), "weekday": None}
    return {"year": int(groups["year"]) if groups.get("year") else None,
            "month": MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None,
            "day": int(groups["day"]) if groups.get("day") else None,
            "weekday": WEEKDAYS[groups["weekday"].lower().rstrip(".")] if groups.get("weekday") else None}


def _valid(year: int, month: int, day: int | None) -> bool:
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def weekday_year(month: int, day: int, weekday: int, near: int, not_after: date | None = None) -> int | None:
    """The year near `near` in which month/day falls on the weekday (later years first on a tie)."""
    years = [y for y in range(near - 6, near + 7) if _valid(y, month, day) and date(y, month, day).weekday() == weekday]
    if not_after is not None:
        before = [y for y in years if date(y, month, day) <= not_after]
        years = before or years
    return min(years, key=lambda y: (abs(y - near), -y)) if years else None


def _pick_year(month: int, day: int | None, reference: date, dct: When | None, future: bool) -> int:
    """The year for a month (and day) without one.

    Against an article date known to the month: the last such date up to it,
    or the next one after it in the future tense. Against a year only, the
    one nearest the date the narrative has reached.
    """
    def point(y: int) -> date:
        return When(y, month, day).first()

    if dct is not None and dct.month is not None:
        years = [y for y in range(dct.year - 2, dct.year + 3) if _valid(y, month, day)]
        if future:
            return min(y for y in years if When(y, month, day).last() >= dct.first())
        return max(y for y in years if point(y) <= dct.last())
    options = [y for y in (reference.year - 1, reference.year, reference.year + 1) if _valid(y, month, day)]

    if future and dct is not None:
        after = [y for y in options if When(y, month, day).last() >= dct.first()]
        if after:
            return min(after)
    if dct is not None and not future:
        allowed = [y for y in options if point(y) <= dct.last()]
        options = allowed or options
    return min(options, key=lambda y: (abs((point(y) - reference).days), -y))


def resolve(exprs: list[TimeExpr], text: str, dct: str | None) -> None:
    """Fill each expression's value in text order; the narrative's last date is the reference."""
    creation = When.parse(dct)
    reference: date | None = creation.first() if creation else None
    seen: list[str] = []  # resolved values so far, in text order
    for expr in exprs:
        future = bool(FUTURE.search(_clause_before(text, expr.start)))
        expr.value = _value(expr, creation, reference, seen, future)
        if expr.value and expr.kind != "anaphoric" and not expr.modifier:
            seen.append(expr.value)
            if expr.kind != "relative":
                reference = When.parse(expr.value).first()


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 60):start]
    return re.split(r"[.;!?](?=\s+[A-Z“\"])|\n", window)[-1]


def _value(expr: TimeExpr, dct: When | None, reference: date | None, days: list[str], future: bool) -> str | None:
    if expr.kind == "anaphoric":
        return days[-1] if days else None
    if expr.kind == "relative":
        return _relative(expr.text.lower(), dct)
    fields = expr.fields
    if expr.kind == "weekday":
        return _bare_weekday(fields["weekday"], expr.text.lower(), dct, days)
    year, month, day, weekday = fields["year"], fields["month"], fields["day"], fields["weekday"]
    if month is not None and day is not None and year is None:
        if weekday is not None:
            near = reference.year if reference else date.today().year
            year = weekday_year(month, day, weekday, near, dct.last() if dct and not future else None)
        elif reference is not None:
            year = _pick_year(month, day, reference, dct, future)
    elif month is not None and year is None and reference is not None:
        year = _pick_year(month, None, reference, dct, future)
    if year is None or (month and not _valid(year, month, day)):
        return None
    return When(year, month, day).iso()


def _relative(phrase: str, dct: When | None) -> str | None:
    if dct is None:
        return None
    words = phrase.split()
    if words[-1] in ("today", "tonight", "yesterday", "tomorrow"):
        if dct.day is None:
            return None
        shift = {"yesterday": -1, "tomorrow": 1}.get(words[-1], 0)
        return (dct.first() + timedelta(days=shift)).isoformat()
    unit, which = words[-1], words[-2]
    step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "year" or unit in ("spring", "summer", "fall", "autumn", "winter"):
        return f"{dct.year + step:04d}"
    if unit == "month" and dct.month:
        month_index = dct.year * 12 + dct.month - 1 + step
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    if unit == "week" and dct.day:
        return (dct.first() + timedelta(weeks=step)).isoformat()[:7]
    return None


def _bare_weekday(weekday: int | None, phrase: str, dct: When | None, seen: list[str]) -> str | None:
    """'on Wednesday': a day the article named with that weekday (near its date first), else the last one before it."""
    named = [w for w in map(When.parse, seen) if w and w.day and w.first().weekday() == weekday]
    if dct is not None:
        recent = [w for w in named if dct.first() - timedelta(days=7) <= w.first() <= dct.last()]
        named = recent or named
    if named:
        return named[-1].iso()
    if weekday is None or dct is None or dct.day is None:
        return None
    point = dct.first()
    if phrase.startswith("next"):
        return (point + timedelta(days=(weekday - point.weekday()) % 7 or 7)).isoformat()
    return (point - timedelta(days=(point.weekday() - weekday) % 7)).isoformat()


def find_times(text: str, dct: str | None) -> list[TimeExpr]:
    exprs = scan(text)
    resolve(exprs, text, dct)
    return exprs


def infer_published(text: str) -> str | None:
    """The article's date from its own latest dated references, when no header or page gives it.

    A latest reference with a day suggests the month of publication; one with
    only a month suggests the year. Partial dates with a weekday take the year
    in which that weekday falls, nearest the latest explicit year.
    """
    exprs = [e for e in scan(text) if not FUTURE.search(_clause_before(text, e.start))]  # not yet happened
    explicit = [When.parse(value) for value in map(_explicit, exprs) if value]
    if not explicit:
        return None
    latest_year = max(w.year for w in explicit)
    for expr in exprs:
        fields = expr.fields
        if expr.kind == "date" and fields["year"] is None and fields["weekday"] is not None:
            year = weekday_year(fields["month"], fields["day"], fields["weekday"], latest_year)
            if year is not None and year >= latest_year:
                explicit.append(When(year, fields["month"], fields["day"]))
    latest = max(explicit, key=lambda w: (w.first(), w.day is not None, w.month is not None))
    if latest.day is not None:
        return When(latest.year, latest.month).iso()
    return When(latest.year).iso()


def _explicit(expr: TimeExpr) -> str | None:
    """The value of an expression that states its own year, else None."""
    if expr.kind not in ("iso", "date", "month", "year"):
        return None
    fields = expr.fields
    if fields["year"] is None:
        return None
    if fields["month"] and not _valid(fields["year"], fields["month"], fields["day"]):
        return None
    return When(fields["year"], fields["month"], fields["day"]).iso()
