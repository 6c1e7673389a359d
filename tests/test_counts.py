"""The counts the store keeps with entities and facts (schema 11) equal what counting the rows gives, after merges,
splits, updates and the upgrade from an older knowledge base."""

from __future__ import annotations

import sqlite3

from sqlalchemy import func, select

from castline.document import DocExtraction
from castline.kb import Store, queries
from castline.kb.schema import SCHEMA_VERSION, DocEntityRow, DocumentRow, EntityRow, EvidenceRow, FactRow, MentionRow

from .test_store import TEXT, _linking_articles, doc, extraction


def kept(store: Store) -> tuple[dict, dict]:
    with store.sessions() as session:
        entities = {i: (m, d) for i, m, d in session.execute(
            select(EntityRow.id, EntityRow.mention_count, EntityRow.document_count))}
        facts = {i: (t, n) for i, t, n in session.execute(
            select(FactRow.id, FactRow.sources_total, FactRow.sources_independent))}
    return entities, facts


def counted(store: Store) -> tuple[dict, dict]:
    with store.sessions() as session:
        mentions = dict(session.execute(select(MentionRow.entity_id, func.count())
                                        .group_by(MentionRow.entity_id)).all())
        documents = dict(session.execute(select(DocEntityRow.entity_id, func.count(func.distinct(
            DocEntityRow.document_id))).group_by(DocEntityRow.entity_id)).all())
        entities = {i: (mentions.get(i, 0), documents.get(i, 0)) for i in session.scalars(select(EntityRow.id))}
        independent = func.count(func.distinct(func.coalesce(DocumentRow.outlet, DocumentRow.source)))
        sources = {i: (t, n) for i, t, n in session.execute(
            select(EvidenceRow.fact_id, func.count(), independent).join(DocumentRow)
            .where(EvidenceRow.fact_id.is_not(None)).group_by(EvidenceRow.fact_id))}
        facts = {i: sources.get(i, (0, 0)) for i in session.scalars(select(FactRow.id))}
    return entities, facts


def test_kept_counts_follow_merges_splits_and_updates(store):
    for n in range(3):
        store.save(doc(f"{n}.txt", TEXT, f"h{n}"), extraction())
    for article in _linking_articles():  # the third merges two shows
        store.save(*article)
    assert kept(store) == counted(store)
    store.save(doc("c.txt", "Nothing about the show.", "hc2"), DocExtraction())  # withdrawn: the show splits
    store.save(doc("1.txt", TEXT[:20], "h1b"), DocExtraction())
    assert kept(store) == counted(store)
    with store.sessions() as session:
        listed = [(e["name"], e["documents"], e["mentions"]) for e in queries.list_entities(session, limit=2)]
        assert listed == [("Harbor City Fire", 3, 3), ("Mara Quinn", 2, 4)]
        [actor] = queries.find_entities(session, "Mara Quinn")
        card = queries.entity_card(session, actor.id)
    assert [f["sources_total"] for f in card["facts"] if f["predicate"] == "plays"] == [2]
    assert [d["source"] for d in card["documents"]] == ["0.txt", "2.txt"]


def test_an_older_knowledge_base_gets_its_counts_on_upgrade(tmp_path):
    path = tmp_path / "old.db"
    store = Store(str(path))
    for n in range(3):
        store.save(doc(f"{n}.txt", TEXT, f"h{n}"), extraction())
    for article in _linking_articles():
        store.save(*article)
    expected = counted(store)
    store.close()
    with sqlite3.connect(path) as conn:  # as schema 7 left it
        for index in ("ix_evidence_fact_order", "ix_evidence_event_order", "ix_doc_entities_entity_document",
                      "ix_entities_document_count", "ix_documents_outlet_published", "ix_aliases_entity_alias"):
            conn.execute(f"DROP INDEX {index}")
        for table, column in (("entities", "mention_count"), ("entities", "document_count"),
                              ("facts", "sources_total"), ("facts", "sources_independent")):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("UPDATE schema_version SET version = 7")
    store = Store(str(path))
    assert kept(store) == expected
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_evidence_fact_order", "ix_documents_outlet_published", "ix_aliases_entity_alias"} <= indexes
    store.close()
