"""Throughput and memory of the full pipeline against the bare spaCy model, on the same texts.

The bare model's `nlp.pipe` is the floor castline cannot beat; the report
gives castline's ingest throughput beside it, the time per stage, peak
memory, the cost of re-ingesting an unchanged corpus and an entity page's
latency in the web app.
"""

from __future__ import annotations

import hashlib
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy

from .errors import InputError
from .ingest import RawArticle, build_document, raw_articles
from .kb import Store, queries
from .pipeline import ingest_articles
from .settings import Settings

ENTITY_PAGE_REQUESTS = 50


def repeated(inputs: list[str], settings: Settings, repeat: int) -> Iterator[RawArticle | InputError]:
    """The corpus `repeat` times over, each pass under new source names and content hashes so that every copy is a
    new article (ingest stores the very same content only once)."""
    for round_ in range(repeat):
        for item in raw_articles(inputs, settings):
            if isinstance(item, RawArticle) and round_:
                copy_hash = hashlib.sha256(f"{item.content_hash}#copy{round_}".encode()).hexdigest()
                item = replace(item, source=f"{item.source}#copy{round_}", content_hash=copy_hash)
            yield item


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest worker, in MB (Linux reports KB)."""
    return {"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "largest_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def bare_spacy(texts_file: Path, model: str, jobs: int) -> dict[str, float]:
    """The plain model over the cleaned texts, streamed from disk, in `jobs` processes."""
    nlp = spacy.load(model)

    def texts() -> Iterator[str]:
        with texts_file.open(encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)

    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts(), batch_size=16, n_process=jobs))
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": seconds, "docs_per_second": count / seconds if seconds else 0.0}


def entity_page_ms(db: str) -> float:
    """Median time the web app takes to answer the most mentioned entity's page."""
    from fastapi.testclient import TestClient

    from .web import create_app

    store = Store(db, readonly=True)
    with store.sessions() as session:
        top = queries.list_entities(session, limit=1)
    store.close()
    if not top:
        return 0.0
    client = TestClient(create_app(db))
    client.get(f"/entity/{top[0]['id']}")
    samples = []
    for _ in range(ENTITY_PAGE_REQUESTS):
        started = time.perf_counter()
        client.get(f"/entity/{top[0]['id']}")
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def run(inputs: list[str], repeat: int = 1, jobs: int = 1, settings: Settings | None = None,
        workdir: str | None = None) -> dict[str, Any]:
    """Every figure of the benchmark, for one run on the same texts."""
    settings = settings or Settings()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        characters = 0
        with texts_file.open("w", encoding="utf-8") as out:
            for item in repeated(inputs, settings, repeat):
                if isinstance(item, RawArticle):
                    try:
                        text = build_document(item).text
                    except InputError:
                        continue
                    characters += len(text)
                    out.write(json.dumps(text) + "\n")
        bare = bare_spacy(texts_file, settings.spacy_model, jobs)
        db = str(Path(tmp) / "bench.db")
        store = Store(db)
        started = time.perf_counter()
        first = ingest_articles(repeated(inputs, settings, repeat), store, settings, jobs)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = ingest_articles(repeated(inputs, settings, repeat), store, settings, jobs)
        again_seconds = time.perf_counter() - started
        store.close()
        page_ms = entity_page_ms(db)
        stored = first.ingested + first.updated
        throughput = stored / first_seconds if first_seconds else 0.0
        return {
            "inputs": inputs, "repeat": repeat, "jobs": jobs, "documents": stored, "failed": len(first.failed),
            "characters": characters,
            "bare_spacy": bare,
            "castline": {"seconds": first_seconds, "docs_per_second": throughput,
                         "ratio_to_bare_spacy": throughput / bare["docs_per_second"] if bare["docs_per_second"] else 0,
                         "stages": dict(sorted(first.timings.items(), key=lambda kv: -kv[1]))},
            "reingest": {"seconds": again_seconds, "unchanged": again.unchanged,
                         "share_of_first": again_seconds / first_seconds if first_seconds else 0.0},
            "peak_rss_mb": peak_rss_mb(),
            "entity_page_ms": page_ms,
        }
