"""Article metadata: publication dates at their precision (header, URL, dateline), outlets from domains, language."""

from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from dateutil import parser as dateparser
from htmldate.extractors import COMPLETE_URL, extract_url_date
from htmldate.utils import Extractor

from ..lexicon import DATELINE_LABELS, OUTLETS

ENGLISH_STOPWORDS = frozenset(
    [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from",
        "by", "as", "is", "are", "was", "were", "be", "been", "it", "its", "he", "she", "they",
        "his", "her", "their", "this", "that", "these", "those", "not", "have", "has", "had",
        "will", "would", "can", "could", "who", "what", "when", "which"
    ])
# A date written out is short; a longer value that does not open with an ISO date is none (dateutil's fuzzy
# reading of a long value takes seconds).
MAX_DATE_CHARS = 200
# Below this share of English function words (in texts of 40 words or more) a text is not English.
MIN_ENGLISH_SHARE = 0.12

_DOMAIN_OUTLETS = {domain: name for name, (_, domains) in OUTLETS.items() for domain in domains}


def parse_published(value: str | None) -> str | None:
    """An ISO date at the precision the value gives ('2023', '2023-02', '2023-02-22'), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", value)
    if match:
        return _numeric_date(*match.groups())
    if len(value) > MAX_DATE_CHARS:
        return None
    try:
        with warnings.catch_warnings():  # "EST", "PDT": a time zone dateutil does not know changes no date
            warnings.simplefilter("ignore")
            first = dateparser.parse(value, default=datetime(2000, 1, 1), fuzzy=True)
            second = dateparser.parse(value, default=datetime(2001, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()


def _numeric_date(year: str, month: str | None, day: str | None) -> str | None:
    """A numeric date at the precision it is known: a trailing '00' means unknown ('2023-00-00' is 2023); a date
    that cannot be (month 13, February 30, year 0) is None."""
    parts = [int(p) for p in (year, month, day) if p is not None]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    try:
        date(*parts, *[1] * (3 - len(parts)))
    except ValueError:
        return None
    return "-".join(f"{p:0{4 if i == 0 else 2}d}" for i, p in enumerate(parts))


def outlet_from_url(url: str | None) -> str | None:
    """The known outlet behind a URL's domain (www. and subdomains ignored)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in _DOMAIN_OUTLETS:
            return _DOMAIN_OUTLETS[host]
        host = host.partition(".")[2]
    return None


def english_share(text: str) -> float | None:
    """Share of English function words, or None when the text is too short to tell."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 40:
        return None
    return sum(w in ENGLISH_STOPWORDS for w in words) / len(words)


# htmldate reads full dates in URLs (/2021/10/20/, _2021-10-20_); any plausible year, ISO out.
_URL_OPTIONS = Extractor(extensive=False, max=datetime(2099, 12, 31), min=datetime(1990, 1, 1), original=True,
                         format="%Y-%m-%d")
# Partial dates that htmldate's reader leaves, most precise first: a date run together (/20230329/), a month and
# day run together (/2012/0823-slug), a month folder (/2021/10/slug), a slug ending in a month (-2021-10), a year
# folder.
URL_PARTIAL_DATES = (
    re.compile(r"(?<=[/_-])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)(?=[/_.-]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)(?=[-_./]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/_-](?P<month>0[1-9]|1[0-2])(?=/|$)"),
    re.compile(r"[-_](?P<year>(?:19|20)\d\d)[-_](?P<month>0[1-9]|1[0-2])/?(?:\.[a-z]{2,5})?$"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)/"),
)


def url_date(url: str | None) -> tuple[str, str] | None:
    """The date a URL's path carries, at its precision, and the part of the URL that says it."""
    if not url:
        return None
    path = urlsplit(url).path
    full = extract_url_date(path, _URL_OPTIONS)
    if full:
        match = COMPLETE_URL.search(path)
        return full, match.group(0).strip("/_-") if match else full
    for pattern in URL_PARTIAL_DATES:
        match = pattern.search(path)
        if not match:
            continue
        year, month, day = (int(match.group(g)) if match.groupdict().get(g) else None
                            for g in ("year", "month", "day"))
        if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            continue
        value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        return value, match.group(0).strip("/_-.")
    return None


