"""The castline-kb/1 export: why each entity has its type, voted across articles."""

from __future__ import annotations

from castline.document import DocExtraction, Document, Entity, Span
from castline.export import export_kb


def article(n: int, kind: str, scores: dict[str, float], reasons: list[str]) -> tuple[Document, DocExtraction]:
    text = "Harbor City Fire is back."
    entity = Entity(key="s", name="Harbor City Fire", type=kind, mentions=[Span(0, 16)], scores=scores,
                    reasons=reasons)
    return Document(source=f"{n}.txt", text=text, content_hash=f"h{n}"), DocExtraction(entities=[entity])


def test_entities_carry_their_type_votes_and_the_reasons_of_the_articles_that_gave_the_type(store):
    store.save(*article(1, "show", {"show": 0.8, "place": 0.2}, ["cue/show/season-of: Season 8 of", "doc/in-title"]))
    store.save(*article(2, "show", {"show": 0.6, "place": 0.4}, ["cue/show/season-of: Season 8 of"]))
    store.save(*article(3, "place", {"show": 0.4, "place": 0.6}, ["ner/GPE"]))
    [entity] = export_kb(store)["entities"]
    assert entity["type"] == "show"
    assert entity["type_votes"] == {"show": 1.9, "place": 1.1}
    assert list(entity["type_votes"]) == ["show", "place"]  # strongest first
    assert entity["reasons"] == [
        {"feature": "cue/show/season-of", "words": "Season 8 of", "text": "'Season 8 of' (cue show/season-of)",
         "articles": 2},
        {"feature": "doc/in-title", "words": None, "text": "in the article's title", "articles": 1}]


def test_an_entity_typed_without_the_model_has_one_vote_and_no_reason(store):
    store.save(*article(1, "show", {}, []))
    [entity] = export_kb(store)["entities"]
    assert entity["type_votes"] == {"show": 1.0} and entity["reasons"] == []
