"""Date normalization against the article date, at the precision the text gives."""

from __future__ import annotations

import pytest

from castline.extract.time import find_times, infer_published, weekday_year


def values(text: str, dct: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, dct) if not t.modifier]


@pytest.mark.parametrize("text, dct, expected", [
    ("The finale aired in October 2022.", "2023-02-10", [("October 2022", "2022-10")]),
    ("It aired on January 18.", "2023-02-10", [("January 18", "2023-01-18")]),
    ("It aired Dec. 7.", "2023-02-10", [("Dec. 7", "2022-12-07")]),
    ("It is set to air Dec. 7.", "2023-02-10", [("Dec. 7", "2023-12-07")]),
    ("The episode will air in March.", "2023-02", [("March", "2023-03")]),
    ("She posted about it in March.", "2023-02-10", [("March", "2022-03")]),
    ("Earlier this month, he visited the set.", "2023-02-10", [("Earlier this month", "2023-02")]),
    ("Last year the show was renewed.", "2023-02-10", [("Last year", "2022")]),
    ("Next month the cast reunites.", "2023-12-10", [("Next month", "2024-01")]),
    ("The interview ran today.", "2023-02-10", [("today", "2023-02-10")]),
    ("The interview ran today.", "2023-02", [("today", None)]),
    ("The show premiered in 2015.", "2023-02-10", [("2015", "2015")]),
    ("It was a big day, on 12 March 2021.", None, [("12 March 2021", "2021-03-12")]),
])
def test_expressions(text, dct, expected):
    assert values(text, dct) == expected


def test_weekday_decides_the_year():
    # 22 February fell on a Wednesday in 2023 (and in 2017), not in 2022 or 2024.
    assert values("in an interview published on Wednesday, February 22,", "2023-03-01") == [
        ("Wednesday, February 22", "2023-02-22")]
    assert weekday_year(2, 22, 2, 2022) == 2023


def test_leap_day_with_weekday():
    # 29 February 2024 was a Thursday; the nearest such leap day to 2026 is 2024.
    assert values("She posted on Thursday, February 29.", "2026-01-05") == [("Thursday, February 29", "2024-02-29")]


def test_month_stays_a_month_and_never_gets_a_day():
    assert values("It aired in August.", "2023-11-02") == [("August", "2023-08")]


def test_numbers_that_are_not_dates():
    text = "Season 10 opened with a bang. Reyes, 38, said the show airs at 10 p.m. on March 3."
    assert values(text, "2024-02-01") == [("March 3", "2024-03-03")]


def test_year_adjective_is_marked():
    [expr] = find_times("since his 2022 exit", "2023-02")
    assert expr.modifier and expr.value == "2022"


def test_anaphoric_at_the_time():
    text = "Quinn left the show in August 2022. At the time, fans were stunned."
    assert values(text, "2023-02-01") == [("August 2022", "2022-08"), ("At the time", "2022-08")]


def test_narrative_reference_for_bare_months():
    text = "In July 2023, she joined the picket line. Then, in August, she posted again."
    assert values(text, "2023") == [("July 2023", "2023-07"), ("August", "2023-08")]


def test_bare_weekday_refers_to_a_named_day():
    text = "It ran on Tuesday, March 12. She told the magazine on Tuesday that she was done."
    assert values(text, "2024-03")[-1] == ("Tuesday", "2024-03-12")


@pytest.mark.parametrize("text, expected", [
    ("Quinn left in August 2022. In an interview on Wednesday, February 22, she looked back.", "2023-02"),
    ("Quinn left in August 2022. In July 2023 she joined the strike.", "2023"),
    ("No dates here at all.", None),
])
def test_publication_date_inferred(text, expected):
    assert infer_published(text) == expected


def test_future_dates_do_not_date_the_article():
    text = "Quinn left the show in March 2023. Season 5 premieres on September 26, 2024."
    assert infer_published(text) == "2023"
