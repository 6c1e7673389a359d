"""`castline export` to csv, jsonld, graphml and wikidata, on a real SQLite KB ingested from invented articles."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx
import pytest
from pyld import jsonld
from typer.testing import CliRunner

from castline.cli import app
from castline.export import export_kb
from castline.export.graphml import write_graphml
from castline.export.jsonld import kb_jsonld
from castline.export.view import sentence_around
from castline.export.wikidata import read_qids, write_wikidata
from castline.kb import Store

runner = CliRunner()

FIRST = """Title: Tessaly Brook Joins Lantern Bay for Season 3
URL: https://example-news.test/lantern-bay-brook
Outlet: TVLine
Published: 2025-03-04

Tessaly Brook has joined the cast of Lantern Bay, the NBC drama. Brook plays Detective Odile Marsh on Lantern Bay, \
TVLine reported.

"I have wanted to work with this crew for years," Brook told TVLine.

Corwin Ashdale stars as Captain Elias Venn on the series.
"""
SECOND = """Title: Lantern Bay Finale Recap: Marsh Turns on Venn
URL: https://other-outlet.test/recaps/lantern-bay-finale
Outlet: Deadline
Published: 2025-05-20

Tessaly Brook plays Detective Odile Marsh on Lantern Bay. In the season finale, Marsh finally confronted Captain \
Elias Venn in the harbor office.

"You were never on my side," Marsh told Venn during the final scene of the episode.

Brook is married to Pellam Ostrow, a composer.
"""
URL1 = "https://example-news.test/lantern-bay-brook"
URL2 = "https://other-outlet.test/recaps/lantern-bay-finale"


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("exports")
    (folder / "a1.txt").write_text(FIRST, encoding="utf-8")
    (folder / "a2.txt").write_text(SECOND, encoding="utf-8")
    path = str(folder / "kb.db")
    result = run("ingest", str(folder / "a1.txt"), str(folder / "a2.txt"), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_csv_tables_carry_evidence_url_and_sentence_on_every_fact_and_quote(db, tmp_path):
    out = tmp_path / "tables"
    assert run("export", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "entities.csv", "events.csv", "facts.csv",
                                                     "quotes.csv"]
    documents = rows(out / "documents.csv")
    assert {d["url"] for d in documents} == {URL1, URL2}
    assert {d["retrieved"] for d in documents} == {datetime.now(UTC).date().isoformat()}
    entities = {e["name"]: e for e in rows(out / "entities.csv")}
    assert entities["Odile Marsh"]["type"] == "character" and entities["Lantern Bay"]["documents"] == "2"
    facts = rows(out / "facts.csv")
    plays = [f for f in facts if (f["subject"], f["predicate"], f["object"]) == ("Tessaly Brook", "plays",
                                                                                  "Odile Marsh")]
    assert {f["evidence_url"] for f in plays} == {URL1, URL2}  # one row per article
    assert all(json.loads(f["qualifiers"]) == {"show": "Lantern Bay"} for f in plays)
    assert all("Odile Marsh" in f["evidence_sentence"] for f in plays)
    assert all(f["evidence_url"] and f["evidence_sentence"] for f in facts)
    quotes = {q["text"]: q for q in rows(out / "quotes.csv")}
    mine = quotes["I have wanted to work with this crew for years,"]
    assert (mine["speaker"], mine["outlet"], mine["evidence_url"]) == ("Tessaly Brook", "TVLine", URL1)
    assert mine["evidence_sentence"] == '"I have wanted to work with this crew for years," Brook told TVLine.'


def test_csv_rows_agree_with_the_kb_json_export(db, tmp_path):
    out = tmp_path / "tables"
    run("export", "--db", db, "--format", "csv", "-o", str(out))
    kb = export_kb(Store(db))
    assert len(rows(out / "facts.csv")) == sum(len(f["evidence"]) for f in kb["facts"])
    assert [q["text"] for q in rows(out / "quotes.csv")] == [q["text"] for q in kb["quotes"]]


def test_a_quote_sentence_is_the_whole_sentence_around_it_and_no_more():
    text = "First one. He said \"It works. Really.\" and left! Next one."
    start = text.index("It works")
    assert sentence_around(text, start, start + len("It works. Really.")) == 'He said "It works. Really." and left!'


def test_jsonld_is_schema_org_with_series_roles_people_and_quotations(db, tmp_path):
    out = tmp_path / "kb.jsonld"
    assert run("export", "--db", db, "--format", "jsonld", "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    nodes = doc["@graph"]
    by_name = {n["name"]: n for n in nodes if "name" in n}
    series = by_name["Lantern Bay"]
    assert series["@type"] == "TVSeries" and series["isBasedOn"] == sorted([URL1, URL2])
    actor = by_name["Tessaly Brook"]
    assert actor["@type"] == "Person" and actor["spouse"] == {"@id": by_name["Pellam Ostrow"]["@id"]}
    roles = {r["characterName"]: r for r in series["actor"]}
    assert roles.keys() == {"Odile Marsh", "Elias Venn"}
    assert roles["Odile Marsh"]["@type"] == "PerformanceRole"
    assert roles["Odile Marsh"]["actor"] == {"@id": actor["@id"]}
    assert roles["Odile Marsh"]["isBasedOn"] == sorted([URL1, URL2])
    quotes = {q["text"]: q for q in nodes if q["@type"] == "Quotation"}
    interview = quotes["I have wanted to work with this crew for years,"]
    assert interview["creator"] == {"@id": actor["@id"]} and "spokenByCharacter" not in interview
    assert interview["publisher"] == {"@id": by_name["TVLine"]["@id"]} and interview["isBasedOn"] == URL1
    line = quotes["You were never on my side,"]
    assert line["spokenByCharacter"] == {"@id": by_name["Odile Marsh"]["@id"]} and "creator" not in line
    ids = {n["@id"] for n in nodes if "@id" in n}
    assert all(ref["@id"] in ids for n in nodes for key in ("creator", "spokenByCharacter", "spouse")
               if (ref := n.get(key)))


def schema_org_stub(url: str, options: dict | None = None) -> dict:
    """schema.org's context as a plain vocabulary, offline: any fetch of another document fails the test."""
    assert url.rstrip("/") == "https://schema.org", url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}}}


