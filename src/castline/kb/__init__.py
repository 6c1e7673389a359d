"""Merge extractions across documents and store them: entity resolution, facts, quotes, events."""

from .store import Store

__all__ = ["Store"]
