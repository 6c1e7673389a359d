"""One invented sentence per typing cue of cues.py: the cue fires around the name it is meant for.

Every cue id has a case (`test_every_cue_has_a_case`), so a new cue without one fails the suite. The
riskier cues also get a case where the same words stand on the wrong side of a name, or in a phrase the
cue leaves alone, and must not fire.
"""

from __future__ import annotations

import pytest

from castline.extract.cues import CUES, index_cues

from .patternwords import unmatchable_words

# (cue id, invented sentence, the name the cue should stand next to)
CUE_CASES = [
    # people
    ("person/age", "Mara Quinn, 41, is leaving the drama.", "Mara Quinn"),
    ("person/age-of", "Tomas Reyes, aged 52, has retired.", "Tomas Reyes"),
    ("person/occupation-before", "The crowd cheered for actress Mara Quinn.", "Mara Quinn"),
    ("person/fellow-before", "The cast honored the late Tomas Reyes.", "Tomas Reyes"),
    ("person/appositive-job", "Mara Quinn, the veteran actress, spoke first.", "Mara Quinn"),
    ("person/who", "Mara Quinn, who turns 40 in May, is leaving.", "Mara Quinn"),
    ("person/plays", "Mara Quinn plays a weary firefighter.", "Mara Quinn"),
    ("person/will-play", "Mara Quinn will play a weary firefighter.", "Mara Quinn"),
    ("person/stars-as", "Mara Quinn stars as a weary firefighter.", "Mara Quinn"),
    ("person/cast-as", "Mara Quinn was cast as a weary firefighter.", "Mara Quinn"),
    ("person/possessive-role", "Mara Quinn's character has a secret.", "Mara Quinn"),
    ("person/possessive-life", "Mara Quinn's husband runs a bakery.", "Mara Quinn"),
    ("person/reporting", "Mara Quinn said the finale was hard to film.", "Mara Quinn"),
    ("person/posted", "Mara Quinn posted on her page about the finale.", "Mara Quinn"),
    ("person/born", "Mara Quinn was born in a small town.", "Mara Quinn"),
    ("person/died", "Tomas Reyes died on Sunday at home.", "Tomas Reyes"),
    ("person/married", "Tomas Reyes married his longtime partner last year.", "Tomas Reyes"),
    ("person/starred-in", "Mara Quinn starred in a string of comedies.", "Mara Quinn"),
    ("person/honorific", "The award went to Ms. Mara Quinn last night.", "Mara Quinn"),
    ("person/by", "The finale was written with Tomas Reyes in mind.", "Tomas Reyes"),
    ("person/according", "The show will end, according to Tomas Reyes.", "Tomas Reyes"),
    ("person/show-star", "Fans cheered when Harbor Lights alum Mara Quinn arrived.", "Mara Quinn"),
    # characters
    ("character/role-verb", "Mara Quinn plays Nora Vance on the drama.", "Nora Vance"),
    ("character/role-verb-the", "Mara Quinn plays the role of Nora Vance on the drama.", "Nora Vance"),
    ("character/role-of", "Mara Quinn landed the role of Nora Vance last year.", "Nora Vance"),
    ("character/voice-of", "Tomas Reyes is the voice of Pip Wren in the cartoon.", "Pip Wren"),
    ("character/character-noun", "Her character, Nora Vance, will die in the finale.", "Nora Vance"),
    ("character/character-of", "Mara Quinn took on the character of Nora Vance in 2019.", "Nora Vance"),
    ("character/named", "Mara Quinn joins the drama as a character named Nora Vance.", "Nora Vance"),
    ("character/as-after-casting", "Mara Quinn returns as Nora Vance next season.", "Nora Vance"),
    ("character/as", "Mara Quinn shines as Nora Vance in the finale.", "Nora Vance"),
    ("character/takes-over", "Priya Anand takes over as Nora Vance next season.", "Nora Vance"),
    ("character/new", "Priya Anand is the new Nora Vance on the drama.", "Nora Vance"),
    ("character/played-by", "Nora Vance, played by Mara Quinn, finally quits.", "Nora Vance"),
    ("character/paren-played", "Nora Vance (played by Mara Quinn) finally quits.", "Nora Vance"),
    ("character/title", "Fans adore Detective Nora Vance and her partner.", "Nora Vance"),
    ("character/killed", "Nora Vance is brutally killed in the finale.", "Nora Vance"),
    ("character/fiction-possessive", "Nora Vance's father returns to town.", "Nora Vance"),
    # shows
    ("show/season-of", "Fans loved season 3 of Dry Creek.", "Dry Creek"),
    ("show/part-of", "Fans met the cast of Dry Creek at the panel.", "Dry Creek"),
    ("show/season-after", "Fans loved Dry Creek season 3.", "Dry Creek"),
    ("show/possessive-season", "Fans loved Dry Creek's finale.", "Dry Creek"),
    ("show/part-after", "Fans met the Dry Creek cast at the panel.", "Dry Creek"),
    ("show/join-leave", "Mara Quinn joined Dry Creek in 2019.", "Dry Creek"),
    ("show/exit-from", "Mara Quinn announced her exit from Dry Creek on Monday.", "Dry Creek"),
    ("show/on-verb", "Mara Quinn appeared on Dry Creek in 2019.", "Dry Creek"),
    ("show/in-credit", "Mara Quinn starred in Dry Creek for years.", "Dry Creek"),
    ("show/kind-before", "Mara Quinn is leaving the drama Dry Creek.", "Dry Creek"),
    ("show/kind-appositive", "Dry Creek, the acclaimed family drama, is back.", "Dry Creek"),
    ("show/airs", "Dry Creek airs Fridays at nine.", "Dry Creek"),
    ("show/renewed", "Dry Creek was renewed for a third season.", "Dry Creek"),
    ("show/back", "Dry Creek is back for a third season.", "Dry Creek"),
    ("show/created-by", "Dry Creek, created by Jo Lee, is back.", "Dry Creek"),
    ("show/picked-up-by", "Dry Creek was picked up by a streamer.", "Dry Creek"),
    ("show/creator-of", "Jo Lee is the creator of Dry Creek and two other dramas.", "Dry Creek"),
    ("show/hit-screens", "Dry Creek hits screens in May.", "Dry Creek"),
    ("show/renew-before", "The network renewed Dry Creek on Monday.", "Dry Creek"),
    ("show/network-kind", "Mara Quinn is leaving the hit Dry Creek.", "Dry Creek"),
    # episodes and titles
    ("episode/titled", "In the episode titled “Low Tide,” the boat sinks.", "Low Tide"),
    ("title/titled", "She wrote a memoir dubbed “Low Tide” last year.", "Low Tide"),
    ("episode/season-episode", "In episode 4, “Low Tide,” the boat sinks.", "Low Tide"),
    ("episode/kind-after", "The Low Tide episode made fans cry.", "Low Tide"),
    # other works
    ("work/kind-before", "Mara Quinn starred in the film Blue Hour.", "Blue Hour"),
    ("work/kind-after", "The Blue Hour film opens in May.", "Blue Hour"),
    ("work/year", "Mara Quinn starred in Blue Hour (2019) with Tomas Reyes.", "Blue Hour"),
    ("work/kinds-before", "Mara Quinn starred in the films Blue Hour and Dry Creek.", "Blue Hour"),
    ("work/known-for", "Mara Quinn is known for her role in Blue Hour.", "Blue Hour"),
    # franchises
    ("franchise/after", "The show is the latest entry in the Star Rangers universe.", "Star Rangers"),
    # networks and outlets
    ("network/airs-on", "The drama is streaming on Brightwave this fall.", "Brightwave"),
    ("network/kind-after", "The comedy is a Brightwave original.", "Brightwave"),
    ("network/executive", "Brightwave executives ordered a second season.", "Brightwave"),
    ("outlet/told", "Mara Quinn told Variety she is ready to move on.", "Variety"),
    ("outlet/interview", "Mara Quinn said so in an interview with Variety.", "Variety"),
    ("outlet/via", "The news broke on Monday, via Variety.", "Variety"),
    ("outlet/stopped-by", "Mara Quinn stopped by Late Night with Jo Lee on Tuesday.", "Late Night with Jo Lee"),
    ("outlet/reported", "Variety first reported the news on Monday.", "Variety"),
    ("outlet/kind-after", "Mara Quinn gave a long Variety interview.", "Variety"),
    ("outlet/wrote-in", "Mara Quinn wrote in Variety that she is ready.", "Variety"),
    ("outlet/posted-on", "Mara Quinn posted on Instagram after the finale.", "Instagram"),
    # places
    ("place/from", "Mara Quinn was raised in Lisbon by her aunt.", "Lisbon"),
    ("place/native", "The Lisbon native is leaving the drama.", "Lisbon"),
    ("place/in", "The drama films near Lisbon every summer.", "Lisbon"),
    ("place/comma-region", "Mara Quinn grew up in Dayton, Ohio, with four sisters.", "Dayton"),
    # organisations
    ("organization/member", "The Crestline Guild board voted on Monday.", "Crestline Guild"),
    ("organization/member-of", "She is the president of Crestline Guild now.", "Crestline Guild"),
]