def test_jsonld_expands_losslessly_to_schema_org_terms(db, tmp_path):
    out = tmp_path / "kb.jsonld"
    run("export", "--db", db, "--format", "jsonld", "-o", str(out))
    expanded = jsonld.expand(json.loads(out.read_text(encoding="utf-8")),
                             {"documentLoader": schema_org_stub, "safeMode": True})
    types = {t for node in expanded for t in node["@type"]}
    assert {"https://schema.org/TVSeries", "https://schema.org/Person", "https://schema.org/Quotation",
            "https://schema.org/Organization"} <= types
    series = next(n for n in expanded if "https://schema.org/TVSeries" in n["@type"])
    assert {r["@type"][0] for r in series["https://schema.org/actor"]} == {"https://schema.org/PerformanceRole"}


def test_jsonld_to_stdout(db):
    result = run("export", "--db", db, "--format", "jsonld")
    assert result.exit_code == 0 and json.loads(result.stdout)["@context"] == "https://schema.org"


def test_graphml_reads_back_in_networkx_with_typed_nodes_and_fact_edges(db, tmp_path):
    out = tmp_path / "kb.graphml"
    assert run("export", "--db", db, "--format", "graphml", "-o", str(out)).exit_code == 0
    graph = nx.read_graphml(out)
    names = {data["name"]: node for node, data in graph.nodes(data=True)}
    assert graph.nodes[names["Lantern Bay"]]["type"] == "show"
    assert graph.nodes[names["Tessaly Brook"]]["type"] == "person"
    edges = {(graph.nodes[u]["name"], d["predicate"], graph.nodes[v]["name"]): d
             for u, v, d in graph.edges(data=True)}
    assert edges[("Tessaly Brook", "plays", "Odile Marsh")]["confidence"] == 0.75  # two outlets
    assert edges[("Corwin Ashdale", "plays", "Elias Venn")]["confidence"] == 0.5
    assert ("Lantern Bay", "airs_on", "NBC") in edges
    assert graph.number_of_edges() == sum(isinstance(f["object"], str) for f in export_kb(Store(db))["facts"])


