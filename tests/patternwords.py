"""The words a Matcher pattern lists that the pipeline's tokenizer never gives as one token."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language


def unmatchable_words(nlp: Language, patterns: Iterable[Iterable[dict]]) -> set[str]:
    """Listed words (LOWER, ORTH, LEMMA) that no running text can match: 'co-star' splits at its hyphen.

    A word counts as matchable if it is one token in lower case, or, for an abbreviation ('Det.'), in title case.
    """
    words = set()
    for pattern in patterns:
        for token in pattern:
            for key in ("LOWER", "ORTH", "LEMMA"):
                spec = token.get(key)
                if isinstance(spec, str):
                    words.add(spec)
                elif isinstance(spec, dict):
                    words |= set(spec.get("IN", ()))
    return {w for w in words if not any(_one_token(nlp, form) for form in _forms(w))}


def _forms(word: str) -> list[str]:
    return [word, word[:1].upper() + word[1:]] if word.endswith(".") else [word]


def _one_token(nlp: Language, word: str) -> bool:
    tokens = nlp.tokenizer(f"so {word} so")
    return len(tokens) == 3 and tokens[1].text == word
