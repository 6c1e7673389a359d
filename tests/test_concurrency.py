"""Concurrent use of one knowledge base: reads during writes, writers side by side (SQLite file and PostgreSQL)."""

from __future__ import annotations

import threading

from castline.export import export_kb
from castline.kb import Store

from .test_store import TEXT, doc, extraction


def test_an_export_during_an_ingest_sees_whole_articles_only(store):
    """Each article brings 4 mentions, 2 pieces of fact evidence and 1 quote: a consistent export holds them in
    that ratio to its articles, whatever the writer commits while it is being read."""
    writer = Store(store.url)
    done = threading.Event()
    failures: list[BaseException] = []

    def write() -> None:
        try:
            for n in range(40):
                writer.save(doc(f"{n}.txt", TEXT, f"h{n}"), extraction())
                if n % 3 == 2:  # an update takes an article's extraction away before it writes it again
                    writer.save(doc(f"{n - 1}.txt", TEXT, f"again{n}"), extraction())
        except BaseException as exc:  # reported by the test below
            failures.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    exports = 0
    while not done.is_set() or exports == 0:
        kb = export_kb(store)
        exports += 1
        articles = len(kb["documents"])
        assert sum(len(e["mentions"]) for e in kb["entities"]) == 4 * articles
        assert sum(len(f["evidence"]) for f in kb["facts"]) == 2 * articles
        assert len(kb["quotes"]) == articles
        docs = {d["id"] for d in kb["documents"]}
        assert {m["doc"] for e in kb["entities"] for m in e["mentions"]} <= docs
    thread.join()
    writer.close()
    assert not failures
    assert len(export_kb(store)["documents"]) == 40


def test_writers_side_by_side_store_every_article_once(store):
    """Two writers, each its own connection, saving articles that name the same people: no write is lost to
    the other's lock and every name is one entity."""
    writers = [Store(store.url) for _ in range(2)]
    failures: list[BaseException] = []

    def write(k: int) -> None:
        try:
            for n in range(12):
                writers[k].save(doc(f"{k}-{n}.txt", TEXT, f"h{n}"), extraction())
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for writer in writers:
        writer.close()
    assert not failures
    kb = export_kb(store)
    assert len(kb["documents"]) == 24
    assert sorted(e["name"] for e in kb["entities"]) == ["Harbor City Fire", "Mara Quinn", "Nora Vance"]

