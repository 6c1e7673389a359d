"""The csv export: one CSV file per table, every fact, event and quote row with its article URL and sentence."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .view import KbView

LIST_SEPARATOR = "; "


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def _object(view: KbView, obj: Any) -> tuple[str, str]:
    """A fact's object as (entity id, text): an entity by its name, a literal by its value."""
    if isinstance(obj, dict):
        return "", json.dumps(obj["value"], ensure_ascii=False) if not isinstance(obj["value"], str) else obj["value"]
    return obj, view.name(obj)


def write_tables(kb: dict[str, Any], folder: Path) -> None:
    """documents.csv, entities.csv, facts.csv, quotes.csv and events.csv in `folder` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    view = KbView(kb)
    _write(folder / "documents.csv",
           ["id", "source", "url", "title", "outlet", "author", "published", "published_inferred",
            "retrieved"],
           [[d["id"], d["source"], d["url"] or "", d["title"] or "", d["outlet"] or "", d["author"] or "",
             d["published"] or "", d["published_inferred"],
             d["retrieved"]] for d in kb["documents"]])
    _write(folder / "entities.csv", ["id", "name", "type", "aliases", "mentions", "documents"],
           [[e["id"], e["name"], e["type"], LIST_SEPARATOR.join(e["aliases"]), len(e["mentions"]),
             len({m["doc"] for m in e["mentions"]})] for e in kb["entities"]])
    facts = []
    for f in kb["facts"]:
        object_id, object_text = _object(view, f["object"])
        qualifiers = {k: view.name(v) if v in view.entities else v for k, v in f["qualifiers"].items()}
        for ev in f["evidence"]:
            facts.append([f.get("id", ""), f["subject"], view.name(f["subject"]), f["predicate"], object_id,
                          object_text,
                          json.dumps(qualifiers, ensure_ascii=False) if qualifiers else "", f["confidence"],
                          f.get("status", "unreviewed"), ev["doc"], view.url(ev["doc"]), ev["text"]])
    _write(folder / "facts.csv", ["fact_id", "subject_id", "subject", "predicate", "object_id", "object", "qualifiers",
                                  "confidence", "status", "doc", "evidence_url", "evidence_sentence"], facts)
    _write(folder / "quotes.csv", ["doc", "text", "kind", "speaker_id", "speaker", "outlet", "date", "cue",
                                   "group", "evidence_url", "evidence_sentence"],
           [[q["doc"], q["text"], q["kind"], q["speaker"] or "", view.name(q["speaker"]), view.name(q["outlet"]),
             q["date"] or "", q["cue"] or "", q["group"], view.url(q["doc"]), view.quote_sentence(q)]
            for q in kb["quotes"]])
    _write(folder / "events.csv", ["date", "type", "participants", "summary", "doc", "evidence_url",
                                   "evidence_sentence"],
           [[v["date"] or "", v["type"], LIST_SEPARATOR.join(view.name(p) for p in v["participants"]),
             v["summary"] or "", ev["doc"], view.url(ev["doc"]), ev["text"]]
            for v in kb["events"] for ev in v["evidence"]])
