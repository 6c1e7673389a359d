"""The store on a real SQLite file and on PostgreSQL: transactions, re-ingest, merging, groups."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from castline.document import DocExtraction, Document, Entity, Fact, Quote, Span, Value
from castline.export import export_kb
from castline.kb import Store
from castline.kb.schema import SCHEMA_VERSION, DocumentRow, EntityRow, MentionRow


def doc(source: str, text: str, content_hash: str = "h1") -> Document:
    return Document(source=source, text=text, content_hash=content_hash, published="2024-03")


def person(key, name, *spans, kind="person", aliases=()):
    return Entity(key=key, name=name, type=kind, aliases=list(aliases), mentions=[Span(*s) for s in spans])


TEXT = "Mara Quinn plays Nora Vance on Harbor City Fire. Quinn, 41, said goodbye."


def extraction() -> DocExtraction:
    return DocExtraction(
        entities=[person("a", "Mara Quinn", (0, 10), (49, 54), aliases=["Quinn"]),
                  person("b", "Nora Vance", (17, 27), kind="character"),
                  person("c", "Harbor City Fire", (31, 47), kind="show")],
        facts=[Fact("a", "plays", "b", Span(0, 48), {"show": "c"}),
               Fact("a", "age", Value(41), Span(49, 73), {"as_of": "2024-03"})],
        quotes=[Quote(Span(49, 73), "said goodbye", "indirect", speaker="a")],
    )


def count(store: Store, table) -> int:
    with store.sessions() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_save_and_export(store):
    assert store.status("one.txt", "h1") == "new"
    assert store.save(doc("one.txt", TEXT), extraction()) == "ingested"
    assert store.status("one.txt", "h1") == "unchanged"
    assert store.status("one.txt", "h2") == "changed"
    kb = export_kb(store)
    assert kb["format"] == "castline-kb/1"
    names = {e["id"]: e["name"] for e in kb["entities"]}
    [plays] = [f for f in kb["facts"] if f["predicate"] == "plays"]
    assert (names[plays["subject"]], names[plays["object"]]) == ("Mara Quinn", "Nora Vance")
    assert names[plays["qualifiers"]["show"]] == "Harbor City Fire"
    assert plays["evidence"][0]["text"] == "Mara Quinn plays Nora Vance on Harbor City Fire."
    [age] = [f for f in kb["facts"] if f["predicate"] == "age"]
    assert age["object"] == {"value": 41} and age["qualifiers"] == {"as_of": "2024-03"}
    [quote] = kb["quotes"]
    assert names[quote["speaker"]] == "Mara Quinn" and quote["kind"] == "indirect"


def test_changed_article_replaces_its_extraction(store):
    store.save(doc("one.txt", TEXT), extraction())
    shorter = DocExtraction(entities=[person("a", "Mara Quinn", (0, 10))])
    assert store.save(doc("one.txt", "Mara Quinn left.", "h2"), shorter) == "updated"
    kb = export_kb(store)
    assert [e["name"] for e in kb["entities"]] == ["Mara Quinn"]
    assert kb["facts"] == [] and kb["quotes"] == []
    assert count(store, DocumentRow) == 1 and count(store, MentionRow) == 1


def test_failed_save_leaves_no_half_article(store):
    store.save(doc("one.txt", TEXT), extraction())
    broken = extraction()
    broken.facts.append(Fact("a", "plays", "nobody", Span(0, 5)))
    with pytest.raises(KeyError):
        store.save(doc("two.txt", TEXT), broken)
    assert count(store, DocumentRow) == 1
    assert count(store, MentionRow) == 4
    assert store.status("two.txt", "h1") == "new"


def test_entities_merge_across_documents_without_over_merging(store):
    store.save(doc("one.txt", TEXT), extraction())
    store.save(doc("two.txt", "Mara Quinn left Harbor City Fire.", "h9"), DocExtraction(entities=[
        person("x", "Mara Quinn", (0, 10)), person("y", "Harbor City Fire", (16, 32), kind="work")]))
    store.save(doc("three.txt", "Quinn directed it.", "h8"), DocExtraction(entities=[
        person("z", "Quinn", (0, 5))]))
    kb = export_kb(store)
    by_name = {e["name"]: e for e in kb["entities"]}
    assert {m["doc"] for m in by_name["Mara Quinn"]["mentions"]} == {"d1", "d2"}
    assert by_name["Harbor City Fire"]["type"] == "show"
    assert "Quinn" in by_name  # a bare surname in another article stays its own entity
    assert len(kb["entities"]) == 4


def test_same_words_in_two_articles_share_a_quote_group(store):
    words = "I will always be proud of my time on this show"
    for n in (1, 2):
        store.save(doc(f"{n}.txt", f"Mara Quinn said: {words}.", f"h{n}"), DocExtraction(
            entities=[person("a", "Mara Quinn", (0, 10))],
            quotes=[Quote(Span(17, 17 + len(words)), words + ("!" if n == 2 else ""), "direct", "a")]))
    store.save(doc("3.txt", "Mara Quinn said: something else entirely.", "h3"), DocExtraction(
        entities=[person("a", "Mara Quinn", (0, 10))],
        quotes=[Quote(Span(17, 40), "something else entirely", "direct", "a")]))
    groups = [q["group"] for q in export_kb(store)["quotes"]]
    assert groups[0] == groups[1] != groups[2]


def test_symmetric_fact_from_two_articles_is_one_fact(store):
    for n, (first, second) in enumerate([("a", "b"), ("b", "a")], 1):
        store.save(doc(f"{n}.txt", "Nora Vance married Eli Brandt.", f"h{n}"), DocExtraction(
            entities=[person("a", "Nora Vance", (0, 10), kind="character"),
                      person("b", "Eli Brandt", (19, 29), kind="character")],
            facts=[Fact(first, "spouse_of", second, Span(0, 30))]))
    [fact] = export_kb(store)["facts"]
    assert {e["doc"] for e in fact["evidence"]} == {"d1", "d2"}


def test_schema_is_versioned_and_reopens(tmp_path):
    path = str(tmp_path / "kb.db")
    Store(path).save(doc("one.txt", TEXT), extraction())
    again = Store(path)
    with again.sessions() as session:
        assert session.scalar(select(func.count()).select_from(EntityRow)) == 3
    again.close()


def test_sources_that_disagree_are_conflicts(store):
    for n, (age, seasons) in enumerate([(41, 7), (43, 8)], 1):  # 41 and 42 in one month: a birthday
        store.save(doc(f"{n}.txt", TEXT, f"h{n}"), DocExtraction(
            entities=[person("a", "Mara Quinn", (0, 10)), person("c", "Harbor City Fire", (31, 47), kind="show")],
            facts=[Fact("a", "age", Value(age), Span(49, 73), {"as_of": "2024-03"}),
                   Fact("a", "cast_member_of", "c", Span(0, 48), {"seasons": seasons})]))
    kb = export_kb(store)
    details = sorted((c["predicate"], c["detail"], sorted(v["value"] for v in c["values"])) for c in kb["conflicts"])
    assert details == [("age", "value", [41, 43]), ("cast_member_of", "seasons", [7, 8])]
    [fact] = [f for f in kb["facts"] if f["predicate"] == "cast_member_of"]
    assert fact["confidence"] == 0.75  # two articles without a known outlet count as two sources


def test_confidence_grows_with_independent_outlets(store):
    for n, outlet in enumerate(["Variety", "Deadline", "Variety"], 1):
        document = doc(f"{n}.txt", TEXT, f"h{n}")
        document.outlet = outlet
        store.save(document, extraction())
    [plays] = [f for f in export_kb(store)["facts"] if f["predicate"] == "plays"]
    assert plays["confidence"] == 0.75 and len(plays["evidence"]) == 3


def test_old_schema_is_upgraded(tmp_path):
    import sqlite3
    path = tmp_path / "old.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as conn:  # make it look like a version 1 knowledge base
        conn.execute("ALTER TABLE evidence DROP COLUMN qualifiers")
        conn.execute("ALTER TABLE entities DROP COLUMN type_votes")
        for table in ("quote_sketches", "doc_entities", "name_nodes", "node_links", "decisions"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("ALTER TABLE documents DROP COLUMN dates")
        conn.execute("ALTER TABLE documents DROP COLUMN removed_rules")
        conn.execute("DROP INDEX ix_documents_first_seen")
        conn.execute("ALTER TABLE documents DROP COLUMN first_seen")
        conn.execute("DROP TABLE feeds")
        conn.execute("DROP TABLE cast_lists")
        conn.execute("UPDATE schema_version SET version = 1")
    store = Store(str(path))
    store.save(doc("one.txt", TEXT), extraction())
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("SELECT count(*) FROM evidence WHERE qualifiers IS NOT NULL").fetchone() == (2,)
    store.close()


def test_a_type_only_the_model_gave_yields_to_an_article_cue(store):
    weak = person("x", "Harbor City Fire", (0, 16), kind="place")
    weak.certain = False
    store.save(doc("1.txt", "Harbor City Fire is great.", "h1"), DocExtraction(entities=[weak]))
    store.save(doc("2.txt", "Harbor City Fire airs on CBS.", "h2"), DocExtraction(
        entities=[person("y", "Harbor City Fire", (0, 16), kind="show")]))
    [entity] = export_kb(store)["entities"]
    assert entity["type"] == "show" and {m["doc"] for m in entity["mentions"]} == {"d1", "d2"}


def test_a_person_and_a_character_of_one_full_name_are_one_entity_typed_by_votes(store):
    store.save(doc("1.txt", "Nora Vance is a captain.", "h1"), DocExtraction(
        entities=[person("x", "Nora Vance", (0, 10), kind="character")]))
    for n in (2, 3):
        store.save(doc(f"{n}.txt", "Nora Vance is back.", f"h{n}"), DocExtraction(
            entities=[person("y", "Nora Vance", (0, 10), kind="person")]))
    [entity] = export_kb(store)["entities"]
    assert entity["type"] == "person" and len(entity["mentions"]) == 3


def test_a_show_and_a_person_of_one_name_stay_apart(store):
    store.save(doc("1.txt", "Mara Quinn is a drama.", "h1"), DocExtraction(
        entities=[person("x", "Mara Quinn", (0, 10), kind="show")]))
    store.save(doc("2.txt", "Mara Quinn is an actress.", "h2"), DocExtraction(
        entities=[person("y", "Mara Quinn", (0, 10), kind="person")]))
    assert sorted(e["type"] for e in export_kb(store)["entities"]) == ["person", "show"]


def _first_name_article(n: int, show: str) -> DocExtraction:
    text = f"Carl is back on {show}."
    return doc(f"{n}.txt", text, f"h{n}"), DocExtraction(entities=[
        person("c", "Carl", (0, 4), kind="character"), person("s", show, (16, 16 + len(show)), kind="show")])


def test_a_first_name_meets_itself_only_in_articles_about_the_same_show(store):
    for n, show in enumerate(["Harbor Lights", "Harbor Lights", "Saint Brigid"]):
        store.save(*_first_name_article(n, show))
    carls = [e for e in export_kb(store)["entities"] if e["name"] == "Carl"]
    assert sorted(len(e["mentions"]) for e in carls) == [1, 2]


def test_a_first_name_never_merges_two_full_names(store):
    store.save(doc("1.txt", "Dana Whitfield waved.", "h1"), DocExtraction(
        entities=[person("a", "Dana Whitfield", (0, 14), aliases=["Dana"])]))
    store.save(doc("2.txt", "Dana Moreau waved.", "h2"), DocExtraction(
        entities=[person("a", "Dana Moreau", (0, 11), aliases=["Dana"])]))
    assert sorted(e["name"] for e in export_kb(store)["entities"]) == ["Dana Moreau", "Dana Whitfield"]


def _linking_articles():
    """Three articles: two name a show two ways, the third says both names are one show."""
    return [
        (doc("a.txt", "Harbor City Fire returns.", "ha"), DocExtraction(
            entities=[person("s", "Harbor City Fire", (0, 16), kind="show")],
            facts=[])),
        (doc("b.txt", "HCF Boston airs on CBS.", "hb"), DocExtraction(
            entities=[person("s", "HCF Boston", (0, 11), kind="show"), person("n", "CBS", (20, 23), kind="network")],
            facts=[Fact("s", "airs_on", "n", Span(0, 24))])),
        (doc("c.txt", "Harbor City Fire (also called HCF Boston) is back.", "hc"), DocExtraction(
            entities=[person("s", "Harbor City Fire", (0, 16), (30, 41), kind="show", aliases=["HCF Boston"])])),
    ]


def test_an_article_that_links_two_names_merges_their_entities_and_facts(store):
    for article in _linking_articles():
        store.save(*article)
    kb = export_kb(store)
    [show] = [e for e in kb["entities"] if e["type"] == "show"]
    assert show["name"] == "Harbor City Fire" and len(show["mentions"]) == 4
    [fact] = kb["facts"]
    assert fact["subject"] == show["id"] and fact["predicate"] == "airs_on"


def test_withdrawing_the_linking_article_splits_the_entity_again(store):
    for article in _linking_articles():
        store.save(*article)
    store.save(doc("c.txt", "Nothing about the show.", "hc2"), DocExtraction())
    kb = export_kb(store)
    shows = sorted((e["name"], len(e["mentions"])) for e in kb["entities"] if e["type"] == "show")
    assert shows == [("HCF Boston", 1), ("Harbor City Fire", 1)]
    [fact] = kb["facts"]
    assert next(e["name"] for e in kb["entities"] if e["id"] == fact["subject"]) == "HCF Boston"


def _canonical(kb: dict) -> tuple:
    """The export without its ids: entities by name and mentions, facts and events by what they link."""
    sources = {d["id"]: d["source"] for d in kb["documents"]}
    names = {e["id"]: e["name"] for e in kb["entities"]}
    entities = sorted((e["name"], e["type"], tuple(sorted(e["aliases"])),
                       tuple(sorted((sources[m["doc"]], m["start"]) for m in e["mentions"]))) for e in kb["entities"])
    facts = sorted((names[f["subject"]], f["predicate"], str(names.get(f["object"], f["object"])),
                    tuple(sorted((sources[v["doc"]], v["start"]) for v in f["evidence"]))) for f in kb["facts"])
    return entities, facts


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_the_knowledge_base_does_not_depend_on_ingest_order(tmp_path, order):
    reference = Store(str(tmp_path / "reference.db"))
    for article in _linking_articles():
        reference.save(*article)
    shuffled = Store(str(tmp_path / "shuffled.db"))
    articles = _linking_articles()
    for index in order:
        shuffled.save(*articles[index])
    assert _canonical(export_kb(reference)) == _canonical(export_kb(shuffled))
    reference.close()
    shuffled.close()


def test_queries_run_on_both_databases(store):
    from castline.kb import queries, search
    store.save(doc("one.txt", TEXT), extraction())
    with store.sessions() as session:
        [found] = queries.find_entities(session, "Mara Quinn")
        card = queries.entity_card(session, found.id)
        assert card["name"] == "Mara Quinn" and card["quotes"][0]["text"] == "said goodbye"
        assert search.search(session, "Quinn")["entities"][0]["name"] == "Mara Quinn"
        assert queries.document(session, 1)["mentions"]
        assert queries.counts(session)["facts"] == 2


def test_values_postgresql_would_refuse_are_stored_alike_on_both_databases(store):
    """NUL, a lone surrogate and over-long metadata: SQLite took them, PostgreSQL raised a DataError."""
    text = "Mara\x00Quinn plays Nora Vance.\ud800"
    document = doc("x" * 3000, text)
    document.title, document.url = "A\x00title", "https://example.com/" + "p" * 3000
    document.outlet, document.author = "O" * 250, "A" * 600
    entities = [person("a", "Mara\x00Quinn", (0, 10)), person("b", "Vance " * 120, (17, 27), kind="character")]
    assert store.save(document, DocExtraction(entities=entities)) == "ingested"
    assert store.status("x" * 3000, "h1") == "unchanged"  # a source cut to its column is still found again
    assert store.status("x" * 2999 + "y", "h1") == "new"  # and stays apart from one that shares its beginning
    [stored] = export_kb(store)["documents"]
    assert stored["text"] == "Mara\ufffdQuinn plays Nora Vance.\ufffd"  # one for one: every offset still holds
    assert stored["title"] == "A\ufffdtitle" and stored["url"] is None
    assert len(stored["outlet"]) == 200 and len(stored["author"]) == 500
    with store.sessions() as session:
        warnings = session.scalar(select(DocumentRow.warnings))
    assert warnings == ["URL longer than 2048 characters not kept", "outlet longer than 200 characters cut",
                        "author longer than 500 characters cut"]
    names = sorted(e["name"] for e in export_kb(store)["entities"])
    assert names[0] == "Mara\ufffdQuinn" and len(names[1]) == 500
