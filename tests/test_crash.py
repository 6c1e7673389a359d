"""A castline killed mid-ingest: its worker processes end with it, and running the ingest again gives the knowledge
base a clean run gives."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from castline.document import SYMMETRIC_PREDICATES
from castline.export import export_kb
from castline.kb import Store
from castline.synth import write_corpus

from .conftest import ROOT
from .test_pipeline import canonical

ARTICLES = 48
ENV = os.environ | {"PYTHONPATH": str(ROOT / "src")}


def same_kb(kb: dict) -> tuple:
    """`canonical`, with a symmetric fact's two sides in name order: the store orders them by entity id, and ids
    follow the order articles came in."""
    names = {e["id"]: e["name"] for e in kb["entities"]}
    for fact in kb["facts"]:
        if fact["predicate"] in SYMMETRIC_PREDICATES and isinstance(fact["object"], str) \
                and names[fact["object"]] < names[fact["subject"]]:
            fact["subject"], fact["object"] = fact["object"], fact["subject"]
    return canonical(kb)


def ingest(corpus: Path, db: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "castline.cli", "ingest", str(corpus), "--db", str(db), *options],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def wait_for(condition, limit: float) -> bool:
    """Poll `condition` until it holds or `limit` seconds have passed."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_kill_9_mid_ingest_leaves_no_worker_and_the_rerun_gives_the_clean_kb(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES)
    db = tmp_path / "kb.db"
    parent = ingest(corpus, db, "--jobs", "2")
    assert wait_for(lambda: stored(db) >= 4 or parent.poll() is not None, 600)
    workers = children(parent.pid)
    assert parent.poll() is None and 0 < stored(db) < ARTICLES and len(workers) >= 2
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert wait_for(lambda: not any(running(pid) for pid in workers), 30), "workers outlived their parent"

    assert ingest(corpus, db, "--jobs", "2").wait(timeout=900) == 0
    clean = tmp_path / "clean.db"
    assert ingest(corpus, clean).wait(timeout=900) == 0
    resumed, fresh = Store(str(db)), Store(str(clean))
    assert same_kb(export_kb(resumed)) == same_kb(export_kb(fresh))
    resumed.close()
    fresh.close()
