"""Quote extraction and attribution on invented articles: each case asserts speaker and outlet."""

from __future__ import annotations

import pytest

from castline.extract.quotecues import find_cues
from castline.extract.quotes import find_quoted

from .extraction import run

INTRO = "Mara Quinn plays Capt. Nora Vance on Harbor City Fire. Tomas Reyes plays Lt. Eli Brandt on the drama.\n\n"


@pytest.mark.parametrize("body, text, speaker, outlet", [
    ('"The firehouse is home," Mara Quinn said.', "The firehouse is home,", "Mara Quinn", None),
    ('"It was time to go," said Tomas Reyes.', "It was time to go,", "Tomas Reyes", None),
    ("“We shot it in one night,” Reyes, 38, told Deadline.", "We shot it in one night,", "Tomas Reyes",
     "Deadline"),
    ("Quinn told TVLine: “I am not done with this character yet.”", "I am not done with this character yet.",
     "Mara Quinn", "TVLine"),
    ("‘I am not done with this show,’ Quinn told Variety.", "I am not done with this show,", "Mara Quinn",
     "Variety"),
    ("“Last day on set. Thank you all,” Quinn captioned a photo on Instagram.", "Last day on set. Thank you all,",
     "Mara Quinn", "Instagram"),
    ("“Nobody does it better,” Reyes wrote in an Instagram tribute.", "Nobody does it better,", "Tomas Reyes",
     "Instagram"),
    ("“It will break hearts,” according to Reyes.", "It will break hearts,", "Tomas Reyes", None),
    ("“We are grateful for every season,” Quinn said in a statement.", "We are grateful for every season,",
     "Mara Quinn", None),
    ("“The fans’ letters kept me going and I can’t thank them enough,” Quinn said.",
     "The fans’ letters kept me going and I can’t thank them enough,", "Mara Quinn", None),
    ("“She looked at me and said, ‘You are ready,’ and I believed her,” Reyes told People.",
     "She looked at me and said, ‘You are ready,’ and I believed her,", "Tomas Reyes", "People"),
    ("“I could not have asked for a better partner on this show.” — Mara Quinn",
     "I could not have asked for a better partner on this show.", "Mara Quinn", None),
])
def test_direct_quote_attribution(nlp, body, text, speaker, outlet):
    result = run(nlp, INTRO + body)
    assert ("direct", text, speaker, outlet) in result.quotes()


def test_two_spans_around_said_are_two_quotes_by_one_speaker(nlp):
    result = run(nlp, INTRO + "“I loved every minute,” Quinn said. “But it was time for something new.”")
    assert result.quotes() == [("direct", "I loved every minute,", "Mara Quinn", None),
                               ("direct", "But it was time for something new.", "Mara Quinn", None)]


def test_floating_quote_paragraph_continues_the_previous_speaker_and_outlet(nlp):
    result = run(nlp, INTRO + "“I grew up on this set,” Reyes told Variety.\n\n“Every crew member knows my kids.”")
    assert result.quotes()[-1] == ("direct", "Every crew member knows my kids.", "Tomas Reyes", "Variety")


def test_multi_paragraph_quote_is_one_quote(nlp):
    body = ("Quinn told Variety: “The first season was chaos and we loved it.\n\n"
            "“The second season we finally knew what we were doing.\n\n"
            "“By the seventh I knew it was time to go.”\n\nThe finale airs in May.")
    [quote] = run(nlp, INTRO + body).extraction.quotes
    assert quote.text == ("The first season was chaos and we loved it. The second season we finally knew what we "
                          "were doing. By the seventh I knew it was time to go.")
    assert quote.kind == "direct"


def test_odd_number_of_quote_marks_recovers(nlp):
    body = 'Reyes told Deadline: "I loved it. And then I said "goodbye" and left.\n\nThe show returns in the fall.'
    result = run(nlp, INTRO + body)
    [quote] = [q for q in result.extraction.quotes if q.kind == "direct"]
    assert quote.text.startswith("I loved it.")
    assert (result.name(quote.speaker), result.name(quote.outlet)) == ("Tomas Reyes", "Deadline")


