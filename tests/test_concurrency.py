"""Concurrent use of one knowledge base: reads during writes, writers side by side (SQLite file and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid

from sqlalchemy import create_engine, func, select, text

from castline.export import export_kb
from castline.kb import Store
from castline.kb.store import WRITE_LOCK

from .conftest import PG_URL, ROOT, _postgres_or_skip
from .test_crash import same_kb
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



ARTICLES = [
    "Title: Dana Morrow Joins Glass Harbor\nPublished: 2024-05-02\n\nDana Morrow has joined the cast of Glass Harbor, "
    "the NBC drama, as Detective Ivy Lane. Morrow, 36, told Variety she was thrilled.",
    "Title: Glass Harbor Renewed\nPublished: 2024-05-09\n\nNBC has renewed Glass Harbor for a third season. "
    "Dana Morrow plays Ivy Lane on the drama, which airs Mondays at 10 p.m.",
    "Title: Felix Arden Directs\nPublished: 2024-06-01\n\nFelix Arden, who plays Owen Pike on Glass Harbor, will "
    "direct an episode next season. \"I have wanted this for years,\" Arden said.",
    "Title: Owen Pike Returns\nPublished: 2024-06-15\n\nFelix Arden returns as Owen Pike when Glass Harbor comes "
    "back to NBC. Arden joined the show in 2022.",
    "Title: Ruth Calder Cast\nPublished: 2024-07-01\n\nRuth Calder will guest star on Glass Harbor as Mayor Elsa "
    "Brandt, Deadline reported. Calder previously starred in Copper Valley.",
    "Title: Copper Valley Ends\nPublished: 2024-07-20\n\nCopper Valley will end after five seasons on ABC. Ruth "
    "Calder, who played Jo Hart, said goodbye to the cast.",
    "Title: Dana Morrow Talks Ivy\nPublished: 2024-08-03\n\n\"Ivy is the hardest role I have played,\" Dana Morrow "
    "told TVLine. Morrow stars opposite Felix Arden on Glass Harbor.",
    "Title: Glass Harbor Adds Writer\nPublished: 2024-08-18\n\nGlass Harbor has hired Tess Okafor as a writer for "
    "its fourth season, NBC said. Okafor wrote for Copper Valley.",
]


def _fresh_schema(engine, name: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(f"create schema {name}"))


def test_concurrent_ingests_into_an_empty_postgresql_give_the_one_process_kb(tmp_path):
    """Four `castline ingest` processes start together on an empty database: none dies creating the schema, every
    article goes in, no entity is made twice, and the knowledge base is the one a single process builds."""
    _postgres_or_skip()
    files = []
    for n, body in enumerate(ARTICLES):
        path = tmp_path / f"article{n}.txt"
        path.write_text(body)
        files.append(str(path))
    engine = create_engine(PG_URL)
    schemas = [f"castline_race_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    urls = [f"{PG_URL}?options=-csearch_path%3D{schema}" for schema in schemas]
    try:
        for schema in schemas:
            _fresh_schema(engine, schema)
        env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
        command = [sys.executable, "-m", "castline.cli", "ingest"]
        runs = [subprocess.Popen([*command, *files[k::4], "--db", urls[0]], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True) for k in range(4)]
        outputs = [run.communicate(timeout=600)[0] for run in runs]
        assert [run.returncode for run in runs] == [0] * 4, outputs
        alone = subprocess.run([*command, *files, "--db", urls[1]], env=env, capture_output=True, text=True,
                               timeout=600)
        assert alone.returncode == 0, alone.stderr
        together, single = Store(urls[0]), Store(urls[1])
        kb = export_kb(together)
        assert len(kb["documents"]) == len(ARTICLES)
        assert len({(e["name"], e["type"]) for e in kb["entities"]}) == len(kb["entities"])
        assert same_kb(kb) == same_kb(export_kb(single))
        together.close()
        single.close()
    finally:
        with engine.begin() as conn:
            for schema in schemas:
                conn.execute(text(f"drop schema if exists {schema} cascade"))
        engine.dispose()


def test_opening_a_current_knowledge_base_does_not_wait_for_a_writer(store):
    """A reader (castline export, sources, serve) opens the store while a writer holds the write lock."""
    holder = create_engine(store.url)
    with holder.connect() as conn:
        if store.postgres:
            conn.execute(select(func.pg_advisory_lock(WRITE_LOCK)))
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        opened: list[Store] = []
        thread = threading.Thread(target=lambda: opened.append(Store(store.url)), daemon=True)
        thread.start()
        thread.join(30)
        waiting = thread.is_alive()
        if store.postgres:
            conn.execute(select(func.pg_advisory_unlock(WRITE_LOCK)))
        conn.rollback()
    thread.join()
    holder.dispose()
    for other in opened:
        other.close()
    assert not waiting and opened