def test_wikidata_csv_has_cast_rows_with_reference_url_and_retrieved_date(db, tmp_path):
    out = tmp_path / "cast.csv"
    assert run("export", "--db", db, "--format", "wikidata", "-o", str(out)).exit_code == 0
    table = rows(out)
    assert list(table[0]) == ["show", "show_qid", "actor", "P161", "character", "P453", "P580", "P582", "S854", "S813"]
    assert {(r["show"], r["actor"], r["character"], r["S854"]) for r in table} == {
        ("Lantern Bay", "Tessaly Brook", "Odile Marsh", URL1), ("Lantern Bay", "Tessaly Brook", "Odile Marsh", URL2),
        ("Lantern Bay", "Corwin Ashdale", "Elias Venn", URL1)}
    assert {r["S813"] for r in table} == {datetime.now(UTC).date().isoformat()}  # the day it was ingested
    assert not (tmp_path / "cast.qs").exists()  # no --qids, no QuickStatements


def test_wikidata_quickstatements_only_for_rows_whose_items_are_all_known(db, tmp_path):
    qids = tmp_path / "qids.csv"
    qids.write_text("name,qid\nLantern Bay,Q900001\nTessaly Brook,Q900002\nOdile Marsh,Q900003\n"
                    "Corwin Ashdale,Q900004\n", encoding="utf-8")
    out = tmp_path / "cast.csv"
    assert run("export", "--db", db, "--format", "wikidata", "-o", str(out), "--qids", str(qids)).exit_code == 0
    brook = [r for r in rows(out) if r["actor"] == "Tessaly Brook"]
    assert {(r["show_qid"], r["P161"], r["P453"]) for r in brook} == {("Q900001", "Q900002", "Q900003")}
    lines = (tmp_path / "cast.qs").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # Elias Venn has no Q-id: that row stays out
    assert all(line.split("\t")[:5] == ["Q900001", "P161", "Q900002", "P453", "Q900003"] for line in lines)
    assert {line.split("\t")[6] for line in lines} == {f'"{URL1}"', f'"{URL2}"'}


def test_wikidata_cast_member_without_a_character_is_a_row_without_p453(tmp_path):
    kb = {"documents": [{"id": "d1", "url": URL1, "source": "a.txt", "text": "", "retrieved": "2025-06-01"}],
          "entities": [{"id": "e1", "name": "Lantern Bay", "type": "show"},
                       {"id": "e2", "name": "Brisa Tallow", "type": "person"}],
          "facts": [{"subject": "e2", "predicate": "cast_member_of", "object": "e1", "qualifiers": {},
                     "evidence": [{"doc": "d1"}]}]}
    out = tmp_path / "cast.csv"
    write_wikidata(kb, out, {"Lantern Bay": "Q1", "Brisa Tallow": "Q2"})
    [row] = rows(out)
    assert (row["actor"], row["character"], row["P453"], row["S813"]) == ("Brisa Tallow", "", "", "2025-06-01")
    assert (tmp_path / "cast.qs").read_text() == f'Q1\tP161\tQ2\tS854\t"{URL1}"\tS813\t+2025-06-01T00:00:00Z/11\n'


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml", "-o", "x"], "unknown format 'xml' (known: kb-json, jsonld, csv, graphml, wikidata)"),
    (["--format", "csv"], "--format csv writes files: give -o PATH"),
    (["--format", "jsonld", "--qids", "q.csv"], "--qids is for --format wikidata"),
    (["--format", "wikidata", "-o", "c.csv", "--qids", "missing.csv"], "--qids 'missing.csv' is not a file"),
])
def test_an_export_that_cannot_be_done_is_a_usage_error_naming_why(tmp_path, args, message):
    result = run("export", "--db", str(tmp_path / "kb.db"), *args)
    assert result.exit_code == 2 and message in " ".join(result.stderr.split())


def small_kb(*facts: dict) -> dict:
    """A hand-made castline-kb/1 object: one article, a show, an episode, a person, a character."""
    entities = [("e1", "Lantern Bay", "show"), ("e2", "The Low Tide", "episode"), ("e3", "Brisa Tallow", "person"),
                ("e4", "Fenna Rook", "character")]
    return {"documents": [{"id": "d1", "url": None, "source": "notes/a.txt", "text": ""}],
            "entities": [{"id": i, "name": n, "type": t, "aliases": [], "mentions": [{"doc": "d1"}]}
                         for i, n, t in entities],
            "facts": [{"qualifiers": {}, "evidence": [{"doc": "d1"}], "confidence": 0.5} | f for f in facts],
            "quotes": []}


