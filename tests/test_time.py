"""Dates: the publication date solved from all the evidence, every date expression resolved against it."""

from __future__ import annotations

import pytest

from castline.extract.time import find_times, read_dates, scan, solve_published, weekday_years


def values(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published) if not t.modifier]


@pytest.mark.parametrize("text, published, expected", [
    ("The finale aired in October 2022.", "2023-02-10", [("October 2022", "2022-10")]),
    ("It aired on January 18.", "2023-02-10", [("January 18", "2023-01-18")]),
    ("It aired Dec. 7.", "2023-02-10", [("Dec. 7", "2022-12-07")]),
    ("It is set to air Dec. 7.", "2023-02-10", [("Dec. 7", "2023-12-07")]),
    ("The episode will air in March.", "2023-02", [("March", "2023-03")]),
    ("She posted about it in March.", "2023-02-10", [("March", "2022-03")]),
    ("The show returns in early February.", "2021-01-22", [("early February", "2021-02")]),
    ("Earlier this month, he visited the set.", "2023-02-10", [("Earlier this month", "2023-02")]),
    ("In an interview last month, she said so.", "2018-07-30", [("last month", "2018-06")]),
    ("Last year the show was renewed.", "2023-02-10", [("Last year", "2022")]),
    ("Next month the cast reunites.", "2023-12-10", [("Next month", "2024-01")]),
    ("The interview ran today.", "2023-02-10", [("today", "2023-02-10")]),
    ("The episode aired yesterday.", "2024-12-17", [("yesterday", "2024-12-16")]),
    ("She told the host last night.", "2024-12-17", [("last night", "2024-12-16")]),
    ("The accusations began last week.", "2020-06-29", [("last week", "2020-06")]),  # June 22-28
    ("They appeared on the show this week.", "2020-05-15", [("this week", "2020-05")]),
    ("They met last week.", "2020-05-06", [("last week", "2020")]),  # April 27 to May 3: only the year is sure
    ("The show was cancelled three years ago.", "2023-02-10", [("three years ago", "2020")]),
    ("She left less than two weeks ago.", "2023-02-10", []),  # a vague span dates nothing
    ("The interview ran today.", "2023-02", [("today", "2023-02")]),  # a day of the article's month
    ("Her character left on Tuesday night's episode.", "2021-10", [("Tuesday night's", "2021-10")]),
    ("The season closed out Sunday night.", "2012-03-18", [("Sunday night", "2012-03-18")]),  # that Sunday
    ("She died on Sunday.", "2020-09-09", [("Sunday", "2020-09-06")]),
    ("In Monday's episode, the show will stage a funeral.", "2013-03-11", [("Monday's", "2013-03-11")]),
    ("The finale airs next Thursday.", "2024-05-07", [("next Thursday", "2024-05-09")]),
    ("Last year the show was renewed.", None, [("Last year", None)]),  # no publication date, no reference
    ("The show premiered in 2015.", "2023-02-10", [("2015", "2015")]),
    ("It was a big day, on 12 March 2021.", None, [("12 March 2021", "2021-03-12")]),
    ("They returned in late 2022 and again in Spring 2023.", None, [("late 2022", "2022"), ("Spring 2023", "2023")]),
    ("Quinn joined in 2016 and was promoted two years later.", None, [("2016", "2016"), ("two years later", "2018")]),
    ("It aired on May 3, 2021, and a day later the cast posted.", None,
     [("May 3, 2021", "2021-05-03"), ("a day later", "2021-05-04")]),
    ("It aired on May 3, 2021, and a week later the cast posted.", None,
     [("May 3, 2021", "2021-05-03"), ("a week later", "2021-05")]),
    ("She played the role from 1973 to 1978.", None, [("from 1973 to 1978", None)]),  # a run, not a date
    ("Season 8 will premiere in the fall.", "2023-03-29", [("in the fall", "2023")]),
    ("Season 8 will premiere in the fall.", "2023-12-01", [("in the fall", "2024")]),  # this fall is over
    ("Filming began in the spring.", "2023-02-10", [("in the spring", "2022")]),
])
def test_expressions(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text", [
    "She hosted Friday Night Frights with the cast.",
    "The cast appeared on Today to talk about it.",
    "It beat the old design, which earned a total score of 2072.",
    "Season 2019 of the game show was odd.",
])
def test_names_and_numbers_that_are_not_dates(text):
    assert [t.text for t in scan(text) if not t.modifier] == []


def test_numbers_that_are_not_dates():
    text = "Season 10 opened with a bang. Reyes, 38, said the show airs at 10 p.m. on March 3."
    assert values(text, "2024-02-01") == [("March 3", "2024-03-03")]


def test_weekday_decides_the_year():
    # 22 February fell on a Wednesday in 2023 (and in 2017), not in 2022 or 2024.
    assert values("in an interview published on Wednesday, February 22,", "2023-03-01") == [
        ("Wednesday, February 22", "2023-02-22")]
    assert 2023 in weekday_years(2, 22, 2, 2022) and 2022 not in weekday_years(2, 22, 2, 2022)


def test_leap_day_with_weekday():
    # 29 February 2024 was a Thursday; the nearest such leap day to 2026 is 2024.
    assert values("She posted on Thursday, February 29.", "2026-01-05") == [("Thursday, February 29", "2024-02-29")]


def test_month_stays_a_month_and_never_gets_a_day():
    assert values("It aired in August.", "2023-11-02") == [("August", "2023-08")]


@pytest.mark.parametrize("text, modifier", [
    ("since his 2022 exit", True),
    ("at the 2017 Screen Awards", True),
    ("starring in 2011's Starfall", True),
    ("in 2011", False),
])
def test_year_adjective_is_marked(text, modifier):
    [expr] = scan(text)
    assert expr.modifier is modifier


