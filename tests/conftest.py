"""Shared fixtures: the spaCy model (loaded once), stores on a real SQLite file and on PostgreSQL."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from castline.extract.nlp import load
from castline.kb import Store
from castline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("CASTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler], wrap=None) -> Iterator[ThreadingHTTPServer]:
    """A real HTTP server on 127.0.0.1 (a free port) for the duration of the block; `wrap` may wrap its socket."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if wrap is not None:
        httpd.socket = wrap(httpd.socket)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def nlp():
    return load(Settings().spacy_model)


@pytest.fixture
def sqlite_store(tmp_path):
    store = Store(str(tmp_path / "kb.db"))
    yield store
    store.close()


def _postgres_or_skip() -> None:
    try:
        with create_engine(PG_URL).connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # any failure to connect means: no server here
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}")


@pytest.fixture
def pg_url():
    """The URL of a fresh PostgreSQL schema of its own, dropped afterwards."""
    _postgres_or_skip()
    schema = "castline_test_" + uuid.uuid4().hex[:10]
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f"create schema {schema}"))
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f"drop schema {schema} cascade"))
    engine.dispose()


@pytest.fixture
def postgres_store(pg_url):
    """A store in a fresh PostgreSQL schema of its own."""
    store = Store(pg_url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request):
    """The same store tests on the embedded default and on the scale path."""
    return request.getfixturevalue(f"{request.param}_store")