# (cue id, invented sentence, a name the cue's words stand next to but should not type)
NOT_CUES = [
    # a cue on the far side of its name: the words are about the other name
    ("person/plays", "Mara Quinn plays Nora Vance on the drama.", "Nora Vance"),
    ("character/role-verb", "Mara Quinn plays Nora Vance on the drama.", "Mara Quinn"),
    ("character/played-by", "Nora Vance, played by Mara Quinn, finally quits.", "Mara Quinn"),
    ("outlet/told", "Variety told its readers the news.", "Variety"),
    ("show/kind-before", "Dry Creek drama fans are thrilled.", "Dry Creek"),
    ("work/kind-after", "The film Blue Hour opens in May.", "Blue Hour"),
    # the words a cue leaves alone
    ("character/as", "The drama is known as Dry Creek in Europe.", "Dry Creek"),
    ("character/as", "She loves shows such as Dry Creek.", "Dry Creek"),
    ("work/year", "Mara Quinn starred in Blue Hour in 2019.", "Blue Hour"),
    ("person/age", "Mara Quinn has 41 awards.", "Mara Quinn"),
    ("person/by", "Mara Quinn stopped by Late Night with Jo Lee on Tuesday.", "Late Night with Jo Lee"),
]


def _around(nlp, text: str, name: str) -> dict[str, str]:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None, f"{name!r} is not a token span of {text!r}"
    return index_cues(doc).around(doc, span.start, span.end)


@pytest.mark.parametrize("cue, text, name", CUE_CASES, ids=[case[0] for case in CUE_CASES])
def test_cue_fires_around_its_name(nlp, cue, text, name):
    assert cue in _around(nlp, text, name)


@pytest.mark.parametrize("cue, text, name", NOT_CUES, ids=[case[0] for case in NOT_CUES])
def test_cue_stays_quiet(nlp, cue, text, name):
    assert cue not in _around(nlp, text, name)


def test_every_cue_has_a_case():
    ids = [cue.id for cue in CUES]
    assert len(ids) == len(set(ids))
    covered = {case[0] for case in CUE_CASES}
    assert covered <= set(ids), "a case names a cue that no longer exists"
    assert set(ids) - covered == set(), "every cue needs an invented sentence in CUE_CASES"


def test_every_cue_word_can_match(nlp):
    assert unmatchable_words(nlp, [cue.pattern for cue in CUES]) == set()
