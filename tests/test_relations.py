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


# One invented sentence per relation pattern of relpatterns.py (its id first), and the fact it states.
PATTERN_CASES = [
    ("plays/verb", "Mara Quinn will play the ruthless Nora Vance on Harbor City Fire.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/participle", "Tomas Reyes spent five years on Harbor City Fire, playing the fearless Eli Brandt.",
     ("Tomas Reyes", "plays", "Eli Brandt")),
    ("plays/named", "Tomas Reyes joined Harbor City Fire to play a character named Eli Brandt.",
     ("Tomas Reyes", "plays", "Eli Brandt")),
    ("plays/stars-as", "On Harbor City Fire, Mara Quinn stars as Capt. Nora Vance.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("airs_on/main-kind", "The drama Harbor Lights ends. The New York hospital-set NBC series draws to a close.",
     ("Harbor Lights", "airs_on", "NBC")),
    ("airs_on/series-for", "The comedy Harbor Lights is a spinoff. They will lead their own series for CBS.",
     ("Harbor Lights", "airs_on", "CBS")),
    ("created_by/opening", "Created by Jo Lee and Dev Roy, the police procedural Harbor Lights was renewed.",
     ("Harbor Lights", "created_by", "Dev Roy")),
    ("directed/which", "The drama Harbor Lights aired “Low Tide,” which Mara Quinn wrote and directed.",
     ("Mara Quinn", "directed", "Low Tide")),
    ("directed/main-director", "The drama Harbor Lights has new showrunners, as well as director Jo Lee.",
     ("Jo Lee", "directed", "Harbor Lights")),
    ("plays/known-as", "Ravi Okafor is best known for his work as Dev Roy in the Dry Creek films.",
     ("Ravi Okafor", "plays", "Dev Roy")),
    ("plays/the-role-of", "On Harbor City Fire, Mara Quinn is leaving the role of Nora Vance.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/show-as", "Mara Quinn will return to Harbor City Fire as Nora Vance next year.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/role-as", "Mara Quinn's run as Nora Vance on Harbor City Fire ends tonight.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/takes-over", "On Harbor City Fire, Priya Anand takes over as Nora Vance next season.",
     ("Priya Anand", "plays", "Nora Vance")),
    ("plays/played-by", "On Harbor City Fire, Nora Vance, played by Mara Quinn, finally quits.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/pronoun-character", "Mara Quinn is leaving Harbor City Fire. Her character, Nora Vance, will die.",
     ("Mara Quinn", "plays", "Nora Vance")),
    ("character_in/possessive", "Harbor City Fire's Nora Vance (Mara Quinn) has a secret.",
     ("Nora Vance", "character_in", "Harbor City Fire")),
    ("credit/show-star", "Harbor City Fire star Mara Quinn is leaving the drama.",
     ("Mara Quinn", "cast_member_of", "Harbor City Fire")),
    ("credit/show-co-star", "Mara Quinn joins Dry Creek. The Harbor City Fire co-star Ravi Okafor joins too.",
     ("Ravi Okafor", "known_for", "Harbor City Fire")),
    ("credit/possessive", "Harbor City Fire returns, and Northern Line's Ravi Okafor joins the cast of the "
     "drama.", ("Ravi Okafor", "known_for", "Northern Line")),
    ("credit/known-for", "Ravi Okafor, best known for his role in Northern Line, joins Harbor City Fire.",
     ("Ravi Okafor", "known_for", "Northern Line")),
    ("cast/join-leave", "Harbor City Fire is back. Ravi Okafor has joined the cast of Harbor City Fire.",
     ("Ravi Okafor", "cast_member_of", "Harbor City Fire")),
    ("cast/exit-from", "Harbor City Fire is back. Mara Quinn's exit from Harbor City Fire shocked fans.",
     ("Mara Quinn", "cast_member_of", "Harbor City Fire")),
    ("cast/co-star", "Harbor City Fire is back for season 8, and co-stars Tomas Reyes and Dev Kapoor are thrilled.",
     ("Dev Kapoor", "cast_member_of", "Harbor City Fire")),
    ("cast/host", "The talk show The Morning Table is back for season 3, and co-hosts Jo Lee and Ana Ruiz are "
     "thrilled.",
     ("Ana Ruiz", "cast_member_of", "The Morning Table")),
    ("cast/stars", "The comedy series Office Hours will star Dev Kapoor as well as Ana Ruiz.",
     ("Ana Ruiz", "cast_member_of", "Office Hours")),
    ("airs_on/verb-on", "Harbor City Fire returns to the air Thursdays on NBC.",
     ("Harbor City Fire", "airs_on", "NBC")),
    ("airs_on/network-kind", "The long-running NBC drama Harbor City Fire is back.",
     ("Harbor City Fire", "airs_on", "NBC")),
    ("airs_on/possessive", "NBC's Harbor City Fire is back for season 8.", ("Harbor City Fire", "airs_on", "NBC")),
    ("airs_on/by", "Harbor City Fire was picked up by Peacock after five seasons.",
     ("Harbor City Fire", "airs_on", "Peacock")),
    ("created_by/by", "Harbor City Fire, created by Gil Hartman, is back for season 8.",
     ("Harbor City Fire", "created_by", "Gil Hartman")),
    ("created_by/creator", "Harbor City Fire creator Gil Hartman teased the finale.",
     ("Harbor City Fire", "created_by", "Gil Hartman")),
    ("created_by/main-creator", "Harbor City Fire is back for season 8, and creator Gil Hartman is thrilled.",
     ("Harbor City Fire", "created_by", "Gil Hartman")),
    ("created_by/creator-of", "Gil Hartman, the creator of Harbor City Fire, teased the finale.",
     ("Harbor City Fire", "created_by", "Gil Hartman")),
    ("directed/by", "Harbor City Fire is back. The finale, “Last Alarm,” was directed by Ana Ruiz.",
     ("Ana Ruiz", "directed", "Last Alarm")),
    ("member_of/title", "Blue Harbor Studios president Jo Lee confirmed the renewal.",
     ("Jo Lee", "member_of", "Blue Harbor Studios")),
    ("member_of/appositive", "Mara Quinn, a proud SAG-AFTRA member, joined the picket line.",
     ("Mara Quinn", "member_of", "SAG-AFTRA")),
    ("from/native", "Mara Quinn, who was born and raised in Portugal, plays Nora Vance.",
     ("Mara Quinn", "from", "Portugal")),
]


