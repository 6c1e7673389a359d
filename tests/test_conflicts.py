"""Conflicts across articles: two actors for one character, ages that cannot hold, networks, details."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from castline.cli import app as cli
from castline.document import DocExtraction, Document, Entity, Fact, Span, Value
from castline.export import export_kb
from castline.extract import extract
from castline.kb import Store
from castline.kb.conflicts import Period, apart, birth_range, compatible, find_conflicts, period, recast_side
from castline.kb.schema import EntityRow
from castline.web import create_app


def entity(key: str, name: str, kind: str, text: str) -> Entity:
    start = text.find(name)
    return Entity(key=key, name=name, type=kind, mentions=[Span(start, start + len(name))] if start >= 0 else [])


def save(store: Store, source: str, published: str | None, text: str, facts: list[tuple],
         names: dict[str, tuple[str, str]], outlet: str | None = None) -> None:
    """One article of one-sentence facts: `facts` are (subject key, predicate, object key or Value, qualifiers,
    sentence); `names` maps keys to (name, type)."""
    entities = [entity(key, name, kind, text) for key, (name, kind) in names.items()]
    found = []
    for subject, predicate, obj, qualifiers, sentence in facts:
        start = text.index(sentence)
        found.append(Fact(subject, predicate, obj, Span(start, start + len(sentence)), qualifiers))
    store.save(Document(source=source, text=text, content_hash=source, published=published, outlet=outlet),
               DocExtraction(entities=entities, facts=found))


CAST = {"q": ("Mara Quinn", "person"), "o": ("Lena Ortiz", "person"), "n": ("Nora Vance", "character"),
        "h": ("Harbor City Fire", "show")}


def plays(store: Store, source: str, published: str | None, sentence: str, actor: str = "q",
          show: str | None = "h", **qualifiers: object) -> None:
    names = {k: CAST[k] for k in (actor, "n", "h") if CAST[k][0] in sentence}
    show = show if show in names else None
    save(store, source, published, sentence + " The show films in Vancouver.",
         [(actor, "plays", "n", {**({"show": show} if show else {}), **qualifiers}, sentence)], names)


def conflicts(store: Store) -> list[dict]:
    with store.sessions() as session:
        return find_conflicts(session)


def of_kind(store: Store, *kinds: str) -> list[dict]:
    return [c for c in conflicts(store) if c["kind"] in kinds]


def actors(conflict: dict) -> list[str]:
    return sorted(v["value"] for v in conflict["values"])


# ---- one character, two actors -------------------------------------------------------------------

def test_two_actors_at_once_are_a_conflict_with_their_sources(store):
    plays(store, "a.txt", "2023-05-02", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2023-05-09", "Lena Ortiz plays Nora Vance on Harbor City Fire.", actor="o")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "two_actors" and conflict["subject"]["name"] == "Nora Vance"
    assert conflict["show"]["name"] == "Harbor City Fire" and actors(conflict) == ["Lena Ortiz", "Mara Quinn"]
    by_actor = {v["value"]: v for v in conflict["values"]}
    [source] = by_actor["Lena Ortiz"]["sources"]
    assert source["text"] == "Lena Ortiz plays Nora Vance on Harbor City Fire." and source["source"] == "b.txt"
    assert by_actor["Mara Quinn"]["dates"] == ["2023-05-02", "2023-05-02"]
    assert "none tells a recast" in conflict["note"]


def test_a_recast_the_text_tells_and_the_dates_separate_is_no_conflict(store):
    plays(store, "a.txt", "2019-03", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2023-05-02", "Lena Ortiz takes over the role of Nora Vance on Harbor City Fire.", actor="o")
    # a later article that looks back names the first actor again: still no conflict
    plays(store, "c.txt", "2024-01", "Mara Quinn, who played Nora Vance, has a new film.")
    assert conflicts(store) == []


@pytest.mark.parametrize("sentence", ["Lena Ortiz is the new Nora Vance on Harbor City Fire.",
                                      "Lena Ortiz replaces Mara Quinn as Nora Vance on Harbor City Fire."])
def test_recast_cues(sentence, store):
    plays(store, "a.txt", "2019-03", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2023-05-02", sentence, actor="o")
    assert conflicts(store) == []


def test_a_recast_nothing_dates_is_a_possible_recast(store):
    plays(store, "a.txt", None, "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", None, "Lena Ortiz takes over the role of Nora Vance on Harbor City Fire.", actor="o")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "possible_recast" and "nothing dates the change" in conflict["note"]


def test_actors_dated_apart_without_a_told_recast_are_a_possible_recast(store):
    plays(store, "a.txt", "2015-06", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2023-05", "Lena Ortiz plays Nora Vance on Harbor City Fire.", actor="o")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "possible_recast" and "never both at once" in conflict["note"]


def test_a_told_recast_whose_newcomer_was_named_before_it_is_a_conflict(store):
    plays(store, "a.txt", "2019-03", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2019-03", "Lena Ortiz plays Nora Vance on Harbor City Fire.", actor="o")
    plays(store, "c.txt", "2023-05", "Lena Ortiz takes over the role of Nora Vance on Harbor City Fire.", actor="o")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "two_actors" and "took over the role" in conflict["note"]


def test_stated_tenures_decide_overlap(store):
    names = {"q": CAST["q"], "h": CAST["h"]}
    sentence = "Mara Quinn starred on Harbor City Fire from 2015 to 2020."
    save(store, "t.txt", "2024-02", sentence, [("q", "cast_member_of", "h", {"start": "2015", "end": "2020"},
                                                sentence)], names)
    plays(store, "a.txt", "2024-02", "Mara Quinn played Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2019-03", "Lena Ortiz plays Nora Vance on Harbor City Fire.", actor="o")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "two_actors"
    quinn = next(v for v in conflict["values"] if v["value"] == "Mara Quinn")
    assert quinn["tenure"] == {"start": "2015-01-01", "end": "2020-12-31"}
    assert sentence in [s["text"] for s in quinn["sources"]]


def test_namesakes_in_two_shows_are_no_conflict(store):
    plays(store, "a.txt", "2023-05", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    other = "Lena Ortiz plays Nora Vance on Ridgeline."
    save(store, "b.txt", "2023-05", other, [("o", "plays", "n", {"show": "r"}, other)],
         {"o": CAST["o"], "n": CAST["n"], "r": ("Ridgeline", "show")})
    assert conflicts(store) == []


def test_one_sentence_naming_both_actors_is_no_conflict(store):
    both = "Mara Quinn and Lena Ortiz both play Nora Vance."
    save(store, "c.txt", "2023-05", both, [("q", "plays", "n", {}, both), ("o", "plays", "n", {}, both)],
         {"q": CAST["q"], "o": CAST["o"], "n": CAST["n"]})
    assert conflicts(store) == []


@pytest.mark.parametrize("text, side", [
    ("Lena Ortiz takes over the role of Nora Vance.", "new"),
    ("Lena Ortiz is the new Vance.", "new"),
    ("Mara Quinn, who was replaced by Lena Ortiz, has a new film.", "old"),
    ("Mara Quinn originated the role of Nora Vance.", "old"),
    ("Nora Vance, previously played by Mara Quinn, returns.", "new"),
    ("Lena Ortiz plays Nora Vance in the new season.", None),
])
def test_recast_side(text, side):
    assert recast_side(text, {"Nora Vance", "Nora", "Vance"}) == side


# ---- ages ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("age, as_of, born", [
    (41, "2023-02", ("1981-02-02", "1982-02-28")),
    (30, "2023", ("1992-01-02", "1993-12-31")),
    (50, "2024-05-10", ("1973-05-11", "1974-05-10")),
    (0, "2024-02-29", ("2023-03-01", "2024-02-29")),
    (1, "2025-02-28", ("2023-03-01", "2024-02-28")),
])
def test_birth_range_is_exact(age, as_of, born):
    found = birth_range(age, period(as_of))
    assert (found.first.isoformat(), found.last.isoformat()) == born


def test_period_precision():
    assert period("2024-02") == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert period("2023-12") == Period(date(2023, 12, 1), date(2023, 12, 31))
    assert period("sometime") is None and period(None) is None and period("2023-13") is None


def ages(store: Store, *claims: tuple[int, str | None, str]) -> None:
    for n, (age, as_of, published) in enumerate(claims):
        sentence = f"Mara Quinn, {age}, spoke to reporters."
        save(store, f"age{n}.txt", published, sentence,
             [("q", "age", Value(age), {"as_of": as_of} if as_of else {}, sentence)], {"q": CAST["q"]})


@pytest.mark.parametrize("claims", [
    [(41, "2023-02", "2023-02"), (42, "2024-03", "2024-03")],  # a year on, a birthday passed
    [(41, "2024-03", "2024-03"), (42, "2024-03", "2024-03")],  # a birthday that month
    [(41, "2023", "2023"), (42, "2023-12", "2023-12")],  # only the precision differs
    [(41, None, "2023-02"), (41, None, "2023-09")],  # the articles' own dates
])
def test_ages_that_can_all_hold_are_no_conflict(claims, store):
    ages(store, *claims)
    assert conflicts(store) == []


def test_ages_that_cannot_all_hold_name_each_pair(store):
    ages(store, (41, "2023-02", "2023-02"), (45, "2023-06", "2023-06"), (42, "2024-03", "2024-03"))
    [conflict] = conflicts(store)
    assert conflict["kind"] == "ages" and conflict["subject"]["name"] == "Mara Quinn"
    values = [(v["value"], v["as_of"]) for v in conflict["values"]]
    assert values == [(45, "2023-06"), (41, "2023-02"), (42, "2024-03")]
    assert conflict["pairs"] == [[0, 1], [0, 2]]  # 41 and 42 agree with each other, not with 45
    assert conflict["values"][0]["born"] == ["1977-06-02", "1978-06-30"]
    assert conflict["values"][0]["sources"][0]["text"] == "Mara Quinn, 45, spoke to reporters."


def test_ages_with_the_article_date_when_the_age_has_none(store):
    ages(store, (41, None, "2023-02-01"), (44, None, "2023-03-01"))
    [conflict] = conflicts(store)
    assert [v["as_of"] for v in conflict["values"]] == ["2023-03-01", "2023-02-01"]


# ---- networks ------------------------------------------------------------------------------------

def airs(store: Store, source: str, published: str, sentence: str, *networks: str, outlet: str | None = None) -> None:
    names = {"h": CAST["h"], **{f"n{i}": (n, "network") for i, n in enumerate(networks)}}
    save(store, source, published, sentence, [("h", "airs_on", f"n{i}", {}, sentence) for i in range(len(networks))],
         names, outlet)


def test_two_networks_for_one_show(store):
    airs(store, "a.txt", "2019-04", "Harbor City Fire airs on NBC.", "NBC")
    airs(store, "b.txt", "2019-05", "Harbor City Fire airs Thursdays on CBS.", "CBS")
    [conflict] = conflicts(store)
    assert conflict["kind"] == "networks" and conflict["subject"]["name"] == "Harbor City Fire"
    assert actors(conflict) == ["CBS", "NBC"] and not conflict["moved"]
    assert "no source here says which" in conflict["note"]


def test_a_told_move_and_a_streamer_are_said(store):
    airs(store, "a.txt", "2019-04", "Harbor City Fire airs on NBC.", "NBC")
    airs(store, "b.txt", "2021-05", "Harbor City Fire moved to Peacock this spring.", "Peacock", outlet="TVLine")
    [conflict] = conflicts(store)
    assert conflict["moved"] and conflict["note"].startswith("Moved: TVLine tells it")
    assert "Peacock streams" in conflict["note"] and "date them apart" in conflict["note"]


def test_one_sentence_naming_two_networks_is_no_conflict(store):
    airs(store, "a.txt", "2021-05", "Harbor City Fire was cancelled by NBC and picked up by CBS.", "NBC", "CBS")
    assert conflicts(store) == []


# ---- details -------------------------------------------------------------------------------------

def details(store: Store, key: str, *values: object) -> None:
    for n, value in enumerate(values):
        sentence = f"Mara Quinn was on Harbor City Fire (note {n})."
        save(store, f"d{n}.txt", f"2024-0{n + 1}", sentence,
             [("q", "cast_member_of", "h", {key: value}, sentence)], {"q": CAST["q"], "h": CAST["h"]})


def test_two_season_counts_are_a_detail_conflict(store):
    details(store, "seasons", 7, 8)
    [conflict] = conflicts(store)
    assert (conflict["kind"], conflict["detail"], actors(conflict)) == ("details", "seasons", [7, 8])
    assert conflict["object"]["name"] == "Harbor City Fire" and "grows" in conflict["note"]


@pytest.mark.parametrize("key, values", [("start", ("2017", "2017-09")), ("start", ("2017", 2017)),
                                         ("seasons", (7, 7))])
def test_values_that_differ_only_in_precision_are_no_conflict(key, values, store):
    details(store, key, *values)
    assert conflicts(store) == []


@pytest.mark.parametrize("detail, a, b, same", [
    ("air_date", "2023", "2023-05-04", True), ("air_date", "2023-05-04", "2023-05-11", False),
    ("start", 2017, "2017", True), ("start", "2017", "2018", False), ("seasons", 7, 8, False),
    ("slot", "Thursdays at 9", "9", True), ("slot", "Thursdays at 9", "Fridays at 8", False),
])
def test_compatible(detail, a, b, same):
    assert compatible(detail, a, b) is same


def test_apart():
    one = {"document": 1, "start": 0, "end": 10}
    assert not apart([one], [dict(one)])
    assert apart([one], [one, {"document": 2, "start": 0, "end": 10}])


def test_a_person_typed_a_character_elsewhere_is_no_conflict(store):
    """Types are voted: an article that takes the actor for the character (and the pair the wrong way round)
    is outvoted, and a character is nobody's actor."""
    plays(store, "a.txt", "2023-05", "Mara Quinn plays Nora Vance on Harbor City Fire.")
    plays(store, "b.txt", "2023-05", "Mara Quinn is Nora Vance on Harbor City Fire.")
    flipped = "Nora Vance plays Mara Quinn, fans say."
    save(store, "c.txt", "2023-05", flipped, [("n", "plays", "q", {}, flipped)],
         {"q": ("Mara Quinn", "character"), "n": ("Nora Vance", "person")})
    # a character who poses as another is not that one's actor
    posing = "Nora Vance plays Agent Kade undercover."
    save(store, "d.txt", "2023-05", posing, [("n", "plays", "k", {}, posing)],
         {"n": ("Nora Vance", "character"), "k": ("Agent Kade", "character")})
    save(store, "e.txt", "2023-05", "Lena Ortiz plays Agent Kade.",
         [("o", "plays", "k", {}, "Lena Ortiz plays Agent Kade.")], {"o": CAST["o"], "k": ("Agent Kade", "character")})
    with store.sessions() as session:
        types = dict(session.execute(select(EntityRow.name, EntityRow.type)).all())
    assert (types["Mara Quinn"], types["Nora Vance"]) == ("person", "character")
    assert conflicts(store) == []


