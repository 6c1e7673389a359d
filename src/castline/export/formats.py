"""Every export format by name: each builds on the one castline-kb/1 dict, written to a file, folder or stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..kb import Store
from .graphml import write_graphml
from .jsonld import write_jsonld
from .kbjson import export_kb, write_kb
from .tables import write_tables
from .wikidata import read_qids, write_wikidata


class ExportError(ValueError):
    """An export that cannot be done as asked: an unknown format, files to stdout, a missing --qids file."""


STREAMED: dict[str, Callable[[dict[str, Any], IO[str]], None]] = {"kb-json": write_kb, "jsonld": write_jsonld}
TO_PATH: dict[str, Callable[..., None]] = {"csv": write_tables, "graphml": write_graphml, "wikidata": write_wikidata}
FORMATS = [*STREAMED, *TO_PATH]


def check(format: str, output: str, qids: str | None = None) -> None:
    """Refuse, before any work, an export that cannot be done."""
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")
    if qids is not None and format != "wikidata":
        raise ExportError("--qids is for --format wikidata")
    if format in TO_PATH and output == "-":
        raise ExportError(f"--format {format} writes files: give -o PATH")
    if qids is not None and not Path(qids).is_file():
        raise ExportError(f"--qids {qids!r} is not a file")


def export_to(store: Store, format: str, output: str, qids: str | None = None, include_rejected: bool = False
              ) -> None:
    """Write the knowledge base as `format` to `output` (- is stdout, for the formats that are one text stream);
    facts an editor rejected are left out unless `include_rejected`."""
    check(format, output, qids)
    qid_map = read_qids(Path(qids)) if qids is not None else None
    kb = export_kb(store, include_rejected)
    if format in STREAMED:
        if output == "-":
            STREAMED[format](kb, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8") as out:
                STREAMED[format](kb, out)
    elif format == "wikidata":
        write_wikidata(kb, Path(output), qid_map)
    else:
        TO_PATH[format](kb, Path(output))