@pytest.mark.parametrize("pattern, text, fact", PATTERN_CASES, ids=[case[0] for case in PATTERN_CASES])
def test_relation_patterns(nlp, pattern, text, fact):
    assert fact in run(nlp, text).facts()


def test_a_list_after_a_pattern_shares_its_fact(nlp):
    facts = run(nlp, "Harbor City Fire is back for season 8, and co-stars Tomas Reyes, Dev Kapoor (Sam Ruiz), and "
                     "Ana Ruiz are thrilled.").facts()
    assert {(name, "cast_member_of", "Harbor City Fire") for name in ("Tomas Reyes", "Dev Kapoor", "Ana Ruiz")} \
        <= facts


def test_the_person_an_article_is_about_is_in_the_cast_of_its_show(nlp):
    text = ("Mara Quinn is saying goodbye to Harbor City Fire. Quinn told Variety the decision was hard. "
            "Quinn thanked the fans of Harbor City Fire for eight seasons.")
    assert ("Mara Quinn", "cast_member_of", "Harbor City Fire") in run(nlp, text).facts()


def test_the_person_an_article_is_about_stays_out_of_the_cast_when_behind_the_camera(nlp):
    text = ("Harbor City Fire creator Gil Hartman is ready for the finale. Hartman told Variety the end was "
            "planned. Hartman thanked the writers of Harbor City Fire.")
    facts = run(nlp, text).facts()
    assert ("Gil Hartman", "cast_member_of", "Harbor City Fire") not in facts
    assert ("Harbor City Fire", "created_by", "Gil Hartman") in facts


def test_a_network_in_a_sentence_about_the_show_carries_it(nlp):
    text = "Harbor City Fire is back for season 8. Fans can catch Harbor City Fire every week, only on NBC."
    assert ("Harbor City Fire", "airs_on", "NBC") in run(nlp, text).facts()


def test_films_in_a_sentence_about_one_person_are_what_she_is_known_for(nlp):
    text = ("Mara Quinn is leaving Harbor City Fire. Quinn has a busy year ahead, with the film Northern Line "
            "and the movie Blue Winter.")
    facts = run(nlp, text).facts()
    assert {("Mara Quinn", "known_for", "Northern Line"), ("Mara Quinn", "known_for", "Blue Winter")} <= facts


def test_a_list_of_hosts_after_include_is_the_cast(nlp):
    text = ("The talk show The Morning Table is back for season 3. Its current co-hosts include Jo Lee, Ana Ruiz "
            "and Bea Hart.")
    facts = run(nlp, text).facts()
    assert {("Jo Lee", "cast_member_of", "The Morning Table"),
            ("Bea Hart", "cast_member_of", "The Morning Table")} <= facts


