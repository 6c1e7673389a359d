"""The web UI and API: JSON endpoints through the app, pages in a real Chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from markupsafe import escape

from castline.document import DocExtraction, Document, Entity, Span
from castline.kb import Store
from castline.pipeline import ingest
from castline.settings import Settings
from castline.web import create_app

from .conftest import ROOT, SAMPLES

FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / "kb.db")
    store = Store(path)
    report = ingest([str(SAMPLES), str(FIXTURES / "hostile-article.txt")], store, Settings())
    store.close()
    assert not report.failed
    return path


@pytest.fixture(scope="module")
def client(kb):
    return TestClient(create_app(kb))


def entity_id(client, name: str) -> int:
    found = client.get("/api/search", params={"q": name}).json()["entities"]
    return next(e["id"] for e in found if e["name"] == name)


def test_api_lists_and_pages(client):
    first = client.get("/api/entities", params={"limit": 2}).json()
    second = client.get("/api/entities", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["items"] != second["items"]
    assert client.get("/api/entities", params={"limit": 0}).status_code == 422


def test_api_entity_card_and_timeline(client):
    quinn = entity_id(client, "Mara Quinn")
    card = client.get(f"/api/entities/{quinn}").json()
    assert card["type"] == "person"
    plays = next(f for f in card["facts"] if f["predicate"] == "plays")
    assert plays["object"]["name"] == "Nora Vance"
    assert plays["sources"] and 0 < plays["confidence"] <= 1
    assert isinstance(client.get(f"/api/timeline/{quinn}").json()["items"], list)
    assert client.get("/api/entities/999999").status_code == 404


def test_api_entity_card_says_why_it_has_its_type(client):
    why = client.get(f"/api/entities/{entity_id(client, 'Harbor City Fire')}").json()["why"]
    assert why["type"] == "show" and why["votes"][0]["type"] == "show"
    assert [v["votes"] for v in why["votes"]] == sorted((v["votes"] for v in why["votes"]), reverse=True)
    cue = next(r for r in why["reasons"] if r["feature"].startswith("cue/show/"))
    assert cue["words"] and cue["text"] == f"'{cue['words']}' (cue {cue['feature'][4:]})" and cue["articles"] >= 1


def test_entity_page_says_why_it_has_its_type(client):
    card = client.get(f"/api/entities/{entity_id(client, 'Nora Vance')}").json()
    html = client.get(f"/entity/{card['id']}").text
    assert '<h2 id="why">Why character</h2>' in html
    for reason in card["why"]["reasons"]:
        assert f'<td title="{reason["feature"]}">{escape(reason["text"])}</td><td>{reason["articles"]}</td>' in html
    assert f'<span class="badge">character {card["why"]["votes"][0]["votes"]:.2f}</span>' in html


def test_the_words_behind_a_reason_are_escaped(tmp_path):
    path = str(tmp_path / "kb.db")
    store = Store(path)
    hostile = "<script>window.__pwned = 1</script>"
    store.save(Document(source="a.txt", text="Harbor City Fire is back.", content_hash="h"), DocExtraction(
        entities=[Entity(key="s", name="Harbor City Fire", type="show", mentions=[Span(0, 16)],
                         scores={"show": 0.9}, reasons=[f"cue/show/season-of: {hostile}"])]))
    store.close()
    html = TestClient(create_app(path)).get("/entity/1").text
    assert hostile not in html and str(escape(f"'{hostile}' (cue show/season-of)")) in html


def test_api_quotes_filters(client):
    rows = client.get("/api/quotes", params={"speaker": "Quinn", "outlet": "Variety"}).json()["items"]
    assert rows and all(r["speaker"] == "Mara Quinn" and r["outlet"] == "Variety" for r in rows)
    assert client.get("/api/quotes", params={"q": "no such words anywhere"}).json()["items"] == []


def test_api_document_export_and_docs(client):
    doc = client.get("/api/documents/1").json()
    assert doc["text"] and "mentions" in doc and "removed" in doc
    export = client.get("/api/export")
    assert export.json()["format"] == "castline-kb/1"
    assert "attachment" in export.headers["content-disposition"]
    assert "/api/quotes" in client.get("/openapi.json").json()["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/entities/{entity_id}" in docs.text


def test_security_headers_and_read_only(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.post("/api/entities").status_code == 405
    assert client.delete("/api/entities/1").status_code == 405


def test_article_text_is_escaped(client):
    hostile = next(d for d in client.get("/api/documents").json()["items"] if "Strange" in (d["title"] or ""))
    html = client.get(f"/article/{hostile['id']}").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<img src=" not in html


def test_article_shows_how_its_date_was_decided(client):
    article = next(d for d in client.get("/api/documents").json()["items"] if "Is Leaving" in (d["title"] or ""))
    dates = client.get(f"/api/documents/{article['id']}").json()["dates"]
    assert {"source": "header", "rule": "stated", "value": "2024-03-14"}.items() <= dates["clues"][0].items()
    assert any(value == "2017" for _, _, value in dates["spans"])  # "since its 2017 premiere", stored at ingest
    html = client.get(f"/article/{article['id']}").text
    assert 'id="publication-date"' in html and "<td>header</td><td>stated</td><td>2024-03-14</td>" in html
    assert 'class="seg date"' in html or "seg date" in html


def test_article_shows_why_each_line_was_removed(client):
    items = client.get("/api/documents").json()["items"]
    article = next(d for d in items if d["source"].endswith("reyes-directing.txt"))
    doc = client.get(f"/api/documents/{article['id']}").json()
    assert len(doc["removed_rules"]) == len(doc["removed"])
    assert doc["removed_rules"][doc["removed"].index("Share this article")] == "chrome-phrase"
    assert '<span class="rule">chrome-phrase</span>' in client.get(f"/article/{article['id']}").text


# ---- a real browser -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(kb):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (make test installs Debian's chromium)")
    with serving(create_app(kb)) as url:
        yield url


@contextmanager
def serving(app):
    """`app` on a real uvicorn server on a free port of 127.0.0.1, for the duration of the block."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    web = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not web.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        web.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def browser(server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_person_page_fact_links_to_its_highlighted_sentence(page, server, client):
    quinn = entity_id(client, "Mara Quinn")
    page.goto(f"{server}/entity/{quinn}")
    assert page.locator("h1").inner_text() == "Mara Quinn"
    shot(page, "person")
    row = page.locator("tr.fact", has_text="plays").first
    link = row.locator("a.source").first
    evidence = link.get_attribute("title")
    link.click()
    page.wait_for_url("**/article/**#at-*")
    flashed = page.locator(".seg.flash")
    assert flashed.count() > 0
    assert "".join(flashed.all_inner_texts()) == evidence
    assert flashed.first.is_visible()
    shot(page, "article-highlight")


