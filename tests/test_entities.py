"""Entity typing from the article's own cues, aliases and epithets, on invented articles."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Span

from castline.extract.candidates import Candidate, run_candidates
from castline.extract.entities import list_pairs, shape_features
from castline.extract.typer import load_model, prior_weights

from .extraction import run


@pytest.mark.parametrize("text, name, kind", [
    ("Fans love Nora Vance (Mara Quinn) on the drama.", "Nora Vance", "character"),
    ("Fans love Nora Vance (Mara Quinn) on the drama.", "Mara Quinn", "person"),
    ("Mara Quinn revealed that her character Nora Vance will leave.", "Nora Vance", "character"),
    ("Tomas Reyes plays Eli Brandt, a firefighter with a past.", "Eli Brandt", "character"),
    ("Tomas Reyes plays Eli Brandt, a firefighter with a past.", "Tomas Reyes", "person"),
    ("In the finale, Det. Sam Ruiz finally cracks the case.", "Sam Ruiz", "character"),
    ("The actress returned as Celia Ward for the crossover.", "Celia Ward", "character"),
    ("Tomas Reyes, 38, told Deadline about the finale.", "Tomas Reyes", "person"),
    ("The cast of Harbor City Fire gathered on set.", "Harbor City Fire", "show"),
    ("Harbor City Fire airs on CBS on Thursdays.", "CBS", "network"),
    ("Harbor City Fire streams on Paramount+ every week.", "Paramount+", "network"),
    ("She told TVLine that she cried.", "TVLine", "outlet"),
    ("She wrote a long post on Instagram about the finale.", "Instagram", "outlet"),
    ("He is a proud SAG-AFTRA member and joined the picket line.", "SAG-AFTRA", "organization"),
    ("In season 3, episode 4, “Cold Water,” Vance nearly drowns.", "Cold Water", "episode"),
    ("During the “Cold Water” episode, Vance nearly drowns.", "Cold Water", "episode"),
    ("He called it a dream to join the “Harbor City” universe.", "Harbor City", "franchise"),
    ("The cast made a “Blooper Reel” video for the fans.", "Blooper Reel", "work"),
    ("The family moved from Ohio to Portugal in 2019.", "Portugal", "place"),
])
def test_entity_types(nlp, text, name, kind):
    assert run(nlp, text).types().get(name) == kind


def test_full_name_surname_and_first_name_are_one_entity(nlp):
    result = run(nlp, "Mara Quinn joined the cast in 2017. Quinn said the first day was hard. "
                      "Mara still remembers it.")
    entity = result.entity("Mara Quinn")
    assert {"Quinn", "Mara"} <= set(entity.aliases)
    assert len(entity.mentions) == 3
    assert list(result.types()) == ["Mara Quinn"]


def test_two_people_with_one_surname_stay_apart(nlp):
    result = run(nlp, "Dana Whitfield and her brother Colin Whitfield both star on the drama. "
                      "Colin Whitfield plays the fire chief.")
    names = set(result.types())
    assert {"Dana Whitfield", "Colin Whitfield"} <= names


def test_epithets_become_aliases(nlp):
    text = ("Mara Quinn is leaving the drama. The Ohio native told Variety she will miss it. "
            "The Westbrook High alum thanked the fans.")
    result = run(nlp, text)
    aliases = set(result.entity("Mara Quinn").aliases)
    assert {"The Ohio native", "The Westbrook High alum"} <= aliases
    assert result.types()["Westbrook High"] == "work"
    assert result.types()["Ohio"] == "place"


def test_show_epithet_is_an_alias_of_the_show(nlp):
    result = run(nlp, "Harbor City Fire returns tonight. The cast of Harbor City Fire is back, and "
                      "the CBS drama has a new chief.")
    assert "the CBS drama" in result.entity("Harbor City Fire").aliases


def test_capitalized_words_that_open_a_sentence_make_no_entity(nlp):
    types = run(nlp, "Still the fans wait. Tonight, Harbor City Fire returns for season 8.").types()
    assert set(types) == {"Harbor City Fire"}


@pytest.mark.parametrize("text, name, kind", [
    ("Ravi Okafor is exiting ABC's medical drama Saint Brigid after five seasons.", "Saint Brigid", "show"),
    ("He previously starred in the film Northern Line.", "Northern Line", "work"),
    ("In Thursday's episode of Harbor Lights, titled “Low Tide,” the boat sinks.", "Low Tide", "episode"),
    ("The series also stars Lucia Ferreira as Dr. Amara Lang.", "Amara Lang", "character"),
    ("Jenna Kowalski has played deputy Nell Harper on the procedural since 2019.", "Nell Harper", "character"),
])
def test_more_typing_cues(nlp, text, name, kind):
    assert run(nlp, text).types().get(name) == kind


def test_names_only_in_a_title_case_subheading_make_no_entity(nlp):
    text = ("Mara Quinn left Harbor City Fire in May.\n\nWhat Comes Next For The Firehouse Crew\n\n"
            "Quinn said the firehouse will survive.")
    assert set(run(nlp, text).types()) == {"Mara Quinn", "Harbor City Fire"}


def test_a_known_first_name_marks_a_name_of_a_person_or_character():
    assert "shape/given-name" in shape_features("Margaret Velloway")
    assert "shape/given-name" in shape_features("Dr. Margaret Velloway")  # past the title
    assert "shape/given-name-alone" in shape_features("Margaret")
    assert not {"shape/given-name", "shape/given-name-alone"} & set(shape_features("Harbor Lights"))


def test_a_surname_goes_to_the_subject_not_to_a_relative_named_as_such(nlp):
    text = ("Mara Quinn is leaving the talk show The Morning Table. Quinn, the daughter of the late Sen. Ray "
            "Quinn, joined the show in 2019. Quinn will stay through July, and Quinn says she is ready.")
    extraction = run(nlp, text).extraction
    mara = next(e for e in extraction.entities if e.name == "Mara Quinn")
    ray = next(e for e in extraction.entities if e.name.endswith("Ray Quinn"))
    assert len(ray.mentions) == 1 and len(mara.mentions) >= 4


@pytest.mark.parametrize("text, name", [
    ("Her co-stars were Donna Vale and Joan Van Ark. Van Ark said she was sad.", "Joan Van Ark"),
    ("The role went to Tom Reyes Jr. Reyes said he was thrilled.", "Tom Reyes Jr."),
])
def test_a_full_stop_ends_the_sentence_not_the_name(nlp, text, name):
    assert name in run(nlp, text).types()


def test_a_list_ends_at_its_and():
    text = "Fans loved Nora Vance, Eli Brandt and Dev Roy, Mara Quinn said."
    names = ["Nora Vance", "Eli Brandt", "Dev Roy", "Mara Quinn"]
    candidates = [Candidate(text.index(n), text.index(n) + len(n), n, "run") for n in names]
    pairs = {(a.name, b.name) for a, b in list_pairs(text, candidates)}
    assert ("Eli Brandt", "Dev Roy") in pairs and ("Dev Roy", "Mara Quinn") not in pairs


def test_a_cue_the_fitted_model_never_saw_keeps_its_prior(tmp_path):
    path = tmp_path / "typer.json"
    path.write_text(json.dumps({"weights": {"bias": {"name": 0.5}}, "fitted_on": "test"}))
    model = load_model.__wrapped__(path)
    assert model.weights["cue/work/kinds-before"] == prior_weights()["cue/work/kinds-before"]
    assert model.weights["bias"] == {"name": 0.5}


@pytest.mark.parametrize("text, title", [
    ("Mara Quinn told the story during an appearance on Late Night with Jo Lee on Tuesday.", "Late Night with Jo Lee"),
    ("During an appearance on Live With Kelly and Dev, Mara Quinn revealed why she quit.", "Live With Kelly and Dev"),
])
def test_a_talk_show_named_after_its_host_is_one_title(nlp, text, title):
    assert title in run(nlp, text).types()


def test_brackets_listed_together_follow_the_article_s_convention(nlp):
    text = ("The soap Harbor Lights brought back Dev Roy. He visited characters like Nora Vance (Mara Quinn) and "
            "Eli Brandt (Tomas Reyes) before he left.")
    types = run(nlp, text).types()
    assert (types["Nora Vance"], types["Mara Quinn"], types["Eli Brandt"], types["Tomas Reyes"]) == \
        ("character", "person", "character", "person")


def test_an_article_after_a_name_opens_another_phrase(nlp):
    doc = nlp("It was a performance that earned Mara Quinn a Best Actress trophy at the Harbor Awards.")
    start = next(t.i for t in doc if t.text == "Mara")
    doc.ents = [Span(doc, start, start + 5, label="WORK_OF_ART")]  # the model's span runs across "a"
    names = [c.text for c in run_candidates(doc)]
    assert "Mara Quinn" in names and not any(" a " in name for name in names)


def test_a_quote_s_editorial_brackets_complete_a_name(nlp):
    text = "“Then my phone rang and it was Jo [Lee] saying, ‘we are going on,’” Mara Quinn told the paper."
    assert "Jo Lee" in run(nlp, text).types()


@pytest.mark.parametrize("text, name", [
    ("Mara Quinn won her first Emmy for the drama Harbor Lights.", "Emmy Awards"),
    ("The drama Harbor Lights comes from Lucasfilm and stars Mara Quinn.", "Lucasfilm"),
])
def test_studios_and_award_bodies_are_organizations(nlp, text, name):
    assert run(nlp, text).types().get(name) == "organization"
