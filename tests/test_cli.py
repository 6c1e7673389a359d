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
    card = json.loads(run("show", "Harbor City Fire", "--db", db, "--json").output)
    assert "Cast" in result.output and ("Episodes" in result.output) == bool(card["view"]["episodes"])
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


# ---- readable at any width -------------------------------------------------------------------------------------

READ_COMMANDS = [["sources"], ["entities"], ["quotes", "--limit", "100"], ["show", "Mara Quinn"],
                 ["show", "Harbor City Fire"], ["show", "Nora Vance"], ["timeline", "Mara Quinn"], ["conflicts"]]


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_terminal_output_fits_the_width(db, monkeypatch, command, width):
    monkeypatch.setattr("castline.cli.console.width", width)
    result = run(*command, "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    assert not [line for line in lines if line.endswith(" ")]  # no padding to the right edge
    assert "{'" not in result.output  # qualifiers as words, never as Python dicts


def test_quotes_are_a_list_of_speaker_outlet_then_words_then_article(db, monkeypatch):
    monkeypatch.setattr("castline.cli.console.width", 80)
    total = len(json.loads(run("quotes", "--db", db, "--json", "--limit", "1000").output))
    result = run("quotes", "--db", db, "--limit", "3")
    lines = result.output.splitlines()
    assert lines[-1] == f"3 of {total} quotes; --limit to see more"
    heads = [line for line in lines if line and not line.startswith(" ")][:-1]
    assert len(heads) == 3 and all(" — " in head or "unknown" in head for head in heads)
    assert sum(line.startswith("    in ") for line in lines) == 3  # the article by its headline
    assert ".txt" not in result.output and ".html" not in result.output
    assert run("quotes", "--db", db, "--limit", str(total)).output.splitlines()[-1] == f"{total} quotes"


def test_show_names_the_show_of_a_role_and_prints_no_empty_sections(db, monkeypatch):
    monkeypatch.setattr("castline.cli.console.width", 120)
    output = run("show", "Mara Quinn", "--db", db).output
    assert "plays Nora Vance (show Harbor City Fire)" in output
    assert "Episodes" not in output and "Cast\n" not in output  # a person's card has neither
    assert "played by Mara Quinn" in run("show", "Nora Vance", "--db", db).output
    empty_seen = set()
    for name in ("Mara Quinn", "Nora Vance", "Harbor City Fire", "Variety", "CBS"):
        card = json.loads(run("show", name, "--db", db, "--json").output)
        lines = run("show", name, "--db", db).output.splitlines()
        for heading, key in (("Facts", "facts"), ("Quotes", "quotes"), ("Timeline", "timeline")):
            assert (heading in lines) == bool(card[key]), (name, heading)
            empty_seen |= {heading} - {h for h in lines}
    assert empty_seen  # some card had an empty section, and it was left out


def test_sources_lead_with_the_headline_and_keep_a_path_on_one_line(db, monkeypatch):
    monkeypatch.setattr("castline.cli.console.width", 80)
    rows = json.loads(run("sources", "--db", db, "--json").output)
    output = run("sources", "--db", db).output
    local = next(r for r in rows if r["source"].endswith("harbor-city-fire-exit.txt"))
    assert local["headline"] == local["title"] and local["title"] in output
    path_lines = [line for line in output.splitlines() if "harbor-city-fire-exit" in line]
    assert len(path_lines) == 1 and (path_lines[0].strip() == local["source"] or path_lines[0].endswith("…"))
    assert output.splitlines()[-1] == f"{len(rows)} articles"


def test_an_unknown_entity_type_is_a_usage_error_naming_the_types(db):
    result = run("entities", "--type", "actor", "--db", db)
    assert result.exit_code == 2
    assert "unknown entity type 'actor'" in result.output and "person, character, show" in result.output


@pytest.mark.parametrize("command", [["sources"], ["entities"], ["quotes"], ["show", "X"], ["timeline", "X"],
                                     ["conflicts"], ["export", "-o", "-"], ["reextract"], ["serve"]], ids=" ".join)
def test_a_missing_knowledge_base_is_an_error_for_all_but_ingest(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 2 and f"no knowledge base at {missing}" in result.output
    assert not missing.exists()


def test_the_terminal_width_comes_from_columns(db):
    import os
    import subprocess
    import sys

    for width in (80, 160):
        out = subprocess.run([sys.executable, "-m", "castline.cli", "show", "Mara Quinn", "--db", db],
                             env={**os.environ, "COLUMNS": str(width)}, capture_output=True, text=True, check=True)
        longest = max(len(line) for line in out.stdout.splitlines())
        assert width - 10 < longest <= width  # wrapped at the width
