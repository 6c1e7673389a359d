"""Figures for ingest past one machine: a Dask cluster against `--jobs`, the per-article merge cost as the knowledge
base grows (SQLite and PostgreSQL), and the entity page's p95 on a large knowledge base.

Growing a knowledge base to 100k articles by parsing takes hours on two cores, so the merge-cost run parses the
corpus once and then writes copies of its extractions straight through Store.save, each copy under new sources and
with its people, characters and episodes renamed (shows, networks and outlets stay shared, as in a real corpus
where the same few hundred shows are written about again and again).
"""

from __future__ import annotations

import hashlib
import itertools
import resource
import statistics
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .document import DocExtraction, Document
from .errors import InputError
from .kb import Store, queries
from .pipeline import Runner, ingest
from .settings import Settings
from .synth import SYLLABLES
from .timing import Timings

# Entity types renamed in each copy: new people in every copy, the same shows and networks.
RENAMED = {"person", "character", "episode"}
# Articles whose saves are timed at each size the knowledge base reaches.
MERGE_SAMPLE = 200
PAGE_REQUESTS = 60


def _recording(inner: Runner, sink: list[tuple[Document, DocExtraction]]) -> Runner:
    """A runner that keeps every extraction the inner runner brings back, for the merge-cost run."""
    def run(batches: Iterator[list], work: Any, model: str) -> Iterator[tuple[list, list]]:
        for batch, results in inner(batches, work, model):
            sink.extend((r[0], r[1]) for r in results if not isinstance(r, InputError))
            yield batch, results
    return run


def dask_against_jobs(inputs: list[str], workdir: Path, workers: int = 2, settings: Settings | None = None
                      ) -> tuple[dict[str, Any], list[tuple[Document, DocExtraction]]]:
    """Ingest throughput of `--jobs N` and of a local Dask cluster of N workers, each into a fresh SQLite file;
    returns the figures and the extractions (from the Dask run)."""
    from .scale import cluster

    settings = settings or Settings()
    figures: dict[str, Any] = {"workers": workers}
    store = Store(str(workdir / "jobs.db"))
    started = time.perf_counter()
    report = ingest(inputs, store, settings, jobs=workers)
    seconds = time.perf_counter() - started
    store.close()
    figures["jobs"] = {"articles": report.ingested, "seconds": seconds, "docs_per_second": report.ingested / seconds}
    extractions: list[tuple[Document, DocExtraction]] = []
    started = time.perf_counter()
    with cluster(workers=workers) as runner:
        startup = time.perf_counter() - started
        store = Store(str(workdir / "dask.db"))
        started = time.perf_counter()
        report = ingest(inputs, store, settings, runner=_recording(runner, extractions))
        seconds = time.perf_counter() - started
        store.close()
    figures["dask"] = {"articles": report.ingested, "seconds": seconds, "docs_per_second": report.ingested / seconds,
                       "cluster_start_seconds": startup, "failed": len(report.failed)}
    figures["ratio"] = figures["dask"]["docs_per_second"] / figures["jobs"]["docs_per_second"]
    figures["client_cpu_seconds"] = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    return figures, extractions


def _tag(copy: int) -> str:
    """Letters naming a copy (0 names none): syllables, so that a renamed name is still a name."""
    tag = ""
    while copy:
        copy, digit = divmod(copy, len(SYLLABLES))
        tag += SYLLABLES[digit]
    return tag


def _renamed(name: str, tag: str) -> str:
    words = name.split()
    return " ".join([*words[:-1], words[-1] + tag]) if words else name


def replica(document: Document, extraction: DocExtraction, copy: int) -> tuple[Document, DocExtraction]:
    """The article as copy `copy`: a new source and content hash, its people, characters and episodes renamed, and
    its quotes in words of their own (the same words in every copy would make one quote group of them all)."""
    if copy == 0:
        return document, extraction
    tag = _tag(copy)
    entities = [replace(e, name=_renamed(e.name, tag), aliases=[_renamed(a, tag) for a in e.aliases])
                if e.type in RENAMED else e for e in extraction.entities]
    quotes = [replace(q, text=" ".join(word + tag for word in q.text.split())) for q in extraction.quotes]
    content_hash = hashlib.sha256(f"{document.content_hash}#copy{copy}".encode()).hexdigest()
    return (replace(document, source=f"{document.source}#copy{copy}", content_hash=content_hash),
            replace(extraction, entities=entities, quotes=quotes))