_MONTH_WORDS = {m.lower() for m in [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]}
_DAY_WORDS = {d.lower() for d in [*calendar.day_name, *calendar.day_abbr, "Tues", "Thurs"]}
# Every word of a dateline is one of these: numbers, times, am/pm, time zones, a few joining words.
_DATELINE_WORD = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d|\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ap]m)?|"
                            r"(?:19|20)\d\d[-/]\d\d?[-/]\d\d?|[ap]\.?m\.?|[A-Z]{2,4}|(?:GMT|UTC)[+-]\d{1,2}|"
                            r"at|on|of|the|@)")
_DATELINE_LABEL = re.compile(r"^\s*(?P<label>(?:first |last |originally )?(?:published|posted|updated|modified|edited|"
                             r"released)|date)\b\s*(?:on\b|at\b|:)?\s*", re.I)
# Where a dateline's parts meet: separators, a byline's "by", and the labels that open a date.
_DATELINE_SPLIT = re.compile(r"\s+[|·•/–—-]\s+|\s+[|·•]$|^[|·•]\s+|\s+(?=\b(?:by|By|BY)\s)|"
                             r"(?<=\S)\s+(?=(?:(?:First|Last|first|last)\s+)?(?:Published|Posted|Updated|Modified|"
                             r"published|posted|updated|modified)\b)")
# "By Jo Lee, March 29, 2023": a byline before the date.
BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von))*\s*,\s*")
# A dateline is a short line; segments around the date (an author, a reading time) are shorter still. The
# character bound also keeps the splitting patterns' work on one line bounded, whatever the line holds.
MAX_DATELINE_WORDS = 20
MAX_DATELINE_CHARS = 300
MAX_SIDE_SEGMENT_WORDS = 6
# Datelines stand near the top of an article (or, less often, at its very end).
DATELINE_TOP_LINES = 12
DATELINE_BOTTOM_LINES = 3


@dataclass(frozen=True)
class Dateline:
    """A line that gives the page's own date: its value, whether it is the publication or an update."""

    start: int
    end: int
    value: str
    role: str  # "published" or "updated"


def dateline(line: str) -> tuple[str, str] | None:
    """(ISO date, role) when the line only gives a date ("Sunday Apr 02 2023", "By Jo Lee | Published on March 29,
    2023"): a publication date wins over an update in the same line."""
    if len(line) > MAX_DATELINE_CHARS or len(line.split()) > MAX_DATELINE_WORDS:
        return None
    segments = [s.strip() for s in _DATELINE_SPLIT.split(line) if s and s.strip(" |·•/-–—")]
    found: list[tuple[str, str]] = []
    for segment in segments:
        value = _dated_segment(segment)
        if value:
            found.append(value)
        elif len(segment.split()) > MAX_SIDE_SEGMENT_WORDS:
            return None
    return min(found, key=lambda f: f[1] != "published") if found else None


def _dated_segment(segment: str) -> tuple[str, str] | None:
    segment = BYLINE.sub("", segment)
    role = "published"
    label = _DATELINE_LABEL.match(segment)
    if label:
        role = DATELINE_LABELS.get(label.group("label").lower(), "published")
        segment = segment[label.end():]
    words = [w for w in re.split(r"[\s,]+", segment.strip(" .,|-–—()[]")) if w.strip("/|-–—·•")]
    if not words:
        return None
    has_year = has_month = False
    for word in words:
        key = word.lower().rstrip(".")
        if key in _MONTH_WORDS:
            has_month = True
        elif key in _DAY_WORDS:
            continue
        elif _DATELINE_WORD.fullmatch(word.rstrip(".")):
            has_year |= bool(re.search(r"(?:19|20)\d\d", word))
            has_month |= bool(re.fullmatch(r"(?:19|20)\d\d[-/]\d\d?[-/]\d\d?", word))
        else:
            return None
    if not (has_year and has_month):
        return None
    value = parse_published(" ".join(words))
    return (value, role) if value and len(value) >= 7 else None


def find_datelines(text: str) -> list[Dateline]:
    """The lines near the top (or end) of an article that give its own date, with their offsets."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    picked = lines[:DATELINE_TOP_LINES] + lines[max(DATELINE_TOP_LINES, len(lines) - DATELINE_BOTTOM_LINES):]
    found = []
    for start, end in picked:
        parsed = dateline(text[start:end])
        if parsed:
            found.append(Dateline(start, end, *parsed))
    return found


def iso_bounds(value: str) -> tuple[date, date]:
    """First and last day of an ISO date at any precision."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
    if day:
        return date(year, month, day), date(year, month, day)
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)
