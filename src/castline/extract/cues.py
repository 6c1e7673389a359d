"""Typing cues as data: spaCy Matcher patterns that read the words right before or after a name.

Each cue has an id (a feature of the type model), the side of the name it
sits on, and the type it suggests (the prior the model is fitted from; the
fitted weight is what counts). "before" patterns end where the name starts,
"after" patterns start where it ends; a "the" or an opening quotation mark
may sit between a "before" cue and its name, a closing mark between a name
and an "after" cue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicon import (
    AIRING_WORDS,
    JOIN_LEAVE_WORDS,
    OCCUPATIONS,
    POSSESSIVE_MARKS,
    ROLE_VERBS,
    SHOW_NOUNS,
    SHOW_PART_NOUNS,
    WORK_NOUNS,
)


@dataclass(frozen=True)
class Cue:
    id: str
    side: str  # before, after
    suggests: str  # the entity type the cue points to before any fitting
    pattern: tuple
    prior: float = 2.0  # how strongly; the decisive cues ("the X universe", "season 3 of X") lean harder


def _in(*words: str | frozenset | set) -> dict:
    """A token that is one of `words`; entries of two words ("soap opera"), which no one token can be, are left
    to the regular expressions that share the lists."""
    flat: list[str] = []
    for w in words:
        flat += [w] if isinstance(w, str) else sorted(w)
    return {"LOWER": {"IN": [w for w in flat if " " not in w]}}


def _opt(spec: dict) -> dict:
    return {**spec, "OP": "?"}


COMMA = {"ORTH": ","}
LEAD = {"ORTH": {"IN": [",", "”", '"', "’", "'"]}, "OP": "{0,2}"}
NUM = {"LIKE_NUM": True}
POSS = {"LOWER": {"IN": sorted(POSSESSIVE_MARKS)}}
ANY = {"IS_PUNCT": False}
ADJ = {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "VERB"]}, "IS_PUNCT": False}
ARTICLE = _in("the", "a", "an", "his", "her", "their", "its")
CAST_VERBS = ("stars", "starred", "starring", "star", "cast", "returns", "returned", "returning", "return",
              "back", "debut", "debuts", "debuted", "turn", "run", "tenure", "stint", "time", "years", "days",
              "career", "role", "appearance", "appearances", "appears", "appeared", "appearing", "portrayal",
              "playing", "wrapping", "wrapped", "up", "reprise", "reprising", "reprised", "reprises", "recast",
              "cameo", "arc", "guest", "guest-starring", "guest-stars", "co-starring", "co-stars", "exit",
              "departure", "last", "final", "first", "recurring")
REPORTING = ("said", "says", "told", "tells", "explained", "explains", "revealed", "reveals", "added", "adds",
             "shared", "shares", "wrote", "writes", "posted", "posts", "admitted", "admits", "recalled",
             "recalls", "noted", "notes", "joked", "jokes", "continued", "continues", "teased", "teases",
             "confirmed", "confirms", "announced", "announces", "insisted", "stated", "captioned", "tweeted",
             "opened", "opens", "spoke", "speaks", "gushed", "reflected", "reflects")

CUES: tuple[Cue, ...] = (
    # people
    Cue("person/age", "after", "person", (COMMA, NUM, COMMA), prior=4.0),
    Cue("person/age-of", "after", "person", (COMMA, _in("aged", "age"), NUM)),
    Cue("person/occupation-before", "before", "person", (_in(OCCUPATIONS),)),
    Cue("person/fellow-before", "before", "person", (_in("fellow", "former", "late", "co-creator"),)),
    Cue("person/appositive-job", "after", "person", (COMMA, ARTICLE, _opt(ADJ), _opt(ADJ), _in(OCCUPATIONS))),
    Cue("person/who", "after", "person", (COMMA, _in("who", "whose"))),
    Cue("person/plays", "after", "person", (_opt(COMMA), _opt(_in("who")), _opt(_in("also", "now", "previously")),
                                            _in(ROLE_VERBS - {"play", "portray", "voice"}))),
    Cue("person/will-play", "after", "person", (_in("will", "to", "would", "has", "had", "is", "was", "also"),
                                                _opt(_in("be")), _in(ROLE_VERBS))),
    Cue("person/stars-as", "after", "person", (_in("stars", "starred", "starring", "returns", "returned",
                                                   "co-stars", "appears", "appeared"), _in("as"))),
    Cue("person/cast-as", "after", "person", (_in("is", "was", "has", "been", "will"), _opt(_in("been", "be")),
                                              _in("cast", "recast", "tapped"), _in("as", "to", "in"))),
    Cue("person/possessive-role", "after", "person", (POSS, _opt(ADJ), _in("character", "characters", "role",
                                                                          "roles", "portrayal", "performance",
                                                                          "alter"))),
    Cue("person/possessive-life", "after", "person", (POSS, _in("exit", "departure", "career", "husband", "wife",
                                                              "daughter", "son", "children", "kids", "family",
                                                              "rep", "representative", "publicist", "instagram",
                                                              "co-star", "costar", "co-stars", "castmates",
                                                              "birthday", "death", "debut", "agent"))),
    Cue("person/reporting", "after", "person", (_opt(COMMA), _in(REPORTING))),
    Cue("person/posted", "after", "person", (_in("wrote", "posted", "shared", "captioned", "tweeted",
                                                 "commented"), _in("on", "in", "to", "alongside", "a"))),
    Cue("person/born", "after", "person", (_opt(COMMA), _opt(_in("who")), _in("was", "is"), _in("born"))),
    Cue("person/died", "after", "person", (_in("died", "dies", "passed"),)),
    Cue("person/married", "after", "person", (_in("married", "weds", "wed", "divorced"),)),
    Cue("person/starred-in", "after", "person", (_opt(_in("has", "had", "also", "previously")),
                                                 _in("starred", "stars", "appeared", "appears", "directed",
                                                     "wrote", "created", "produced", "hosted", "hosts"),
                                                 _in("in", "on", "the"))),
    Cue("person/honorific", "before", "person", (_in("mr.", "mrs.", "ms.", "mr", "mrs", "ms", "sir", "dame"),)),
    Cue("person/by", "before", "person", ({"LOWER": {"NOT_IN": ["stopped", "stops", "stopping", "dropped", "drops",
                                                                "dropping", "swung", "popped"]}},
                                           _in("by", "with", "opposite", "alongside", "and"))),
    Cue("person/according", "before", "person", (_in("according"), _in("to"))),
    Cue("person/show-star", "before", "person", (_in("star", "stars", "co-star", "co-stars", "costar", "costars",
                                                     "alum", "actor", "actress", "creator",
                                                     "showrunner"),)),
    # characters
    Cue("character/role-verb", "before", "character", (_in(ROLE_VERBS),), prior=4.0),
    Cue("character/role-verb-the", "before", "character", (_in(ROLE_VERBS), _in("the"), _in("role", "part"),
                                                           _in("of"))),
    Cue("character/role-of", "before", "character", (_in("role", "part", "roles"), _in("of", "as"))),
    Cue("character/voice-of", "before", "character", (_in("voice"), _in("of"))),
    Cue("character/character-noun", "before", "character", (_in("character", "characters", "alter", "ego",
                                                                 "persona", "counterpart"), _opt(COMMA))),
    Cue("character/character-of", "before", "character", (_in("character"), _in("of"))),
    Cue("character/named", "before", "character", (_in("character", "role", "characters"),
                                                    _in("named", "called", "dubbed")), prior=4.0),
    Cue("character/as-after-casting", "before", "character", (_in(CAST_VERBS), _in("as"))),
    Cue("character/as", "before", "character", ({"LOWER": {"NOT_IN": ["well", "such", "known", "same", "so", "just",
                                                                      "soon", "long", "far", "much"]}}, _in("as"))),
    Cue("character/takes-over", "before", "character", (_in("over", "replace", "replaces", "replacing",
                                                            "replaced"), _opt(_in("as")))),
    Cue("character/new", "before", "character", (_in("the"), _in("new", "next", "latest", "young", "younger",
                                                                 "older", "original"))),
    Cue("character/played-by", "after", "character", (_opt(COMMA), _opt(_in("who", "as")), _opt(_in("is", "was")),
                                                      _in("played", "portrayed", "voiced"), _in("by")), prior=4.0),
    Cue("character/paren-played", "after", "character", ({"ORTH": "("}, _in("played", "portrayed"))),
    Cue("character/title", "before", "character", (_in("det.", "det", "detective", "sgt.", "sgt", "sergeant",
                                                       "lt.", "lt", "lieutenant", "capt.", "capt", "captain",
                                                       "officer", "agent", "dr.", "dr", "doctor", "nurse",
                                                       "chief", "commander", "deputy", "sheriff", "inspector",
                                                       "constable", "judge", "king", "queen", "prince",
                                                       "princess", "lord", "lady", "uncle", "aunt"),)),
    Cue("character/killed", "after", "character", (_in("is", "was", "gets", "got"), _opt(ANY),
                                                   _in("killed", "murdered", "shot", "kidnapped", "arrested"))),
    Cue("character/fiction-possessive", "after", "character", (POSS, _in("father", "mother", "dad", "mom",
                                                                        "brother", "sister", "boss",
                                                                        "partner", "love", "ex", "killer",
                                                                        "storyline", "arc", "fate", "death"))),
    # shows
    Cue("show/season-of", "before", "show", (_in("season", "seasons", "series", "episode", "part"), NUM, _in("of")),
        prior=4.0),
    Cue("show/part-of", "before", "show", (_in(SHOW_PART_NOUNS), _in("of", "on", "for", "from"))),
    Cue("show/season-after", "after", "show", (_in("season", "seasons", "series"), _opt(NUM)), prior=4.0),
    Cue("show/possessive-season", "after", "show", (POSS, _opt(ADJ), _in("season", "seasons", "finale",
                                                                       "premiere", "episode", "episodes",
                                                                       "cast", "showrunner", "creator",
                                                                       "writers", "fans", "characters",
                                                                       "revival", "reboot", "ratings"))),
    Cue("show/part-after", "after", "show", (_in(SHOW_PART_NOUNS),)),
    Cue("show/join-leave", "before", "show", (_in(JOIN_LEAVE_WORDS),)),
    Cue("show/exit-from", "before", "show", (_in("exit", "departure", "return", "farewell", "goodbye",
                                                 "comeback", "tenure", "stint", "time", "run", "years"),
                                             _in("from", "to", "on", "in", "at"))),
    Cue("show/on-verb", "before", "show", (_in("appeared", "appears", "appearing", "starred", "starring", "stars",
                                               "role", "roles", "guest", "worked", "work", "working", "cast",
                                               "character", "scene", "set", "regular", "run", "tenure", "stint",
                                               "seasons", "episode", "episodes", "series", "stint", "years",
                                               "writer", "producer", "star"), _in("on"))),
    Cue("show/in-credit", "before", "show", (_in("starred", "starring", "stars", "appeared", "appearing", "role",
                                                 "roles", "cast", "character", "part", "starring"), _in("in"))),
    Cue("show/kind-before", "before", "show", (_in(SHOW_NOUNS),), prior=4.0),
    Cue("show/kind-appositive", "after", "show", (COMMA, ARTICLE, _opt(ADJ), _opt(ADJ), _opt(ADJ),
                                                  _in(SHOW_NOUNS))),
    Cue("show/airs", "after", "show", (_opt(_in("will", "is", "has", "was", "which", "also", "first")),
                                       _opt(_in("set", "be", "been")), _opt(_in("to")), _in(AIRING_WORDS))),
    Cue("show/renewed", "after", "show", (_opt(_in("was", "is", "has", "had", "been", "got", "gets")),
                                          _opt(_in("been")), _in("renewed", "cancelled", "canceled", "axed",
                                                                 "ended", "ends", "wrapped", "concluded",
                                                                 "returns", "returned"))),
    Cue("show/back", "after", "show", (_in("is", "was", "will", "are", "has"), _opt(_in("be", "coming", "been")),
                                       _in("back", "returning", "renewed", "ending", "wrapping", "coming"),
                                       _in("for", "with", "in", "on", "after", "to"))),
    Cue("show/created-by", "after", "show", (LEAD, _opt(_in("which", "that")), _opt(_in("was", "is")),
                                             _in("created", "co-created", "developed"), _in("by"))),
    Cue("show/picked-up-by", "after", "show", (LEAD, _opt(_in("was", "is", "has", "had", "been", "got")),
                                               _opt(_in("been")), _in("picked", "renewed", "cancelled", "canceled",
                                                                      "revived", "ordered", "axed"),
                                               _opt(_in("up")), _in("by", "at", "for"))),
    Cue("show/creator-of", "before", "show", (_in("creator", "co-creator", "showrunner", "creators",
                                                  "showrunners"), _in("of", "behind"))),
    Cue("show/hit-screens", "after", "show", (LEAD, _in("hit", "hits", "hitting"), _in("screens", "tv", "television",
                                                                                 "theaters", "theatres"))),
    Cue("show/renew-before", "before", "show", (_in("renewed", "cancelled", "canceled", "axed", "renew", "cancel",
                                                    "revive", "revived", "rebooted", "watch", "watching",
                                                    "binge", "stream", "streaming"),)),
    Cue("show/network-kind", "before", "show", (_in("hit", "long-running", "beloved", "acclaimed", "original"),)),
    # episodes
    Cue("episode/titled", "before", "episode", (_in("episode", "episodes", "installment", "instalment", "chapter",
                                                    "finale", "premiere", "hour"), _opt(COMMA),
                                                _opt(_in("titled", "called", "named", "dubbed", "entitled"))),
        prior=4.0),
    Cue("title/titled", "before", "episode", (_in("titled", "called", "named", "dubbed", "entitled"),)),
    Cue("episode/season-episode", "before", "episode", (_in("episode"), NUM, _opt(POSS), _opt(COMMA))),
    Cue("episode/kind-after", "after", "episode", (_in("episode", "installment", "instalment"),)),
    # other works
    Cue("work/kind-before", "before", "work", (_in(WORK_NOUNS),), prior=4.0),
    Cue("work/kind-after", "after", "work", (_in(WORK_NOUNS),)),
    Cue("work/year", "after", "work", ({"ORTH": "("}, {"SHAPE": "dddd"}, {"ORTH": ")"})),
    Cue("work/kinds-before", "before", "work", (_in("films", "movies", "novels", "books", "albums", "songs",
                                                    "documentaries", "sequels", "biopics", "memoirs"),), prior=3.0),
    Cue("work/known-for", "before", "work", (_in("known"), _in("for"), _opt(_in("his", "her", "their", "the")),
                                             _opt(_in("role", "roles", "work")), _opt(_in("in", "on")))),
    # franchises
    Cue("franchise/after", "after", "franchise", (_opt(_in("film", "movie", "book", "comic", "media", "tv")),
                                                  _in("franchise", "universe", "saga", "films", "movies", "verse",
                                                      "cinematic", "mcu"),), prior=4.0),
    # networks and outlets
    Cue("network/airs-on", "before", "network", (_in(AIRING_WORDS | {"available", "exclusively", "only",
                                                                     "now", "currently"}), _in("on")), prior=4.0),
    Cue("network/kind-after", "after", "network", (_opt(POSS), _opt(ADJ), _in(SHOW_NOUNS | {"original", "streamer",
                                                                                            "network",
                                                                                            "channel"}))),
    Cue("network/executive", "after", "network", (_opt(POSS), _in("executive", "executives", "exec", "execs",
                                                                  "boss", "bosses", "chief", "president",
                                                                  "chairman", "entertainment", "spokesperson"))),
    Cue("outlet/told", "before", "outlet", (_in("told", "tells", "telling", "tell"),), prior=4.0),
    Cue("outlet/interview", "before", "outlet", (_in("interview", "conversation", "chat", "sit-down", "q&a",
                                                     "podcast", "appearance", "speaking", "spoke", "speaks",
                                                     "talking", "talked", "talks", "chatted", "interviewed"),
                                                 _in("with", "to", "on", "for", "by"))),
    Cue("outlet/stopped-by", "before", "outlet", (_in("stopped", "stops", "stopping", "dropped", "drops",
                                                      "dropping", "swung", "popped", "appeared", "appears",
                                                      "appearing", "appearance", "guested", "guesting"),
                                                  _in("by", "on"), _opt(_in("the"))), prior=2.5),
    Cue("outlet/via", "before", "outlet", (_in("via", "per"),)),
    Cue("outlet/reported", "after", "outlet", (_opt(_in("first", "previously", "exclusively", "has")),
                                               _in("reported", "reports", "reporting", "broke", "revealed"))),
    Cue("outlet/kind-after", "after", "outlet", (_opt(POSS), _in("magazine", "newspaper", "podcast", "interview",
                                                                 "report", "reporter", "columnist", "story",
                                                                 "article", "site", "outlet", "cover",
                                                                 "exclusive"))),
    Cue("outlet/wrote-in", "before", "outlet", (_in("wrote", "writes", "write", "told", "said"), _in("in"))),
    Cue("outlet/posted-on", "before", "outlet", (_in("posted", "wrote", "shared", "tweeted", "post", "posts",
                                                     "announced", "video", "live", "story"), _in("on", "to"))),
    # places
    Cue("place/from", "before", "place", (_in("native", "born", "raised", "grew", "based", "filmed", "shot",
                                              "moved", "lives", "living", "live", "set", "hometown"),
                                          _opt(_in("up")), _in("in", "of", "to", "from"))),
    Cue("place/native", "after", "place", (_opt({"ORTH": "-"}), _in("native", "natives", "born", "-born",
                                                                    "raised", "-raised", "-based", "based"))),
    Cue("place/in", "before", "place", (_in("in", "from", "to", "near", "across", "outside", "at"),)),
    Cue("place/comma-region", "after", "place", (COMMA, {"SHAPE": {"IN": ["X.X.", "XX", "Xxxxx", "Xxxx"]},
                                                         "TAG": "NNP"}, COMMA)),
    # organisations
    Cue("organization/member", "after", "organization", (_in("member", "members", "spokesperson", "spokesman",
                                                             "spokeswoman", "statement", "president", "chairman",
                                                             "ceo", "officials", "board"),)),
    Cue("organization/member-of", "before", "organization", (_in("member", "members", "president", "chairman",
                                                                 "ceo", "head", "chief"), _in("of", "at"))),
)
CUES_BY_ID = {cue.id: cue for cue in CUES}
# Tokens that may stand between a cue and its name.
BETWEEN_BEFORE = {"the", "“", '"', "‘", "'", ","}
BETWEEN_AFTER = {"”", '"', "’", "'"}


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for cue in CUES:
        matcher.add(cue.id, [list(cue.pattern)])
    return matcher


@dataclass
class CueIndex:
    """Cue matches of one document (cue id -> the words matched), by the token where a name would start or end."""

    ending_at: dict[int, dict[str, str]]  # token index a "before" cue ends at (exclusive) -> cue ids and words
    starting_at: dict[int, dict[str, str]]  # token index an "after" cue starts at -> cue ids and words

    def around(self, doc: Doc, start: int, end: int) -> dict[str, str]:
        """Cues right before token `start` and right after token `end` (exclusive), with their words."""
        found: dict[str, str] = {}
        i = start
        while True:
            found |= self.ending_at.get(i, {})
            if i == 0 or doc[i - 1].lower_ not in BETWEEN_BEFORE or start - i >= 2:
                break
            i -= 1
        j = end
        while True:
            found |= self.starting_at.get(j, {})
            if j >= len(doc) or doc[j].text not in BETWEEN_AFTER or j - end >= 1:
                break
            j += 1
        return found


def index_cues(doc: Doc) -> CueIndex:
    ending: defaultdict[int, dict[str, str]] = defaultdict(dict)
    starting: defaultdict[int, dict[str, str]] = defaultdict(dict)
    for match_id, start, end in _matcher(doc.vocab)(doc):
        cue = CUES_BY_ID[doc.vocab.strings[match_id]]
        if cue.side == "before":
            ending[end].setdefault(cue.id, doc[start:end].text)
        else:
            starting[start].setdefault(cue.id, doc[start:end].text)
    return CueIndex(dict(ending), dict(starting))
