"""The ingest stage end to end: sources -> Documents -> extractions -> store, streaming, in parallel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from .document import DocExtraction, Document
from .errors import InputError
from .extract import extract_parsed
from .extract.nlp import load
from .ingest import RawArticle, build_document, raw_articles
from .kb import Store
from .settings import Settings
from .timing import Timings

log = logging.getLogger(__name__)
# Articles parsed together by spaCy's nlp.pipe, and handed to a worker at once.
BATCH_SIZE = 8
# Batches handed to worker processes ahead of the store, per worker: keeps memory flat.
IN_FLIGHT_PER_JOB = 2

Processed = tuple[Document, DocExtraction, Timings]


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)  # seconds per stage, summed over articles

    def summary(self) -> str:
        return (f"ingested {self.ingested}, unchanged {self.unchanged}, updated {self.updated}, "
                f"failed {len(self.failed)}")


def process(raws: list[RawArticle], model: str) -> list[Processed | InputError]:
    """Clean and extract a batch of articles, parsed together by spaCy: pure, safe in any process.

    Each article's failure is its own InputError; the others in the batch go on.
    """
    nlp = load(model)
    cleaned: list[tuple[RawArticle, Document | InputError, Timings]] = []
    for raw in raws:
        timings = Timings()
        try:
            with timings.stage("clean"):
                cleaned.append((raw, build_document(raw), timings))
        except InputError as exc:
            cleaned.append((raw, exc, timings))
        except Exception as exc:  # a parser's surprise on one page must not sink the batch
            log.exception("cleaning failed for %s", raw.source)
            cleaned.append((raw, InputError(raw.source, f"cleaning failed ({exc.__class__.__name__}: {exc})"),
                            timings))
    english = [(raw, doc, t) for raw, doc, t in cleaned if isinstance(doc, Document) and doc.is_english]
    parsed = iter(nlp.pipe(doc.text for _, doc, _ in english))
    out: list[Processed | InputError] = []
    for raw, document, timings in cleaned:
        if isinstance(document, InputError):
            out.append(document)
            continue
        if not document.is_english:
            log.warning("%s: %s", raw.source, document.warnings[-1])
            out.append((document, DocExtraction(), timings))
            continue
        try:
            with timings.stage("parse"):
                spacy_doc = next(parsed)
            extraction = extract_parsed(document, spacy_doc, timings)
        except Exception as exc:  # one article's surprise must not sink the batch
            log.exception("extraction failed for %s", raw.source)
            out.append(InputError(raw.source, f"extraction failed ({exc.__class__.__name__}: {exc})"))
            continue
        if extraction.published:
            document.published, document.published_inferred = extraction.published, True
        out.append((document, extraction, timings))
    return out


def batches(items: Iterator[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    batch: list[RawArticle] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _warm(model: str) -> None:
    load(model)


def ingest(inputs: list[str], store: Store, settings: Settings, jobs: int = 1,
           on_progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every article the inputs hold; unchanged articles are skipped before any parsing."""
    return ingest_articles(raw_articles(inputs, settings), store, settings, jobs, on_progress)


def ingest_articles(articles: Iterator[RawArticle | InputError], store: Store, settings: Settings, jobs: int = 1,
                    on_progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest a stream of raw articles (and the errors met reading them), in `jobs` processes."""
    report = IngestReport()
    load(settings.spacy_model)  # fail early, and once, when the model is missing
    clock = report.timings

    def pending() -> Iterator[RawArticle]:
        while True:
            with clock.stage("read"):
                item = next(articles, None)
                if item is None:
                    return
                unchanged = not isinstance(item, InputError) and \
                    store.status(item.source, item.content_hash) == "unchanged"
            if isinstance(item, InputError):
                report.failed.append((item.source, item.reason))
                _tick(on_progress, item.source)
            elif unchanged:
                report.unchanged += 1
                _tick(on_progress, item.source)
            else:
                yield item

    def record(raw: RawArticle, result: Processed | InputError) -> None:
        if isinstance(result, InputError):
            report.failed.append((result.source, result.reason))
        else:
            document, extraction, timings = result
            clock.merge(timings)
            try:
                outcome = store.save(document, extraction, clock)
            except Exception as exc:  # the article is rolled back; the batch goes on
                log.exception("storing %s failed", raw.source)
                report.failed.append((raw.source, f"not stored ({exc.__class__.__name__}: {exc})"))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
        _tick(on_progress, raw.source)

    def record_batch(raws: list[RawArticle], future: Future) -> None:
        try:
            results = future.result()
        except Exception as exc:  # a worker died (out of memory, say): its batch fails, the rest goes on
            results = [InputError(raw.source, f"worker failed ({exc.__class__.__name__}: {exc})") for raw in raws]
        for raw, result in zip(raws, results, strict=True):
            record(raw, result)

    if jobs <= 1:
        for batch in batches(pending(), BATCH_SIZE):
            for raw, result in zip(batch, process(batch, settings.spacy_model), strict=True):
                record(raw, result)
        return report
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(settings.spacy_model,)) as pool:
        running: dict[Future, list[RawArticle]] = {}
        for batch in batches(pending(), BATCH_SIZE):
            running[pool.submit(process, batch, settings.spacy_model)] = batch
            if len(running) >= jobs * IN_FLIGHT_PER_JOB:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    record_batch(running.pop(future), future)
        for future in list(running):
            record_batch(running.pop(future), future)
    return report


def _tick(on_progress: Callable[[str], None] | None, source: str) -> None:
    if on_progress:
        on_progress(source)
