"""Text shared by the knowledge base: MinHash sketches of quotes, one-line summaries of sentences."""

from __future__ import annotations

import re
import zlib

# MinHash slots per quote: quotes whose word sets overlap by Jaccard J share a slot with probability
# 1 - (1 - J)^8, which is over 0.98 at the 0.43 that a word-set F1 of 0.6 implies.
SKETCH_SLOTS = 8


def word_set(text: str) -> set[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return set(re.findall(r"[\w']+", text))


# Function words say nothing of which quote it is; sketches leave them out so they do not collide.
STOPWORDS = frozenset("a an the and or but of to in on at for with from by as is are was were be been it its i me my "
                      "we our you your he she they them his her their this that these those not so just have has "
                      "had do did will would can could what who".split())


def minhash(text: str, slots: int = SKETCH_SLOTS) -> list[int]:
    """The smallest salted hash of the text's content words per slot, the slot number in the top bits.

    Values fit a signed 32-bit integer column, and one `IN` lookup finds every slot's matches.
    """
    words = (word_set(text) - STOPWORDS) or word_set(text) or {""}
    return [(slot << 27) | (min(zlib.crc32(f"{slot}:{word}".encode()) for word in words) & 0x7FFFFFF)
            for slot in range(slots)]


def summary_of(sentence: str, limit: int = 200) -> str:
    """A sentence on one line, cut at a word before `limit` characters."""
    text = re.sub(r"\s+", " ", sentence).strip()
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"
