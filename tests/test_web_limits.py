"""What a request or an article can ask of the web app: bounded ids and words, http(s) links only, pages of
bounded size; and API fuzzing against /openapi.json, where no request may end in a server error."""

from __future__ import annotations

import random
import re

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from castline.document import DocExtraction, Document, Entity, Quote, Span
from castline.kb import Store
from castline.web import create_app
from castline.web.app import QUOTES_PER_PAGE, web_link
from castline.web.highlight import Layer, segments

QUOTES = 120
WORDS = "We will keep going no matter what"


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> str:
    """An article linking a script address, and one with many quotes (invented words)."""
    path = str(tmp_path_factory.mktemp("limits") / "kb.db")
    store = Store(path)
    store.save(Document(source="a.txt", text="Dana Morrow joined Glass Harbor.", content_hash="a",
                        url="javascript:alert(document.domain)", title="Morrow joins"),
               DocExtraction(entities=[Entity(key="p", name="Dana Morrow", type="person", mentions=[Span(0, 11)])]))
    text = " ".join(f"Morrow said: {WORDS} {n}." for n in range(QUOTES))
    quotes, at = [], 0
    for n in range(QUOTES):
        start = text.index(WORDS, at)
        end = start + len(f"{WORDS} {n}")
        quotes.append(Quote(Span(start, end), text[start:end], "direct", speaker="p"))
        at = end
    store.save(Document(source="b.txt", text=text, content_hash="b", url="https://example.com/b"),
               DocExtraction(entities=[Entity(key="p", name="Dana Morrow", type="person", mentions=[Span(0, 6)])],
                             quotes=quotes))
    store.close()
    return path


@pytest.fixture(scope="module")
def client(kb) -> TestClient:
    return TestClient(create_app(kb))


@pytest.mark.parametrize("path", ["/api/entities/2147483648", "/api/timeline/9223372036854775808",
                                  "/api/documents/99999999999999999999", "/entity/9223372036854775808",
                                  "/article/2147483648", "/api/quotes?show=9223372036854775808",
                                  "/api/entities?offset=9223372036854775808", "/api/documents?offset=2147483648",
                                  "/api/quotes?q=a%00b", "/api/search?q=%00", "/search?q=x%00",
                                  "/quotes?speaker=%00", "/api/documents/1?quotes_page=0"])
def test_out_of_range_ids_and_nul_are_refused_not_server_errors(client, path):
    assert client.get(path).status_code == 422


def test_long_words_are_refused(client):
    long = "x" * 50_001
    for path in ("/api/search", "/api/quotes", "/search", "/quotes"):
        assert client.get(path, params={"q": long}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 1000}).status_code == 200


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:x", "//example.com/x", "file:///etc/hosts", None, ""])
def test_only_http_addresses_become_links(url):
    assert web_link(url) is None


def test_http_addresses_stay_links():
    assert web_link("https://example.com/a?b=c") == "https://example.com/a?b=c"
    assert web_link("HTTP://example.com/") == "HTTP://example.com/"


def test_a_script_address_of_an_article_is_shown_not_linked(client):
    html = client.get("/article/1").text
    assert 'href="javascript:' not in html and "javascript:alert(document.domain)" in html
    assert 'href="https://example.com/b"' in client.get("/article/2").text


def test_an_article_with_many_quotes_lists_them_a_page_at_a_time(client):
    first = client.get("/article/2").text
    assert first.count('<blockquote class="quote">') == QUOTES_PER_PAGE
    assert f"{QUOTES} quotes, page 1 of 3" in first and 'href="?quotes_page=2#quotes"' in first
    assert first.count('class="seg quote"') + first.count("seg quote ") >= QUOTES  # every quote still highlighted
    last = client.get("/article/2", params={"quotes_page": 3}).text
    assert last.count('<blockquote class="quote">') == QUOTES - 2 * QUOTES_PER_PAGE
    api = client.get("/api/documents/2", params={"quotes_page": 2}).json()
    assert api["quote_count"] == QUOTES and len(api["quotes"]) == QUOTES_PER_PAGE
    assert re.search(rf"{WORDS} {QUOTES_PER_PAGE}\b", api["quotes"][0]["text"])


def test_api_fuzz_never_gets_a_server_error(kb):
    """Schemathesis's generated requests for every API operation, a bounded number each, none answered 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(kb))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def no_server_error(case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}"

        no_server_error()


def test_highlighting_in_one_sweep_gives_each_piece_the_spans_covering_it():
    rng = random.Random(3)
    text = "x" * 300
    layers = [Layer(a, a + rng.randrange(0, 60), rng.choice(["mention", "quote", "fact"]), f"l{n}",
                    n if n % 3 == 0 else None) for n, a in enumerate(rng.randrange(-5, 300) for _ in range(200))]
    pieces = segments(text, layers)
    assert "".join(p.text for p in pieces) == text
    for piece in pieces:
        covering = [layer for layer in sorted(layers, key=lambda layer: layer.start)
                    if layer.start <= piece.start and layer.end >= piece.end]
        assert piece.labels == [layer.label for layer in covering]
        assert piece.kinds == sorted({layer.kind for layer in covering})


def test_the_web_app_reads_a_knowledge_base_in_a_postgresql_schema(postgres_store):
    """Opened read-only, the store keeps the URL's own options (its search_path) besides read-only."""
    postgres_store.save(Document(source="a.txt", text="Dana Morrow is back.", content_hash="h"),
                        DocExtraction(entities=[Entity(key="p", name="Dana Morrow", type="person",
                                                       mentions=[Span(0, 11)])]))
    client = TestClient(create_app(postgres_store.url))
    assert [e["name"] for e in client.get("/api/entities").json()["items"]] == ["Dana Morrow"]
    assert client.get("/article/1").status_code == 200
