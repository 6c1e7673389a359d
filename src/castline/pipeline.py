"""The ingest stage end to end: sources -> Documents -> extractions -> store, streaming, in parallel; and the same
for the articles already stored, when a newer castline extracts them again."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from sqlalchemy import select

from .document import NOT_ENGLISH, DocExtraction, Document
from .errors import InputError
from .extract import extract_parsed
from .extract.nlp import load
from .ingest import RawArticle, build_document, raw_articles
from .kb import Store, queries
from .kb.schema import DocumentRow
from .settings import Settings
from .timing import Timings

log = logging.getLogger(__name__)
# Articles parsed together by spaCy's nlp.pipe, and handed to a worker at once.
BATCH_SIZE = 8
# Longer article texts are parsed in parts of about this size.
PARSE_PART_CHARS = 20_000
# Batches handed to worker processes ahead of the store, per worker: keeps memory flat.
IN_FLIGHT_PER_JOB = 2
# How often a worker process checks that the castline that started it is still there.
PARENT_CHECK_SECONDS = 0.5

Processed = tuple[Document, DocExtraction, Timings]


class Sourced(Protocol):
    """Anything a batch can hold: it names the article it is about."""

    source: str


T = TypeVar("T", bound=Sourced)  # what a batch holds: raw articles to ingest, or stored documents to extract again
# Another executor behind the same stream (scale.py's Dask cluster): given the batches, the work and the model name,
# it yields each batch with its results (a failed batch's items as InputErrors), in any order, as they come back.
Runner = Callable[[Iterator[list], Callable, str], Iterator[tuple[list, list]]]


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
    cleaned: list[tuple[str, Document | InputError, Timings]] = []
    for raw in raws:
        timings = Timings()
        try:
            with timings.stage("clean"):
                cleaned.append((raw.source, build_document(raw), timings))
        except InputError as exc:
            cleaned.append((raw.source, exc, timings))
        except Exception as exc:  # a parser's surprise on one page must not sink the batch
            log.debug("cleaning failed for %s", raw.source, exc_info=True)
            cleaned.append((raw.source, InputError(raw.source, f"cleaning failed ({exc.__class__.__name__}: {exc})"),
                            timings))
    return _extract_batch(cleaned, model)


def reprocess(documents: list[Document], model: str) -> list[Processed | InputError]:
    """Extract a batch of stored articles again (their text is already clean): pure, safe in any process."""
    return _extract_batch([(document.source, document, Timings()) for document in documents], model)


def _extract_batch(cleaned: list[tuple[str, Document | InputError, Timings]], model: str
                   ) -> list[Processed | InputError]:
    """Parse the English documents together, extract each, and date those whose date castline had to infer."""
    nlp = load(model)
    cleaned = [(source, _parsable(document, nlp.max_length), timings) for source, document, timings in cleaned]
    english = [doc for _, doc, _ in cleaned if isinstance(doc, Document) and doc.is_english]
    parse_clock = Timings()  # the batch is parsed at once: its time goes to the first article parsed
    with parse_clock.stage("parse"):
        parsed = _parse(nlp, english)
    out: list[Processed | InputError] = []
    for source, document, timings in cleaned:
        if isinstance(document, InputError):
            out.append(document)
            continue
        if not document.is_english:
            log.warning("%s: %s", source, next(w for w in document.warnings if w.startswith(NOT_ENGLISH)))
            out.append((document, DocExtraction(), timings))
            continue
        timings.merge(parse_clock)
        parse_clock = Timings()
        try:
            spacy_doc = parsed[id(document)]
            if isinstance(spacy_doc, Exception):
                raise spacy_doc
            extraction = extract_parsed(document, spacy_doc, timings)
        except Exception as exc:  # one article's surprise must not sink the batch
            log.debug("extraction failed for %s", source, exc_info=True)
            out.append(InputError(source, f"extraction failed ({exc.__class__.__name__}: {exc})"))
            continue
        if extraction.published:
            document.published, document.published_inferred = extraction.published, True
        out.append((document, extraction, timings))
    return out


def _parsable(document: Document | InputError, max_length: int) -> Document | InputError:
    """A document longer than the parser takes is refused on its own, before it reaches the batch's parse."""
    if isinstance(document, Document) and document.is_english and len(document.text) > max_length:
        return InputError(document.source, f"the article is too long to parse ({len(document.text):,} characters; "
                                           f"the limit is {max_length:,})")
    return document


