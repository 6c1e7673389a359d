"""Why an entity has its type, in words: the type model's features as phrases, with the words that matched.

A reason is stored as the feature id of the type model (extract/typer.py), then ': ' and the words of the
article that matched it when there are any: "cue/show/season-of: Season 8 of", "lexicon/network",
"slot/airs_on/verb-on/left". The phrases are data: whole feature ids first, then families of ids by prefix,
whose templates may use {rest} (the id after the prefix), {plural} (that rest as a type, in the plural),
{pattern} and {side} (of a relation slot). A feature nobody wrote a phrase for is shown as its id. A type
model fitted again may bring new features: they read as their family's phrase until one is written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

PHRASES: dict[str, str] = {
    "editor/type": "set by an editor (castline review type)",
    "ner/none": "no label from the language model",
    "ner/other": "a rare label of the language model",
    "quoted/title": "written in quotation marks",
    "context/after-network": "named right after a network",
    "context/credit-epithet": "a title someone is described by ('the … alum')",
    "mentions": "how often the article names it",
    "bias": "the model's baseline",
    "shape/one-word": "a one-word name",
    "shape/two-words": "a two-word name",
    "shape/long": "a name of three words or more",
    "shape/glue": "small words inside the name (of, and, the …)",
    "shape/all-caps": "written in capitals",
    "shape/digit": "a digit in the name",
    "shape/org-suffix": "ends like an organisation's name (Studios, Guild …)",
    "shape/place-suffix": "ends like a place's name (Street, County …)",
    "shape/possessive-inside": "a possessive inside the name",
    "shape/initials": "initials in the name",
    "shape/hyphen": "a hyphen in the name",
    "shape/symbol": "a symbol in the name (+, &, !, :)",
    "shape/character-title": "comes with a rank or job of fiction (Capt., Det., Dr. …)",
    "shape/honorific": "comes with an honorific (Mr., Ms. …)",
    "shape/the": "begins with 'The' mid-sentence",
    "shape/common-word": "an everyday word",
    "shape/one-word-person": "a single name the language model calls a person",
    "position/proper-noun": "tagged as a proper noun",
    "position/in-quote": "named inside a quote",
    "position/headline": "named in the headline",
    "position/sentence-start": "opens a sentence",
    "dep/reporting-subject": "the subject of a reporting verb (said, told …)",
    "dep/subject": "the subject of a verb",
    "dep/dobj": "the object of a verb",
    "dep/pobj": "the object of a preposition",
    "dep/compound": "part of a compound ('the X drama')",
    "dep/poss": "a possessive ('X's …')",
    "dep/appos": "in apposition ('X, the …')",
    "dep/conj": "joined to another name by 'and' or 'or'",
    "dep/attr": "after 'is' or 'was'",
    "verb/career": "with a verb of careers (star, join, direct …)",
    "verb/story": "with a verb of stories (kill, marry, confront …)",
    "possessive/owner": "the owner in 'X's Y'",
    "possessive/owned": "owned in 'X's Y'",
    "possessive/owned-by-person": "owned by a person ('Mara Quinn's X')",
    "possessive/owned-by-network": "owned by a network ('CBS's X')",
    "possessive/owned-by-show": "owned by a show ('the show's X')",
    "paren/pair": "in a bracket pair ('X (Y)')",
    "doc/in-title": "in the article's title",
    "doc/in-url": "in the article's URL",
}

FAMILIES: dict[str, str] = {
    "cue/": "cue {rest}",
    "lexicon/": "on castline's list of {plural}",
    "ner/": "the language model's label {rest}",
    "slot/": "in a '{pattern}' relation, {side}",
    "list/": "listed beside {plural}",
    "shape/": "the name's shape ({rest})",
    "position/": "where it stands ({rest})",
    "dep/": "its role in the sentence ({rest})",
    "verb/": "the verb it goes with ({rest})",
    "possessive/": "a possessive ({rest})",
    "paren/": "brackets ({rest})",
    "doc/": "the article's metadata ({rest})",
}

SIDES = {"left": "as its first name", "right": "as its second name"}
PLURALS = {"person": "people"}
# Summed type probabilities below this are the model's leftover doubt, not a vote worth showing.
MIN_VOTE = 0.05


def split(reason: str) -> tuple[str, str | None]:
    """The feature id and the words that matched it (None when the feature has no words)."""
    feature, _, words = reason.partition(": ")
    return feature, words or None


def render(reason: str) -> str:
    """A reason as a reader would say it: "'Season 8 of' (cue show/season-of)", "on castline's list of networks"."""
    feature, words = split(reason)
    prefix = next((p for p in FAMILIES if feature.startswith(p)), "")
    template = PHRASES.get(feature) or FAMILIES.get(prefix, "{feature}")
    rest = feature[len(prefix):]
    pattern, _, side = rest.rpartition("/")
    phrase = template.format(feature=feature, rest=rest, plural=PLURALS.get(rest, rest + "s"), pattern=pattern,
                             side=SIDES.get(side, side))
    return f"'{words}' ({phrase})" if words else phrase


def described(reason: str) -> dict[str, Any]:
    """A reason as data: its feature id, the words that matched (or None) and the phrase for readers."""
    feature, words = split(reason)
    return {"feature": feature, "words": words, "text": render(reason)}


def why(kind: str, votes: dict[str, float] | None, reasons: Iterable[tuple[str, int]] | None,
        articles: int) -> dict[str, Any]:
    """Why an entity has its type: the types its articles voted for (summed probabilities, strongest first) and
    the reasons its articles gave for the type, each with how many articles gave it."""
    return {
        "type": kind,
        "articles": articles,
        "votes": [{"type": t, "votes": round(v, 2)} for t, v in sorted((votes or {}).items(), key=lambda kv: -kv[1])
                  if v >= MIN_VOTE],
        "reasons": [described(reason) | {"articles": n} for reason, n in reasons or ()],
    }
