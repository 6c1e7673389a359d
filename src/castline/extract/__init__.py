"""Document to DocExtraction: one module per question, each a pure function of the parsed document."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..document import DateEvidence, DocExtraction, Document
from ..timing import Timings
from .context import Context
from .coref import find_epithets, learn_genders, resolve_pronouns
from .entities import find_entities
from .events import find_events
from .quotes import find_quotes
from .relations import find_facts
from .time import read_dates


def extract(document: Document, nlp: Language, timings: Timings | None = None) -> DocExtraction:
    """Everything castline learns from one document, with evidence offsets into its text."""
    clock = timings if timings is not None else Timings()
    with clock.stage("parse"):
        parsed = nlp(document.text)
    return extract_parsed(document, parsed, clock)


def extract_parsed(document: Document, parsed: Doc, timings: Timings | None = None) -> DocExtraction:
    """`extract` for a document the spaCy pipeline has already parsed (in a batch, say)."""
    clock = timings if timings is not None else Timings()
    ctx = Context(document=document, doc=parsed)
    with clock.stage("time"):
        solved, times = read_dates(document.text, document.published, document.url, parsed)
        published = solved.value
        as_of = published if solved.pinned else None  # ages are not dated by a guess
    with clock.stage("entities"):
        pairs = find_entities(ctx)
    with clock.stage("coref"):
        learn_genders(ctx)
        epithets = find_epithets(ctx)
        resolve_pronouns(ctx)
    with clock.stage("quotes"):
        quotes = find_quotes(ctx, times, published)
    with clock.stage("relations"):
        facts = find_facts(ctx, pairs, epithets, times, as_of)
    with clock.stage("events"):
        events = find_events(ctx, times)
    dates = DateEvidence(solved.evidence(), [(t.start, t.end, t.value) for t in times], solved.pinned)
    return DocExtraction(entities=[e for e in ctx.entities if e.mentions], facts=facts, quotes=quotes,
                         events=events, published=published if published != document.published else None,
                         dates=dates)