def test_search_finds_a_quote(page, server):
    page.goto(server)
    shot(page, "home")
    page.fill("input[name=q]", "surprise party")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert "the cast threw Reyes a surprise party" in page.locator("blockquote").first.inner_text()
    shot(page, "search")


def test_hostile_article_shows_markup_as_text_and_runs_nothing(page, server, client):
    hostile = next(d for d in client.get("/api/documents").json()["items"] if "Strange" in (d["title"] or ""))
    page.goto(f"{server}/article/{hostile['id']}")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src="x" onerror="window.__pwned = 2">' in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text img, #article-text script").count() == 0
    assert page.errors == []
    shot(page, "hostile-article")


def test_main_pages_render(page, server, client):
    for name, path in [("show", f"/entity/{entity_id(client, 'Harbor City Fire')}"),
                       ("character", f"/entity/{entity_id(client, 'Nora Vance')}"),
                       ("outlet", f"/entity/{entity_id(client, 'Variety')}"),
                       ("quotes", "/quotes?speaker=Quinn"), ("conflicts", "/conflicts"), ("api-docs", "/docs")]:
        response = page.goto(server + path)
        assert response.status == 200, path
        shot(page, name)
    page.goto(f"{server}/entity/{entity_id(client, 'Harbor City Fire')}")
    assert page.locator("h2", has_text="Cast").count() == 1
    assert page.locator("h2#why").inner_text() == "Why show"
    assert page.locator("table.reasons tr").count() > 1
    assert page.errors == []