def test_apostrophes_are_not_quote_marks():
    text = "The cast’s favorite moment isn’t the finale, it’s the fans’ reaction."
    assert find_quoted(text) == []


def test_pronoun_speaker_two_sentences_back(nlp):
    body = ("Mara Quinn spent seven years on the drama. She never missed a single day of filming. "
            "“It was a family,” she told People.")
    assert run(nlp, body).quotes() == [("direct", "It was a family,", "Mara Quinn", "People")]


def test_pronoun_picks_the_right_gender(nlp):
    body = ("Mara Quinn and Tomas Reyes met on the set in 2017. Quinn later said she trusted him completely. "
            "“He taught me how to run into a fire,” she told Us Weekly.")
    assert run(nlp, body).quote("run into a fire").speaker is not None
    result = run(nlp, body)
    assert result.name(result.quote("run into a fire").speaker) == "Mara Quinn"


def test_epithet_speaker(nlp):
    body = INTRO + ("Reyes, 38, joined the show in its first season.\n\n"
                    "“I still get nervous before every take,” the Riverbend alum told TV Insider.")
    result = run(nlp, body)
    assert result.quotes()[-1] == ("direct", "I still get nervous before every take,", "Tomas Reyes", "TV Insider")
    assert "the Riverbend alum" in result.entity("Tomas Reyes").aliases


def test_age_epithet_speaker(nlp):
    body = INTRO + ("Quinn thanked Reyes for his support. “Seven years went by in a flash,” "
                    "the 41-year-old actress wrote on Instagram.")
    assert run(nlp, body).quotes()[-1] == ("direct", "Seven years went by in a flash,", "Mara Quinn", "Instagram")


def test_outlet_back_reference(nlp):
    body = INTRO + ("Quinn sat down with Variety in March to talk about her exit. She was candid about the "
                    "finale.\n\n“I cried for a week,” she told the outlet.")
    assert run(nlp, body).quotes()[-1] == ("direct", "I cried for a week,", "Mara Quinn", "Variety")


def test_unknown_outlet_from_interview_cue(nlp):
    body = INTRO + "In an interview with Couch Potato Weekly, Reyes revealed that he had auditioned twice."
    result = run(nlp, body)
    assert ("indirect", "he had auditioned twice", "Tomas Reyes", "Couch Potato Weekly") in result.quotes()
    assert result.types()["Couch Potato Weekly"] == "outlet"


def test_dialogue_inside_an_episode_belongs_to_the_character(nlp):
    body = ("In the finale, Capt. Nora Vance (Mara Quinn) handed her helmet to Lt. Eli Brandt (Tomas Reyes). "
            "“This house is yours now,” she told Brandt during the final scene.")
    assert run(nlp, body).quotes() == [("direct", "This house is yours now,", "Nora Vance", None)]


@pytest.mark.parametrize("body, text, speaker, outlet", [
    ("Reyes told TV Insider that he would love to direct another episode.",
     "he would love to direct another episode", "Tomas Reyes", "TV Insider"),
    ("Quinn revealed she had turned down the spinoff twice.", "she had turned down the spinoff twice",
     "Mara Quinn", None),
    ("However, as Reyes told Deadline, the writers had planned the exit for a year.",
     "the writers had planned the exit for a year", "Tomas Reyes", "Deadline"),
    ("Ideally, Quinn told Variety, she would return for the crossover.", "she would return for the crossover",
     "Mara Quinn", "Variety"),
    ("Reyes pointed out that the stunt team did all the hard work.", "the stunt team did all the hard work",
     "Tomas Reyes", None),
])
def test_indirect_quotes(nlp, body, text, speaker, outlet):
    assert ("indirect", text, speaker, outlet) in run(nlp, INTRO + body).quotes()


def test_short_quoted_phrase_in_reported_speech_is_one_indirect_quote(nlp):
    result = run(nlp, INTRO + "Quinn said a return to the firehouse is “not impossible” for her character.")
    assert result.quotes() == [("indirect", "a return to the firehouse is “not impossible” for her character",
                                "Mara Quinn", None)]


