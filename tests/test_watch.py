"""`castline watch` against a real local HTTP server; `castline changes` and the Atom feed of what is new."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

import feedparser
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from castline.cli import app
from castline.kb import Store
from castline.settings import Settings
from castline.watch import poll_once, watch
from castline.web import create_app

from .conftest import local_server

ENTRY = """<item><title>{title}</title><link>http://127.0.0.1:{port}/{slug}</link>
<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"""
STORIES = [("one", "Copper Bay Adds Tobin Vale",
            "Tobin Vale has joined the ABC drama Copper Bay as Marek Quist, Variety reported on Monday."),
           ("two", "Lena Frost Returns to Copper Bay",
            "Lena Frost will return to Copper Bay as Ivy Marsh, TVLine reported. \"I missed her,\" Frost said.")]


class Feed(BaseHTTPRequestHandler):
    """An RSS feed with ETag and Last-Modified; `items` and `broken` are set by the test."""

    items = 1
    broken = False
    requests: list[tuple[str, str | None]] = []

    def do_GET(self):
        etag = f'"v{Feed.items}"'
        Feed.requests.append((self.path, self.headers.get("If-None-Match")))
        if Feed.broken:
            self.send_response(500)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        port = self.server.server_address[1]
        body = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Backlot Wire</title>"
                + "".join(ENTRY.format(port=port, slug=s, title=t, text=x) for s, t, x in STORIES[:Feed.items])
                + "</channel></rss>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_watch_ingests_new_entries_once_and_rides_out_a_broken_feed(tmp_path):
    Feed.items, Feed.broken, Feed.requests = 1, False, []
    store = Store(str(tmp_path / "kb.db"))
    settings = Settings().with_overrides(allow_private=True)
    with local_server(Feed) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
        first = poll_once([url], store, settings)
        assert first.ingest.ingested == 1 and not first.down
        again = poll_once([url], store, settings)
        assert again.not_modified == [url] and again.ingest.ingested == 0
        assert Feed.requests[-1] == ("/feed.xml", '"v1"')  # a conditional GET

        Feed.broken = True
        down = poll_once([url], store, settings)
        assert down.down and "HTTP 500" in down.down[0][1] and down.ingest.ingested == 0
        Feed.broken, Feed.items = False, 2
        grown = poll_once([url], store, settings)
        assert grown.ingest.ingested == 1 and grown.ingest.unchanged == 0  # the old entry is not read again
    with store.reads() as session:
        from castline.kb.queries import sources
        assert sorted(s["headline"] for s in sources(session)) == sorted(t for _, t, _ in STORIES)

    Feed.items = 1
    stop = threading.Event()
    with local_server(Feed) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
        rounds: list = []
        threading.Timer(0.5, stop.set).start()
        assert watch([url], store, settings, every=0.1, stop=stop, on_round=rounds.append) == len(rounds) >= 1


def test_watch_stops_cleanly_on_sigterm(tmp_path):
    Feed.items, Feed.broken = 2, False
    with local_server(Feed) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
        db = str(tmp_path / "kb.db")
        process = subprocess.Popen([sys.executable, "-m", "castline.cli", "watch", url, "--db", db, "--every", "60",
                                    "--allow-private"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "COLUMNS": "200"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not os.path.exists(db):
            time.sleep(0.2)
        time.sleep(8)  # the first round: two articles parsed and stored
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "ingested 2" in out and "stopped after 1 round" in out
    titles = [s["headline"] for s in json.loads(CliRunner().invoke(app, ["sources", "--db", db, "--json"]).output)]
    assert sorted(titles) == sorted(t for _, t, _ in STORIES)


def said(fact: dict) -> tuple:
    """A fact by names and first-seen time, as it stays when the knowledge base is rebuilt."""
    obj = fact["object"].get("name", str(fact["object"].get("value")))
    return (fact["subject"]["name"], fact["predicate"], obj, fact["first_seen"])


def test_changes_and_the_atom_feed_list_what_is_new(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "kb.db")
    for slug, title, text in STORIES:
        (tmp_path / f"{slug}.txt").write_text(f"Title: {title}\n\n{text}\n")
    before = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    assert runner.invoke(app, ["ingest", str(tmp_path / "one.txt"), "--db", db]).exit_code == 0
    middle = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    assert runner.invoke(app, ["ingest", str(tmp_path / "two.txt"), "--db", db]).exit_code == 0
    everything = json.loads(runner.invoke(app, ["changes", "--since", before, "--db", db, "--json"]).output)
    later = json.loads(runner.invoke(app, ["changes", "--since", middle, "--db", db, "--json"]).output)
    names = {(f["subject"]["name"], f["predicate"]) for f in later["facts"]}
    assert ("Lena Frost", "plays") in names and ("Tobin Vale", "plays") not in names
    assert {(f["subject"]["name"], f["predicate"]) for f in everything["facts"]} >= names | {("Tobin Vale", "plays")}
    assert [q["speaker"] for q in later["quotes"]] == ["Lena Frost"]
    assert runner.invoke(app, ["reextract", "--all", "--db", db]).exit_code == 0  # extracting again is no news
    again = json.loads(runner.invoke(app, ["changes", "--since", middle, "--db", db, "--json"]).output)
    assert sorted(map(said, again["facts"])) == sorted(map(said, later["facts"]))
    text = runner.invoke(app, ["changes", "--since", middle, "--db", db]).output
    assert "New facts" in text and "Lena Frost plays Ivy Marsh" in text and "Tobin Vale" not in text
    assert runner.invoke(app, ["changes", "--since", "soon", "--db", db]).exit_code == 2

    client = TestClient(create_app(db))
    response = client.get("/feeds/changes.atom", params={"since": middle})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.feed.title == "castline: what is new"
    titles = [e.title for e in feed.entries]
    assert "Fact: Lena Frost plays Ivy Marsh" in titles and "Quote: Lena Frost" in titles
    assert all(e.link.startswith("http://testserver/") for e in feed.entries)
    assert client.get("/feeds/changes.atom", params={"since": "yesterday"}).status_code == 422
