"""Document to DocExtraction: one module per question, each a pure function of the parsed document."""

from __future__ import annotations

from spacy.language import Language

from ..document import DocExtraction, Document
from .context import Context
from .coref import find_epithets, learn_genders, resolve_pronouns
from .entities import find_entities
from .events import find_events
from .quotes import find_quotes
from .relations import find_facts
from .time import find_times, infer_published


def extract(document: Document, nlp: Language) -> DocExtraction:
    """Everything castline learns from one document, with evidence offsets into its text."""
    ctx = Context(document=document, doc=nlp(document.text))
    published = document.published or infer_published(document.text)
    times = find_times(document.text, published)
    pairs = find_entities(ctx)
    learn_genders(ctx)
    epithets = find_epithets(ctx)
    resolve_pronouns(ctx)
    quotes = find_quotes(ctx, times)
    facts = find_facts(ctx, pairs, epithets, times, published)
    events = find_events(ctx, times)
    return DocExtraction(entities=[e for e in ctx.entities if e.mentions], facts=facts, quotes=quotes,
                         events=events, published=None if document.published else published)
