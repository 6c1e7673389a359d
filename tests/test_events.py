"""Timeline events from dated happenings, on invented articles."""

from __future__ import annotations

import pytest

from .extraction import run

ARTICLE = (
    "Mara Quinn announced in August 2023 that she was leaving Harbor City Fire after seven seasons. "
    "At the time, fans were stunned.\n\n"
    "Her final episode, “Last Alarm,” aired on May 16.\n\n"
    "“I cried all day,” Quinn said. She posted a tribute on Instagram on May 17.\n\n"
    "Tomas Reyes will direct an episode that airs in October.\n\n"
    "Since her 2017 debut, Quinn has been the face of the show."
)


def test_events_with_types_and_dates(nlp):
    result = run(nlp, ARTICLE, published="2024-05-20")
    assert result.events() == [("2023-08", "exit_announced"), ("2024-05-16", "episode_aired"),
                               ("2024-05-17", "social_post"), ("2024-10", "directing"), ("2017", "episode_aired")]


def test_event_participants_and_evidence(nlp):
    result = run(nlp, ARTICLE, published="2024-05-20")
    exit_event = result.extraction.events[0]
    assert [result.name(p) for p in exit_event.participants] == ["Mara Quinn", "Harbor City Fire"]
    evidence = result.document.text[exit_event.evidence.start:exit_event.evidence.end]
    assert evidence.startswith("Mara Quinn announced in August 2023")


def test_no_events_inside_quotes(nlp):
    result = run(nlp, "“I fly out on Monday, June 3,” Quinn told TVLine.", published="2024-05-20")
    assert result.events() == []


@pytest.mark.parametrize("text, published, expected", [
    # deaths and births, with the day a weekday names and a date quoted in a statement
    ("Veteran actor Tom Ferris has died. He was 77. Ferris died on Sunday.", "2020-09-09",
     [("2020-09-06", "death")]),
    ("Tom Ferris was born in 1948 in Ohio.", None, [("1948", "birth")]),
    # airings: a finale that names no show takes the sentence before; a premiere ahead of the article
    ("Harbor City Fire was renewed on April 9, 2024. The season finale aired yesterday, December 16.", "2024-12-17",
     [("2024-04-09", "renewed"), ("2024-12-16", "episode_aired")]),
    ("Season nine of Harbor City Fire premieres on NBC on October 7.", "2024-07-30", [("2024-10-07", "episode_aired")]),
    ("NBC's Harbor City Fire closed out its second season Sunday night with two deaths.", "2012-03-18",
     [("2012-03-18", "episode_aired")]),
    # returns, renewals and cancellations; a second clause of its own kind is a second event on the same date
    ("Night Shift Blues returns in early February on Channel 4.", "2021-01-22", [("2021-02", "return")]),
    ("Harbor City Fire was canceled by ABC in May 2018 but immediately picked up and revived by NBC.", None,
     [("2018-05", "cancelled"), ("2018-05", "renewed")]),
    # posts, interviews, filming, joining a cast
    ("Mara Quinn posted a photo from the set on Instagram on Tuesday.", "2023-02-10",
     [("2023-02-07", "social_post")]),
    ("In an interview last month, Tomas Reyes said he was surprised by Quinn's exit.", "2018-07-30",
     [("2018-06", "exit")]),
    ("Filming on the fifth season of Harbor City Fire began in June 2023.", None, [("2023-06", "filming")]),
    ("Mara Quinn and Tomas Reyes joined Harbor City Fire in 2016, and were promoted to the main cast two years "
     "later.", None, [("2016", "joined_show"), ("2018", "joined_show")]),
    # a relative date against a publication date known only to the month keeps the month
    ("Quinn's character left Harbor City Fire on Tuesday night's episode.", "2021-10", [("2021-10", "exit")]),
    # a year before a happening dates it; before anything else it does not
    ("Mara Quinn won Best Actress at the 2017 Screen Awards.", None, [("2017", "award")]),
    ("Mara Quinn will return in the 2025 episodes of Harbor City Fire.", None, []),
    ("Tomas Reyes has played the chief since appearing in 2011's Starfall.", None, []),
    # a run of years, a hypothetical and an undated relative day make no event
    ("Tomas Reyes played Chief Dunn on Harbor City Fire from 1973 to 1978.", None, []),
    ("If you have yet to watch the Harbor City Fire finale tonight, stop reading.", "2024-05-20", []),
    ("Tomas Reyes left Harbor City Fire last year.", None, []),
])
def test_event_table(nlp, text, published, expected):
    assert run(nlp, text, published=published).events() == expected


def test_a_quoted_date_that_states_its_year_is_an_event(nlp):
    text = "“Our chairman Tom Ferris passed away this evening, Sunday, September 6, 2020,” the council wrote."
    assert run(nlp, text, published="2020-09").events() == [("2020-09-06", "death")]


def test_a_year_that_refers_back_to_a_finer_date_is_no_new_event(nlp):
    text = ("Mara Quinn announced in August 2022 that she was leaving Harbor City Fire. "
            "Fans have missed her since her 2022 exit from Harbor City Fire.")
    assert run(nlp, text, published="2023-02-10").events() == [("2022-08", "exit_announced")]


def test_the_same_happening_told_twice_is_one_event(nlp):
    text = ("• On Tuesday's episode, Mara Quinn's character was written off.\n\n"
            "Mara Quinn's character on Harbor City Fire left the firehouse for good on Tuesday night's episode.")
    result = run(nlp, text, published="2021-10")
    first, second = result.extraction.events
    assert (first.type, first.date, first.participants[0]) == (second.type, second.date, second.participants[0])
    assert first.evidence != second.evidence  # stored as one event with both sentences as evidence


@pytest.mark.parametrize("text, published, expected", [
    # one happening with a coarse and a fine date keeps the fine one
    ("Next week, NBC's Harbor City Fire celebrates its 200th episode, which airs Nov. 12.", "2019-11-05",
     [("2019-11-12", "episode_aired")]),
    # coordinated clauses with their own dates are two happenings
    ("Harbor City Fire was renewed by NBC in January, and production begins this summer.", "2023-03-29",
     [("2023-01", "renewed"), ("2023", "filming")]),
    # a statement about a death is dated by its own weekday, the death by its own
    ("Actor Tom Ferris died on Thursday, April 14, 2022, his family said in a statement.", "2022-04-18",
     [("2022-04-14", "death")]),
])
def test_dates_within_one_sentence(nlp, text, published, expected):
    assert run(nlp, text, published=published).events() == expected


def test_two_kinds_of_happening_in_one_year_stay_two(nlp):
    text = "Mara Quinn joined Harbor City Fire in 2016.\n\nIn 2016, Mara Quinn also married Tomas Reyes."
    assert run(nlp, text, published=None).events() == [("2016", "joined_show"), ("2016", "married")]


def test_participants_carry_over_a_paragraph_break(nlp):
    text = "Tomas Reyes spoke to TVLine about Harbor City Fire.\n\nThe drama was renewed in January."
    [event] = run(nlp, text, published="2023-03-29").extraction.events
    assert event.date == "2023-01" and event.type == "renewed" and event.participants


def test_a_sentence_naming_nobody_takes_the_participants_before_it(nlp):
    text = "Tomas Reyes is leaving Harbor City Fire. These rumors began to emerge last week."
    [event] = run(nlp, text, published="2020-06-29").extraction.events
    assert event.date == "2020-06"
    assert event.participants
