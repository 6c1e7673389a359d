"""Editors' cast lists on a real SQLite KB: sourced facts, types, plays pairs, order independence, bad rows."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from castline.cli import app
from castline.document import DocExtraction, Document, Entity, Span
from castline.export import export_kb
from castline.kb import Store
from castline.kb.known import KnownCast, apply_known
from castline.kb.names import name_key
from castline.pipeline import ingest, reextract
from castline.settings import Settings

LIST = ("show,actor,character,network,start,end\n"
        "Copper Bay,Lena Frost,Ivy Marsh,ABC,2023,2025\n"
        "Copper Bay,Tobin Vale,Marek Quist,ABC,2024,\n"
        "Copper Bay,,Dr. Owen Pike,,,\n")
# The article never says who plays whom: only the list does.
ARTICLE = ("Title: Copper Bay Season Two\n\nTobin Vale and Lena Frost were on set on Monday. Marek Quist faces a "
           "storm in the season two premiere, and Ivy Marsh has a secret, Variety reported.\n")


def facts_by_names(kb):
    names = {e["id"]: e["name"] for e in kb["entities"]}
    return {(names[f["subject"]], f["predicate"], names.get(f["object"]) if isinstance(f["object"], str) else
             f["object"]["value"]): f for f in kb["facts"]}


def test_a_cast_list_gives_sourced_facts_types_and_the_pairs_articles_leave_unsaid(tmp_path):
    (tmp_path / "cast.csv").write_text(LIST)
    (tmp_path / "a.txt").write_text(ARTICLE)
    runner = CliRunner()
    db = str(tmp_path / "kb.db")
    result = runner.invoke(app, ["cast", "import", str(tmp_path / "cast.csv"), "--db", db])
    assert result.exit_code == 0 and "imported 3 rows" in result.output
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    kb = export_kb(Store(db, readonly=True))
    facts = facts_by_names(kb)
    source_of = {d["id"]: d for d in kb["documents"]}
    listed = facts[("Lena Frost", "plays", "Ivy Marsh")]
    assert {source_of[e["doc"]]["outlet"] for e in listed["evidence"]} == {"editor's cast list", None}
    assert listed["qualifiers"]["start"] == "2023" and listed["qualifiers"]["end"] == "2025"
    assert facts[("Copper Bay", "airs_on", "ABC")]
    quist = next(f for k, f in facts.items() if k == ("Tobin Vale", "plays", "Marek Quist"))
    assert any(source_of[e["doc"]]["source"].endswith("a.txt") for e in quist["evidence"])  # read in the article
    types = {e["name"]: e["type"] for e in kb["entities"]}
    assert types["Marek Quist"] == "character" and types["Tobin Vale"] == "person"
    sources = json.loads(runner.invoke(app, ["sources", "--db", db, "--json"]).output)
    assert {s["headline"] for s in sources} >= {"Cast list cast.csv"}


def test_a_list_imported_after_the_articles_gives_the_same_kb_after_reextract(tmp_path):
    (tmp_path / "cast.csv").write_text(LIST)
    (tmp_path / "a.txt").write_text(ARTICLE)
    settings = Settings()
    runner = CliRunner()
    first, later = str(tmp_path / "first.db"), str(tmp_path / "later.db")
    runner.invoke(app, ["cast", "import", str(tmp_path / "cast.csv"), "--db", first])
    ingest([str(tmp_path / "a.txt")], Store(first), settings)
    ingest([str(tmp_path / "a.txt")], Store(later), settings)
    result = runner.invoke(app, ["cast", "import", str(tmp_path / "cast.csv"), "--db", later])
    assert "1 stored article names people on the list: run castline reextract" in " ".join(result.output.split())
    reextract(Store(later), settings)
    assert sorted(facts_by_names(export_kb(Store(later)))) == sorted(facts_by_names(export_kb(Store(first))))


def test_reimporting_a_list_replaces_it_and_bad_rows_are_named(tmp_path):
    path = tmp_path / "cast.csv"
    path.write_text(LIST)
    runner = CliRunner()
    db = str(tmp_path / "kb.db")
    runner.invoke(app, ["cast", "import", str(path), "--db", db])
    path.write_text("Show,Actor,Character\nCopper Bay,Lena Frost,Ivy Marsh\n,Nobody,Someone\n"
                    "Copper Bay,Ada Lark,Mina Gale,,2024-13-40\n")
    result = runner.invoke(app, ["cast", "import", str(path), "--db", db])
    assert result.exit_code == 1
    assert f"{path}:3: no show" in result.output and "imported 2 rows" in result.output
    facts = facts_by_names(export_kb(Store(db, readonly=True)))
    assert ("Tobin Vale", "plays", "Marek Quist") not in facts and ("Ada Lark", "plays", "Mina Gale") in facts
    (tmp_path / "bad.csv").write_text("name,role\nx,y\n")
    result = runner.invoke(app, ["cast", "import", str(tmp_path / "bad.csv"), "--db", db])
    assert result.exit_code == 2 and "the header must name show" in result.output


def test_known_names_retype_and_pair_within_an_article():
    text = "Marek Quist is back. Tobin Vale said so."
    extraction = DocExtraction(entities=[Entity("a", "Marek Quist", "person", mentions=[Span(0, 11)]),
                                         Entity("b", "Tobin Vale", "person", mentions=[Span(21, 31)])])
    quist, vale = name_key("Marek Quist"), name_key("Tobin Vale")
    known = KnownCast({quist: "character", vale: "person"}, {vale: frozenset({quist})})
    out = apply_known(Document(source="x.txt", text=text, content_hash="h"), extraction, known)
    assert [e.type for e in out.entities] == ["character", "person"]
    [fact] = out.facts
    assert (fact.subject, fact.predicate, fact.object) == ("b", "plays", "a")
    assert text[fact.evidence.start:fact.evidence.end] == "Marek Quist is back."
    assert apply_known(Document(source="x.txt", text=text, content_hash="h"), extraction,
                       KnownCast({}, {})) is extraction
