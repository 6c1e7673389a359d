"""Ingest on a Dask cluster and from several processes into one PostgreSQL knowledge base: the same KB as one process
builds on SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from castline.cli import app
from castline.errors import InputError
from castline.export import export_kb
from castline.kb import Store
from castline.pipeline import ingest
from castline.settings import Settings
from castline.synth import write_corpus

from .conftest import ROOT
from .test_crash import same_kb

distributed = pytest.importorskip("distributed", reason="castline[dask] is not installed")

from castline.scale import DaskRunner, cluster, ingest_on_cluster  # noqa: E402

ARTICLES = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(out, ARTICLES, seed=11, jsonl_batch=4)
    return out


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, nlp) -> tuple:
    """The knowledge base one process builds on SQLite, ids normalised."""
    store = Store(str(tmp_path_factory.mktemp("reference") / "kb.db"))
    report = ingest([str(corpus)], store, Settings())
    assert not report.failed and report.ingested == ARTICLES
    kb = same_kb(export_kb(store))
    store.close()
    return kb


def test_a_local_cluster_of_two_workers_into_postgresql_builds_the_single_process_kb(corpus, reference, pg_url):
    store = Store(pg_url)
    report = ingest_on_cluster([str(corpus)], store, Settings(), workers=2)
    assert not report.failed and report.ingested == ARTICLES
    assert same_kb(export_kb(store)) == reference
    again = ingest_on_cluster([str(corpus)], store, Settings(), workers=2)
    assert again.unchanged == ARTICLES and again.ingested == 0
    store.close()


def test_three_ingest_processes_on_disjoint_thirds_build_the_single_process_kb(corpus, reference, pg_url):
    files = sorted(str(p) for p in corpus.iterdir())
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "castline.cli", "ingest"]
    runs = [subprocess.Popen([*command, *files[k::3], "--db", pg_url], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for k in range(3)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * 3, outputs
    store = Store(pg_url)
    kb = export_kb(store)
    store.close()
    assert len(kb["documents"]) == ARTICLES
    assert same_kb(kb) == reference


class Item:
    def __init__(self, source: str):
        self.source = source


def doomed_work(batch: list[Item], model: str) -> list:
    """Kills its worker process when the batch holds a doomed item; else every item fails politely, by name."""
    if any(item.source.startswith("doomed") for item in batch):
        os._exit(1)
    return [InputError(item.source, "fine") for item in batch]


def test_a_batch_whose_worker_dies_fails_alone_and_the_others_go_on():
    batches = [[Item(f"a{n}"), Item(f"b{n}")] for n in range(4)] + [[Item("doomed"), Item("neighbour")]]
    with cluster(workers=2) as runner:
        assert isinstance(runner, DaskRunner)
        results = {item.source: result.reason for batch, out in runner(iter(batches), doomed_work,
                                                                        Settings().spacy_model)
                   for item, result in zip(batch, out, strict=True)}
    assert {s: r for s, r in results.items() if r == "fine"}.keys() == {f"{x}{n}" for x in "ab" for n in range(4)}
    assert results["doomed"].startswith("worker failed") and results["neighbour"].startswith("worker failed")


def test_without_dask_the_cluster_options_say_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "kb.db"),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "pip install castline[dask]" in result.output
    assert not (tmp_path / "kb.db").exists()