@pytest.mark.parametrize("text, members", [
    ("The drama Harbor Lights is back. Jo Lee, Ana Ruiz and Bea Hart will not return to Harbor Lights.",
     {"Jo Lee", "Ana Ruiz", "Bea Hart"}),
    ("The drama Harbor Lights is back. Jo Lee and Ana Ruiz both joined the show in 2016.", {"Jo Lee", "Ana Ruiz"}),
    ("The drama Harbor Lights is back. Nora Vance, Mara Quinn joined Harbor Lights.", {"Mara Quinn"}),
])
def test_names_listed_before_a_pattern_share_its_fact(nlp, text, members):
    facts = run(nlp, text).facts()
    assert {s for s, p, o in facts if p == "cast_member_of" and o == "Harbor Lights"} == members


def test_a_show_s_producer_makes_the_show_no_organisation(nlp):
    result = run(nlp, "The soap Harbor Lights is back. Harbor Lights executive producer Mara Quinn said so.")
    assert result.types()["Harbor Lights"] == "show"
    assert not {f for f in result.facts() if f[1] == "member_of"}
    assert ("Mara Quinn", "member_of", "Crestline Media") in run(
        nlp, "Crestline Media executive Mara Quinn said so.").facts()


def test_a_show_named_as_a_credit_is_not_the_story_s_show(nlp):
    text = ("The drama Harbor Lights returns in May. The network ordered the comedy “The Bunch” from Northern "
            "Line creator Jo Lee. Former “Late Desk” correspondent Ravi Okafor will play a Dev Roy, a journalist.")
    facts = run(nlp, text).facts()
    assert ("Northern Line", "created_by", "Jo Lee") in facts
    assert ("Harbor Lights", "created_by", "Jo Lee") not in facts  # the creator of a credit, not of the story
    assert ("Ravi Okafor", "known_for", "Late Desk") in facts
    assert not {f for f in facts if f[2] == "Northern Line" and f[1] in ("character_in", "cast_member_of")}


def test_known_for_the_films_named_after_it(nlp):
    result = run(nlp, "The drama Harbor Lights is back with Mara Quinn. Quinn is also known for the films Dry Creek "
                      "and Blue Hour.")
    assert result.types()["Dry Creek"] == "work"
    assert ("Mara Quinn", "known_for", "Dry Creek") in result.facts()


def test_a_role_in_a_film_franchise_is_no_character_of_the_show(nlp):
    facts = run(nlp, "The drama Harbor Lights is back. Ravi Okafor is best known for his work as Dev Roy in the "
                     "Northern Line film franchise.").facts()
    assert {("Ravi Okafor", "plays", "Dev Roy"), ("Ravi Okafor", "known_for", "Northern Line")} <= facts
    assert not {f for f in facts if f[1] in ("character_in", "cast_member_of")}


@pytest.mark.parametrize("text, creator", [
    ("The comedy Harbor Lights was cancelled in March, after co-creators Jo Lee and Dev Roy decided to move on.",
     "Dev Roy"),
    ("The comedy Harbor Lights ended. The network dropped Harbor Lights creator/showrunner Mara Quinn’s contract.",
     "Mara Quinn"),
    ("The drama Harbor Lights ends tonight, a bittersweet end for series developer and executive producer Jo Lee.",
     "Jo Lee"),
    ("As fans wait for new episodes of the series Harbor Lights, creator Jo Lee and star Ravi Okafor talk about it.",
     "Jo Lee"),
])
def test_creators_of_the_show(nlp, text, creator):
    assert ("Harbor Lights", "created_by", creator) in run(nlp, text).facts()


@pytest.mark.parametrize("text", [
    "The drama Harbor Lights ends. The NBC series Dry Creek starts in May.",
    "The drama Harbor Lights ends. Mara Quinn is promoting her new NBC series, Dry Creek, this week.",
    "The drama Harbor Lights ends. The NBC anthology series Dry Creek starts in May.",
])
def test_a_network_s_show_named_after_its_kind_is_not_the_story_s_show(nlp, text):
    facts = run(nlp, text).facts()
    assert ("Harbor Lights", "airs_on", "NBC") not in facts


def test_a_role_someone_only_wanted_is_not_theirs(nlp):
    text = "On Harbor City Fire, Mara Quinn had lobbied for the role of Nora Vance, which went to Jo Lee."
    assert ("Mara Quinn", "plays", "Nora Vance") not in run(nlp, text).facts()


