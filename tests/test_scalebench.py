"""The scale benchmark's knowledge-base builder, tiny: copies of articles in SQL keep the store's counts right, and the
merge-cost run times saves at each size (no figures are checked: the benchmark is not run in the suite)."""

from __future__ import annotations

from castline import scalebench
from castline.export import export_kb

from .test_counts import counted, kept
from .test_store import TEXT, _linking_articles, doc, extraction


def test_replicated_articles_point_at_the_same_entities_and_keep_counts_right(store):
    for n in range(2):
        store.save(doc(f"{n}.txt", TEXT, f"h{n}"), extraction())
    for article in _linking_articles():
        store.save(*article)
    before = export_kb(store)
    scalebench.replicate(store, scalebench.last_ids(store), copies=2, first=1)
    after = export_kb(store)
    assert len(after["documents"]) == 3 * len(before["documents"])
    assert sorted(e["name"] for e in after["entities"]) == sorted(e["name"] for e in before["entities"])
    assert len(after["facts"]) == len(before["facts"])
    assert kept(store) == counted(store)
    store.save(doc("new.txt", TEXT, "hnew"), extraction())  # ids handed out after the copies do not collide
    assert kept(store) == counted(store)


def test_merge_cost_times_saves_at_each_size(tmp_path, monkeypatch):
    monkeypatch.setattr(scalebench, "MERGE_SAMPLE", 2)
    articles = [(doc(f"{n}.txt", TEXT, f"h{n}"), extraction()) for n in range(4)]
    figures = scalebench.merge_cost(articles, str(tmp_path / "kb.db"), (4, 8))
    assert [f["kb_articles"] for f in figures[:-1]] == [4, 8]
    assert figures[-1]["rows"]["documents"] == 10
    assert all(f["merge_ms"] > 0 for f in figures[:-1])
