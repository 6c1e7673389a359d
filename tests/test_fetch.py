"""URLs and feeds against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from castline.errors import InputError
from castline.ingest import build_document, raw_articles
from castline.settings import Settings

ARTICLE = """<html><head><title>Harbor City Fire Adds a New Recruit</title>
<meta property="og:site_name" content="Deadline"></head><body><article>
<h1>Harbor City Fire Adds a New Recruit</h1>
<p>Dev Kapoor has joined the cast of Harbor City Fire as firefighter Sam Ruiz, the network announced on
Monday. Kapoor told Deadline that he had been a fan of the drama since its first season and that he could
not wait to get to work with the cast and the crew on the new episodes this fall.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        port = self.server.server_address[1]
        routes = {
            "/article.html": ("text/html; charset=utf-8", ARTICLE.encode()),
            "/big.html": ("text/html", b"<p>" + b"x" * 5000 + b"</p>"),
            "/feed.xml": ("application/rss+xml", f"""<?xml version="1.0"?><rss version="2.0"><channel>
                <title>Local Feed</title><item><title>Recruit</title>
                <link>http://127.0.0.1:{port}/article.html</link></item>
                <item><title>Gone</title><link>http://127.0.0.1:{port}/missing.html</link></item>
                </channel></rss>""".encode()),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/hop":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        kind, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


PRIVATE = Settings(allow_private=True, fetch_timeout=5)


def fetch_all(url, settings=PRIVATE):
    return list(raw_articles([url], settings))


def test_private_address_is_refused_by_default(server):
    [error] = fetch_all(server + "/article.html", Settings())
    assert isinstance(error, InputError)
    assert "refused to fetch private address 127.0.0.1" in error.reason


def test_article_url_with_allow_private(server):
    [raw] = fetch_all(server + "/article.html")
    doc = build_document(raw)
    assert doc.title == "Harbor City Fire Adds a New Recruit"
    assert doc.outlet == "Deadline"
    assert doc.text.startswith("Dev Kapoor has joined")


def test_redirect_is_followed(server):
    [raw] = fetch_all(server + "/hop")
    assert raw.meta["url"].endswith("/article.html")


def test_redirect_loop_is_bounded(server):
    [error] = fetch_all(server + "/loop")
    assert error.reason == "more than 5 redirects"


def test_size_cap_on_download(server):
    [error] = fetch_all(server + "/big.html", Settings(allow_private=True, max_bytes=1000))
    assert "size cap" in error.reason


def test_http_error_names_status(server):
    [error] = fetch_all(server + "/missing.html")
    assert error.reason == "HTTP 404"


def test_unreachable_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [error] = fetch_all(f"http://127.0.0.1:{port}/x")
    assert error.reason.startswith("unreachable: ConnectError")


def test_feed_url_fetches_each_entry(server):
    items = fetch_all(server + "/feed.xml")
    good = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [g.meta["title"] for g in good] == ["Recruit"]
    assert good[0].meta["outlet"] == "Local Feed"
    assert [(b.source.rsplit("/", 1)[1], b.reason) for b in bad] == [("missing.html", "HTTP 404")]