def test_titles_in_quotes_are_not_quotes(nlp):
    result = run(nlp, INTRO + 'Reyes directed the episode "Smoke Signals" for Harbor City Fire.')
    assert result.extraction.quotes == []


def test_passive_report_without_named_speaker(nlp):
    body = INTRO + "Vance was told by her supervisor that the transfer had been approved."
    [quote] = run(nlp, body).extraction.quotes
    assert quote.speaker is None and quote.text == "the transfer had been approved"


def test_that_said_is_not_reported_speech(nlp):
    assert run(nlp, INTRO + "That said, the cast remains close.").extraction.quotes == []


def test_quote_dates(nlp):
    body = INTRO + ("“I knew it was the end,” Quinn told Variety in an interview published on Tuesday, "
                    "March 12.\n\nReyes told Deadline in January that he would stay.")
    result = run(nlp, body, published="2024-03-20")
    assert result.quote("the end").date == "2024-03-12"
    assert result.quote("he would stay").date == "2024-01"


def test_statement_to_an_outlet_keeps_the_outlet(nlp):
    body = INTRO + "“Playing Nora was the honor of my career,” Quinn said in a statement to Deadline."
    assert run(nlp, body).quotes()[-1][2:] == ("Mara Quinn", "Deadline")


def test_posted_quote_takes_the_platform_and_date_of_the_post_told_before_it(nlp):
    body = ("Mara Quinn announced the news on Instagram on Tuesday, April 9.\n\n"
            "“Our little family is growing,” she captioned a photo of the cast.")
    quote = run(nlp, body, published="2024-04-12").extraction.quotes[0]
    assert (quote.date, quote.cue) == ("2024-04-09", "captioned")
    result = run(nlp, body, published="2024-04-12")
    assert result.name(result.extraction.quotes[0].outlet) == "Instagram"


def test_at_the_time_keeps_the_interview_outlet(nlp):
    body = INTRO + ("Speaking to Us Weekly in 2023, Quinn said she hoped to direct. "
                    "“It is just about timing,” she explained at the time.")
    result = run(nlp, body)
    assert result.quotes()[-1] == ("direct", "It is just about timing,", "Mara Quinn", "Us Weekly")
    assert result.extraction.quotes[-1].date == "2023"


def test_commented_is_a_reporting_verb(nlp):
    body = INTRO + "Tomas Reyes was among the first to react. “Best news ever!!” he commented."
    assert run(nlp, body).quotes()[-1] == ("direct", "Best news ever!!", "Tomas Reyes", None)


QA = ("Mira Patel has played Sheriff Dana Cole (Mira Patel) on Harbor Lights since 2021.\n\n"
      "TVLINE | What was your first reaction to the twist?\n"
      "I screamed. Out loud, on a plane.\n\n"
      "TVLINE | Did you know from the start?\n"
      "PATEL | Not at all. Our showrunner keeps everything close to the chest.\n\n"
      "Harbor Lights has been renewed for a fourth season, the network announced on Monday.")


def test_q_and_a_answers_are_quotes_of_the_interviewee_to_the_asker(nlp):
    quotes = run(nlp, QA).quotes()
    assert quotes == [
        ("direct", "I screamed. Out loud, on a plane.", "Mira Patel", "TVLine"),
        ("direct", "Not at all. Our showrunner keeps everything close to the chest.", "Mira Patel", "TVLine"),
    ]


def test_telling_an_outlet_that_is_reported_speech(nlp):
    body = INTRO + "Executive producer Gil Hartman weighed in, telling TV Insider that the door is always open."
    assert ("indirect", "the door is always open", "Gil Hartman", "TV Insider") in run(nlp, body).quotes()


def test_attribution_between_two_halves_of_a_sentence(nlp):
    body = INTRO + "“The first season was chaos,” says Quinn, 41, “but we figured it out together.”"
    assert run(nlp, body).quotes()[-2:] == [
        ("direct", "The first season was chaos,", "Mara Quinn", None),
        ("direct", "but we figured it out together.", "Mara Quinn", None)]


# ---------------------------------------------------------------------------------------------------- passages


