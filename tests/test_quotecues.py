"""One invented sentence per quote attribution cue of quotecues.py: `find_cues` finds its kind at its words.

`test_every_cue_pattern_has_a_case` runs each pattern of CUE_PATTERNS on its own over the cases of its
kind, so a new pattern (or kind) without a sentence that shows it fails the suite.
"""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from castline.extract.quotecues import CUE_PATTERNS, find_cues

from .patternwords import unmatchable_words

# (kind, invented sentence, the words the cue covers, whether it marks an earlier occasion)
CASES = [
    ("OCCASION", "Mara Quinn said so in her recent interviews with Variety.", "in her recent interviews", False),
    ("OCCASION", "Mara Quinn opened up during a Q&A with fans.", "during a Q&A", False),
    ("OCCASION", "Mara Quinn said so in an earlier appearance on The Late Hour.", "in an earlier appearance", True),
    ("STATEMENT", "The studio confirmed the news in a brief statement.", "in a brief statement", False),
    ("POST", "Mara Quinn shared the news in a long Instagram post.", "in a long Instagram post", False),
    ("TOOK_TO", "Mara Quinn took to Instagram on Monday.", "took to", False),
    ("SOCIAL_MEDIA", "Mara Quinn thanked her fans on social media.", "social media", False),
    ("COMMENTS", "Fans cheered the casting news in the comments.", "in the comments", False),
    ("SPEAK_TO", "Mara Quinn sat down with Variety ahead of the finale.", "sat down with", False),
    ("APPEAR_ON", "Mara Quinn stopped by The Late Hour on Tuesday.", "stopped by", False),
    ("REPORT", "The drama will end, according to Deadline.", "according to", False),
    ("REPORT", "The drama will end after two more seasons, per Deadline.", "per", False),
    ("REPORT", "A report from Deadline says the drama will end.", "report from", False),
    ("EARLIER", "Mara Quinn once said she would never leave.", "once", True),
    ("EARLIER", "In the past, Mara Quinn has said she would never leave.", "In the past", True),
    ("EARLIER", "Two years ago, Mara Quinn said she would never leave.", "Two years ago", True),
    ("BACK_REFERENCE", "Mara Quinn told the magazine she is ready to move on.", "told the magazine", False),
    ("SPOKESPERSON", "Reps for Mara Quinn did not respond.", "Reps", False),
    ("SPOKESPERSON", "A network spokeswoman confirmed the news.", "spokeswoman", False),
]


@pytest.mark.parametrize("kind, text, words, earlier", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_cue_found_at_its_words(nlp, kind, text, words, earlier):
    found = [c for c in find_cues(nlp(text)) if c.kind == kind and text[c.start:c.end] == c.text]
    assert [c.text for c in found] == [words]
    assert found[0].earlier == earlier


def test_every_cue_pattern_has_a_case(nlp):
    kinds = {kind for kind, _ in CUE_PATTERNS}
    assert {case[0] for case in CASES} <= kinds, "a case names a cue kind that no longer exists"
    for i, (kind, pattern) in enumerate(CUE_PATTERNS):
        matcher = Matcher(nlp.vocab)
        matcher.add(kind, [pattern])
        texts = [text for case_kind, text, _, _ in CASES if case_kind == kind]
        assert any(matcher(nlp(text)) for text in texts), f"CUE_PATTERNS[{i}] ({kind}) needs an invented sentence"


def test_every_cue_word_can_match(nlp):
    assert unmatchable_words(nlp, [pattern for _, pattern in CUE_PATTERNS]) == set()
