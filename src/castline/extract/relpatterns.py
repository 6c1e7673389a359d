"""Relation patterns as data: the words between two mentions that state a fact about them.

A pattern is a spaCy Matcher token pattern for the words between a left and
a right mention, the types each side may have, and which side is the
subject. "X airs on NBC", "the Netflix series X", "X creator Y", "X star Y",
"Y, created by X". A side written `MAIN` needs no mention: it is the show
the article is about ("co-star Tomas Reyes"). A right side may be a list
("co-stars X, Y and Z"): the fact holds for every name in it.

`credit` is a predicate of its own until the article's shows are known: a
credit on a show the article covers is cast membership, one on anything else
is what the person is known for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicon import (
    AIRING_WORDS,
    JOIN_LEAVE_WORDS,
    OCCUPATIONS,
    POSSESSIVE_MARKS,
    ROLE_VERBS,
    SHOW_NOUNS,
    WORK_NOUNS,
)
from .cues import _in, _opt

PERSON = ("person",)
CHARACTER = ("character",)
PEOPLE = ("person", "character")
SHOW = ("show",)
TITLES = ("show", "work", "franchise")
NETWORK = ("network",)
ORGS = ("organization", "network", "outlet")
FRANCHISE = ("franchise",)
EPISODE_OR_SHOW = ("episode", "show")
PLACE = ("place",)
MAIN = "main"
SUBJECT = "subject"  # the person the sentence is about ("Since wrapping up as X, Mara Quinn has rested")


@dataclass(frozen=True)
class RelationPattern:
    id: str
    predicate: str
    left: tuple[str, ...] | str  # types of the mention before the words, or MAIN or SUBJECT
    right: tuple[str, ...] | str
    pattern: tuple
    subject: str = "left"  # which side is the fact's subject
    then: str | None = None  # a regular expression the text right after the right mention must match




COMMA = {"ORTH": ","}
# Commas and closing quotation marks between a mention and the words that follow it ('“X,” directed by').
LEAD = {"ORTH": {"IN": [",", "”", '"', "’", "'", "--", "—", "–"]}, "OP": "{0,2}"}
POSS = _in(POSSESSIVE_MARKS, "'", "’")
ADJ = {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "NUM"]}, "IS_PUNCT": False, "OP": "{0,3}"}
AUX = _opt(_in("is", "was", "are", "were", "has", "had", "have", "will", "would", "also", "who", "now", "previously",
               "currently", "still", "to", "been", "be", "being", "reportedly", "recently", "once", "later", "then",
               "both", "all", "each", "not", "never", "officially", "originally", "first", "finally"))
ARTICLE = _opt(_in("the", "a", "an", "his", "her", "their", "its"))
GAP = {"IS_SENT_START": False, "LOWER": {"NOT_IN": [".", ";", "and", "but", "while", "who", "which"]},
       "OP": "{0,6}"}
# Those someone works beside: their owner is a person ("her co-star"), a title only without "'s".
PEER_NOUNS = ("co-star", "co-stars", "costar", "costars", "castmate", "castmates", "cast-mate", "cast-mates")
STAR_NOUNS = ("star", "stars", "alum", "alums", "alumnus", "alumna", "alumni", "actor", "actress", "actors",
              "actresses", "cast", "regular", "veteran", "newcomer", "favorite",
              "host", "co-host", "hosts", "co-hosts", "lead", "leads", "player",
              "breakout", "icon", "legend", "great", "vet", "comedian", "member", "members", "panelist", "anchor",
              "correspondent", "correspondents", "contestant", "judge")
CREDIT_VERBS = ("stars", "starred", "starring", "star", "appeared", "appears", "appearing", "co-starred", "co-stars",
                "co-starring", "featured", "played", "plays", "hosted", "hosts", "hosting", "co-hosted",
                "co-hosts", "worked", "works")
TITLE_JOBS = ("president", "chairman", "chairwoman", "chair", "ceo", "head", "chief", "executive", "exec", "boss",
              "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder", "director", "vice", "officer",
              "manager", "editor", "member", "members", "veteran", "chairperson", "co-chair")
# Jobs on a production: "Harbor Lights executive producer Mara Quinn" names a show, not an organisation.
# Verbs of appearing in a role: "X stars as Y", "X returned as Y", "X has been cast in the role of Y"
STAR_VERBS = ("stars", "starred", "starring", "star", "returns", "returned", "return", "returning", "cast", "recast",
              "co-stars", "appears", "appeared", "back", "debuts", "debuted", "reprises", "reprised", "reprising",
              "reprise", "joins", "joined", "joining", "signed", "boarded", "tapped", "recurred", "recurs",
              "recurring", "guested", "cameoed")
PRODUCTION_JOBS = ("producer", "producers", "showrunner", "showrunners", "writer", "writers")
CREATOR_NOUNS = ("creator", "co-creator", "creators", "co-creators", "developer", "developers")
NOT_PRODUCTION = {**ADJ, "LOWER": {"NOT_IN": list(PRODUCTION_JOBS)}}

# After a title, words that make it a film's or a franchise's, not a show's.
NOT_A_FILM = r"(?!\s+(?:film|movie|franchise|saga|universe|trilogy|book|novel|comic)s?\b)"

PATTERNS: tuple[RelationPattern, ...] = (
    # who plays whom
    RelationPattern("plays/verb", "plays", PERSON, CHARACTER,
                    (LEAD, AUX, AUX, _in(ROLE_VERBS), ARTICLE, ADJ, _opt(_in("role", "part")), _opt(_in("of")))),
    RelationPattern("plays/participle", "plays", SUBJECT, CHARACTER,
                    (_in("playing", "portraying", "voicing", "reprising"), ARTICLE, ADJ, _opt(_in("role", "part")),
                     _opt(_in("of")))),
    RelationPattern("plays/named", "plays", SUBJECT, CHARACTER,
                    (_in(ROLE_VERBS | {"cast", "tapped", "joins", "joined"}), _opt(_in("as")), ARTICLE, ADJ,
                     _in("character", "role"), _in("named", "called"))),
    RelationPattern("plays/stars-as", "plays", PERSON, CHARACTER,
                    (LEAD, AUX, AUX, _in(*STAR_VERBS), _opt(_in("on")), _in("as"), _opt(_in("the")),
                     _opt(_in("role", "part")), _opt(_in("of")))),
    # "in" needs "the role of" after it: "cast in Harbor Lights as Nora Vance" names a show, not a role
    RelationPattern("plays/stars-in-role", "plays", PERSON, CHARACTER,
                    (LEAD, AUX, AUX, _in(*STAR_VERBS), _in("in"), _opt(_in("the")), _in("role", "part"), _in("of"))),
    RelationPattern("plays/known-as", "plays", PERSON, CHARACTER,
                    (LEAD, AUX, AUX, _opt(_in("best", "perhaps", "probably", "widely")),
                     _in("known", "famous", "remembered"), _in("for"), _opt(_in("his", "her", "their")), ADJ,
                     _in("role", "work", "turn", "part", "performance", "portrayal", "stint", "time"), _in("as"))),
    RelationPattern("plays/the-role-of", "plays", PERSON, CHARACTER,
                    (LEAD, AUX, AUX, _in("leaving", "left", "leave", "leaves", "exiting", "exits", "exited", "quit",
                                         "quits", "quitting", "reprise", "reprises", "reprised", "reprising", "landed",
                                         "lands", "land", "nabbed", "booked", "won", "scored", "inherits", "inherited",
                                         "originated", "assumes", "assumed", "retire", "retires", "retired"),
                     _in("the"), ADJ, _in("role", "part", "mantle"), _in("of"))),
    RelationPattern("plays/show-as", "plays", PERSON, CHARACTER,  # "will return to Harbor Lights as Nora Vance"
                    (LEAD, AUX, AUX, _in("return", "returns", "returning", "returned", "rejoin", "rejoins", "rejoined",
                                         "join", "joins", "joined", "joining", "bow", "bows", "bowed", "exit", "exits",
                                         "exited", "leave", "leaves", "left", "leaving", "debut", "debuts", "debuted"),
                     _opt(_in("out")), _in("to", "of", "on", "from", "in", "the"),
                     {"IS_SENT_START": False, "LOWER": {"NOT_IN": [".", ";", "as", ",", "and"]}, "OP": "{1,6}"},
                     _in("as"))),
    RelationPattern("plays/role-as", "plays", PERSON, CHARACTER,
                    (POSS, ADJ, _in("role", "roles", "portrayal", "turn", "run", "time", "tenure", "stint", "years",
                                    "days", "performance", "character", "alter"), _opt(_in("ego")),
                     LEAD, _opt(_in("as", "of")))),
    RelationPattern("plays/pronoun-character", "plays", PERSON, CHARACTER,
                    (ADJ, _in("character", "role", "alter"), _opt(_in("ego")), LEAD, _opt(_in("as", "of")))),
    RelationPattern("plays/as-role", "plays", SUBJECT, CHARACTER,
                    (_in("wrapping", "wrapped", "starring", "playing", "returning", "cast", "debuting", "stint",
                         "turn", "run", "tenure", "time", "years", "days"), _opt(_in("up", "back")), _in("as"))),
    RelationPattern("plays/takes-over", "plays", PERSON, CHARACTER,
                    (_in("takes", "took", "take", "taking", "steps", "stepped", "step", "stepping"), _in("over", "in"),
                     _opt(_in("the")), _opt(_in("role", "part", "mantle")), _in("as", "of"))),
    RelationPattern("plays/as", "plays", PERSON, CHARACTER, (_in("as"),)),
    RelationPattern("plays/bracket", "plays", PERSON, CHARACTER,
                    ({"ORTH": "("}, _opt(_in("who")), _opt(_in("also", "now", "previously")), _in(ROLE_VERBS),
                     _opt(_in("the")), _opt(_in("role", "part")), _opt(_in("of")))),
    RelationPattern("plays/bracket-played-by", "plays", CHARACTER, PERSON,
                    ({"ORTH": "("}, _opt(_in("who", "as")), _opt(_in("is", "was")),
                     _in("played", "portrayed", "voiced"), _in("by")), subject="right"),
    RelationPattern("plays/played-by", "plays", CHARACTER, PERSON,
                    (LEAD, _opt({"ORTH": "("}), _opt(_in("who", "as")), AUX, AUX,
                     _in("played", "portrayed", "voiced"), _in("by")), subject="right"),
    # which show a character is in
    RelationPattern("character_in/possessive", "character_in", SHOW, CHARACTER, (POSS, ADJ), subject="right"),
    RelationPattern("character_in/on", "character_in", CHARACTER, SHOW,  # not "in the X film franchise"
                    (_opt({"ORTH": ")"}), LEAD, _in("on", "in", "from", "of")), then=NOT_A_FILM),
    RelationPattern("character_in/show-character", "character_in", SHOW, CHARACTER,
                    (_in("character", "characters", "protagonist", "villain", "hero", "heroine", "favorite",
                         "favourite"), LEAD), subject="right"),
    # cast, and what people are known for
    RelationPattern("credit/show-star", "credit", TITLES, PERSON,
                    (_opt({"IS_QUOTE": True}), _opt(POSS), ADJ, _in(STAR_NOUNS), _opt(_in("member", "members")),
                     LEAD), subject="right"),
    RelationPattern("credit/show-co-star", "credit", TITLES, PERSON,  # "Mara Quinn's co-star" is a person's
                    (_opt({"IS_QUOTE": True}), ADJ, _in(PEER_NOUNS), LEAD), subject="right"),
    RelationPattern("credit/possessive", "credit", TITLES, PERSON, (POSS,), subject="right"),
    RelationPattern("credit/stars-in", "credit", PERSON, TITLES,
                    (LEAD, AUX, AUX, _in(CREDIT_VERBS), _opt(_in("as", "a", "an", "the")), ADJ,
                     _opt(_in("in", "on")), _opt(_in(SHOW_NOUNS | WORK_NOUNS)))),
    RelationPattern("credit/role-in", "credit", PERSON, TITLES,
                    (GAP, _in("role", "roles", "part", "turn", "stint", "run", "time", "tenure", "years", "cameo",
                              "appearance", "appearances", "member", "regular", "star", "lead"), _in("in", "on"))),
    RelationPattern("credit/known-for", "known_for", PERSON, TITLES,
                    (LEAD, AUX, AUX, _opt(_in("best", "perhaps", "probably", "widely")), _in("known", "famous",
                                                                                               "remembered"),
                     _in("for", "from"), _opt(_in("his", "her", "their", "the")), ADJ,
                     _opt(_in("role", "roles", "work", "turn", "part", "performance")), _opt(_in("in", "on", "as")))),
    RelationPattern("credit/alongside", "known_for", PERSON, TITLES,
                    (POSS, _in("credits", "films", "movies", "shows", "work", "projects", "roles"),
                     _opt(_in("include", "includes", "including", "such"))), ),
    RelationPattern("cast/join-leave", "cast_member_of", PERSON, SHOW,
                    (LEAD, AUX, AUX, _opt(_in("set", "going", "about")), _opt(_in("to")),
                     _in(JOIN_LEAVE_WORDS | {"return", "returns", "returned", "returning", "rejoin", "exit"}),
                     _opt(_in("the")), _opt(_in("cast")), _opt(_in("of", "on", "to", "from")))),
    RelationPattern("cast/exit-from", "cast_member_of", PERSON, SHOW,
                    (POSS, ADJ, _in("exit", "departure", "return", "farewell", "tenure", "stint", "run", "time",
                                    "years", "days", "comeback", "debut", "role", "character"),
                     _in("from", "on", "to", "at", "in", "with"))),
    RelationPattern("cast/member-on", "cast_member_of", PERSON, SHOW,
                    (GAP, _in("cast", "series"), _in("member", "regular", "members", "regulars"),
                     _in("on", "of", "in"))),
    RelationPattern("cast/co-star", "cast_member_of", MAIN, PERSON,
                    (_in("co-star", "co-stars", "costar", "costars", "castmate", "castmates", "cast-mate",
                         "cast-mates"), LEAD), subject="right"),
    RelationPattern("cast/stars", "cast_member_of", SHOW, PERSON,
                    (LEAD, _opt(_in("which", "that")), AUX, AUX, _opt(_in("set", "slated", "going")), _opt(_in("to")),
                     _in("star", "stars", "starring", "starred", "co-stars", "features", "featuring", "featured",
                         "reunites", "casts"), _opt(_in("the")), ADJ), subject="right"),
    RelationPattern("cast/main-noun", "cast_member_of", MAIN, PERSON,
                    (_in("with", "its", "their", "the", "fellow", "former", "another", "new"), ADJ,
                     _in("stars", "newcomer", "newcomers", "regular", "regulars", "leads", "castmates",
                         "cast-mates"), LEAD), subject="right"),
    RelationPattern("cast/joining-the-cast", "cast_member_of", PERSON, MAIN,
                    (LEAD, AUX, AUX, _in("joining", "joined", "joins", "join", "rejoining", "rejoined", "leaving",
                                         "left", "leaves", "exiting", "exited"), _in("the"),
                     _in("cast", "ensemble", "series", "show"))),
    RelationPattern("credit/season-of", "credit", PERSON, SHOW,
                    ({"IS_SENT_START": False, "LOWER": {"NOT_IN": [".", ";", "but", "while", "who", "which"]},
                      "OP": "{0,10}"}, _in("season", "seasons", "episodes", "series", "finale", "premiere"),
                     _opt({"LIKE_NUM": True}), _in("of"))),
    RelationPattern("cast/host", "cast_member_of", MAIN, PERSON,
                    (_in("host", "hosts", "co-host", "co-hosts", "cohost", "cohosts", "panelist", "panelists",
                         "anchor", "anchors", "presenter", "presenters", "judge", "judges"),
                     _opt(_in("include", "includes", "including", "are", "were")), LEAD), subject="right"),
    RelationPattern("cast/cast-of", "cast_member_of", SHOW, PERSON,
                    (_in("cast", "stars", "ensemble", "lineup"), _opt(_in("also", "includes", "including", "features",
                                                                          "members")),
                     _opt(_in("includes", "including", "like", "such")), _opt(_in("as")), LEAD),
                    subject="right"),
    # networks
    RelationPattern("airs_on/verb-on", "airs_on", SHOW, NETWORK,
                    (LEAD, AUX, AUX, _opt(_in("set", "slated", "scheduled")), _opt(_in("to")),
                     _in(AIRING_WORDS | {"available", "airing", "returns", "return", "returning", "moves", "moved",
                                         "exclusively", "runs", "ran", "aired", "streaming"}),
                     {"IS_SENT_START": False, "LOWER": {"NOT_IN": [".", ";"]}, "OP": "{0,8}"}, _in("on", "to", "via"))),
    RelationPattern("airs_on/network-kind", "airs_on", NETWORK, SHOW,
                    (_opt(POSS), ADJ, _in(SHOW_NOUNS | {"original", "hit", "show"}), LEAD), subject="right"),
    RelationPattern("airs_on/main-kind", "airs_on", NETWORK, MAIN,  # "the hospital-set NBC series draws to a close"
                    (ADJ, _in(SHOW_NOUNS), {"IS_TITLE": False, "IS_UPPER": False, "POS": {"NOT_IN": ["PROPN", "NOUN"]},
                                            "ORTH": {"NOT_IN": ["“", '"', "‘", "'", ":", ","]}}), subject="right"),
    RelationPattern("airs_on/series-for", "airs_on", MAIN, NETWORK,
                    (_in(SHOW_NOUNS), _in("for", "at"))),
    RelationPattern("airs_on/possessive", "airs_on", NETWORK, SHOW, (POSS,), subject="right"),
    RelationPattern("airs_on/on", "airs_on", SHOW, NETWORK, (_opt(_in("which", "that")), _in("on", "via")),
                    then=r"(?!\s*['’]s\b)"),  # not "Mara Quinn on NBC's Harbor Lights"
    RelationPattern("airs_on/bracket", "airs_on", SHOW, NETWORK, ({"ORTH": "("},)),
    RelationPattern("airs_on/by", "airs_on", SHOW, NETWORK,
                    (LEAD, AUX, AUX, _in("canceled", "cancelled", "picked", "renewed", "revived", "axed",
                                                "ordered", "commissioned", "rescued", "saved", "produced",
                                                "released", "distributed", "greenlit", "greenlighted"),
                     _opt(_in("up")), _in("by", "at"))),
    # creators and directors
    RelationPattern("created_by/by", "created_by", TITLES, PERSON,
                    (LEAD, _opt(_in("which", "who")), AUX, _in("created", "co-created", "developed",
                                                                      "conceived"), _in("by"))),
    RelationPattern("created_by/creator", "created_by", TITLES, PERSON,
                    (_opt(POSS), ADJ, _in(CREATOR_NOUNS, "mastermind"), _opt(_in("and", "&", "/")),
                     _opt(_in("showrunner", "writer", "executive")), _opt(_in("producer")), LEAD)),
    RelationPattern("created_by/main-creator", "created_by", MAIN, PERSON,  # not "from Northern Line creator X"
                    ({"IS_TITLE": False, "IS_UPPER": False, "IS_QUOTE": False}, _in(CREATOR_NOUNS),
                     _opt(_in("and", "&", "/")), _opt(_in("showrunner", "writer", "executive")),
                     _opt(_in("producer")), LEAD)),
    RelationPattern("created_by/opening", "created_by", MAIN, PERSON,
                    ({"IS_SENT_START": True, "LOWER": {"IN": ["created", "co-created", "developed"]}}, _in("by"))),
    RelationPattern("created_by/created", "created_by", PERSON, TITLES,
                    (LEAD, AUX, AUX, _in("created", "co-created", "creates", "developed"),
                     _opt(_in("the")), ADJ, _opt(_in(SHOW_NOUNS))), subject="right"),
    RelationPattern("created_by/creator-of", "created_by", PERSON, TITLES,
                    (COMMA, _opt(_in("the", "who", "a")), _opt(_in("is", "was")), _opt(_in("the")),
                     _in("creator", "co-creator"), _in("of", "behind")), subject="right"),
    RelationPattern("directed/verb", "directed", PERSON, EPISODE_OR_SHOW,
                    (LEAD, AUX, AUX, _in("directed", "directs", "directing", "helmed", "helms"),
                     _opt(_in("the")), ADJ, _opt(_in("episode", "finale", "premiere", "pilot", "episodes")),
                     _opt(_in("of")), _opt(_in("titled", "called")))),
    RelationPattern("directed/by", "directed", EPISODE_OR_SHOW, PERSON,
                    (LEAD, AUX, AUX, _in("directed", "helmed"), _in("by")), subject="right"),
    RelationPattern("directed/which", "directed", EPISODE_OR_SHOW, PERSON,  # "“Pilot,” which Mara Quinn directed"
                    (LEAD, _in("which", "that")), subject="right",
                    then=r"\s+(?:(?:also|co-)?wrote and |also |has |had |will |would )?(?:co-)?direct(?:ed|s)\b"),
    RelationPattern("directed/main-director", "directed", MAIN, PERSON,  # "the show's producing director X"
                    ({"IS_TITLE": False, "IS_UPPER": False, "IS_QUOTE": False}, _opt(_in("producing", "series")),
                     _in("director"), LEAD), subject="right"),
    RelationPattern("directed/director", "directed", EPISODE_OR_SHOW, PERSON,
                    (_opt(POSS), _opt(_in("episode", "finale", "pilot", "series", "executive")),
                     _in("director", "directors"), LEAD), subject="right"),
    # organisations and franchises
    RelationPattern("member_of/title", "member_of", ORGS, PERSON,
                    (_opt(POSS), ADJ, _in(TITLE_JOBS), _opt(_in("of", "for")), NOT_PRODUCTION, _opt(_in("and")),
                     NOT_PRODUCTION, LEAD), subject="right"),
    RelationPattern("member_of/of", "member_of", PERSON, ORGS,
                    (COMMA, ARTICLE, ADJ, _in(TITLE_JOBS), _opt(_in("of", "at", "for")))),
    RelationPattern("member_of/appositive", "member_of", PERSON, ORGS, (COMMA, ARTICLE, ADJ),
                    then=r"^\s*(?:members?|veteran|president|chairman|spokesperson|executive)\b"),
    RelationPattern("member_of/member", "member_of", PERSON, ORGS,
                    (LEAD, AUX, AUX, ARTICLE, ADJ, _in("member", "members"), _in("of"))),
    RelationPattern("part_of/franchise-kind", "part_of", FRANCHISE, SHOW,
                    (_opt(POSS), ADJ, _in(SHOW_NOUNS | {"prequel", "sequel", "spinoff", "spin-off", "show",
                                                       "entry", "installment"}), LEAD), subject="right"),
    RelationPattern("part_of/of-franchise", "part_of", SHOW, FRANCHISE,
                    (LEAD, ARTICLE, ADJ, _in("prequel", "sequel", "spinoff", "spin-off", "part", "entry",
                                                    "installment", "extension"), _in("of", "to", "in"),
                     _opt(_in("the")))),
    RelationPattern("from/native", "from", PERSON, PLACE,
                    (LEAD, AUX, AUX, _in("born", "raised", "grew", "hails", "native", "hailing"),
                     _opt(_in("up", "and")), _opt(_in("raised")), _in("in", "from", "of"))),
)
PATTERNS_BY_ID = {p.id: p for p in PATTERNS}
OCCUPATION_WORDS = OCCUPATIONS


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for pattern in PATTERNS:
        matcher.add(pattern.id, [list(pattern.pattern)])
    return matcher


def sides(pattern: RelationPattern) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The types the two mentions of a pattern must have, where both are mentions (not MAIN or SUBJECT)."""
    if isinstance(pattern.left, str) or isinstance(pattern.right, str):
        return None
    return pattern.left, pattern.right