def test_one_interview_gives_its_outlet_to_every_quote_of_the_passage(nlp):
    body = INTRO + ("Mara Quinn told Variety she is leaving Harbor City Fire after seven seasons.\n\n"
                    "“It was time,” Quinn said. “I wanted to go out on top.”\n\n"
                    "“The crew became my family.”\n\n"
                    "She added that the finale was shot in one night.")
    quotes = run(nlp, body).quotes()
    assert [q[2:] for q in quotes] == [("Mara Quinn", "Variety")] * 5


def test_a_lead_before_the_interview_takes_the_speakers_only_outlet(nlp):
    body = ("Mara Quinn has revealed she is leaving Harbor City Fire.\n\n"
            "Quinn joined the drama as Capt. Nora Vance in its first season and stayed for seven years, through "
            "two showrunners and a move to a new night.\n\n"
            "“It was the hardest call of my life,” Quinn told TVLine.")
    assert ("indirect", "she is leaving Harbor City Fire", "Mara Quinn", "TVLine") in run(nlp, body).quotes()


def test_added_by_another_speaker_carries_the_conversation_on(nlp):
    body = INTRO + "“We shot the finale twice,” Quinn told Deadline. “And both times I cried,” Reyes added."
    assert run(nlp, body).quotes()[-1] == ("direct", "And both times I cried,", "Tomas Reyes", "Deadline")


@pytest.mark.parametrize("cue", ["That is how Quinn put it to Variety.", "Quinn told Variety that she cried."])
def test_a_cue_in_the_next_sentence_attributes_the_quote_before_it(nlp, cue):
    body = INTRO + "Reyes stayed for one more season.\n\n“I was ready for something new.” " + cue
    assert ("direct", "I was ready for something new.", "Mara Quinn", "Variety") in run(nlp, body).quotes()


@pytest.mark.parametrize("lead", [
    "In an earlier interview, Quinn said she hoped to direct.",
    "Quinn said in a statement that she hoped to direct.",
    "Quinn previously said she hoped to direct.",
])
def test_an_occasion_of_its_own_inherits_no_outlet(nlp, lead):
    body = INTRO + "Quinn told Variety she is leaving.\n\n" + lead
    assert ("indirect", "she hoped to direct", "Mara Quinn", None) in run(nlp, body).quotes()


def test_a_dated_announcement_is_its_own_occasion(nlp):
    body = INTRO + ("Quinn told Variety she is leaving.\n\nQuinn announced that she was leaving the drama in "
                    "January.")
    result = run(nlp, body, published="2024-03-20")
    quote = result.quote("leaving the drama")
    assert (quote.text, result.name(quote.outlet), quote.date) == ("she was leaving the drama", None, "2024-01")


def test_a_subheading_ends_the_passage_of_a_quote_without_cue(nlp):
    body = INTRO + "“I loved every minute,” Quinn said.\n\nWhat comes next\n\n“The spinoff is real.”"
    assert run(nlp, body).quotes()[-1] == ("direct", "The spinoff is real.", None, None)


# ---------------------------------------------------------------------------------------------------- wrong person


def test_a_shared_surname_goes_to_the_one_seen_speaking(nlp):
    body = ("Lena Reyes confirmed the news on Instagram. She is the sister of Harbor City Fire star Tomas Reyes, who "
            "plays Lt. Eli Brandt.\n\n“I am so proud of my little brother,” Reyes wrote.")
    assert run(nlp, body).quotes()[-1][2] == "Lena Reyes"


def test_a_pronoun_goes_to_the_passage_speaker_not_the_last_name(nlp):
    body = ("Mara Quinn said she is leaving the drama. “I cried for a week,” she said.\n\n"
            "Quinn, the daughter of the late director Tomas Quinn, joined the show in 2017.\n\n"
            "“It was time to go,” she said.")
    assert run(nlp, body).quotes()[-1][2] == "Mara Quinn"


def test_a_bare_epithet_names_the_person_its_sentence_names(nlp):
    body = INTRO + ("Tomas Reyes said the finale surprised him.\n\n"
                    "Just how Quinn will be written out is a secret, though the actress did tell Variety that she "
                    "had already filmed her last scene.")
    assert ("indirect", "she had already filmed her last scene", "Mara Quinn", "Variety") in run(nlp, body).quotes()


