"""`castline watch`: poll feeds and pages, ingest only what is new, keep going through failures, stop cleanly.

A URL is fetched with a conditional GET (the ETag and Last-Modified its last answer gave, kept in the knowledge
base's `feeds` table so a restart keeps them): a 304 costs one request and no parsing. A feed's entries already
stored are skipped before their pages are fetched. A source that is down or broken is logged, its error kept, and
tried again next round. A stop request (Ctrl-C, SIGTERM) ends the round after the article being written: every
article is stored whole in its own transaction, or not at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from .errors import InputError
from .ingest import RawArticle, raw_articles
from .ingest.decode import decode
from .ingest.fetch import fetch
from .ingest.sources import feed_articles, is_url, looks_like_feed
from .kb import Store
from .kb.schema import DocumentRow, FeedRow
from .pipeline import IngestReport, ingest_articles
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class RoundReport:
    not_modified: list[str] = field(default_factory=list)  # sources that answered 304
    down: list[tuple[str, str]] = field(default_factory=list)  # sources that could not be read this round
    ingest: IngestReport = field(default_factory=IngestReport)

    def summary(self) -> str:
        return (f"{self.ingest.summary()}; {len(self.not_modified)} not modified, {len(self.down)} unreachable"
                if self.down or self.not_modified else self.ingest.summary())


def _stored(store: Store) -> Callable[[str], bool]:
    def known(source: str) -> bool:
        with store.reads() as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.source == source)) is not None
    return known


def _remember(store: Store, source: str, etag: str | None, last_modified: str | None, error: str | None) -> None:
    with store.writing() as session:
        row = session.get(FeedRow, source) or FeedRow(source=source)
        if error is None:
            row.etag, row.last_modified = etag, last_modified
        row.checked_at, row.error = datetime.now(UTC), error
        session.merge(row)


def _articles_of_url(url: str, store: Store, settings: Settings, report: RoundReport
                     ) -> Iterator[RawArticle | InputError]:
    with store.reads() as session:
        state = session.get(FeedRow, url)
    fetched = fetch(url, settings, etag=state.etag if state else None,
                    last_modified=state.last_modified if state else None)
    if fetched.not_modified:
        report.not_modified.append(url)
        _remember(store, url, fetched.etag, fetched.last_modified, None)
        return
    text = decode(fetched.content, url, fetched.charset)
    kind = fetched.content_type
    if "xml" in kind or "rss" in kind or "atom" in kind or looks_like_feed(text):
        articles = list(feed_articles(fetched.content, url, settings, fetched.charset, known=_stored(store)))
    else:
        articles = [RawArticle(url, text, "html" in kind or text.lstrip()[:1] == "<", {"url": fetched.url})]
    _remember(store, url, fetched.etag, fetched.last_modified, None)  # after the body read whole
    yield from articles


def poll_once(sources: list[str], store: Store, settings: Settings, jobs: int = 1,
              stop: threading.Event | None = None) -> RoundReport:
    """One round over every source: what is new is ingested; a source that fails is reported and left for later."""
    report = RoundReport()
    stop = stop or threading.Event()

    def articles() -> Iterator[RawArticle | InputError]:
        for source in sources:
            if stop.is_set():
                return
            try:
                found = list(_articles_of_url(source, store, settings, report)) if is_url(source) \
                    else list(raw_articles([source], settings))
            except InputError as exc:
                found = [exc]
            except Exception as exc:  # a surprise from one source must not end the watch
                found = [InputError(source, f"{exc.__class__.__name__}: {exc}")]
            for item in found:
                if stop.is_set():
                    return
                if isinstance(item, InputError) and item.source == source:
                    report.down.append((source, item.reason))
                    log.warning("%s: %s (tried again next round)", source, item.reason)
                    if is_url(source):
                        _remember(store, source, None, None, item.reason)
                    continue
                yield item

    report.ingest = ingest_articles(articles(), store, settings, jobs)
    return report


def watch(sources: list[str], store: Store, settings: Settings, every: float, once: bool = False, jobs: int = 1,
          stop: threading.Event | None = None, on_round: Callable[[RoundReport], None] | None = None) -> int:
    """Poll every `every` seconds until `stop` is set (or once); returns the number of rounds run."""
    stop = stop or threading.Event()
    rounds = 0
    while not stop.is_set():
        report = poll_once(sources, store, settings, jobs, stop)
        rounds += 1
        if on_round:
            on_round(report)
        if once or stop.wait(every):
            break
    return rounds