def match_patterns(doc: Doc) -> list[tuple[RelationPattern, int, int]]:
    """Every pattern match in the document: (pattern, first token, token after the last)."""
    return [(PATTERNS_BY_ID[doc.vocab.strings[match_id]], start, end)
            for match_id, start, end in _matcher(doc.vocab)(doc)]


T = TypeVar("T")
# Between a mention and the words after it: a comma, closing quotation marks ('“X,” directed by').
BEFORE_WORDS = {",", "”", '"', "’", "'"}
# Between the words and the mention after them: 'the', opening quotation marks, a title that is not part of
# the name ("as President Cal Reyes").
INTO_NAME = {"the", "“", '"', "‘", "'", "President", "Senator", "Governor", "Mayor", "King", "Queen", "Prince",
             "Princess", "Chief", "Agent"}


def slot_before(doc: Doc, token: int, ending: dict[int, list[T]], pick: Callable[[list[T]], T | None]) -> T | None:
    """What ends right before token `token` (a comma and closing quotation marks may sit between)."""
    for back in range(3):
        if back and (token - back < 0 or doc[token - back].text not in BEFORE_WORDS):
            break
        found = pick(ending.get(token - back, []))
        if found is not None:
            return found
    return None


def slot_after(doc: Doc, token: int, starting: dict[int, list[T]], pick: Callable[[list[T]], T | None],
               end_of: Callable[[T], int]) -> tuple[T | None, int]:
    """What starts at token `token` (after 'the', an opening quotation mark or a title), and the token after it.

    "played Quinn's daughter, Nora" plays Nora, not Quinn: a name followed by "'s" and a noun gives way to
    the name after the noun.
    """
    for skip in range(3):
        if skip and (token + skip > len(doc) or doc[token + skip - 1].lower_ not in INTO_NAME
                     and doc[token + skip - 1].text not in INTO_NAME):
            break
        found = pick(starting.get(token + skip, []))
        if found is None:
            continue
        end = end_of(found)
        owned = _owned(doc, end)
        if owned is not None:
            other = pick(starting.get(owned, []))
            if other is not None:
                return other, end_of(other)
        return found, end
    return None, token


def _owned(doc: Doc, end: int) -> int | None:
    """After "Quinn's daughter, " the token where the daughter's name starts; else None."""
    if end + 1 >= len(doc) or doc[end].lower_ not in POSSESSIVE_MARKS or not _is_noun(doc[end + 1]):
        return None
    after = end + 2
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return after


def _is_noun(token: Token) -> bool:
    return token.is_lower and token.pos_ == "NOUN"
