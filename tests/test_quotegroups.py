"""Quote groups across articles: the same words, whatever the punctuation, the part quoted or the ingest order."""

from __future__ import annotations

import random

import pytest

from castline.document import DocExtraction, Document, Entity, Quote, Span
from castline.export import export_kb
from castline.kb.quotegroups import QuoteItem, group_quotes, similarity, words

WORDS = "The firehouse was my second home for seven years, and I will miss every single person on that crew."


def item(doc: int, text: str, speaker: int | None = 1, outlet: int | None = None, date: str | None = None,
         published: str | None = None) -> QuoteItem:
    return QuoteItem(key=(f"article-{doc}", 0), text=text, document=doc, speaker=speaker, outlet=outlet,
                     date=date, published=published)


def partition(groups) -> set[frozenset]:
    return {frozenset(key[0] for key in g.members) for g in groups}


@pytest.mark.parametrize("other", [
    WORDS.replace(", and", " … and"),  # an ellipsis where the other has a comma
    WORDS.replace("'", "’").replace("home", "home…"),
    "The firehouse was [Harbor Station] my second home for seven years, and I will miss every single person.",
    "I will miss every single person on that crew.",  # part of the other
    WORDS.upper(),
])
def test_the_same_words_are_one_group_whatever_the_punctuation_or_the_part(other):
    groups = group_quotes([item(1, WORDS), item(2, other)])
    assert partition(groups) == {frozenset({"article-1", "article-2"})}


def test_words_ignore_marks_ellipses_and_brackets():
    assert words("“It’s [the] end…”  — she said") == ["it's", "the", "end", "she", "said"]


def test_different_words_stay_apart():
    groups = group_quotes([item(1, WORDS), item(2, "The crew threw a party for my last day on set in May.")])
    assert len(groups) == 2


def test_short_phrases_must_match_exactly():
    assert len(group_quotes([item(1, "definitely not over"), item(2, "definitely not over yet")])) == 2
    assert len(group_quotes([item(1, "definitely not over"), item(2, "Definitely not over.")])) == 1


def test_two_speakers_never_share_a_group_even_through_a_quote_without_speaker():
    groups = group_quotes([item(1, WORDS, speaker=1), item(2, WORDS, speaker=None), item(3, WORDS, speaker=2)])
    assert len(groups) == 2
    assert not any({"article-1", "article-3"} <= {k[0] for k in g.members} for g in groups)


def test_a_quote_without_speaker_takes_the_groups_speaker_outlet_and_date_with_their_article():
    source = item(1, WORDS, speaker=7, outlet=3, date="2024-02-10", published="2024-02-11")
    repeat = item(2, WORDS, speaker=None, published="2024-03-01")
    [group] = group_quotes([repeat, source])
    assert group.source == source.key
    lent = group.lent[repeat.key]
    assert (lent.speaker, lent.outlet, lent.date, lent.source) == (7, 3, "2024-02-10", 1)
    assert source.key not in group.lent


def test_the_first_known_source_is_the_earliest_that_names_an_outlet():
    late = item(1, WORDS, outlet=4, published="2024-05-01")
    early = item(2, WORDS, outlet=5, date="2024-01-20", published="2024-01-22")
    undated = item(3, WORDS, published=None)
    [group] = group_quotes([late, early, undated])
    assert group.source == early.key
    assert late.key not in group.lent  # it names an outlet of its own: no outlet or date is lent
    assert (group.lent[undated.key].outlet, group.lent[undated.key].date) == (5, "2024-01-20")


def test_groups_do_not_depend_on_the_order_of_the_quotes():
    quotes = [item(1, WORDS), item(2, WORDS, speaker=None), item(3, "I will miss every single person on that crew."),
              item(4, "The crew threw a party for my last day on set in May.", speaker=2),
              item(5, "The crew threw a party for my last day on set.", speaker=None)]
    expected = [(g.members, g.source) for g in group_quotes(quotes)]
    for seed in range(5):
        shuffled = quotes[:]
        random.Random(seed).shuffle(shuffled)
        assert [(g.members, g.source) for g in group_quotes(shuffled)] == expected


def test_similarity_is_containment_for_a_long_enough_part():
    whole, part = set(words(WORDS)), set(words("I will miss every single person on that crew"))
    assert similarity(whole, part) == 1.0


# ---------------------------------------------------------------------------------------------------- in the store

TEXT = "Mara Quinn said: "


def save(store, source: str, words: str, speaker: bool = True, outlet: bool = False, date: str | None = None,
         published: str = "2024-03") -> None:
    """One article quoting `words`, by Mara Quinn (or nobody), to Variety (or no outlet)."""
    text = TEXT + words + " (Variety)"
    entities = [Entity(key="a", name="Mara Quinn", type="person", mentions=[Span(0, 10)])]
    if outlet:
        entities.append(Entity(key="v", name="Variety", type="outlet", mentions=[Span(len(text) - 8, len(text) - 1)]))
    quote = Quote(Span(len(TEXT), len(TEXT) + len(words)), words, "direct", "a" if speaker else None,
                  "v" if outlet else None, date)
    store.save(Document(source=source, text=text, content_hash=str(hash(text)), published=published),
               DocExtraction(entities=entities, quotes=[quote]))


def test_the_store_groups_a_quote_without_speaker_and_says_what_it_lends(store):
    save(store, "first.txt", WORDS, outlet=True, date="2024-02-10", published="2024-02")
    save(store, "second.txt", WORDS.replace(",", " …"), speaker=False, published="2024-03")
    kb = export_kb(store)
    first, second = kb["quotes"]
    assert first["group"] == second["group"]
    assert second["speaker"] is None  # the article names nobody …
    assert second["inferred"]["speaker"] == first["speaker"]  # … its group does, and says where from
    assert (second["inferred"]["outlet"], second["inferred"]["date"], second["inferred"]["from"]) == \
        (first["outlet"], "2024-02-10", first["doc"])
    assert "inferred" not in first


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_store_groups_do_not_depend_on_the_order_of_ingest(store, order):
    articles = [("a.txt", WORDS, True), ("b.txt", "I will miss every single person on that crew.", False),
                ("c.txt", "The crew threw a party for my last day on set in May.", True)]
    for index in order:
        save(store, *articles[index][:2], speaker=articles[index][2])
    kb = export_kb(store)
    source = {d["id"]: d["source"] for d in kb["documents"]}
    groups: dict[str, set[str]] = {}
    for quote in kb["quotes"]:
        groups.setdefault(quote["group"], set()).add(source[quote["doc"]])
    assert sorted(map(sorted, groups.values())) == [["a.txt", "b.txt"], ["c.txt"]]


def test_a_changed_article_leaves_its_group(store):
    save(store, "a.txt", WORDS)
    save(store, "b.txt", WORDS, speaker=False)
    save(store, "b.txt", "The crew threw a party for my last day on set in May.", speaker=False)
    first, second = export_kb(store)["quotes"]
    assert first["group"] != second["group"] and "inferred" not in second


def test_a_surname_and_the_full_name_it_is_part_of_are_one_speaker():
    full = QuoteItem(("article-1", 0), WORDS, 1, speaker=1, speaker_name="Mara Quinn")
    surname = QuoteItem(("article-2", 0), WORDS, 2, speaker=2, speaker_name="Quinn")
    other = QuoteItem(("article-3", 0), WORDS, 3, speaker=3, speaker_name="Tomas Reyes")
    assert partition(group_quotes([full, surname, other])) == {frozenset({"article-1", "article-2"}),
                                                               frozenset({"article-3"})}
