"""Sources to Documents: clean text plus metadata, offsets kept."""

from .document import build_document
from .sources import RawArticle, raw_articles

__all__ = ["RawArticle", "build_document", "raw_articles"]
