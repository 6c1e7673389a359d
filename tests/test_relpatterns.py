"""One invented sentence for each relation pattern that tests/test_relations.py's PATTERN_CASES lacks.

Each case shows the pattern at the matcher level (its id fires, with the expected names in its left and
right slots) and, where the pipeline states it, the fact. PATTERN_CASES sentences must fire the pattern
they are filed under, and `test_every_pattern_has_a_case` makes a new pattern without a case fail the suite.
"""

from __future__ import annotations

import pytest

from castline.extract.relpatterns import (
    MAIN,
    PATTERNS,
    PATTERNS_BY_ID,
    SUBJECT,
    match_patterns,
    slot_after,
    slot_before,
)

from .extraction import run
from .patternwords import unmatchable_words
from .test_relations import PATTERN_CASES

# (pattern id, invented text, name on the left slot, name on the right slot, the fact or None)
# A slot is None where the pattern's side is MAIN or SUBJECT (no mention stands there).
CASES = [
    ("plays/stars-in-role", "The drama Harbor Lights is back. Mara Quinn has been cast in the role of Nora Vance.",
     "Mara Quinn", "Nora Vance", ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/as-role", "The drama Harbor Lights is back. After seven years as Nora Vance, Mara Quinn is moving "
     "on.", None, "Nora Vance", ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/as", "The drama Harbor Lights is back. Tonight's episode features Mara Quinn as Nora Vance.",
     "Mara Quinn", "Nora Vance", ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/bracket", "The drama Harbor Lights is back. Mara Quinn (who plays Nora Vance) is thrilled.",
     "Mara Quinn", "Nora Vance", ("Mara Quinn", "plays", "Nora Vance")),
    ("plays/bracket-played-by", "The drama Harbor Lights is back. Nora Vance (played by Mara Quinn) quits.",
     "Nora Vance", "Mara Quinn", ("Mara Quinn", "plays", "Nora Vance")),
    ("character_in/on", "The drama Dry Creek is back. Mara Quinn also plays Nora Vance on Harbor Lights.",
     "Nora Vance", "Harbor Lights", ("Nora Vance", "character_in", "Harbor Lights")),
    ("character_in/show-character", "The comedy Harbor Lights ended in 2019. The drama Dry Creek is back, and "
     "Harbor Lights character Nora Vance appears in it.", "Harbor Lights", "Nora Vance",
     ("Nora Vance", "character_in", "Harbor Lights")),
    ("credit/possessive", "The drama Harbor Lights is back. Dry Creek's Mara Quinn joins the cast.", "Dry Creek",
     "Mara Quinn", ("Mara Quinn", "known_for", "Dry Creek")),
    ("credit/stars-in", "The drama Harbor Lights is back. Mara Quinn also stars in Dry Creek.", "Mara Quinn",
     "Dry Creek", ("Mara Quinn", "known_for", "Dry Creek")),
    ("credit/role-in", "The drama Harbor Lights is back. Mara Quinn had a small role in Dry Creek.",
     "Mara Quinn", "Dry Creek", ("Mara Quinn", "known_for", "Dry Creek")),
    ("credit/alongside", "The drama Harbor Lights is back. Mara Quinn's credits include Dry Creek.",
     "Mara Quinn", "Dry Creek", ("Mara Quinn", "known_for", "Dry Creek")),
    ("cast/member-on", "The drama Dry Creek is back. Mara Quinn was a series regular on Harbor Lights.",
     "Mara Quinn", "Harbor Lights", ("Mara Quinn", "cast_member_of", "Harbor Lights")),
    ("cast/co-star", "The drama Harbor Lights is back for season 2, and castmates Tomas Reyes and Dev Kapoor are "
     "thrilled.", None, "Tomas Reyes", ("Tomas Reyes", "cast_member_of", "Harbor Lights")),
    ("cast/main-noun", "The drama Harbor Lights is back for season 2. Fellow newcomer Mara Quinn is thrilled.",
     None, "Mara Quinn", ("Mara Quinn", "cast_member_of", "Harbor Lights")),
    ("cast/joining-the-cast", "The drama Harbor Lights is back. Mara Quinn is joining the cast in season 2.",
     "Mara Quinn", None, ("Mara Quinn", "cast_member_of", "Harbor Lights")),
    ("credit/season-of", "The drama Harbor Lights is back. Mara Quinn appeared in two seasons of Dry Creek.",
     "Mara Quinn", "Dry Creek", ("Mara Quinn", "known_for", "Dry Creek")),
    ("cast/cast-of", "The drama Harbor Lights is back. The Harbor Lights cast includes Mara Quinn.",
     "Harbor Lights", "Mara Quinn", ("Mara Quinn", "cast_member_of", "Harbor Lights")),
    ("airs_on/on", "The drama Harbor Lights is back on CBS. Mara Quinn also watches Dry Creek on NBC.",
     "Dry Creek", "NBC", ("Dry Creek", "airs_on", "NBC")),
    ("airs_on/bracket", "The drama Harbor Lights is back on CBS. The comedy Dry Creek (NBC) is ending.", "Dry Creek",
     "NBC", ("Dry Creek", "airs_on", "NBC")),
    ("created_by/created", "The drama Harbor Lights is back. Gil Hartman created Harbor Lights in 2017.",
     "Gil Hartman", "Harbor Lights", ("Harbor Lights", "created_by", "Gil Hartman")),
    ("directed/verb", "The drama Harbor Lights is back. Ana Ruiz directed the pilot “Last Light.”", "Ana Ruiz",
     "Last Light", ("Ana Ruiz", "directed", "Last Light")),
    ("directed/director", "The drama Harbor Lights is back. Harbor Lights director Ana Ruiz is thrilled.",
     "Harbor Lights", "Ana Ruiz", ("Ana Ruiz", "directed", "Harbor Lights")),
    ("member_of/of", "Jo Lee, the president of Crestline Media, confirmed the renewal.", "Jo Lee",
     "Crestline Media", ("Jo Lee", "member_of", "Crestline Media")),
    ("member_of/member", "Mara Quinn has been a member of Crestline Media since 2010.", "Mara Quinn",
     "Crestline Media", ("Mara Quinn", "member_of", "Crestline Media")),
    ("part_of/franchise-kind", "Dark Orbit expands the Starfall universe. The Starfall prequel Dark Orbit "
     "premieres in May.", "Starfall", "Dark Orbit", ("Dark Orbit", "part_of", "Starfall")),
    ("part_of/of-franchise", "Dark Orbit, a prequel to the Starfall franchise, premieres in May.",
     "Dark Orbit", "Starfall", ("Dark Orbit", "part_of", "Starfall")),
]


