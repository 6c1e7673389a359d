"""Name keys and type compatibility: when two names may denote the same entity."""

from __future__ import annotations

import re
import unicodedata

from ..lexicon import CHARACTER_TITLES, HONORIFICS

_TITLE_WORDS = CHARACTER_TITLES | HONORIFICS
# Types that different articles may legitimately assign to the same thing.
COMPATIBLE_TYPES = ({"show", "work", "franchise"}, {"outlet", "network", "organization"})
# When two compatible types meet, the more specific one wins.
TYPE_STRENGTH = {"show": 3, "franchise": 2, "work": 1, "network": 3, "outlet": 2, "organization": 1}


def strip_title(name: str) -> str:
    """'Capt. Nora Vance' -> 'Nora Vance'; a bare title is left alone."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """Case, punctuation, spacing, a leading 'the', titles and a possessive do not distinguish names."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'")
    name = re.sub(r"'s$", "", name.strip())
    name = re.sub(r"^the\s+", "", strip_title(name), flags=re.I)
    return re.sub(r"[\W_]+", "", name.lower())


def is_proper_name(alias: str) -> bool:
    """Whether an alias is a name (usable to find the entity) rather than an epithet ('the actress')."""
    words = alias.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an")


def compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_TYPES)


def stronger_type(current: str, new: str) -> str:
    return new if TYPE_STRENGTH.get(new, 0) > TYPE_STRENGTH.get(current, 0) else current