def test_a_role_noun_names_the_person_in_its_phrase(nlp):
    body = ("“We are not done yet,” the network's head of drama Gil Hartman told fans at a panel.")
    assert run(nlp, body).quotes()[0][2] == "Gil Hartman"


# ---------------------------------------------------------------------------------------------------- posts


@pytest.mark.parametrize("body, outlet", [
    ("“Last day on set,” Quinn wrote on Instagram.", "Instagram"),
    ("Quinn shared a photo on Instagram. “Last day on set,” she wrote.", "Instagram"),
    ("“Last day on set,” Quinn tweeted.", "Twitter"),
    ("Quinn took to Twitter to say that it was her last day on set.", "Twitter"),
    ("In a post on Instagram, Quinn said it was her last day on set.", "Instagram"),
])
def test_posted_words_are_given_to_the_platform(nlp, body, outlet):
    quote = run(nlp, INTRO + body).quotes()[-1]
    assert quote[2:] == ("Mara Quinn", outlet)


def test_a_post_on_a_weekday_is_dated_against_the_publication(nlp):
    body = INTRO + "Quinn said on Monday on Instagram that she will miss the crew."
    quote = run(nlp, body, published="2024-03-20").quote("miss the crew")
    assert quote.date == "2024-03-18"


def test_comments_on_a_post_are_on_its_platform(nlp):
    body = INTRO + ("Quinn announced her exit on Instagram.\n\n"
                    "Tomas Reyes was among those who wished her well in the comments. “Best partner ever,” "
                    "Reyes wrote.")
    assert run(nlp, body).quotes()[-1][2:] == ("Tomas Reyes", "Instagram")


def test_the_post_that_reads_belongs_to_who_shared_it(nlp):
    body = ("The news was first shared by the Harbor City Firefighters Union.\n\n"
            "“Our thoughts are with the family,” the Facebook post read.")
    result = run(nlp, body)
    assert result.quotes()[-1][2:] == ("Harbor City Firefighters Union", "Facebook")


# ---------------------------------------------------------------------------------------------------- organisations


@pytest.mark.parametrize("body, speaker, outlet", [
    ("Netflix announced that Harbor City Fire will end with its seventh season.", "Netflix", None),
    ("Netflix renewed the drama. The network said the seventh season will be its last.", "Netflix", None),
    ("“We are proud of the show,” a Netflix spokesperson told Variety.", "Netflix", "Variety"),
    ("Netflix denied the report, with a spokesperson telling Variety, “We have no news to share.”", "Netflix",
     "Variety"),
    ("Variety reports that the drama will end with its seventh season.", "Variety", "Variety"),
    ("According to Deadline, the drama will end with its seventh season.", "Deadline", "Deadline"),
    ("A new report from Deadline revealed that the drama will end with its seventh season.", "Deadline",
     "Deadline"),
])
def test_organisations_and_outlets_speak(nlp, body, speaker, outlet):
    assert run(nlp, INTRO + body).quotes()[-1][2:] == (speaker, outlet)


# ---------------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("body, date", [
    ("Quinn told Variety in May that she hoped to direct.", "2024-05"),
    ("Quinn said on Monday that she hoped to direct.", "2024-06-03"),
    ("Quinn says she hoped to direct.", "2024-06-05"),
    ("In an interview last month, Quinn said she hoped to direct.", "2024-05"),
    ("Quinn said she hoped to direct.", None),
])
def test_quote_dates_at_the_precision_of_the_evidence(nlp, body, date):
    quote = run(nlp, INTRO + body, published="2024-06-05").quote("hoped to direct")
    assert quote.date == date


def test_quotes_of_an_interview_share_its_date(nlp):
    body = INTRO + ("Quinn appeared on The Tonight Show this week.\n\n“I was terrified,” Quinn said.\n\n"
                    "“The host made it easy.”")
    quotes = run(nlp, body, published="2024-06-05").extraction.quotes
    assert [q.date for q in quotes] == ["2024-06", "2024-06"]


