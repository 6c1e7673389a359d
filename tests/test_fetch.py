"""URLs and feeds against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time
from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from castline.errors import InputError
from castline.ingest import build_document, raw_articles
from castline.ingest.fetch import fetch, is_public
from castline.settings import Settings

from .conftest import local_server

ARTICLE = """<html><head><title>Harbor City Fire Adds a New Recruit</title>
<meta property="og:site_name" content="Deadline"></head><body><article>
<h1>Harbor City Fire Adds a New Recruit</h1>
<p>Dev Kapoor has joined the cast of Harbor City Fire as firefighter Sam Ruiz, the network announced on
Monday. Kapoor told Deadline that he had been a fan of the drama since its first season and that he could
not wait to get to work with the cast and the crew on the new episodes this fall.</p>
</article></body></html>"""


SEEN: list[tuple[str, str | None]] = []  # (path, Host header) of every request the server answered


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        SEEN.append((self.path, self.headers.get("Host")))
        port = self.server.server_address[1]
        if self.path in ("/trickle-body", "/trickle-head"):
            self.trickle(self.path == "/trickle-head")
            return
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

    def trickle(self, head: bool) -> None:
        """One byte at a time, each well within the read timeout, for far longer than the deadline."""
        start = b"" if head else b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
        self.wfile.write(start)
        rest = (b"HTTP/1.1 200 OK\r\nX-Slow: " + b"s" * 200 + b"\r\n\r\n") if head else b"x" * 200
        try:
            for byte in rest:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:  # the client gave up: what the test wants
            pass
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    with local_server(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


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


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:4700::1111", True), ("::ffff:93.184.216.34", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("169.254.169.254", False), ("0.0.0.0", False),
    ("100.64.0.1", False), ("100.100.100.200", False), ("192.0.0.8", False), ("192.0.0.170", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("2002:7f00:1::", False), ("2002:0a00:1::", False), ("64:ff9b::7f00:1", False), ("224.0.0.1", False),
])
def test_only_globally_routable_addresses_are_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(server):
    port = int(server.rsplit(":", 1)[1])
    calls = []

    def resolver(host, _port):
        calls.append(host)
        return ["127.0.0.1"]

    fetched = fetch(f"http://news.invalid:{port}/hop", PRIVATE, resolve=resolver)
    assert fetched.url == f"http://news.invalid:{port}/article.html"
    assert calls == ["news.invalid", "news.invalid"]  # once per hop, never again to connect
    assert SEEN[-1] == ("/article.html", f"news.invalid:{port}")


def test_a_resolver_that_rebinds_to_loopback_after_the_check_is_not_followed(server):
    """DNS rebinding: a public answer for the check, 127.0.0.1 for any later lookup."""
    port = int(server.rsplit(":", 1)[1])
    answers = iter([["93.184.216.34"]])
    seen_before = len(SEEN)
    with pytest.raises(InputError) as failure:
        fetch(f"http://rebind.invalid:{port}/article.html", Settings(fetch_timeout=1, fetch_deadline=2),
              resolve=lambda host, _port: next(answers, ["127.0.0.1"]))
    assert failure.value.reason.startswith(("unreachable", "timed out"))
    assert len(SEEN) == seen_before  # the loopback server was never asked


def test_a_host_with_any_private_address_is_refused():
    with pytest.raises(InputError) as failure:
        fetch("http://mixed.invalid/x", Settings(), resolve=lambda host, _port: ["93.184.216.34", "100.64.0.7"])
    assert failure.value.reason == "refused to fetch private address 100.64.0.7 (use --allow-private to permit)"


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(server, path):
    """Each byte comes well within the read timeout; the 200-byte answer would take 20 s, the deadline is 1 s."""
    [error] = fetch_all(server + path, Settings(allow_private=True, fetch_timeout=5, fetch_deadline=1))
    assert error.reason == "timed out (longer than the 1 s deadline per URL)"


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://example.com/x", "http://"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(InputError) as failure:
        fetch(url, Settings())
    assert failure.value.reason.startswith(("only http(s)", "not a valid URL"))


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """An HTTPS server on 127.0.0.1 whose certificate names news.invalid only, and the context trusting it."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=news.invalid", "-addext",
                    "subjectAltName=DNS:news.invalid"], check=True, capture_output=True, timeout=60)
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    with local_server(Handler, lambda sock: server_side.wrap_socket(sock, server_side=True)) as httpd:
        yield httpd.server_address[1], ssl.create_default_context(cafile=str(cert))


@pytest.mark.parametrize("host, works", [("news.invalid", True), ("other.invalid", False)])
def test_https_to_the_checked_address_verifies_the_host_name(tls_server, monkeypatch, host, works):
    """The connection goes to the pinned address, while TLS sends and checks the URL's host name."""
    port, trusting = tls_server
    monkeypatch.setattr(httpx, "create_ssl_context", lambda **kwargs: trusting)
    url = f"https://{host}:{port}/article.html"
    if works:
        fetched = fetch(url, PRIVATE, resolve=lambda host, _port: ["127.0.0.1"])
        assert b"Harbor City Fire" in fetched.content
        assert SEEN[-1] == ("/article.html", f"{host}:{port}")
    else:
        with pytest.raises(InputError) as failure:
            fetch(url, PRIVATE, resolve=lambda host, _port: ["127.0.0.1"])
        assert "CERTIFICATE_VERIFY_FAILED" in failure.value.reason