def test_jsonld_episodes_directors_bare_cast_members_and_roles_without_a_show():
    kb = small_kb({"subject": "e2", "predicate": "episode_of", "object": "e1", "qualifiers": {"number": 4}},
                  {"subject": "e3", "predicate": "directed", "object": "e2"},
                  {"subject": "e3", "predicate": "cast_member_of", "object": "e1"},
                  {"subject": "e3", "predicate": "plays", "object": "e4"})
    graph = kb_jsonld(kb)["@graph"]
    by_name = {n["name"]: n for n in graph if "name" in n}
    episode = by_name["The Low Tide"]
    assert episode["@type"] == "TVEpisode" and episode["episodeNumber"] == 4
    assert episode["partOfSeries"] == {"@id": "urn:castline:e1"} and episode["director"] == {"@id": "urn:castline:e3"}
    assert episode["isBasedOn"] == ["notes/a.txt"]  # no URL: the source it was ingested from
    assert by_name["Lantern Bay"]["actor"] == {"@type": "PerformanceRole", "actor": {"@id": "urn:castline:e3"},
                                               "isBasedOn": ["notes/a.txt"]}
    role = {"@type": "PerformanceRole", "actor": {"@id": "urn:castline:e3"}, "characterName": "Fenna Rook",
            "isBasedOn": ["notes/a.txt"]}
    assert [n for n in graph if "characterName" in n] == [role]  # no show: a role of its own


def test_graphml_leaves_literal_facts_out_of_the_edges(tmp_path):
    write_graphml(small_kb({"subject": "e3", "predicate": "age", "object": {"value": 41}},
                           {"subject": "e3", "predicate": "plays", "object": "e4"}), tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.number_of_nodes() == 4
    assert [(u, v, d["predicate"]) for u, v, d in graph.edges(data=True)] == [("e3", "e4", "plays")]


def test_a_path_that_cannot_be_written_is_one_error_line_not_a_traceback(db, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("a file, not a folder")
    result = run("export", "--db", db, "--format", "csv", "-o", str(taken))
    assert result.exit_code == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_a_qid_map_saved_by_a_spreadsheet_reads_without_its_byte_order_mark_header_or_blank_ids(tmp_path):
    path = tmp_path / "qids.csv"
    path.write_text("\ufeffLantern Bay,Q11\nname,qid\nBrisa Tallow,\nFenna Rook, Q12 \n", encoding="utf-8")
    assert read_qids(path) == {"Lantern Bay": "Q11", "Fenna Rook": "Q12"}


def test_jsonld_networks_credits_and_ages():
    kb = small_kb({"subject": "e1", "predicate": "airs_on", "object": "e5"},
                  {"subject": "e3", "predicate": "known_for", "object": "e1"},
                  {"subject": "e3", "predicate": "age", "object": {"value": 41}, "qualifiers": {"as_of": "2024-03-14"}})
    kb["entities"].append({"id": "e5", "name": "Northwind", "type": "network", "aliases": [], "mentions": []})
    graph = {n["@id"]: n for n in kb_jsonld(kb)["@graph"]}
    show, person = graph["urn:castline:e1"], graph["urn:castline:e3"]
    assert show["publisher"] == {"@id": "urn:castline:e5"} and show["contributor"] == {"@id": "urn:castline:e3"}
    assert person["urn:castline:age"] == {"@type": "QuantitativeValue", "value": 41, "unitText": "years",
                                          "description": "as of 2024-03-14"}


def test_wikidata_start_and_end_are_p580_and_p582_with_their_precision(tmp_path):
    kb = {"documents": [{"id": "d1", "url": URL1, "source": "a.txt", "text": "", "retrieved": "2025-06-01"}],
          "entities": [{"id": "e1", "name": "Lantern Bay", "type": "show"},
                       {"id": "e2", "name": "Brisa Tallow", "type": "person"}],
          "facts": [{"subject": "e2", "predicate": "cast_member_of", "object": "e1",
                     "qualifiers": {"start": "2019", "end": "2023-05"}, "evidence": [{"doc": "d1"}]}]}
    out = tmp_path / "cast.csv"
    write_wikidata(kb, out, {"Lantern Bay": "Q1", "Brisa Tallow": "Q2"})
    [row] = rows(out)
    assert (row["P580"], row["P582"]) == ("2019", "2023-05")
    assert (tmp_path / "cast.qs").read_text() == ("Q1\tP161\tQ2\tP580\t+2019-00-00T00:00:00Z/9\tP582\t"
                                                  f'+2023-05-00T00:00:00Z/10\tS854\t"{URL1}"\tS813\t'
                                                  "+2025-06-01T00:00:00Z/11\n")