def _spans(doc, text: str, names: list[str]) -> list[tuple[int, int]]:
    """Token spans of every occurrence of the names."""
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            span = doc.char_span(at, at + len(name))
            assert span is not None, f"{name!r} is not a token span of {text!r}"
            spans.append((span.start, span.end))
            at = text.find(name, at + 1)
    return spans


def _first(found: list) -> object:
    return found[0] if found else None


@pytest.mark.parametrize("pid, text, left, right, fact", CASES, ids=[case[0] for case in CASES])
def test_pattern_fires_between_its_names(nlp, pid, text, left, right, fact):
    pattern = PATTERNS_BY_ID[pid]
    assert (left is None) == (pattern.left in (MAIN, SUBJECT))
    assert (right is None) == (pattern.right == MAIN)
    doc = nlp(text)
    spans = _spans(doc, text, [name for name in (left, right) if name is not None])
    ending = {e: [(s, e)] for s, e in spans}
    starting = {s: [(s, e)] for s, e in spans}
    slots = []
    for found, start, end in match_patterns(doc):
        if found.id != pid:
            continue
        got_left = slot_before(doc, start, ending, _first) if left is not None else None
        got_right = slot_after(doc, end, starting, _first, lambda m: m[1])[0] if right is not None else None
        slots.append(tuple(None if got is None else doc[got[0]:got[1]].text for got in (got_left, got_right)))
    assert (left, right) in slots


@pytest.mark.parametrize("pid, text, left, right, fact", [c for c in CASES if c[4]], ids=[c[0] for c in CASES if c[4]])
def test_pattern_states_its_fact(nlp, pid, text, left, right, fact):
    assert fact in run(nlp, text).facts()


# PATTERN_CASES whose sentence does not fire the pattern it is filed under


@pytest.mark.parametrize("pid, text", [(pid, text) for pid, text, _ in PATTERN_CASES],
                         ids=[case[0] for case in PATTERN_CASES])
def test_pattern_cases_fire_their_pattern(nlp, pid, text):
    assert pid in {found.id for found, _, _ in match_patterns(nlp(text))}


def test_every_pattern_has_a_case():
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))
    mine = {case[0] for case in CASES}
    assert mine <= set(ids), "a case names a pattern that no longer exists"
    missing = set(ids) - mine - {case[0] for case in PATTERN_CASES}
    assert not missing, f"every relation pattern needs an invented sentence: {sorted(missing)}"


def test_every_pattern_word_can_match(nlp):
    assert unmatchable_words(nlp, [pattern.pattern for pattern in PATTERNS]) == set()