def test_anaphoric_at_the_time():
    text = "Quinn left the show in August 2022. At the time, fans were stunned."
    assert values(text, "2023-02-01") == [("August 2022", "2022-08"), ("At the time", "2022-08")]


def test_narrative_reference_for_bare_months():
    text = "In July 2023, she joined the picket line. Then, in August, she posted again."
    assert values(text, "2023") == [("July 2023", "2023-07"), ("August", "2023-08")]


def test_narrative_reference_stays_in_its_paragraph():
    text = "Quinn joined the show in 2016.\n\nReyes left the show in May after seven seasons."
    assert values(text, None) == [("2016", "2016"), ("May", None)]


def test_a_future_weekday_date_is_after_the_paragraphs_past():
    # 26 September fell on a Thursday in 2019 and in 2024: the premiere comes after she left in 2021.
    text = "Quinn, who left the drama in 2021, returns in the premiere, which will air Thursday, Sept. 26."
    assert values(text, None)[-1] == ("Thursday, Sept. 26", "2024-09-26")


def test_bare_weekday_refers_to_a_named_day():
    text = "It ran on Tuesday, March 12. She told the magazine on Tuesday that she was done."
    assert values(text, "2024-03")[-1] == ("Tuesday", "2024-03-12")


@pytest.mark.parametrize("text, header, url, expected, pinned", [
    # the header and the URL say it outright
    ("Mara Quinn left the show in 2019.", "2023-05-02", None, "2023-05-02", True),
    ("Mara Quinn left the show.", None, "https://example.com/2021/10/20/quinn-exit/", "2021-10-20", True),
    ("Mara Quinn left the show.", None, "https://example.com/why-quinn-left-harbor-city-fire-2021-10", "2021-10",
     True),
    # a dateline, before or after the headline; "Updated" only bounds it when a publication line exists
    ("Tuesday Jun 06 2023\n\nMara Quinn left the show.", None, None, "2023-06-06", True),
    ("Published on March 29, 2023\n\nUpdated March 30, 2023\n\nQuinn left.", None, None, "2023-03-29", True),
    # a relative day next to a date pins the day
    ("The season premiered on October 14, 2024. Its ninth episode aired yesterday, December 16, and the show "
     "will resume on Monday, January 27, 2025.", None, None, "2024-12-17", True),
    ("Last year, in October 2022, Quinn left the show.", None, None, "2023", True),
    ("Earlier this month, on March 3, 2023, Quinn left the show.", None, None, "2023-03", True),
    # a weekday with a month and day picks the year and dates the article within the week after it
    ("Quinn left in August 2022. She told the magazine in an interview published on Wednesday, February 22, "
     "that she misses it.", None, None, "2023-02", True),
    ("Actor Tom Ferris died on Sunday. \"He passed away this evening, Sunday, September 6, 2020,\" his family "
     "said.", None, None, "2020-09", True),
    ("Sunday's episode of Harbor City Fire took a dark turn. The episode, which aired on March 3, 2024, drew "
     "six million viewers.", None, None, "2024-03", True),
    # the latest dated past event, not the earliest, and a future event bounds it from above
    ("Harbor City Fire has been on the air since 2015. The show was renewed in May 2021.", None, None, "2021", False),
    ("Quinn left the show in March 2023. Season 5 premieres on September 26, 2024.", None, None, "2023", False),
    ("Tomas Reyes will exit the drama at the end of 2024.", None, None, None, False),
    ("In the ten seasons since its 2013 premiere, the drama has lost many stars.", None, None, "2022", False),
    # the URL wins over a conflicting sentence, which is set aside
    ("Quinn left the show in December 2021.", None, "https://example.com/2021/10/20/quinn/", "2021-10-20", True),
    ("The 2020 primary was a mess.", None, None, None, False),  # a year named ahead of what it qualifies
    ("No dates here at all.", None, None, None, False),
])
def test_publication_date(nlp, text, header, url, expected, pinned):
    published = solve_published(text, header, url, nlp(text))
    assert (published.value, published.pinned) == (expected, pinned)


def test_publication_date_keeps_its_evidence(nlp):
    text = "Quinn left the show in December 2021. The season premiered on October 14, 2021."
    published = solve_published(text, None, "https://example.com/2021/10/20/quinn/", nlp(text))
    assert [(c["source"], c["rule"], c["value"], c["used"]) for c in published.evidence()] == [
        ("url", "stated", "2021-10-20", "decided"), ("text", "on or after", "2021-12", "set aside")]
    clue = published.evidence()[1]
    assert text[clue["start"]:clue["end"]] == "December 2021"
    assert published.inferred


@pytest.mark.parametrize("text, expected", [
    ("Quinn announced in August 2022 that she was leaving.", "past"),
    ("The show has aired since 2015.", "past"),
    ("The finale will air on May 16, 2024.", "future"),
    ("Season nine premieres on AMC on October 7, 2024.", "future"),
    ("The premiere was slated for Aug. 12, 2021.", "future"),
    ("The drama is set to return in March 2024.", "future"),
    ("Delays have pushed its launch back to late 2025.", None),
])
def test_tense(nlp, text, expected):
    published, [first, *_] = read_dates(text, None, None, nlp(text))
    assert first.tense == expected


def test_future_events_are_dated_after_the_article(nlp):
    text = "Quinn's final episode airs Monday, March 21 on the network."
    _, times = read_dates(text, "2016-03-20", None, nlp(text))
    assert [(t.text, t.value) for t in times] == [("Monday, March 21", "2016-03-21")]
