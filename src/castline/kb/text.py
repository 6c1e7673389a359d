"""Text comparison shared by the knowledge base: word-set overlap of quotes."""

from __future__ import annotations

import re


def word_set(text: str) -> set[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return set(re.findall(r"[\w']+", text))


def same_words(a: str, b: str) -> float:
    """F1 of the two word sets: 1.0 for the same words, 0.0 for none in common."""
    wa, wb = word_set(a), word_set(b)
    common = len(wa & wb)
    if not common:
        return 0.0
    precision, recall = common / len(wa), common / len(wb)
    return 2 * precision * recall / (precision + recall)
