"""Reasons for a type in words: every family of the type model's features, and the votes beside them."""

from __future__ import annotations

import pytest

from castline.extract.typer import load_model
from castline.kb.reasons import FAMILIES, PHRASES, described, render, why


@pytest.mark.parametrize("reason, text", [
    ("cue/show/season-of: Season 8 of", "'Season 8 of' (cue show/season-of)"),
    ("cue/network/kind-after: drama", "'drama' (cue network/kind-after)"),
    ("cue/person/reporting", "cue person/reporting"),
    ("lexicon/network", "on castline's list of networks"),
    ("lexicon/person", "on castline's list of people"),
    ("ner/PERSON", "the language model's label PERSON"),
    ("ner/WORK_OF_ART", "the language model's label WORK_OF_ART"),
    ("ner/none", "no label from the language model"),
    ("slot/airs_on/verb-on/left", "in a 'airs_on/verb-on' relation, as its first name"),
    ("slot/plays/verb/right", "in a 'plays/verb' relation, as its second name"),
    ("list/place", "listed beside places"),
    ("shape/character-title", "comes with a rank or job of fiction (Capt., Det., Dr. …)"),
    ("shape/a-shape-fitted-later", "the name's shape (a-shape-fitted-later)"),
    ("position/headline", "named in the headline"),
    ("dep/reporting-subject", "the subject of a reporting verb (said, told …)"),
    ("dep/npadvmod", "its role in the sentence (npadvmod)"),
    ("verb/career", "with a verb of careers (star, join, direct …)"),
    ("possessive/owned-by-network", "owned by a network ('CBS's X')"),
    ("paren/pair", "in a bracket pair ('X (Y)')"),
    ("doc/in-title", "in the article's title"),
    ("doc/in-url", "in the article's URL"),
    ("quoted/title", "written in quotation marks"),
    ("context/after-network", "named right after a network"),
    ("mentions", "how often the article names it"),
    ("unheard/of: {words}", "'{words}' (unheard/of)"),
])
def test_a_reason_in_words(reason, text):
    assert render(reason) == text


def test_the_words_after_the_first_separator_are_the_words():
    assert described("cue/character/named: named: Nora") == {
        "feature": "cue/character/named", "words": "named: Nora", "text": "'named: Nora' (cue character/named)"}


def test_every_feature_of_the_shipped_model_has_a_phrase_of_its_own_or_of_its_family():
    unphrased = [f for f in load_model().weights
                 if f not in PHRASES and not any(f.startswith(p) for p in FAMILIES)]
    assert unphrased == []


def test_why_orders_the_votes_and_leaves_out_leftover_doubt():
    found = why("show", {"place": 0.63, "show": 4.598, "episode": 0.0242}, [["cue/show/airs: airs", 2]], 5)
    assert found["votes"] == [{"type": "show", "votes": 4.6}, {"type": "place", "votes": 0.63}]
    assert found["reasons"] == [{"feature": "cue/show/airs", "words": "airs", "text": "'airs' (cue show/airs)",
                                 "articles": 2}]
    assert found["articles"] == 5


def test_an_entity_stored_before_reasons_existed_has_none():
    assert why("person", None, None, 1) == {"type": "person", "articles": 1, "votes": [], "reasons": []}