def _parse(nlp: Language, documents: list[Document]) -> dict[int, SpacyDoc | Exception]:
    """Parse documents together; when that fails, one by one, so that the failure is the article's own."""
    try:
        short = [d for d in documents if len(d.text) <= PARSE_PART_CHARS]
        parsed: dict[int, SpacyDoc | Exception] = dict(zip(map(id, short), nlp.pipe(d.text for d in short),
                                                           strict=True))
        return parsed | {id(d): _parse_one(nlp, d.text) for d in documents if id(d) not in parsed}
    except Exception:  # which article failed is unknown: parse each alone to find out
        log.debug("batch parse failed; parsing one by one", exc_info=True)
    out: dict[int, SpacyDoc | Exception] = {}
    for document in documents:
        try:
            out[id(document)] = _parse_one(nlp, document.text)
        except Exception as exc:
            out[id(document)] = exc
    return out


def _parse_one(nlp: Language, text: str) -> SpacyDoc:
    """A long text is parsed a part at a time, the parts cut after paragraph breaks (which end sentences anyway)
    and joined back into one Doc over the same text: the parser's working memory grows with what it is given,
    a few KB per character, so this bounds it."""
    if len(text) <= PARSE_PART_CHARS:
        return nlp(text)
    parts: list[str] = []
    for paragraph in re.split(r"(?<=\n\n)", text):
        if parts and len(parts[-1]) + len(paragraph) <= PARSE_PART_CHARS:
            parts[-1] += paragraph
        else:
            parts.append(paragraph)
    return SpacyDoc.from_docs([nlp(part) for part in parts], ensure_whitespace=False)


def batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _start_worker(model: str) -> None:
    """A worker process watches the process that started it, and loads the model before its first batch."""
    threading.Thread(target=_exit_with, args=(os.getppid(),), name="parent-watch", daemon=True).start()
    load(model)


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone (killed, say; the worker is then handed to another parent): an orphan
    would wait for work forever, holding its memory. What it was extracting is lost, as is its parent's uncommitted
    article; a new run does both again."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def ingest(inputs: list[str], store: Store, settings: Settings, jobs: int = 1,
           on_progress: Callable[[str], None] | None = None, runner: Runner | None = None) -> IngestReport:
    """Ingest every article the inputs hold; unchanged articles are skipped before any parsing."""
    return ingest_articles(raw_articles(inputs, settings), store, settings, jobs, on_progress, runner)


def ingest_articles(articles: Iterator[RawArticle | InputError], store: Store, settings: Settings, jobs: int = 1,
                    on_progress: Callable[[str], None] | None = None, runner: Runner | None = None) -> IngestReport:
    """Ingest a stream of raw articles (and the errors met reading them), in `jobs` processes (or on `runner`'s
    workers, the store written here all the same)."""
    report = IngestReport()
    load(settings.spacy_model)  # fail early, and once, when the model is missing
    clock = report.timings

    seen: dict[str, str] = {}  # content hash -> source, for the articles of this run

    def pending() -> Iterator[RawArticle]:
        while True:
            with clock.stage("read"):
                item = next(articles, None)
                if item is None:
                    return
                status = None if isinstance(item, InputError) else store.status(item.source, item.content_hash)
                twin = _twin(store, item, seen) if status == "new" else None
            if isinstance(item, InputError):
                report.failed.append((item.source, item.reason))
                _tick(on_progress, item.source)
            elif status == "unchanged" or twin:
                if twin:
                    log.warning("%s: the same content as %s; not stored twice", item.source, twin)
                report.unchanged += 1
                _tick(on_progress, item.source)
            else:
                seen.setdefault(item.content_hash, item.source)
                yield item

    _extract_and_store(pending(), process, store, settings, jobs, on_progress, report, runner)
    return report


def _twin(store: Store, item: RawArticle, seen: dict[str, str]) -> str | None:
    """The source already holding the very same content (a copy of a file under another name), if any."""
    if item.content_hash in seen:
        return seen[item.content_hash]
    with store.sessions() as session:
        return session.scalar(select(DocumentRow.source).where(DocumentRow.content_hash == item.content_hash,
                                                               DocumentRow.source != item.source).limit(1))


