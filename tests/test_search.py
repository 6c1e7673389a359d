"""Fuzzy, ranked search (kb/search.py) on a real SQLite file (FTS5 trigram) and on PostgreSQL (pg_trgm)."""

from __future__ import annotations

import sqlite3

import pytest

from castline.document import DocExtraction, Document, Entity, Quote, Span
from castline.kb import Store
from castline.kb import search as search_module
from castline.kb.schema import SCHEMA_VERSION
from castline.kb.search import THRESHOLD, score, search

TEXT = "Mara Quinn joined Harbor City Fire. Quinn said the night shoots were the hardest she had done."


def doc(source: str, text: str = TEXT, title: str | None = "Mara Quinn joins the firehouse drama",
        content_hash: str = "h1") -> Document:
    return Document(source=source, text=text, content_hash=content_hash, published="2024-03", title=title)


def entity(key, name, *spans, kind="person", aliases=()):
    return Entity(key=key, name=name, type=kind, aliases=list(aliases), mentions=[Span(*s) for s in spans])


def extraction(name: str = "Mara Quinn") -> DocExtraction:
    return DocExtraction(
        entities=[entity("a", name, (0, 10), (36, 41), aliases=["Quinn"]),
                  entity("c", "Harbor City Fire", (18, 34), kind="show")],
        quotes=[Quote(Span(42, 93), "the night shoots were the hardest she had done", "indirect", speaker="a")])


def found(store: Store, words: str) -> dict:
    with store.reads() as session:
        return search(session, words)


def names(result: dict) -> list[str]:
    return [e["name"] for e in result["entities"]]


def test_a_typo_finds_the_entity_first(store):
    store.save(doc("one.txt"), extraction())
    other = DocExtraction(entities=[entity("a", "Marlon Quist", (0, 12)), entity("b", "Dara Finch", (17, 27))])
    store.save(doc("two.txt", "Marlon Quist and Dara Finch.", title="Two newcomers"), other)
    result = found(store, "Marla Quin")
    assert names(result)[0] == "Mara Quinn"
    assert "Dara Finch" not in names(result)
    assert result["entities_total"] == len(result["entities"])
    assert names(found(store, "Mara Quinn"))[0] == "Mara Quinn"
    assert names(found(store, "Marlon Quist"))[0] == "Marlon Quist"
    assert [e["score"] for e in result["entities"]] == sorted((e["score"] for e in result["entities"]), reverse=True)


def test_titles_quotes_and_aliases_are_searched(store):
    store.save(doc("one.txt"), extraction())
    assert [a["title"] for a in found(store, "firehose drama")["articles"]] == ["Mara Quinn joins the firehouse drama"]
    [quote] = found(store, "nigt shoots")["quotes"]
    assert quote["text"] == "the night shoots were the hardest she had done" and quote["speaker"] == "Mara Quinn"
    assert names(found(store, "Quinn")) == ["Mara Quinn"]  # by its alias too
    nothing = found(store, "zebra xylophone")
    assert [nothing[k] for k in ("entities", "articles", "quotes", "entities_total", "quotes_capped")] == \
        [[], [], [], 0, False]


def test_the_index_follows_a_reingest(store):
    store.save(doc("one.txt"), extraction())
    store.save(doc("one.txt", title="Tessa Holloway joins the firehouse drama", content_hash="h2"),
               DocExtraction(entities=[entity("a", "Tessa Holloway", (0, 10), aliases=["Holloway"])]))
    assert "Mara Quinn" not in names(found(store, "Mara Quinn"))
    assert found(store, "night shoots")["quotes"] == []
    assert names(found(store, "Tesa Holoway"))[0] == "Tessa Holloway"
    assert [a["title"] for a in found(store, "Tessa Holloway joins")["articles"]] == \
        ["Tessa Holloway joins the firehouse drama"]


def test_results_come_a_page_at_a_time_with_their_total(store):
    people = [entity(f"p{i}", f"Corin Vale{'x' * i}", (0, 5)) for i in range(5)]
    store.save(doc("one.txt", "Corin", title="A cast list"), DocExtraction(entities=people))
    with store.reads() as session:
        first = search(session, "Corin Vale", limit=2)
        second = search(session, "Corin Vale", limit=2, offset=2)
    assert first["entities_total"] == second["entities_total"] == 5
    assert len(first["entities"]) == 2
    assert not {e["id"] for e in first["entities"]} & {e["id"] for e in second["entities"]}
    assert first["entities"][0]["name"] == "Corin Vale"
    assert not first["entities_capped"]


def test_a_total_at_the_index_limit_says_there_may_be_more(sqlite_store, monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    people = [entity(f"p{i}", f"Corin Vale{'x' * i}", (0, 5)) for i in range(5)]
    sqlite_store.save(doc("one.txt", "Corin", title="A cast list"), DocExtraction(entities=people))
    result = found(sqlite_store, "Corin Vale")
    assert result["entities_capped"] and result["entities_total"] >= 3


def test_short_words_still_find_by_substring(sqlite_store):
    sqlite_store.save(doc("one.txt"), extraction())
    assert "Mara Quinn" in names(found(sqlite_store, "Qu"))


@pytest.mark.parametrize("query, words, close", [
    ("Marla Quin", "Mara Quinn", True),
    ("Mara Quinn", "Mara Quinn", True),
    ("Mara Quinn", "Dara Finch", False),
    ("nigt shoots", "the night shoots were long", True),
    ("Quin", "Mara Quinn", True),  # the beginning of a word
    ("harbor fire", "the harbour scenes were shot at dawn", False),  # one word like, the other nowhere
    ("Marla Quin", "Marlon Quist", True),  # close enough to list, below the name itself
])
def test_score(query, words, close):
    assert (score(query, words) >= THRESHOLD) is close


def test_the_closer_name_scores_higher():
    assert score("Marla Quin", "Mara Quinn") > score("Marla Quin", "Marlon Quist") > score("Marla Quin", "Dara Finch")


def test_an_older_knowledge_base_gets_its_index_built(tmp_path):
    assert sqlite3.sqlite_version_info >= (3, 34, 0)
    path = tmp_path / "old.db"
    store = Store(str(path))
    store.save(doc("one.txt"), extraction())
    store.close()
    with sqlite3.connect(path) as conn:  # as a schema 7 knowledge base: no index
        for name in ("search_entities", "search_aliases", "search_titles", "search_quotes"):
            conn.execute(f"DROP TABLE {name}")
            for change in ("insert", "delete", "update"):
                conn.execute(f"DROP TRIGGER {name}_{change}")
        assert not conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        conn.execute("UPDATE schema_version SET version = 7")
    store = Store(str(path))
    try:
        assert names(found(store, "Marla Quin")) == ["Mara Quinn"]
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    finally:
        store.close()


def test_the_search_page_and_api_on_either_database(store):
    from fastapi.testclient import TestClient

    from castline.web import create_app
    store.save(doc("one.txt"), extraction())
    client = TestClient(create_app(store.url))
    assert client.get("/api/search", params={"q": "Marla Quin"}).json()["entities"][0]["name"] == "Mara Quinn"
    html = client.get("/search", params={"q": "Marla Quin"}).text
    assert '<a href="/entity/' in html and ">Mara Quinn</a>" in html and "1–1 of 1 entities" in html
