"""The command line on the bundled samples, with a real SQLite file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from castline.cli import app

from .conftest import SAMPLES

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "kb.db")
    result = run("ingest", str(SAMPLES), "--db", path)
    assert result.exit_code == 0, result.output
    assert "ingested 7, unchanged 0, updated 0, failed 0" in result.output
    return path


def test_reingest_is_a_no_op(db):
    result = run("ingest", str(SAMPLES), "--db", db)
    assert result.exit_code == 0
    assert "ingested 0, unchanged 7, updated 0, failed 0" in result.output


def test_changed_article_is_updated(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title: Quinn Returns\n\nMara Quinn will return to the drama next season, TVLine reported.")
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(path), "--db", db).exit_code == 0
    path.write_text("Title: Quinn Returns\n\nMara Quinn will not return to the drama next season after all.")
    result = run("ingest", str(path), "--db", db)
    assert "ingested 0, unchanged 0, updated 1, failed 0" in result.output


def test_failures_are_named_and_the_rest_is_stored(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Mara Quinn told Variety that she will direct an episode next season.")
    db = str(tmp_path / "kb.db")
    result = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "good.txt"), "--db", db)
    assert result.exit_code == 1
    assert "empty.txt: empty input" in result.output
    assert "ingested 1, unchanged 0, updated 0, failed 1" in result.output
    sources = json.loads(run("sources", "--db", db, "--json").output)
    assert [s["source"].rsplit("/", 1)[1] for s in sources] == ["good.txt"]


def test_usage_error_exits_2():
    assert run("ingest").exit_code == 2
    assert run("export", "--format", "xml", "--db", "x.db").exit_code == 2


def test_export_kb_json(db, tmp_path):
    out = tmp_path / "kb.json"
    assert run("export", "--db", db, "--format", "kb-json", "-o", str(out)).exit_code == 0
    kb = json.loads(out.read_text())
    assert kb["format"] == "castline-kb/1"
    assert set(kb) == {"format", "documents", "entities", "facts", "quotes", "events", "conflicts"}
    assert len(kb["documents"]) == 7
    for entity in kb["entities"]:
        for mention in entity["mentions"]:
            text = next(d["text"] for d in kb["documents"] if d["id"] == mention["doc"])
            assert text[mention["start"]:mention["end"]]


def test_entities_and_show(db):
    rows = json.loads(run("entities", "--db", db, "--json").output)
    names = {r["name"]: r for r in rows}
    assert names["Mara Quinn"]["type"] == "person"
    assert names["Mara Quinn"]["documents"] >= 4
    card = json.loads(run("show", "Quinn", "--db", db, "--json").output)
    assert card["name"] == "Mara Quinn"
    table = run("show", "Mara Quinn", "--db", db)
    assert table.exit_code == 0 and "Mara Quinn" in table.output
    assert run("show", "Nobody At All", "--db", db).exit_code == 1


def test_sources_quotes_timeline_commands_work(db):
    sources = json.loads(run("sources", "--db", db, "--json").output)
    assert {s["outlet"] for s in sources} >= {"TVLine", "Screen Rant", "Us Weekly", "Deadline", "TV Insider"}
    assert run("sources", "--db", db).exit_code == 0
    assert run("quotes", "--db", db).exit_code == 0
    assert isinstance(json.loads(run("quotes", "--db", db, "--json").output), list)
    assert run("timeline", "Harbor City Fire", "--db", db).exit_code == 0


def test_every_command_has_help_with_an_example():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output, name


def test_show_card_of_a_show_has_cast_and_episodes(db):
    result = run("show", "Harbor City Fire", "--db", db)
    assert result.exit_code == 0
    assert "Cast" in result.output and "Episodes" in result.output
    card = json.loads(run("show", "Harbor City Fire", "--db", db, "--json").output)
    cast = {row["actor"]["name"]: [c["name"] for c in row["characters"]] for row in card["view"]["cast"]}
    assert cast["Mara Quinn"] == ["Nora Vance"] and cast["Tomas Reyes"] == ["Eli Brandt"]
    assert [f["object"]["name"] for f in card["view"]["networks"]] == ["CBS"]


def test_show_says_why_an_entity_has_its_type(db):
    card = json.loads(run("show", "Harbor City Fire", "--db", db, "--json").output)
    why = card["why"]
    assert why["type"] == "show" and why["votes"][0]["type"] == "show"
    assert why["articles"] >= 4 and why["reasons"]
    assert all(r["text"] and 1 <= r["articles"] <= why["articles"] for r in why["reasons"])
    table = run("show", "Harbor City Fire", "--db", db)
    assert "Why show" in table.output and "type votes of" in table.output
    assert why["reasons"][0]["text"] in table.output


def test_reextract_redoes_what_an_older_castline_extracted(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Title: Quinn Returns\n\nMara Quinn will return to Harbor City Fire next season, TVLine reported.")
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(path), "--db", db).exit_code == 0
    result = run("reextract", "--db", db)
    assert result.exit_code == 0 and "re-extracted 0, up to date 1, failed 0" in result.output
    monkeypatch.setattr("castline.kb.queries.PIPELINE_VERSION", "a newer one")
    result = run("ingest", str(path), "--db", db)
    assert "unchanged 1" in result.output and "1 stored article was extracted by an older castline" in result.output
    result = run("reextract", "--db", db)
    assert result.exit_code == 0 and "re-extracted 1, up to date 0, failed 0" in result.output
    assert "re-extracted 1, up to date 0, failed 0" in run("reextract", "--db", db, "--all").output

    def broken(document, parsed, timings=None):
        raise ValueError("a surprise")

    monkeypatch.setattr("castline.pipeline.extract_parsed", broken)
    result = run("reextract", "--db", db, "--all")
    assert result.exit_code == 1
    assert "a.txt: extraction failed (ValueError: a surprise)" in result.output
    assert "re-extracted 0, up to date 0, failed 1" in result.output
    assert run("reextract", "--db", db, "--jobs", "0").exit_code == 2


def test_show_of_a_name_in_markup_brackets_says_it_is_not_found(db):
    result = run("show", "[/x]", "--db", db)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not a rich MarkupError
    assert "no entity called '[/x]'" in result.output


def test_article_words_reach_the_terminal_without_control_sequences_or_markup(tmp_path):
    from castline.document import DocExtraction, Document, Entity, Span
    from castline.kb import Store

    path = str(tmp_path / "kb.db")
    store = Store(path)
    store.save(Document(source="a.txt", text="[red]Dana Morrow[/red] is back.", content_hash="h", title="[i]Hi[/i]",
                        outlet="\x1b]0;owned\x07\x1b[2J\x9b31mSlate"),
               DocExtraction(entities=[Entity(key="p", name="[red]Dana Morrow[/red]", type="person",
                                              mentions=[Span(0, 22)])]))
    store.close()
    listed = run("sources", "--db", path)
    assert listed.exit_code == 0
    assert not any(c in listed.output for c in "\x1b\x07\x9b")
    assert "[i]Hi[/i]" in listed.output
    card = run("show", "[red]Dana Morrow[/red]", "--db", path)
    assert card.exit_code == 0 and "[red]Dana Morrow[/red] (person)" in card.output


@pytest.mark.parametrize("command", ["entities", "quotes"])
def test_a_row_limit_no_database_holds_is_a_usage_error(db, command):
    assert run(command, "--limit", str(2**63), "--db", db).exit_code == 2
