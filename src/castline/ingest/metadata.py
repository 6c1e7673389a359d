"""Article metadata: publication dates at their precision, outlets from domains, language."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from dateutil import parser as dateparser

from ..lexicon import OUTLETS

ENGLISH_STOPWORDS = frozenset(
    [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from",
        "by", "as", "is", "are", "was", "were", "be", "been", "it", "its", "he", "she", "they",
        "his", "her", "their", "this", "that", "these", "those", "not", "have", "has", "had",
        "will", "would", "can", "could", "who", "what", "when", "which"
    ])
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
        return "-".join(part for part in match.groups() if part)
    try:
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