# ---------------------------------------------------------------------------------------------------- not quotes


@pytest.mark.parametrize("body", [
    "The last season of “Harbor City Fire.”",
    "A lot happens in the hallways of “Harbor City Fire.”",
    "The episode “Who Lit the Match?” aired in May.",
])
def test_titles_are_not_quotes(nlp, body):
    assert run(nlp, INTRO + body).extraction.quotes == []


def test_a_scare_quoted_word_belongs_to_its_reported_clause(nlp):
    result = run(nlp, INTRO + "Reyes said he was “gutted” to learn the news of the exit.")
    assert result.quotes() == [("indirect", "he was “gutted” to learn the news of the exit", "Tomas Reyes", None)]


def test_a_quoted_phrase_with_its_own_cue_stays_a_direct_quote(nlp):
    result = run(nlp, INTRO + "Reyes replied that he did not know, describing the news as, “Absolutely wild.”")
    assert ("direct", "Absolutely wild.", "Tomas Reyes", None) in result.quotes()


def test_uk_single_quotes_over_paragraphs_are_one_quote(nlp):
    body = INTRO + ("Quinn told Variety: 'I will miss the crew. I will miss the fans.\n\n"
                    "'But it is time for something new.'\n\nThe finale airs in May.")
    [quote] = run(nlp, body).extraction.quotes
    assert quote.text == "I will miss the crew. I will miss the fans. But it is time for something new."


def test_a_uk_paragraph_whose_closing_mark_is_lost_is_still_a_quote(nlp):
    body = INTRO + "Quinn told Variety: 'I will miss the crew.'\n\n'I start directing next year.\n\nShe left in May."
    assert run(nlp, body).quotes()[-1] == ("direct", "I start directing next year.", "Mara Quinn", "Variety")


# ---------------------------------------------------------------------------------------------------- Q&A


def test_q_and_a_answers_go_to_the_person_the_introduction_names(nlp):
    text = ("Below, showrunner Gil Hartman breaks down the finale of Harbor Lights, where Sheriff Dana Cole "
            "(Mira Patel) finally left town. Gil Hartman also teases season three.\n\n"
            "TVLINE | Why did Dana have to leave?\n"
            "We always knew her story ended on the road. Dana was never going to stay.")
    result = run(nlp, text, published="2024-06-05")
    answer = result.quote("on the road")
    assert (result.name(answer.speaker), result.name(answer.outlet), answer.date) == \
        ("Gil Hartman", "TVLine", "2024-06-05")
    assert not any("Why did Dana" in q.text for q in result.extraction.quotes)


@pytest.mark.parametrize("text, kind, earlier", [
    ("She said so in an interview with Variety.", "OCCASION", False),
    ("She said so in an earlier interview.", "OCCASION", True),
    ("She said so in a joint statement.", "STATEMENT", False),
    ("She said so in an Instagram post.", "POST", False),
    ("She took to Instagram to say so.", "TOOK_TO", False),
    ("Speaking to Variety, she said so.", "SPEAK_TO", False),
    ("She appeared on The Tonight Show.", "APPEAR_ON", False),
    ("According to Deadline, she will leave.", "REPORT", False),
    ("She previously said so.", "EARLIER", True),
    ("She told the outlet so.", "BACK_REFERENCE", False),
    ("A studio spokesperson said so.", "SPOKESPERSON", False),
    ("Fans wished her well in the comments.", "COMMENTS", False),
])
def test_cue_patterns(nlp, text, kind, earlier):
    cues = [c for c in find_cues(nlp(text)) if c.kind == kind]
    assert cues and cues[0].earlier == earlier


def test_a_page_a_show_owns_on_a_platform_is_the_platform(nlp):
    text = ("Mara Quinn is leaving the soap Harbor Lights. She shared the news in a video posted to the Harbor "
            "Lights Instagram page. \"I will miss you all,\" she said.")
    result = run(nlp, text)
    assert result.quotes()[0][2:] == ("Mara Quinn", "Instagram")
    assert result.types()["Harbor Lights"] == "show"
