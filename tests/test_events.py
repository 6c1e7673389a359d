"""Timeline events from dated sentences, on invented articles."""

from __future__ import annotations

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
                               ("2024-05-17", "social_post"), ("2024-10", "directing")]


def test_event_participants_and_evidence(nlp):
    result = run(nlp, ARTICLE, published="2024-05-20")
    exit_event = result.extraction.events[0]
    assert [result.name(p) for p in exit_event.participants] == ["Mara Quinn", "Harbor City Fire"]
    evidence = result.document.text[exit_event.evidence.start:exit_event.evidence.end]
    assert evidence.startswith("Mara Quinn announced in August 2023")


def test_no_events_inside_quotes(nlp):
    result = run(nlp, "“I fly out on Monday, June 3,” Quinn told TVLine.", published="2024-05-20")
    assert result.events() == []