def test_a_roundup_s_the_show_is_the_show_its_paragraph_named(nlp):
    text = ("The drama Harbor Lights has cast Mara Quinn as a surgeon. Harbor Lights returns in May.\n\n"
            "Elsewhere, the comedy Dry Creek is growing. The series' creator Jo Lee said the show needed a villain. "
            "Dev Roy has joined the cast as well.\n\nHarbor Lights fans will have to wait.")
    facts = run(nlp, text).facts()
    assert ("Dev Roy", "cast_member_of", "Dry Creek") in facts
    assert ("Dev Roy", "cast_member_of", "Harbor Lights") not in facts


MAIN_SHOW = ("Harbor City Fire is back for season 8, and Mara Quinn is back with it.\n\n"
             "Quinn is also busy with another show. “I love it,” she said while promoting her new series, "
             "Lantern Bay, in which she plays a lighthouse keeper.\n\n")


@pytest.mark.parametrize("paragraph, show", [
    # a casting roundup: the show is named, the next paragraph gives its characters
    ("Tomas Reyes and Dev Kapoor will be returning as Eli Brandt and Sam Ruiz, respectively.", "Lantern Bay"),
    # a paragraph that goes on with what she says is about the article's show, not the last one named
    ("“We start soon,” she continued. Her co-stars Tomas Reyes and Dev Kapoor will be returning as Eli Brandt "
     "and Sam Ruiz, respectively.", "Harbor City Fire"),
])
def test_a_character_goes_to_the_show_named_just_before_unless_a_quote_goes_on(nlp, paragraph, show):
    facts = run(nlp, MAIN_SHOW + paragraph).facts()
    assert ("Eli Brandt", "character_in", show) in facts


def test_a_person_s_co_stars_make_no_title_of_the_person(nlp):
    text = ("Mara Quinn talks about the end of Harbor Lights. Quinn is among several cast members who have spoken "
            "out. Quinn's co-stars Jo Lee and Dev Roy have spoken out too. Quinn said she was hurt.")
    result = run(nlp, text)
    assert "Quinn" not in result.types() and result.types()["Mara Quinn"] == "person"


def test_his_wife_is_the_wife_of_whom_his_refers_to(nlp):
    text = ("Tomas Reyes starred on the drama Harbor Lights, playing Eli Brandt, and on Dry Creek, playing Sam Voss. "
            "Reyes died on Sunday. Reyes is survived by his wife of 40 years, Nora, and their children.")
    facts = run(nlp, text).facts()
    assert ("Tomas Reyes", "spouse_of", "Nora") in facts or ("Nora", "spouse_of", "Tomas Reyes") in facts
    assert not {f for f in facts if f[1] == "spouse_of" and {"Eli Brandt", "Sam Voss"} & {f[0], f[2]}}


def test_an_actor_s_wife_in_a_soap_is_the_wife_of_the_character_he_plays(nlp):
    text = ("Dev Roy is returning to the soap Harbor Lights as Eli Brandt. Roy is set to return in May, and fans "
            "hope for a new romance with his ex-wife, Nora Vance (Mara Quinn).")
    facts = run(nlp, text).facts()
    assert ("Eli Brandt", "spouse_of", "Nora Vance") in facts or ("Nora Vance", "spouse_of", "Eli Brandt") in facts


def test_an_affair_with_someone_makes_them_partners(nlp):
    text = ("Dev Roy will leave the soap Harbor Lights as Eli Brandt at the end of the year after his affair with "
            "Nora Vance (Mara Quinn) is exposed.")
    facts = run(nlp, text).facts()
    assert ("Eli Brandt", "romantic_partner_of", "Nora Vance") in facts or \
        ("Nora Vance", "romantic_partner_of", "Eli Brandt") in facts


def test_a_name_before_on_network_s_show_is_not_the_network_s_show(nlp):
    result = run(nlp, "Mara Quinn has a current presenting gig alongside Jo Lee on BBC1’s Morning Table.")
    assert result.types()["Jo Lee"] == "person"
    assert ("Jo Lee", "airs_on", "BBC One") not in result.facts()


def test_a_relationship_with_someone_is_not_yet_a_romance(nlp):
    text = "Mara Quinn revealed what she thinks of how the show handled her character Nora Vance’s relationship " \
           "with Eli Brandt (Tomas Reyes)."
    assert not {f for f in run(nlp, text).facts() if f[1] == "romantic_partner_of"}


def test_cast_in_a_show_as_a_role_names_the_show_not_a_role(nlp):
    result = run(nlp, "Copper Bay Adds Tobin Vale\n\nTobin Vale has been cast in Copper Bay as Dr. Lena Frost, "
                 "a rival surgeon.")
    assert result.types()["Copper Bay"] != "character"
    facts = result.facts()
    assert ("Tobin Vale", "plays", "Copper Bay") not in facts
