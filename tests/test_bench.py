"""The synthetic corpus and the benchmark command, on a small scale."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from castline.cli import app
from castline.ingest import build_document, raw_articles
from castline.settings import Settings
from castline.synth import write_corpus

runner = CliRunner()


def test_synthetic_corpus_in_every_format(tmp_path):
    files = write_corpus(tmp_path, 12, seed=3)
    suffixes = sorted({p.suffix for p in tmp_path.iterdir()})
    assert suffixes == [".html", ".jsonl", ".txt"]
    assert files == len(list(tmp_path.iterdir()))
    docs = [build_document(a) for a in raw_articles([str(tmp_path)], Settings())]
    assert len(docs) == 12
    assert any(d.removed for d in docs)  # the scraped ones carry junk lines that cleaning removes
    assert all(d.title for d in docs)
    # scraped text carries no metadata; the header, HTML and JSONL articles all give date and outlet
    assert sum(bool(d.published and d.outlet) for d in docs) == 12 - sum(bool(d.removed) for d in docs)


def test_same_seed_same_corpus(tmp_path):
    write_corpus(tmp_path / "a", 6, seed=5)
    write_corpus(tmp_path / "b", 6, seed=5)
    for path in (tmp_path / "a").iterdir():
        assert path.read_text() == (tmp_path / "b" / path.name).read_text()


def test_bench_reports_every_figure(tmp_path):
    write_corpus(tmp_path / "corpus", 10, seed=1)
    result = runner.invoke(app, ["bench", str(tmp_path / "corpus"), "--repeat", "2", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout[result.stdout.index("{"):])
    assert figures["documents"] == 20 and figures["failed"] == 0
    assert figures["bare_spacy"]["docs_per_second"] > 0
    assert figures["castline"]["docs_per_second"] > 0 and figures["castline"]["ratio_to_bare_spacy"] > 0
    assert {"clean", "parse", "entities", "quotes", "relations", "merge", "store"} <= set(
        figures["castline"]["stages"])
    assert figures["reingest"]["unchanged"] == 20
    assert figures["peak_rss_mb"]["main"] > 0 and figures["entity_page_ms"] > 0


def test_synth_command(tmp_path):
    result = runner.invoke(app, ["synth", str(tmp_path / "c"), "--articles", "5"])
    assert result.exit_code == 0 and "wrote 5 articles" in result.output
