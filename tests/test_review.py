"""Editorial review on real stores: decisions outlive re-ingest and re-extraction and act as rules."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from castline.cli import app
from castline.export import export_kb
from castline.kb.review import ReviewError, decide_fact, merge, review_list, review_log, set_type, split
from castline.pipeline import ingest, reextract
from castline.settings import Settings

ARTICLES = {
    "joins.txt": "Title: Dana Morrow Joins Copper Creek\n\nDana Morrow has joined the cast of the ABC drama Copper "
                 "Creek as Nurse Ivy Pell, Variety reported on Monday.\nMorrow will appear in eight episodes of the "
                 "second season.\n",
    "adds.txt": "Title: Copper Creek Adds Felix Harrow\n\nFelix Harrow has been cast in Copper Creek as Dr. Owen Vale, "
                "TVLine reported. Harrow joins Dana Morrow, who plays Ivy Pell on the ABC drama.\n",
    "dream.txt": "Title: Dani Morrow on Her New Role\n\nDani Morrow told Deadline that playing Ivy Pell on Copper "
                 "Creek was a dream. \"I grew up watching hospital shows,\" Dani Morrow said.\n",
}
AGAIN = ("again.txt", "Title: Copper Creek Returns\n\nCopper Creek returns to ABC in March. Dana Morrow, who plays "
                      "Ivy Pell, told Variety the new season is darker.\n")


def write(folder, names=None, extra=()):
    for name, text in [*((n, ARTICLES[n]) for n in (names or ARTICLES)), *extra]:
        (folder / name).write_text(text)
    return [str(folder / name) for name in [*(names or ARTICLES), *(n for n, _ in extra)]]


def facts_by_names(kb):
    names = {e["id"]: e["name"] for e in kb["entities"]}
    return {(names[f["subject"]], f["predicate"],
             names[f["object"]] if isinstance(f["object"], str) else json.dumps(f["object"]["value"])): f
            for f in kb["facts"]}


def entity_id(store, name, kind=None):
    with store.reads() as session:
        from castline.kb.queries import list_entities
        return next(e["id"] for e in list_entities(session, limit=1000)
                    if e["name"] == name and (kind is None or e["type"] == kind))


def fact_id(store, triple):
    return int(facts_by_names(export_kb(store, include_rejected=True))[triple]["id"][1:])


def test_a_rejected_fact_leaves_exports_and_stays_rejected_when_stated_again(store, tmp_path):
    settings = Settings()
    ingest(write(tmp_path), store, settings)
    triple = ("Dana Morrow", "plays", "Ivy Pell")
    decision = decide_fact(store, fact_id(store, triple), "reject", by="jo", note="a stand-in, not the role")
    assert decision["by"] == "jo" and decision["what"] == "Dana Morrow plays Ivy Pell"
    assert triple not in facts_by_names(export_kb(store))
    assert facts_by_names(export_kb(store, include_rejected=True))[triple]["status"] == "rejected"

    ingest(write(tmp_path, [], [AGAIN]), store, settings)  # another article states it
    reextract(store, settings, everything=True)  # and every article is read again
    kept = facts_by_names(export_kb(store, include_rejected=True))[triple]
    assert kept["status"] == "rejected" and {e["doc"] for e in kept["evidence"]}
    with store.reads() as session:
        listed = review_list(session, "Dana Morrow", "rejected")
    assert [f["status"] for f in listed] == ["rejected"]
    assert [c["source"].rsplit("/", 1)[1] for c in listed[0]["contested"]] == ["again.txt"]
    assert listed[0]["decision"]["note"] == "a stand-in, not the role"


def test_a_confirmed_fact_is_marked_and_a_later_decision_wins(store, tmp_path):
    ingest(write(tmp_path), store, Settings())
    triple = ("Copper Creek", "airs_on", "ABC")
    decide_fact(store, fact_id(store, triple), "reject", by="jo")
    decide_fact(store, fact_id(store, triple), "confirm", by="sam", note="network site")
    assert facts_by_names(export_kb(store))[triple]["status"] == "confirmed"
    assert [d["kind"] for d in json.loads(json.dumps([*map(dict, _log(store))]))] == ["reject", "confirm"]


def _log(store):
    with store.reads() as session:
        return review_log(session)


def test_merge_split_and_type_are_rules_that_outlive_reextraction(store, tmp_path):
    settings = Settings()
    ingest(write(tmp_path), store, settings)
    dana, dani = entity_id(store, "Dana Morrow"), entity_id(store, "Dani Morrow")
    merge(store, dani, dana, by="jo")
    kb = export_kb(store)
    assert not any(e["name"] == "Dani Morrow" for e in kb["entities"])
    merged = next(e for e in kb["entities"] if e["name"] == "Dana Morrow")
    assert "Dani Morrow" in merged["aliases"] and {m["doc"] for m in merged["mentions"]} == {
        d["id"] for d in kb["documents"]}
    wrong = entity_id(store, "Copper Creek", "character")
    set_type(store, wrong, "show", by="jo")
    assert ("Copper Creek", "show") in {(e["name"], e["type"]) for e in export_kb(store)["entities"]}
    assert not any(e["type"] == "character" and e["name"] == "Copper Creek" for e in export_kb(store)["entities"])

    before = _by_name(export_kb(store))
    reextract(store, settings, everything=True)
    assert _by_name(export_kb(store)) == before

    result = split(store, entity_id(store, "Dana Morrow"), "Dani Morrow", by="jo")
    assert result["new_entity"] is not None
    names = {e["name"] for e in export_kb(store)["entities"]}
    assert {"Dana Morrow", "Dani Morrow"} <= names
    reextract(store, settings, everything=True)
    assert {"Dana Morrow", "Dani Morrow"} <= {e["name"] for e in export_kb(store)["entities"]}
    assert [d["kind"] for d in _log(store)] == ["merge", "type", "split"]


def _by_name(kb):
    """The export with ids replaced by names: what stays equal when the same KB is built another way."""
    return (sorted((e["name"], e["type"], tuple(sorted(e["aliases"])), len(e["mentions"])) for e in kb["entities"]),
            sorted(facts_by_names(kb)))


def test_a_decision_gives_the_same_kb_before_or_after_the_rest_is_ingested(tmp_path):
    from castline.kb import Store

    settings = Settings()
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    everything = Store(str(tmp_path / "all.db"))
    ingest(write(first, None, [AGAIN]), everything, settings)
    merge(everything, entity_id(everything, "Dani Morrow"), entity_id(everything, "Dana Morrow"))

    early = Store(str(tmp_path / "early.db"))
    ingest(write(second, ["joins.txt", "dream.txt"]), early, settings)
    merge(early, entity_id(early, "Dani Morrow"), entity_id(early, "Dana Morrow"))
    ingest(write(second, ["adds.txt"], [AGAIN]), early, settings)
    assert _by_name(export_kb(early)) == _by_name(export_kb(everything))


def test_bad_decisions_are_refused_with_reasons(sqlite_store, tmp_path):
    ingest(write(tmp_path), sqlite_store, Settings())
    dana = entity_id(sqlite_store, "Dana Morrow")
    with pytest.raises(ReviewError, match="no fact with id 99999"):
        decide_fact(sqlite_store, 99999, "reject")
    with pytest.raises(ReviewError, match="into itself"):
        merge(sqlite_store, dana, dana)
    with pytest.raises(ReviewError, match="no article calls entity .* 'Ivy'"):
        split(sqlite_store, dana, "Ivy")
    with pytest.raises(ReviewError, match="every name"):
        split(sqlite_store, dana, "Dana Morrow")
    with pytest.raises(ReviewError, match="unknown type 'hero'"):
        set_type(sqlite_store, dana, "hero")
    assert _log(sqlite_store) == []


def test_review_commands(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "kb.db")
    folder = tmp_path / "articles"
    folder.mkdir()
    assert runner.invoke(app, ["ingest", *write(folder), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["review", "list", "--db", db, "--json", "--entity", "Dana Morrow"]).output)
    plays = next(f for f in listed if f["predicate"] == "plays" and f["object"]["name"] == "Ivy Pell")
    assert plays["status"] == "unreviewed" and plays["sources"] and 0 < plays["confidence"] <= 1
    result = runner.invoke(app, ["review", "reject", str(plays["id"]), "--db", db, "--note", "not so", "--by", "jo"])
    assert result.exit_code == 0 and "reject Dana Morrow plays Ivy Pell (by jo)" in result.output
    text = runner.invoke(app, ["review", "list", "--db", db, "--status", "rejected"]).output
    assert "rejected  Dana Morrow plays Ivy Pell" in text and "reject by jo on" in text and "not so" in text
    out = tmp_path / "kb.json"
    runner.invoke(app, ["export", "--db", db, "-o", str(out)])
    assert plays["id"] not in {int(f["id"][1:]) for f in json.loads(out.read_text())["facts"]}
    runner.invoke(app, ["export", "--db", db, "-o", str(out), "--include-rejected"])
    assert {f["id"]: f["status"] for f in json.loads(out.read_text())["facts"]}[f"f{plays['id']}"] == "rejected"

    entities = {e["name"]: e["id"] for e in json.loads(runner.invoke(app, ["entities", "--db", db, "--json"]).output)}
    assert runner.invoke(app, ["review", "merge", str(entities["Dani Morrow"]), str(entities["Dana Morrow"]),
                               "--db", db]).exit_code == 0
    assert runner.invoke(app, ["review", "split", str(entities["Dana Morrow"]), "--alias", "Dani Morrow",
                               "--db", db]).exit_code == 0
    assert runner.invoke(app, ["review", "type", str(entities["Ivy Pell"]), "person", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["review", "type", str(entities["Ivy Pell"]), "hero", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["review", "confirm", "99999", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["review", "list", "--status", "maybe", "--db", db]).exit_code == 2
    log = json.loads(runner.invoke(app, ["review", "log", "--db", db, "--json"]).output)
    assert [d["kind"] for d in log] == ["reject", "merge", "split", "type"]
    assert "split Dani Morrow apart from Dana Morrow" in runner.invoke(app, ["review", "log", "--db", db]).output
    assert runner.invoke(app, ["review", "log", "--db", str(tmp_path / "none.db")]).exit_code == 2
