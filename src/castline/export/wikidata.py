"""The wikidata export: cast statements (P161 cast member, P453 character role) as a CSV to reconcile, and as
QuickStatements for the rows whose items all have a known Q-id."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from .view import KbView

HEADER = ["show", "show_qid", "actor", "P161", "character", "P453", "P580", "P582", "S854", "S813"]
PRECISION = {1: 9, 2: 10, 3: 11}  # Wikidata time precision by the parts a date gives: year, month, day
QID = re.compile(r"Q[1-9][0-9]*")


def read_qids(path: Path) -> dict[str, str]:
    """A name → Q-id map from a two-column CSV (name, qid); a header row and rows without a Q-id are skipped.
    A spreadsheet's byte-order mark is not part of the first name."""
    qids: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as file:
        for row in csv.reader(file):
            if len(row) >= 2 and QID.fullmatch(row[1].strip()):
                qids[row[0].strip()] = row[1].strip()
    return qids


def cast_rows(kb: dict[str, Any], qids: dict[str, str]) -> list[dict[str, str]]:
    """One row per (show, actor, character) and article: `plays` with a show, else a bare `cast_member_of`;
    retrieved (S813) is the day castline stored the article."""
    view = KbView(kb)
    rows: list[dict[str, str]] = []
    played: set[tuple[str, str]] = set()

    def add(show: str, actor: str, character: str | None, fact: dict[str, Any]) -> None:
        names = view.name(show), view.name(actor), view.name(character) if character else ""
        for doc in sorted({ev["doc"] for ev in fact["evidence"]}, key=view.url):
            rows.append({"show": names[0], "show_qid": qids.get(names[0], ""), "actor": names[1],
                         "P161": qids.get(names[1], ""), "character": names[2],
                         "P453": qids.get(names[2], "") if character else "",
                         "P580": str(fact["qualifiers"].get("start") or ""),
                         "P582": str(fact["qualifiers"].get("end") or ""), "S854": view.url(doc),
                         "S813": view.documents[doc]["retrieved"]})

    for f in kb["facts"]:
        show = f["qualifiers"].get("show")
        if f["predicate"] == "plays" and isinstance(f["object"], str) and view.type(show) == "show":
            add(show, f["subject"], f["object"], f)
            played.add((f["subject"], show))
    for f in kb["facts"]:
        if (f["predicate"] == "cast_member_of" and view.type(f["object"]) == "show"
                and (f["subject"], f["object"]) not in played):
            add(f["object"], f["subject"], None, f)
    return rows


def quickstatements(rows: list[dict[str, str]]) -> list[str]:
    """QuickStatements (v1, tab-separated) for the rows whose show, actor and character are all known."""
    lines = []
    for row in rows:
        if not row["show_qid"] or not row["P161"] or (row["character"] and not row["P453"]):
            continue
        parts = [row["show_qid"], "P161", row["P161"]]
        if row["P453"]:
            parts += ["P453", row["P453"]]
        for prop in ("P580", "P582"):
            if row.get(prop):
                parts += [prop, qs_time(row[prop])]
        parts += ["S854", f'"{row["S854"]}"', "S813", f"+{row['S813']}T00:00:00Z/11"]
        lines.append("\t".join(parts))
    return lines


def qs_time(value: str) -> str:
    """A date of castline's (2019, 2019-05 or 2019-05-02) as a QuickStatements time with its precision."""
    parts = value.split("-")
    padded = (parts + ["00", "00"])[:3]
    return f"+{padded[0]}-{padded[1]}-{padded[2]}T00:00:00Z/{PRECISION.get(len(parts), 9)}"


def qs_path(path: Path) -> Path:
    """Where the QuickStatements go: beside the CSV, with the suffix .qs (cast.csv → cast.qs)."""
    return path.with_suffix(".qs")


def write_wikidata(kb: dict[str, Any], path: Path, qids: dict[str, str] | None = None) -> None:
    """The CSV at `path`; with `qids`, also the QuickStatements at `qs_path(path)`."""
    rows = cast_rows(kb, qids or {})
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    if qids is not None:
        lines = quickstatements(rows)
        qs_path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