# ---- real extraction, export, CLI and web --------------------------------------------------------

ARTICLES = {
    "first.txt": ("2023-05-02", "Mara Quinn plays Nora Vance on Harbor City Fire. Quinn, 41, told Variety she "
                                "loves the crew."),
    "second.txt": ("2023-05-09", "Lena Ortiz plays Nora Vance on Harbor City Fire. Mara Quinn, 45, was not on "
                                 "set this week."),
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory, nlp) -> str:
    path = str(tmp_path_factory.mktemp("conflicts") / "kb.db")
    store = Store(path)
    for source, (published, text) in ARTICLES.items():
        document = Document(source=source, text=text, content_hash=source, published=published)
        store.save(document, extract(document, nlp))
    store.close()
    return path


def test_extracted_articles_give_actor_and_age_conflicts(kb):
    store = Store(kb, readonly=True)
    found = {c["kind"]: c for c in conflicts(store)}
    assert set(found) == {"two_actors", "ages"}
    assert actors(found["two_actors"]) == ["Lena Ortiz", "Mara Quinn"]
    assert sorted(v["value"] for v in found["ages"]["values"]) == [41, 45]
    exported = export_kb(store)["conflicts"]
    assert {c["kind"] for c in exported} == {"two_actors", "ages"}
    entities = {e["id"]: e["name"] for e in export_kb(store)["entities"]}
    two = next(c for c in exported if c["kind"] == "two_actors")
    assert entities[two["subject"]] == "Nora Vance" and sorted(entities[v["value"]] for v in two["values"]) == \
        ["Lena Ortiz", "Mara Quinn"]
    assert {e["doc"] for v in two["values"] for e in v["evidence"]} == {"d1", "d2"}
    store.close()


