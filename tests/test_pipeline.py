"""Re-extraction of stored articles: what a newer castline does to a knowledge base an older one built."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

import castline.pipeline as pipeline
from castline.document import DocExtraction
from castline.export import export_kb
from castline.kb import Store
from castline.kb.schema import DocumentRow
from castline.pipeline import ingest, reextract, stored_document
from castline.settings import Settings

SETTINGS = Settings()
ARTICLES = {
    # the header gives only the year; the text pins the day: castline infers 2024-03-12 from both
    "exit.txt": "Title: Mara Quinn Leaves Harbor City Fire\nPublished: 2024\n\n"
                "Mara Quinn said goodbye to Harbor City Fire yesterday, March 11, after seven seasons as "
                "Capt. Nora Vance. \"It was the best job of my life,\" Quinn told Variety. The CBS drama airs "
                "Thursdays at 9 p.m.",
    # no date at all: castline infers the year from the text
    "directing.txt": "Title: Tomas Reyes Directs Harbor City Fire\n\n"
                     "Tomas Reyes, who plays Eli Brandt on Harbor City Fire, will direct an episode of the CBS "
                     "drama next season, Deadline reported. Reyes joined the cast in 2019.",
    "given.txt": "Title: Harbor City Fire Renewed\nPublished: 2024-04-02\nOutlet: TVLine\n\n"
                 "CBS has renewed Harbor City Fire for an eighth season. Mara Quinn, 41, will not return as "
                 "Nora Vance, the network said.",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def canonical(kb: dict) -> tuple:
    """The export without ids: documents, entities (with why), facts, quotes and events by what they name."""
    sources = {d["id"]: d["source"] for d in kb["documents"]}
    names = {e["id"]: e["name"] for e in kb["entities"]}

    def name(value):
        return json.dumps(value, sort_keys=True) if isinstance(value, dict) else names.get(value)

    documents = sorted((d["source"], d["published"], d["published_inferred"], d["text"]) for d in kb["documents"])
    entities = sorted((e["name"], e["type"], tuple(sorted(e["aliases"])), json.dumps(e["type_votes"]),
                       json.dumps(e["reasons"]), tuple(sorted((sources[m["doc"]], m["start"]) for m in e["mentions"])))
                      for e in kb["entities"])
    facts = sorted((name(f["subject"]), f["predicate"], name(f["object"]),
                    tuple(sorted((sources[v["doc"]], v["start"]) for v in f["evidence"]))) for f in kb["facts"])
    quotes = sorted((sources[q["doc"]], q["start"], q["end"], name(q["speaker"]), name(q["outlet"]), q["date"])
                    for q in kb["quotes"])
    events = sorted((e["date"], e["type"], tuple(sorted(name(p) for p in e["participants"]))) for e in kb["events"])
    return documents, entities, facts, quotes, events


def fresh(path: str, corpus) -> dict:
    store = Store(path)
    assert not ingest([str(corpus)], store, SETTINGS).failed
    kb = export_kb(store)
    store.close()
    return kb


def test_an_older_extraction_is_redone_and_the_kb_is_what_a_fresh_ingest_builds(tmp_path, corpus, monkeypatch):
    store = Store(str(tmp_path / "old.db"))
    with monkeypatch.context() as older:  # an older castline, which extracted nothing
        older.setattr("castline.kb.queries.PIPELINE_VERSION", "0")
        older.setattr("castline.kb.store.PIPELINE_VERSION", "0")
        older.setattr(pipeline, "extract_parsed", lambda document, parsed, timings=None: DocExtraction())
        assert ingest([str(corpus)], store, SETTINGS).ingested == 3
    assert export_kb(store)["entities"] == []
    report = reextract(store, SETTINGS)
    assert report.summary() == "re-extracted 3, up to date 0, failed 0"
    assert canonical(export_kb(store)) == canonical(fresh(str(tmp_path / "fresh.db"), corpus))
    assert reextract(store, SETTINGS).summary() == "re-extracted 0, up to date 3, failed 0"
    assert ingest([str(corpus)], store, SETTINGS).unchanged == 3  # the same sources are still the same content
    store.close()


def test_articles_marked_stale_by_a_migration_come_back_with_their_dates_inferred_again(tmp_path, corpus):
    reference = canonical(fresh(str(tmp_path / "fresh.db"), corpus))
    assert [d[1:3] for d in reference[0]] == [("2019", True), ("2024-03-12", True), ("2024-04-02", False)]
    store = Store(str(tmp_path / "kb.db"))
    ingest([str(corpus)], store, SETTINGS)
    with store.sessions.begin() as session:
        session.execute(update(DocumentRow).where(DocumentRow.source.endswith("exit.txt"))
                        .values(pipeline_version="stale"))
    report = reextract(store, SETTINGS)
    assert (report.updated, report.unchanged) == (1, 2)
    assert canonical(export_kb(store)) == reference
    store.close()


def test_all_redoes_every_article_in_parallel_and_changes_nothing(tmp_path, corpus):
    path = str(tmp_path / "kb.db")
    before = canonical(fresh(path, corpus))
    store = Store(path)
    report = reextract(store, SETTINGS, everything=True, jobs=2)
    assert report.summary() == "re-extracted 3, up to date 0, failed 0"
    assert canonical(export_kb(store)) == before
    store.close()


def test_an_article_that_fails_keeps_its_old_extraction_and_stays_marked(tmp_path, corpus, monkeypatch):
    path = str(tmp_path / "kb.db")
    before = canonical(fresh(path, corpus))
    store = Store(path)
    with store.sessions.begin() as session:
        session.execute(update(DocumentRow).values(pipeline_version="stale"))

    def broken(document, parsed, timings=None):
        raise ValueError("a surprise")

    monkeypatch.setattr(pipeline, "extract_parsed", broken)
    report = reextract(store, SETTINGS)
    assert report.updated == 0 and len(report.failed) == 3
    assert all("extraction failed (ValueError: a surprise)" in reason for _, reason in report.failed)
    assert canonical(export_kb(store)) == before
    monkeypatch.undo()
    assert reextract(store, SETTINGS).updated == 3
    store.close()


@pytest.mark.parametrize("published, inferred, dates, given", [
    ("2024-04-02", False, None, "2024-04-02"),  # the article's own date stays
    ("2024-03-12", True, {"clues": [{"source": "header", "value": "2024"},
                                    {"source": "text", "value": "2024-03-12"}]}, "2024"),  # the header's, narrowed
    ("2019", True, {"clues": [{"source": "text", "value": "2019"}]}, None),  # castline's guess alone
    ("2019", True, None, None),  # stored before date evidence was kept
])
def test_a_stored_article_is_given_the_date_it_came_with(published, inferred, dates, given):
    row = DocumentRow(source="a.txt", text="Words.", content_hash="h", published=published,
                      published_inferred=inferred, dates=dates, removed=[], warnings=[])
    document = stored_document(row)
    assert (document.published, document.published_inferred) == (given, False)


SCRAPED = ("URL: https://www.tvline.com/harbor-city-fire-quinn-exit\n\n"
           "Mara Quinn Leaves Harbor City Fire After Seven Seasons\n\n"
           "Mara Quinn is leaving Harbor City Fire after seven seasons, the CBS drama's producers said on Monday.\n\n"
           "Dana Whitfield and Oren Castellano in Harbor City Fire\n"
           "(Theo Marchetti/CBS)\n\n"
           "\"It was the best job of my life,\" Quinn said. She shared the news on Instagram.\n\n"
           "View this post on Instagram\n"
           "A post shared by Lucia Fernwood (@luciafernwood) on Mar 3, 2024 at 10:02am PST\n\n"
           "So long, Captain Vance. pic.twitter.com/abc123XYZ\n"
           "— Bram Okafor (@bramokafor) March 4, 2024\n\n"
           "TVLine\n")


def test_names_only_in_removed_lines_make_no_entities(tmp_path):
    (tmp_path / "exit.txt").write_text(SCRAPED)
    store = Store(str(tmp_path / "kb.db"))
    assert not ingest([str(tmp_path / "exit.txt")], store, SETTINGS).failed
    kb = export_kb(store)
    [document] = kb["documents"]
    names = {e["name"] for e in kb["entities"]}
    assert "Mara Quinn" in names and "Instagram" in names  # an article sentence that names Instagram stays
    for gone in ("Dana Whitfield", "Oren Castellano", "Theo Marchetti", "Lucia Fernwood", "Bram Okafor",
                 "Captain Vance"):
        assert gone in "\n".join(document["removed"]) and not any(gone in name for name in names)
    with store.sessions() as session:
        row = session.scalars(select(DocumentRow)).one()
        assert row.removed_rules == ["caption-in-show", "credit-agency", "embed-view-on", "embed-shared-by",
                                     "embed-link", "embed-tweet", "own-outlet"]
    store.close()
