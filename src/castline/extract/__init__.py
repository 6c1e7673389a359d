"""Document to DocExtraction: one module per question, each a pure function of the parsed document."""

from __future__ import annotations

from spacy.language import Language

from ..document import DocExtraction, Document
from .context import Context
from .entities import find_entities


def extract(document: Document, nlp: Language) -> DocExtraction:
    """Everything castline learns from one document, with evidence offsets into its text."""
    ctx = Context(document=document, doc=nlp(document.text))
    find_entities(ctx)
    return DocExtraction(entities=[e for e in ctx.entities if e.mentions])
