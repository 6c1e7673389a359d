"""Knowledge base to files: castline-kb/1 JSON, CSV tables, schema.org JSON-LD, GraphML and Wikidata cast rows."""

from .formats import FORMATS, ExportError, check, export_to
from .kbjson import FORMAT, export_kb, write_kb

__all__ = ["FORMAT", "FORMATS", "ExportError", "check", "export_kb", "export_to", "write_kb"]