def _copies(extractions: list[tuple[Document, DocExtraction]]) -> Iterator[tuple[Document, DocExtraction]]:
    copy = 0
    while True:
        for document, extraction in extractions:
            yield replica(document, extraction, copy)
        copy += 1


# Tables an article's rows live in, and which of their columns point at rows of which table (what a copy shifts).
ARTICLE_ROWS = {
    "documents": {"id": "documents"},
    "doc_entities": {"id": "doc_entities", "document_id": "documents"},
    "node_links": {"id": "node_links", "document_id": "documents"},
    "aliases": {"id": "aliases", "document_id": "documents", "doc_entity_id": "doc_entities"},
    "mentions": {"id": "mentions", "document_id": "documents", "doc_entity_id": "doc_entities"},
    "evidence": {"id": "evidence", "document_id": "documents", "subject_local_id": "doc_entities",
                 "object_local_id": "doc_entities"},
    "quotes": {"id": "quotes", "document_id": "documents", "speaker_local_id": "doc_entities",
               "outlet_local_id": "doc_entities", "group_id": "quotes", "lent_from_id": "documents"},
    "quote_sketches": {"quote_id": "quotes"},
}


def last_ids(store: Store) -> dict[str, int]:
    """The highest id of every table of article rows: what `replicate` copies is up to these."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return {t: conn.execute(text(f"select coalesce(max(id), 0) from {t}")).scalar()
                for t in ARTICLE_ROWS if t != "quote_sketches"}


def replicate(store: Store, base: dict[str, int], copies: int, first: int) -> None:
    """Copy the first articles of the knowledge base (those with ids up to `base[table]`) `copies` times, in SQL,
    each copy's rows pointing at the same entities, facts and events: a knowledge base of many articles in minutes
    rather than days, whose popular entities are as popular as in a corpus that many times larger. The kept counts
    are worked out afresh at the end."""
    from sqlalchemy import text

    from .kb.schema import Base
    from .kb.store import _precomputed_counts

    for copy in range(first, first + copies):
        with store.engine.begin() as conn:
            shift = {t: conn.execute(text(f"select coalesce(max(id), 0) from {t}")).scalar()
                     for t in ARTICLE_ROWS if t != "quote_sketches"}
            for table, pointers in ARTICLE_ROWS.items():
                columns = [c.name for c in Base.metadata.tables[table].columns]
                values = [f'"{c}" + {shift[pointers[c]]}' if c in pointers
                          else f"source || '#replica{copy}'" if (table, c) == ("documents", "source") else f'"{c}"'
                          for c in columns]
                own = "quote_id" if table == "quote_sketches" else "id"
                limit = base["quotes" if table == "quote_sketches" else table]
                conn.execute(text(f"insert into {table} ({', '.join(chr(34) + c + chr(34) for c in columns)}) "
                                  f"select {', '.join(values)} from {table} where {own} <= {limit}"))
    with store.engine.begin() as conn:
        if store.postgres:
            for table in ARTICLE_ROWS:
                if table != "quote_sketches":
                    conn.execute(text(f"select setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(select max(id) from {table}))"))
        _precomputed_counts(conn)


def merge_cost(extractions: list[tuple[Document, DocExtraction]], db: str, sizes: tuple[int, ...]
               ) -> list[dict[str, Any]]:
    """The cost of saving an article into knowledge bases of each size in `sizes`: the extractions are saved first
    (timing MERGE_SAMPLE saves where the first size falls inside them), then the knowledge base is grown by
    `replicate` to each larger size and MERGE_SAMPLE further articles (new copies: new people, the same shows) are
    saved and timed: merge (entity resolution, facts, quotes) and the whole save."""
    if not extractions:
        return []
    store = Store(db)
    fresh = (replica(d, e, 1000 + n) for n in itertools.count() for d, e in extractions)
    out: list[dict[str, Any]] = []

    def timed(articles: Iterator[tuple[Document, DocExtraction]], kb_articles: int) -> None:
        clock = Timings()
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(MERGE_SAMPLE):
            store.save(*next(articles), clock)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        out.append({"kb_articles": kb_articles, "merge_ms": 1000 * clock.get("merge", 0) / MERGE_SAMPLE,
                    "save_ms": 1000 * wall / MERGE_SAMPLE, "client_cpu_ms": 1000 * cpu / MERGE_SAMPLE})

    started = time.perf_counter()
    originals = iter(extractions)
    for saved in range(len(extractions)):
        if saved + MERGE_SAMPLE in sizes and saved + MERGE_SAMPLE <= len(extractions):
            timed(originals, saved + MERGE_SAMPLE)
            break
        store.save(*next(originals))
    for document, extraction in originals:
        store.save(document, extraction)
    build = time.perf_counter() - started
    base = last_ids(store)
    copies = 1
    for size in sizes:
        if size <= len(extractions):
            continue
        wanted = size // len(extractions)
        started = time.perf_counter()
        replicate(store, base, wanted - copies, copies)
        copies = wanted
        replicated = time.perf_counter() - started
        timed(fresh, size)
        out[-1]["replicate_seconds"] = replicated
    out.append({"base_articles": len(extractions), "base_build_seconds": build,
                "base_save_ms": 1000 * build / len(extractions)} | kb_size(store))
    store.close()
    return out


def kb_size(store: Store) -> dict[str, Any]:
    """Rows per article and, on SQLite, bytes per article of the knowledge base."""
    from sqlalchemy import func, select, text

    from .kb.schema import Base

    with store.sessions() as session:
        rows = {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
        if store.postgres:
            size = session.scalar(text("select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n "
                                       "on n.oid = c.relnamespace where n.nspname = current_schema() "
                                       "and c.relkind in ('r')"))
        else:
            size = session.scalar(text("select page_count * page_size from pragma_page_count(), pragma_page_size()"))
    articles = rows.get("documents") or 1
    return {"rows_per_article": sum(rows.values()) / articles, "bytes_per_article": float(size or 0) / articles,
            "rows": rows}


def entity_page(db: str, requests: int = PAGE_REQUESTS) -> dict[str, Any]:
    """Latency of the web page of the entity named in most articles (the heaviest page): median, p95 and max."""
    from fastapi.testclient import TestClient

    from .web import create_app

    store = Store(db, readonly=True)
    with store.sessions() as session:
        top = queries.list_entities(session, limit=1)
        articles = queries.counts(session)["articles"]
    store.close()
    if not top:
        return {}
    client = TestClient(create_app(db))
    assert client.get(f"/entity/{top[0]['id']}").status_code == 200
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(f"/entity/{top[0]['id']}")
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"kb_articles": articles, "entity": top[0]["name"], "entity_articles": top[0]["documents"],
            "median_ms": statistics.median(samples), "p95_ms": samples[int(0.95 * (len(samples) - 1))],
            "max_ms": samples[-1]}


def run(inputs: list[str], workdir: str, workers: int = 2, sizes: tuple[int, ...] = (1000, 10_000, 100_000),
        postgres: str | None = None) -> dict[str, Any]:
    """Every scale figure: Dask against --jobs on the corpus, merge cost on SQLite (and PostgreSQL at the URL of an
    empty schema, when given), and the entity page on the largest SQLite knowledge base built."""
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    figures, extractions = dask_against_jobs(inputs, work, workers)
    out: dict[str, Any] = {"throughput": figures}
    sqlite_db = str(work / "grown.db")
    out["merge_sqlite"] = merge_cost(extractions, sqlite_db, sizes)
    if postgres:
        out["merge_postgresql"] = merge_cost(extractions, postgres, sizes)
    out["entity_page"] = entity_page(sqlite_db)
    return out
