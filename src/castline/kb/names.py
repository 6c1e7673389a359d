"""Name keys and type compatibility: when two names may denote the same entity."""

from __future__ import annotations

import re
import unicodedata

from ..lexicon import CHARACTER_TITLES, HONORIFICS

_TITLE_WORDS = CHARACTER_TITLES | HONORIFICS
def strip_title(name: str) -> str:
    """'Capt. Nora Vance' -> 'Nora Vance'; a bare title is left alone."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """Case, punctuation, spacing, a leading 'the', titles and a possessive do not distinguish names."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    name = re.sub(r"'s$", "", name.strip())
    name = re.sub(r"^the\s+", "", strip_title(name), flags=re.I)
    return re.sub(r"[\W_]+", "", name.lower().replace("+", "plus"))  # a streamer "X+" is not the network X


def is_proper_name(alias: str) -> bool:
    """Whether an alias is a name (usable to find the entity) rather than an epithet ('the actress')."""
    words = alias.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an")
