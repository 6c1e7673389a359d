"""Lookups over a castline-kb/1 dict that every export format shares, so the formats never disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# A sentence ends at . ! ? (optionally closed by a quotation mark or bracket) before white space, or at a line break.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` that hold the span start..end: a quote's evidence sentence."""
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    after = SENTENCE_END.search(text, max(end, begin))
    return text[begin:after.end() if after else len(text)].strip()


@dataclass
class KbView:
    """Entities and documents of one export by id."""

    kb: dict[str, Any]

    def __post_init__(self) -> None:
        self.entities = {e["id"]: e for e in self.kb["entities"]}
        self.documents = {d["id"]: d for d in self.kb["documents"]}

    def name(self, entity_id: str | None) -> str:
        return self.entities[entity_id]["name"] if entity_id in self.entities else ""

    def type(self, entity_id: str | None) -> str:
        return self.entities[entity_id]["type"] if entity_id in self.entities else ""

    def url(self, doc_id: str) -> str:
        """Where an article can be read: its URL, else the source it was ingested from."""
        doc = self.documents[doc_id]
        return doc["url"] or doc["source"]

    def quote_sentence(self, quote: dict[str, Any]) -> str:
        return sentence_around(self.documents[quote["doc"]]["text"], quote["start"], quote["end"])