@dataclass
class ReextractReport(IngestReport):
    """`updated` counts the articles extracted again, `unchanged` those an up-to-date castline extracted."""

    def summary(self) -> str:
        return f"re-extracted {self.updated}, up to date {self.unchanged}, failed {len(self.failed)}"


def reextract(store: Store, settings: Settings, everything: bool = False, jobs: int = 1,
              on_progress: Callable[[str], None] | None = None) -> ReextractReport:
    """Extract again, from their stored text and metadata, the articles an older castline extracted (all of them
    with `everything`): what to run after an upgrade changed extraction, without the original files or URLs.

    An article that fails keeps its old extraction and stays marked for the next run.
    """
    report = ReextractReport()
    load(settings.spacy_model)
    with store.sessions() as session:
        sources = queries.outdated(session, everything)
        report.unchanged = queries.counts(session)["articles"] - len(sources)

    def pending() -> Iterator[Document]:
        for source in sources:
            with report.timings.stage("read"), store.sessions() as session:
                row = session.scalar(select(DocumentRow).where(DocumentRow.source == source))
                document = stored_document(row) if row is not None else None  # None: withdrawn since
            if document is not None:
                yield document

    _extract_and_store(pending(), reprocess, store, settings, jobs, on_progress, report)
    return report


def stored_document(row: DocumentRow) -> Document:
    """A stored article as the Document it was built from. A publication date castline inferred is inferred
    again: the article's own date (its header or page metadata, kept with the date evidence) is what it was given."""
    published = row.published
    if row.published_inferred:
        clues = (row.dates or {}).get("clues", [])
        published = next((clue["value"] for clue in clues if clue.get("source") == "header"), None)
    return Document(source=row.source, text=row.text, content_hash=row.content_hash, title=row.title, url=row.url,
                    outlet=row.outlet, author=row.author, published=published, removed=list(row.removed or []),
                    removed_rules=list(row.removed_rules or []), warnings=list(row.warnings or []))


def _extract_and_store(items: Iterator[T], work: Callable[[list[T], str], list[Processed | InputError]],
                       store: Store, settings: Settings, jobs: int, on_progress: Callable[[str], None] | None,
                       report: IngestReport, runner: Runner | None = None) -> None:
    """Run `work` over batches of items (in `jobs` processes) and store each article it extracts, one transaction
    each, counting the outcomes in `report`."""
    clock = report.timings

    def record(item: T, result: Processed | InputError) -> None:
        if isinstance(result, InputError):
            report.failed.append((result.source, result.reason))
        else:
            document, extraction, timings = result
            clock.merge(timings)
            try:
                outcome = store.save(document, extraction, clock)
            except Exception as exc:  # the article is rolled back; the batch goes on
                log.debug("storing %s failed", item.source, exc_info=True)
                report.failed.append((item.source, f"not stored ({exc.__class__.__name__}: {exc})"))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
        _tick(on_progress, item.source)

    def record_batch(batch: list[T], future: Future) -> None:
        try:
            results = future.result()
        except Exception as exc:  # a worker died (out of memory, say): its batch fails, the rest goes on
            results = [InputError(item.source, f"worker failed ({exc.__class__.__name__}: {exc})") for item in batch]
        for item, result in zip(batch, results, strict=True):
            record(item, result)

    if runner is not None:
        for batch, results in runner(batches(items, BATCH_SIZE), work, settings.spacy_model):
            for item, result in zip(batch, results, strict=True):
                record(item, result)
        return
    if jobs <= 1:
        for batch in batches(items, BATCH_SIZE):
            for item, result in zip(batch, work(batch, settings.spacy_model), strict=True):
                record(item, result)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(settings.spacy_model,)) as pool:
        running: dict[Future, list[T]] = {}
        for batch in batches(items, BATCH_SIZE):
            running[pool.submit(work, batch, settings.spacy_model)] = batch
            if len(running) >= jobs * IN_FLIGHT_PER_JOB:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    record_batch(running.pop(future), future)
        for future in list(running):
            record_batch(running.pop(future), future)


def _tick(on_progress: Callable[[str], None] | None, source: str) -> None:
    if on_progress:
        on_progress(source)
