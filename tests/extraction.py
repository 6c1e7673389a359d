"""Helpers for extraction tests: run the real pipeline on invented text, look results up by name."""

from __future__ import annotations

from dataclasses import dataclass

from castline.document import DocExtraction, Document
from castline.extract import extract


@dataclass
class Result:
    extraction: DocExtraction
    document: Document

    def name(self, key: str | None) -> str | None:
        return None if key is None else self.extraction.entity(key).name

    def entity(self, name: str):
        return next(e for e in self.extraction.entities if e.name == name or name in e.aliases)

    def types(self) -> dict[str, str]:
        return {e.name: e.type for e in self.extraction.entities}

    def quotes(self) -> list[tuple[str, str, str | None, str | None]]:
        """(kind, text, speaker, outlet) of every quote, in text order."""
        return [(q.kind, q.text, self.name(q.speaker), self.name(q.outlet)) for q in self.extraction.quotes]

    def quote(self, words: str):
        return next(q for q in self.extraction.quotes if words in q.text)

    def facts(self) -> set[tuple]:
        out = set()
        for f in self.extraction.facts:
            obj = f.object.value if hasattr(f.object, "value") else self.name(f.object)
            out.add((self.name(f.subject), f.predicate, obj))
        return out

    def events(self) -> list[tuple[str | None, str]]:
        return [(e.date, e.type) for e in self.extraction.events]


def run(nlp, text: str, published: str | None = "2024-03-20") -> Result:
    document = Document(source="test.txt", text=text, content_hash="x", published=published)
    return Result(extract(document, nlp), document)
