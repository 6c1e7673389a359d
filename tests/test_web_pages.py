"""Pages for people: errors as pages (JSON for the API), pages with totals, charts, fuzzy search, and in a real
Chromium: no sideways scrolling at phone width, landmarks and a skip link, labelled charts, a typo that finds."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from castline.document import DocExtraction, Document, Entity, Event, Fact, Quote, Span
from castline.kb import Store
from castline.pipeline import ingest
from castline.settings import Settings
from castline.web import create_app

from .conftest import SAMPLES
from .test_web import browser, entity_id, page, server, shot  # noqa: F401  (fixtures of the real browser)

CROWD = 62  # more people than one page holds
SAID = 55  # more quotes than one page holds


def bulk() -> tuple[Document, DocExtraction]:
    """An invented article: a crowd of people, a show with a cast over time, characters tied twice, and many quotes
    given to two outlets over a year."""
    parts: list[str] = []
    spans: dict[str, Span] = {}

    def put(name: str) -> Span:
        start = sum(len(p) for p in parts)
        parts.append(name + ". ")
        spans[name] = Span(start, start + len(name))
        return spans[name]

    people = [f"Crowd Member {i}" for i in range(CROWD)]
    names = people + ["Ivo Brandt", "Selma Ruiz", "Lantern Bay", "Orla Brisk", "Tomas Brisk", "Edda Brisk",
                      "Tidewater Weekly", "Lantern Ledger"]
    for name in names:
        put(name)
    kinds = {"Lantern Bay": "show", "Orla Brisk": "character", "Tomas Brisk": "character",
             "Edda Brisk": "character", "Tidewater Weekly": "outlet", "Lantern Ledger": "outlet"}
    keys = {name: f"e{i}" for i, name in enumerate(names)}
    entities = [Entity(key=keys[n], name=n, type=kinds.get(n, "person"), aliases=[],
                       mentions=[spans[n]]) for n in names]
    said_at = sum(len(p) for p in parts)
    quotes = []
    for i in range(SAID):
        words = f"Take {i}: the harbour scenes number {i * 7} were shot at dawn"
        parts.append(words + ". ")
        quotes.append(Quote(Span(said_at, said_at + len(words)), words, "direct", speaker=keys["Ivo Brandt"],
                            outlet=keys["Tidewater Weekly" if i % 3 else "Lantern Ledger"],
                            date=f"2022-{i % 12 + 1:02d}-10"))
        said_at += len(words) + 2
    k = keys.__getitem__
    facts = [Fact(k("Ivo Brandt"), "cast_member_of", k("Lantern Bay"), spans["Ivo Brandt"], {"start": "2019"}),
             Fact(k("Selma Ruiz"), "cast_member_of", k("Lantern Bay"), spans["Selma Ruiz"]),
             Fact(k("Orla Brisk"), "character_in", k("Lantern Bay"), spans["Orla Brisk"]),
             Fact(k("Orla Brisk"), "spouse_of", k("Tomas Brisk"), spans["Orla Brisk"]),
             Fact(k("Orla Brisk"), "superior_of", k("Tomas Brisk"), spans["Tomas Brisk"]),
             Fact(k("Edda Brisk"), "relative_of", k("Orla Brisk"), spans["Edda Brisk"], {"relation": "sister"})]
    events = [Event("exit", "2022-05", [k("Ivo Brandt"), k("Lantern Bay")], "Ivo Brandt leaves Lantern Bay",
                    spans["Ivo Brandt"]),
              Event("joined_show", "2021-01", [k("Selma Ruiz"), k("Lantern Bay")], "Selma Ruiz joins Lantern Bay",
                    spans["Selma Ruiz"])]
    text = "".join(parts)
    document = Document(source="https://example.org/news/lantern-bay-crowd", text=text, content_hash="bulk",
                        title="Lantern Bay gathers a crowd", published="2022-12", outlet="Tidewater Weekly")
    return document, DocExtraction(entities=entities, facts=facts, events=events, quotes=quotes)


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("pages") / "kb.db")
    store = Store(path)
    report = ingest([str(SAMPLES)], store, Settings())
    store.save(*bulk())
    store.close()
    assert not report.failed
    return path


@pytest.fixture(scope="module")
def client(kb):
    return TestClient(create_app(kb))


# ---- over HTTP ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, api, status", [
    ("/entity/999999", "/api/entities/999999", 404), ("/article/999999", "/api/documents/999999", 404),
    ("/no-such-page", "/api/no-such-page", 404), ("/entity/not-a-number", "/api/entities/not-a-number", 422),
    ("/articles?page=0", "/api/documents?offset=-1", 422)])
def test_a_browser_gets_an_error_page_the_api_json(client, path, api, status):
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text and '<nav aria-label="Main">' in response.text
    api = client.get(api, headers={"accept": "text/html"})
    assert api.status_code == status
    assert api.headers["content-type"] == "application/json" and "detail" in api.json()


def test_a_missing_entity_page_says_so(client):
    response = client.get("/entity/999999")
    assert response.status_code == 404 and "no entity 999999" in response.text


def test_lists_come_fifty_a_page_with_totals(client):
    total = client.get("/api/entities").json()["total"]
    assert total >= CROWD
    assert f"1–50 of {total} entities" in client.get("/entities").text
    second = client.get("/entities?page=2").text
    assert f"51–{min(100, total)} of {total} entities" in second and 'rel="prev"' in second
    quotes = client.get("/api/quotes").json()["total"]
    assert quotes >= SAID
    first = client.get("/quotes").text
    assert f"1–50 of {quotes} quotes" in first and first.count('<blockquote class="quote">') == 50
    assert 'href="/quotes?page=2"' in first
    assert client.get("/api/quotes", params={"speaker": "Ivo Brandt"}).json()["total"] == SAID
    people = client.get("/api/entities", params={"type": "person"}).json()["total"]
    first = client.get("/entities?type=person").text
    assert f"1–50 of {people} entities" in first and 'href="/entities?type=person&amp;page=2"' in first
    assert ">Lantern Bay</a>" in client.get("/entities?type=show").text


def test_articles_are_listed_by_their_headline(client):
    html = client.get("/articles").text
    assert ">Lantern Bay gathers a crowd</a>" in html
    assert client.get("/").text.count(">Lantern Bay gathers a crowd</a>") == 1
    article = next(a for a in client.get("/api/documents").json()["items"] if a["source"].endswith("crowd"))
    assert "<h1>Lantern Bay gathers a crowd</h1>" in client.get(f"/article/{article['id']}").text


def test_the_character_graph_draws_each_character_once(client):
    html = client.get(f"/entity/{entity_id(client, 'Orla Brisk')}").text
    assert html.count('class="node') == 3  # Orla, Tomas, Edda: Tomas once though tied twice
    assert ">spouse, boss<" in html or ">spouse, reports<" in html
    assert ">sister<" in html


# ---- in Chromium -------------------------------------------------------------------------------------

def phone(browser):  # noqa: F811
    return browser.new_context(viewport={"width": 390, "height": 844}).new_page()


def test_no_page_scrolls_sideways_at_phone_width(browser, server, client):  # noqa: F811
    show, person = entity_id(client, "Lantern Bay"), entity_id(client, "Ivo Brandt")
    article = client.get("/api/documents").json()["items"][0]["id"]
    tab = phone(browser)
    for path in ["/", "/entities", "/articles", "/quotes", "/conflicts", "/docs", "/search?q=Lantern",
                 f"/entity/{show}", f"/entity/{person}", f"/entity/{entity_id(client, 'Orla Brisk')}",
                 f"/entity/{entity_id(client, 'Harbor City Fire')}", f"/article/{article}", "/entity/999999"]:
        tab.goto(server + path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    shot(tab, "phone-show")
    tab.context.close()


def test_landmarks_and_the_skip_link(page, server):  # noqa: F811
    page.goto(server + "/articles")
    assert page.locator("nav").count() == 1 and page.locator("main#content").count() == 1
    assert page.get_by_role("navigation").count() == 1 and page.get_by_role("main").count() == 1
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.getAttribute('href')]")
    assert focused == ["Skip to content", "#content"]
    assert page.locator("a.skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_pages_follow_to_the_next(page, server):  # noqa: F811
    page.goto(server + "/quotes?speaker=Ivo+Brandt")
    assert page.locator(".pager").first.inner_text().startswith(f"1–50 of {SAID} quotes")
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**page=2**")
    assert page.locator(".pager").first.inner_text().startswith(f"51–{SAID} of {SAID} quotes")
    assert page.locator("blockquote.quote").count() == SAID - 50
    assert "speaker=Ivo+Brandt" in page.url


def test_charts_are_drawn_and_labelled(page, server, client):  # noqa: F811
    page.goto(f"{server}/entity/{entity_id(client, 'Lantern Bay')}")
    chart = page.locator('svg[aria-label="Cast timeline"]')
    assert chart.get_attribute("role") == "img"
    assert chart.locator("title").first.text_content() == "Cast timeline"
    assert "2 cast members of Lantern Bay" in chart.locator("desc").text_content()
    assert chart.locator("rect.bar").count() == 2 and chart.locator("circle.mark").count() == 2
    rows = page.locator("table.chart-data tr").all_text_contents()
    assert any(r.startswith("Ivo Brandt") and "2019" in r and "2022" in r for r in rows)
    shot(page, "cast-timeline")
    page.goto(f"{server}/quotes?speaker=Ivo+Brandt")
    chart = page.locator('svg[aria-label="Quotes by outlet over time"]')
    assert chart.get_attribute("role") == "img"
    shown = "e => e.firstChild.textContent"  # the label without its <title>
    assert {t.evaluate(shown) for t in chart.locator("text.row-label").all()} == {"Tidewater Weekly", "Lantern Ledger"}
    assert chart.locator("circle.mark").count() == 12  # the Ledger every third month of 2022, the Weekly the others
    page.goto(f"{server}/entity/{entity_id(client, 'Orla Brisk')}")
    graph = page.locator("svg.graph")
    assert graph.get_attribute("aria-label") == "Relations of Orla Brisk"
    labels = [t.evaluate(shown) for t in graph.locator("a.node text").all()]
    assert sorted(labels) == ["Edda Brisk", "Orla Brisk", "Tomas Brisk"]
    for node in graph.locator("a.node").all():  # names sit below their circle, not inside it
        circle, label = node.locator("circle").bounding_box(), node.locator("text").bounding_box()
        assert label["y"] >= circle["y"] + circle["height"] - 1
    assert page.errors == []
    shot(page, "character-graph")


def test_highlight_kinds_differ_by_more_than_colour(page, server, client):  # noqa: F811
    article = next(a for a in client.get("/api/documents").json()["items"] if a["quotes"] and a["entities"])
    page.goto(f"{server}/article/{article['id']}")
    styles = {kind: page.locator(f"#legend .seg.{kind}").evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderBottomStyle, s.textDecorationLine, "
        "s.textDecorationStyle].join(' ') }") for kind in ("mention", "quote", "date", "fact", "event")}
    assert len(set(styles.values())) == 5, styles


def test_search_forgives_a_typo(page, server):  # noqa: F811
    page.goto(server)
    page.fill("header input[name=q]", "Marla Quin")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ul.results a").first.inner_text() == "Mara Quinn"
    shot(page, "search-typo")
