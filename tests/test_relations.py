"""One invented fixture per predicate, and the facts derived from others."""

from __future__ import annotations

import pytest

from .extraction import run

SHOW = "Harbor City Fire is back for season 8. "


@pytest.mark.parametrize("text, fact", [
    (SHOW + "Fans love Capt. Nora Vance (Mara Quinn).", ("Mara Quinn", "plays", "Nora Vance")),
    (SHOW + "Tomas Reyes plays Lt. Eli Brandt on the drama.", ("Tomas Reyes", "plays", "Eli Brandt")),
    (SHOW + "Mara Quinn said her character Nora Vance is tired.", ("Mara Quinn", "plays", "Nora Vance")),
    (SHOW + "Since wrapping up as Capt. Nora Vance, Mara Quinn has rested.", ("Mara Quinn", "plays", "Nora Vance")),
    (SHOW + "Fans love Capt. Nora Vance (Mara Quinn).", ("Nora Vance", "character_in", "Harbor City Fire")),
    (SHOW + "Fans love Capt. Nora Vance (Mara Quinn).", ("Mara Quinn", "cast_member_of", "Harbor City Fire")),
    (SHOW + "Lt. Eli Brandt (Tomas Reyes) finally proposed to his girlfriend, Dr. Celia Ward (Priya Anand).",
     ("Eli Brandt", "romantic_partner_of", "Celia Ward")),
    (SHOW + "Capt. Nora Vance (Mara Quinn) and her husband, Lt. Eli Brandt (Tomas Reyes), argue.",
     ("Nora Vance", "spouse_of", "Eli Brandt")),
    (SHOW + "Lt. Eli Brandt (Tomas Reyes) waits. When he got to the station, his boss, Capt. Nora Vance "
            "(Mara Quinn), was there.", ("Nora Vance", "superior_of", "Eli Brandt")),
    (SHOW + "Lt. Eli Brandt (Tomas Reyes) rides with his partner, Sam Ruiz (Dev Kapoor).",
     ("Eli Brandt", "partner_of", "Sam Ruiz")),
    (SHOW + "Capt. Nora Vance (Mara Quinn) hugs her brother, Owen Vance (Ben Holt).",
     ("Nora Vance", "relative_of", "Owen Vance")),
    (SHOW + "Tomas Reyes directed the episode “Smoke Signals” this season.", ("Tomas Reyes", "directed",
                                                                          "Smoke Signals")),
    (SHOW + "The episode “Smoke Signals,” directed by Tomas Reyes, aired in May.", ("Tomas Reyes", "directed",
                                                                                  "Smoke Signals")),
    (SHOW + "In season 8, episode 2, “Smoke Signals,” the crew fights a warehouse fire.",
     ("Smoke Signals", "episode_of", "Harbor City Fire")),
    ("Harbor City Fire airs on CBS Thursdays at 9 p.m. ET.", ("Harbor City Fire", "airs_on", "CBS")),
    (SHOW + "It is one of the shows in the “Harbor City” universe.", ("Harbor City Fire", "part_of", "Harbor City")),
    (SHOW + "The drama was created by Gil Hartman in 2017.", ("Harbor City Fire", "created_by", "Gil Hartman")),
    (SHOW + "Mara Quinn stars. The Riverbend alum is beloved.", ("Mara Quinn", "known_for", "Riverbend")),
    (SHOW + "Mara Quinn, a proud SAG-AFTRA member, joined the picket line.", ("Mara Quinn", "member_of",
                                                                            "SAG-AFTRA")),
    (SHOW + "Mara Quinn, 41, told TVLine she is ready.", ("Mara Quinn", "age", 41)),
    (SHOW + "Mara Quinn is leaving. The 41-year-old actress will be missed.", ("Mara Quinn", "age", 41)),
    (SHOW + "Mara Quinn is leaving. The Ohio native will be missed.", ("Mara Quinn", "from", "Ohio")),
    (SHOW + "Mara Quinn and her co-star Tomas Reyes hugged.", ("Tomas Reyes", "cast_member_of",
                                                               "Harbor City Fire")),
])
def test_predicates(nlp, text, fact):
    assert fact in run(nlp, text).facts()


def test_episode_qualifiers(nlp):
    result = run(nlp, SHOW + "In season 8, episode 2, “Smoke Signals,” which aired on May 2, the crew fights on.",
                 published="2024-05-20")
    [fact] = [f for f in result.extraction.facts if f.predicate == "episode_of"]
    assert fact.qualifiers == {"season": 8, "number": 2, "air_date": "2024-05-02"}


def test_airs_on_slot(nlp):
    result = run(nlp, "Harbor City Fire airs on CBS Thursdays at 9 p.m. ET.")
    [fact] = [f for f in result.extraction.facts if f.predicate == "airs_on"]
    assert fact.qualifiers == {"slot": "Thursdays at 9 p.m. ET"}


def test_cast_member_seasons_from_the_text(nlp):
    text = (SHOW + "Fans love Capt. Nora Vance (Mara Quinn). Quinn announced she was leaving the drama "
            "after seven seasons.")
    result = run(nlp, text)
    [fact] = [f for f in result.extraction.facts if f.predicate == "cast_member_of"]
    assert fact.qualifiers.get("seasons") == 7


def test_on_screen_wife_is_not_a_spouse(nlp):
    result = run(nlp, SHOW + "Tomas Reyes thanked his on-screen wife, Mara Quinn.")
    assert not any(p == "spouse_of" for _, p, _ in result.facts())


def test_evidence_is_the_sentence(nlp):
    result = run(nlp, SHOW + "Fans love Capt. Nora Vance (Mara Quinn).")
    fact = next(f for f in result.extraction.facts if f.predicate == "plays")
    assert result.document.text[fact.evidence.start:fact.evidence.end] == "Fans love Capt. Nora Vance (Mara Quinn)."


@pytest.mark.parametrize("text, fact", [
    ("Saint Brigid returns in May. The series also stars Lucia Ferreira as Dr. Amara Lang.",
     ("Lucia Ferreira", "plays", "Amara Lang")),
    ("Saint Brigid returns in May. Ravi Okafor plays Dr. Theo Lang opposite Dr. Amara Lang (Lucia Ferreira), "
     "Theo's wife.", ("Theo Lang", "spouse_of", "Amara Lang")),
    ("Ravi Okafor, 41, previously starred in the film Northern Line.", ("Ravi Okafor", "known_for", "Northern Line")),
    ("Harbor Lights is back. In the episode titled “Low Tide,” the boat sinks. The episode was directed by "
     "Kim Novak-Reyes.", ("Kim Novak-Reyes", "directed", "Low Tide")),
    ("Harbor Lights airs Thursdays at 8/7c on Fox.", ("Harbor Lights", "airs_on", "Fox")),
    ("Jenna Kowalski and her husband, director Marcus Hale, are expecting.", ("Jenna Kowalski", "spouse_of",
                                                                                 "Marcus Hale")),
])
def test_more_predicate_shapes(nlp, text, fact):
    assert fact in run(nlp, text).facts()


def test_joining_a_show_makes_a_cast_member(nlp):
    text = "Saint Brigid is back for season 5. Ivan Petrov joined Saint Brigid in season 1 as a surgeon."
    assert ("Ivan Petrov", "cast_member_of", "Saint Brigid") in run(nlp, text).facts()
