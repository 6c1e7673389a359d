"""Knowledge base to files: the castline-kb/1 JSON export."""

from .kbjson import FORMAT, export_kb, write_kb

__all__ = ["FORMAT", "export_kb", "write_kb"]
