"""Scraped plain text to article text: page chrome removed by general line rules, title found.

The rules look at a line's shape (photo credits, caption counters, link
lines), its position (chrome above the headline, tag lists after an end
marker) and known boilerplate phrases. Every removed line is kept so the
user can see what was dropped. A dateline ("Sunday Apr 02 2023", "Published
on March 29, 2023") is neither title nor chrome: it stays in the text, where
the publication date is read from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import BOILERPLATE_LINES, BOILERPLATE_PREFIXES, PHOTO_CREDIT_WORDS
from .metadata import dateline

SMALL_WORDS = frozenset(
    [
        "a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "but", "at", "by", "with",
        "from", "as", "vs", "via", "his", "her", "its", "their", "our", "your", "my", "up", "off",
        "is", "are", "was", "be", "into", "over", "after", "before", "about", "than", "that", "this"
    ])
# "<headline> - 193": image-gallery counters repeat the headline with a number.
CAPTION_COUNTER = re.compile(r"\s[-–—|]\s*\d{1,4}\s*$")
# "Jane Doe/NBC", "Jane Doe, John Roe. Lori Allen/NBC": a photographer and an agency.
SLASH_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/\s*[A-Z][\w&!+.'’-]*(?:\s+[A-Z][\w&!+.'’-]*)*\s*$")
END_MARKERS = ("in this article", "tags", "topics", "filed under", "more from", "related topics",
               "trending now", "more stories", "you might also like", "recommended stories")
# Lines above the headline shorter than this are taken for navigation or sign-in chrome.
PRE_TITLE_CHROME_WORDS = 8
# Title lines are short; longer first lines are article text.
MAX_TITLE_WORDS = 30


@dataclass
class Cleaned:
    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)


def phrase_key(line: str) -> str:
    """Lowercase, curly quotes straightened, trailing dashes and punctuation dropped."""
    line = line.replace("’", "'").replace("‘", "'").strip().lower()
    return re.sub(r"[\s\-–—_=*•|>:.]+$", "", line).strip()


def word_count(line: str) -> int:
    return len(re.findall(r"\w+", line))


def is_headline_like(line: str) -> bool:
    """Title Case, short, not a sentence: how headlines look in scraped text."""
    words = re.findall(r"[^\s]+", line)
    if not 4 <= len(words) <= MAX_TITLE_WORDS or re.search(r"[.;]\s*$", line):
        return False
    content = [w.strip("‘’'\"“”()[]") for w in words]
    content = [w for w in content if w and w[0].isalpha() and w.lower() not in SMALL_WORDS]
    if not content:
        return False
    return sum(w[0].isupper() for w in content) / len(content) >= 0.75


def is_boilerplate(line: str, title: str | None = None) -> bool:
    """Whether one line is page chrome by phrase, prefix, credit shape or headline repetition."""
    key = phrase_key(line)
    if not re.search(r"\w", key):
        return False
    if key in BOILERPLATE_LINES or key.startswith(BOILERPLATE_PREFIXES):
        return True
    if is_photo_credit(line):
        return True
    if title:
        title_key = phrase_key(title)
        if key != title_key and key.startswith(title_key) and CAPTION_COUNTER.search(line):
            return True
    return bool(CAPTION_COUNTER.search(line) and is_headline_like(CAPTION_COUNTER.sub("", line)))


def is_photo_credit(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        stripped = stripped[1:-1].strip()
    if word_count(stripped) > 16 or re.search(r"[.!?\"”]\s*$", stripped):
        return False
    if SLASH_CREDIT.search(stripped) and "//" not in stripped:
        return True
    tail = re.split(r"[.|,:;(]\s*|\s[-–—]\s", stripped)[-1].strip(" )").lower()
    tail = re.sub(r"^(photo|image|credit|photograph)s?( by)?\s+", "", tail)
    return tail in PHOTO_CREDIT_WORDS and tail != phrase_key(stripped)


def find_title(lines: list[str]) -> int | None:
    """Index of the headline: the first headline-like line near the top of the page."""
    for index, line in enumerate(lines[:15]):
        if not line.strip() or is_boilerplate(line) or dateline(line):
            continue
        if is_headline_like(line):
            return index
        if word_count(line) >= PRE_TITLE_CHROME_WORDS:
            return None
    return None


def clean_text(raw: str, title: str | None = None) -> Cleaned:
    """Remove page chrome from scraped text; the title line leaves the body, unrecorded."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    removed: list[str] = []
    kept: list[str] = []
    title_index = None
    if title:
        title_index = next((i for i, line in enumerate(lines[:15]) if phrase_key(line) == phrase_key(title)),
                           None)
    else:
        title_index = find_title(lines)
        if title_index is not None:
            title = lines[title_index].strip()
    ended = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index == title_index:
            continue
        if not stripped:
            kept.append("")
            continue
        before_title = title_index is not None and index < title_index
        if not ended and dateline(stripped):
            kept.append(stripped)
            continue
        junk = (is_boilerplate(stripped, title)
                or (title and phrase_key(stripped) == phrase_key(title))
                or (before_title and word_count(stripped) < PRE_TITLE_CHROME_WORDS)
                or (ended and word_count(stripped) < PRE_TITLE_CHROME_WORDS))
        if phrase_key(stripped) in END_MARKERS:
            ended = junk = True
        if junk:
            if re.search(r"\w", stripped):
                removed.append(stripped)
            continue
        kept.append(stripped)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=text, title=title, removed=removed)