def test_an_extracted_recast_is_no_conflict(sqlite_store, nlp):
    for source, published, text in [
            ("a.txt", "2019-03-04", "Mara Quinn plays Nora Vance on Harbor City Fire."),
            ("b.txt", "2023-05-02", "Lena Ortiz takes over the role of Nora Vance on Harbor City Fire."),
            ("c.txt", "2024-01-10", "Mara Quinn, who played Nora Vance on Harbor City Fire, joins a new film.")]:
        document = Document(source=source, text=text, content_hash=source, published=published)
        sqlite_store.save(document, extract(document, nlp))
    kb = export_kb(sqlite_store)
    names = {e["id"]: e["name"] for e in kb["entities"]}
    assert sorted(names[f["subject"]] for f in kb["facts"] if f["predicate"] == "plays") == \
        ["Lena Ortiz", "Mara Quinn"]
    assert kb["conflicts"] == []


def test_cli_conflicts(kb):
    runner = CliRunner()
    result = runner.invoke(cli, ["conflicts", "--db", kb, "--json"])
    assert result.exit_code == 0, result.output
    assert {c["kind"] for c in json.loads(result.output)} == {"two_actors", "ages"}
    table = runner.invoke(cli, ["conflicts", "--db", kb])
    assert table.exit_code == 0 and "Nora Vance" in table.output and "Lena Ortiz" in table.output


def test_web_conflicts(kb):
    client = TestClient(create_app(kb))
    items = client.get("/api/conflicts").json()["items"]
    assert [c["kind"] for c in items] == ["two_actors", "ages"]
    page = client.get("/conflicts")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "One character, two actors at the same time" in page.text and "Ages that cannot all hold" in page.text
    source = items[0]["values"][0]["sources"][0]
    assert f'href="/article/{source["document"]}#at-{source["start"]}-{source["end"]}"' in page.text
    assert "<script>" not in page.text
