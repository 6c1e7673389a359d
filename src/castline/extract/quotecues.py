"""Quote attribution cues as data: the phrases that tell how words were given and to whom.

An interview ("in an interview with X", "speaking to X"), an appearance ("appeared
on X"), a post ("in an Instagram post", "took to X"), a statement ("in a statement"),
a report ("according to X", "per X"), an occasion earlier than the article's own
("in an earlier interview", "previously"), a reference back to an outlet ("told the
outlet") and a spokesperson. Each is a spaCy Matcher pattern with an id; `find_cues`
runs them once per document and the quote attribution asks which cues stand in a
quote's frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicon import EARLIER_WORDS, OCCASION_NOUNS, POST_NOUNS, SPOKESPERSON_NOUNS, STATEMENT_NOUNS

# Up to four words between a preposition and the noun of an occasion: "in a recent sit-down with".
_MODIFIERS = {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["that", "which", "who", "when", "and", "but", "said", "says"]},
              "OP": "{0,4}"}
_OCCASION_PREPS = ["in", "during", "for", "on", "at", "through", "via", "from", "into", "over"]
BACK_REFERENCE_NOUNS = ["outlet", "publication", "magazine", "site", "paper", "newspaper", "podcast", "program",
                        "programme", "trade", "website", "tabloid", "host", "hosts", "interviewer"]

CUE_PATTERNS: list[tuple[str, list[dict]]] = [
    # "in an interview with X", "during a recent appearance on X", "in her cover story for X"
    ("OCCASION", [{"LOWER": {"IN": _OCCASION_PREPS}}, _MODIFIERS, {"LEMMA": {"IN": sorted(OCCASION_NOUNS)}}]),
    ("OCCASION", [{"LOWER": {"IN": _OCCASION_PREPS}}, _MODIFIERS, {"LOWER": {"IN": sorted(OCCASION_NOUNS)}}]),
    # "in a statement", "in a joint press release"
    ("STATEMENT", [{"LOWER": {"IN": ["in", "via", "through", "with"]}}, _MODIFIERS,
                   {"LEMMA": {"IN": sorted(STATEMENT_NOUNS)}}]),
    # "in an Instagram post", "in a tweet", "on her Instagram Story"
    ("POST", [{"LOWER": {"IN": ["in", "via", "on", "through", "with", "alongside"]}}, _MODIFIERS,
              {"LOWER": {"IN": sorted(POST_NOUNS)}}]),
    # "took to Instagram", "taking to social media"
    ("TOOK_TO", [{"LEMMA": "take"}, {"LOWER": "to"}]),
    ("SOCIAL_MEDIA", [{"LOWER": "social"}, {"LOWER": "media"}]),
    ("COMMENTS", [{"LOWER": {"IN": ["in", "into"]}}, {"LOWER": "the"}, {"LOWER": {"IN": ["comments", "comment"]}}]),
    # "speaking to X", "sat down with X", "opened up to X"
    ("SPEAK_TO", [{"LEMMA": {"IN": ["speak", "talk", "chat", "sit", "open"]}},
                  {"LOWER": {"IN": ["down", "up"]}, "OP": "?"}, {"LOWER": {"IN": ["to", "with"]}}]),
    # "appeared on X", "stopped by X", "guested on X"
    ("APPEAR_ON", [{"LEMMA": {"IN": ["appear", "stop", "guest", "visit", "join"]}},
                   {"LOWER": {"IN": ["by", "on", "at"]}}]),
    # "according to X", "per X", "a report from X", "reported by X"
    ("REPORT", [{"LOWER": "according"}, {"LOWER": "to"}]),
    ("REPORT", [{"LOWER": "per"}]),
    ("REPORT", [{"LEMMA": "report"}, {"LOWER": {"IN": ["from", "by", "in"]}}]),
    # "in an earlier interview" is an OCCASION with an earlier word; these stand alone
    ("EARLIER", [{"LOWER": {"IN": ["previously", "once", "formerly", "earlier"]}}]),
    ("EARLIER", [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "past"}]),
    ("EARLIER", [{"LIKE_NUM": True}, {"LOWER": {"IN": ["years", "months", "decades"]}}, {"LOWER": "ago"}]),
    # "she told the outlet", "speaking with the publication"
    ("BACK_REFERENCE", [{"LOWER": {"IN": ["told", "tells", "tell", "telling", "to", "with"]}}, {"LOWER": "the"},
                        {"LOWER": {"IN": BACK_REFERENCE_NOUNS}}]),
    ("SPOKESPERSON", [{"LEMMA": {"IN": sorted(SPOKESPERSON_NOUNS)}}]),
    ("SPOKESPERSON", [{"LOWER": {"IN": sorted(SPOKESPERSON_NOUNS)}}]),
]


@dataclass(frozen=True)
class Cue:
    """One cue phrase: its pattern id and character span."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def earlier(self) -> bool:
        """An occasion the text marks as earlier than the article's own ("in a previous interview")."""
        return self.kind == "EARLIER" or any(w in EARLIER_WORDS for w in self.text.lower().split())


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """One matcher per vocabulary (per loaded pipeline), built on first use."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = Matcher(vocab)
        for kind, pattern in CUE_PATTERNS:
            matcher.add(kind, [pattern])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def find_cues(doc: Doc) -> list[Cue]:
    """Every cue in the document, the shortest match of each kind at each end, in text order."""
    best: dict[tuple[str, int], Cue] = {}
    for match_id, start, end in _matcher(doc.vocab)(doc):
        kind = doc.vocab.strings[match_id]
        span = doc[start:end]
        cue = Cue(kind, span.start_char, span.end_char, span.text)
        key = (kind, cue.end)
        if key not in best or cue.start > best[key].start:
            best[key] = cue
    return sorted(best.values(), key=lambda c: (c.start, c.end))


def cues_in(cues: list[Cue], start: int, end: int, skip: list[tuple[int, int]] = ()) -> list[Cue]:
    """The cues inside [start, end) that no skipped range (quoted words) covers."""
    return [c for c in cues if start <= c.start and c.end <= end and not any(s <= c.start < e for s, e in skip)]
