"""The ingest stage end to end: sources -> Documents -> extractions -> store, streaming, in parallel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from .document import DocExtraction, Document
from .errors import InputError
from .extract import extract
from .extract.nlp import load
from .ingest import RawArticle, build_document, raw_articles
from .kb import Store
from .settings import Settings
from .timing import Timings

log = logging.getLogger(__name__)
# Articles handed to worker processes ahead of the store, per worker: keeps memory flat.
IN_FLIGHT_PER_JOB = 4

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


def process(raw: RawArticle, model: str) -> Processed:
    """Clean and extract one article: a pure function, safe to run in any process."""
    timings = Timings()
    with timings.stage("clean"):
        document = build_document(raw)
    if not document.is_english:
        log.warning("%s: %s", raw.source, document.warnings[-1])
        return document, DocExtraction(), timings
    extraction = extract(document, load(model), timings)
    if extraction.published:
        document.published, document.published_inferred = extraction.published, True
    return document, extraction, timings


def _process_safely(raw: RawArticle, model: str) -> Processed | InputError:
    try:
        return process(raw, model)
    except InputError as exc:
        return exc
    except Exception as exc:  # one article's surprise must not sink the batch
        log.exception("extraction failed for %s", raw.source)
        return InputError(raw.source, f"extraction failed ({exc.__class__.__name__}: {exc})")


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

    if jobs <= 1:
        for raw in pending():
            record(raw, _process_safely(raw, settings.spacy_model))
        return report
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(settings.spacy_model,)) as pool:
        running: dict[Future, RawArticle] = {}
        for raw in pending():
            running[pool.submit(_process_safely, raw, settings.spacy_model)] = raw
            if len(running) >= jobs * IN_FLIGHT_PER_JOB:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    record(running.pop(future), future.result())
        for future in list(running):
            record(running.pop(future), future.result())
    return report


def _tick(on_progress: Callable[[str], None] | None, source: str) -> None:
    if on_progress:
        on_progress(source)
