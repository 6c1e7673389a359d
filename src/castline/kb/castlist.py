"""Editors' cast lists: `castline cast import FILE.csv` (columns show, actor, character, network, start, end).

A list is stored twice over. As an article of its own (source: the file; one sentence per row, each fact's
evidence), so its facts merge with what articles say and every page and export shows where they came from; its
names also get type decisions made by the list (kb/review.py), which outweigh the articles' votes. And as rows
that every article's extraction is checked against when it is stored (`apply_known`): a name on a list takes
its type there, and an article naming an actor and their listed character gets the `plays` pair. Articles
stored before the list that name its people are marked for `castline reextract`, so the knowledge base does
not depend on whether the list came first.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select, update

from ..document import DocExtraction, Document, Entity, Fact, Span
from ..errors import CastlineError
from .known import LIST_OUTLET
from .names import name_key
from .schema import AliasRow, CastRow, DecisionRow, DocEntityRow, DocumentRow
from .store import Store

COLUMNS = ("show", "actor", "character", "network", "start", "end")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class CastListError(CastlineError):
    """A cast list that cannot be read at all (its rows' own errors are reported one by one)."""


@dataclass
class CastRowData:
    line: int
    show: str
    actor: str | None
    character: str | None
    network: str | None
    start: str | None
    end: str | None


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[str] = field(default_factory=list)  # "FILE:LINE: reason"
    marked: int = 0  # stored articles naming the list's people, marked for re-extraction


def read_cast_list(path: Path) -> tuple[list[CastRowData], list[str]]:
    """The good rows of a cast list and a reason for each bad one (FILE:LINE: why)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CastListError(f"{path}: cannot read ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "show" not in header or not {"actor", "character"} & set(header):
        raise CastListError(f"{path}: the header must name show and actor or character columns "
                            f"(of {', '.join(COLUMNS)})")
    reader.fieldnames = header
    rows, errors = [], []
    for number, record in enumerate(reader, 2):
        values = {c: (record.get(c) or "").strip() or None for c in COLUMNS}
        where = f"{path}:{number}"
        if not values["show"]:
            errors.append(f"{where}: no show")
        elif not values["actor"] and not values["character"]:
            errors.append(f"{where}: neither an actor nor a character")
        elif bad := [c for c in ("start", "end") if values[c] and not DATE.match(values[c])]:
            errors.append(f"{where}: {bad[0]} {values[bad[0]]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        else:
            rows.append(CastRowData(number, **values))
    return rows, errors


def _list_document(source: str, rows: list[CastRowData]) -> tuple[Document, DocExtraction]:
    """The list as an article: a sentence per row, the row's names as entities, its facts with that sentence."""
    parts: list[str] = []
    offset = 0
    entities: dict[tuple[str, str], Entity] = {}
    facts: list[Fact] = []

    def mention(name: str, kind: str, start: int) -> str:
        key = (name_key(name), kind)
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(key=f"c{len(entities)}", name=name, type=kind,
                                            reasons=["editor/cast-list"])
        entity.mentions.append(Span(start, start + len(name)))
        return entity.key

    for row in rows:
        pieces: list[tuple[str, str | None]] = []  # words, and the type of a name among them
        if row.actor and row.character:
            pieces += [(row.actor, "person"), (" plays ", None), (row.character, "character"), (" on ", None)]
        elif row.actor:
            pieces += [(row.actor, "person"), (" is in the cast of ", None)]
        else:
            pieces += [(row.character, "character"), (" is a character on ", None)]
        pieces.append((row.show, "show"))
        if row.network:
            pieces += [(" (", None), (row.network, "network"), (")", None)]
        if row.start or row.end:
            pieces.append((f", {row.start or '?'} to {row.end or 'now'}", None))
        pieces.append((".", None))
        keys: dict[str, str] = {}
        start = offset
        for words, kind in pieces:
            if kind:
                keys[kind] = mention(words, kind, offset)
            offset += len(words)
        sentence = Span(start, offset)
        tenure = {k: v for k, v in (("start", row.start), ("end", row.end)) if v}
        if "person" in keys:
            facts.append(Fact(keys["person"], "cast_member_of", keys["show"], sentence, dict(tenure)))
        if "person" in keys and "character" in keys:
            facts.append(Fact(keys["person"], "plays", keys["character"], sentence, {"show": keys["show"]} | tenure))
        if "character" in keys:
            facts.append(Fact(keys["character"], "character_in", keys["show"], sentence))
        if "network" in keys:
            facts.append(Fact(keys["show"], "airs_on", keys["network"], sentence))
        parts.append("".join(words for words, _ in pieces))
        offset += 1  # the newline between rows
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = Document(source=source, text=text, content_hash=digest, title=f"Cast list {Path(source).name}",
                        outlet=LIST_OUTLET)
    return document, DocExtraction(entities=list(entities.values()), facts=facts)


def import_cast_list(store: Store, path: Path) -> ImportReport:
    """Store (or replace) a cast list: its article, its rows, the types it asserts; mark the articles it touches."""
    rows, errors = read_cast_list(path)
    report = ImportReport(rows=len(rows), errors=errors)
    source = str(path.resolve())
    document, extraction = _list_document(source, rows)
    with store.writing() as session:  # the old list's rows and types go first, so a re-import replaces them
        session.execute(delete(CastRow).where(CastRow.source == source))
        session.execute(delete(DecisionRow).where(DecisionRow.kind == "type", DecisionRow.made_by == source))
        session.add_all(CastRow(source=source, line=r.line, show=r.show, actor=r.actor, character=r.character,
                                network=r.network, start=r.start, end=r.end) for r in rows)
    store.save(document, extraction)
    with store.writing() as session:
        doc_id = session.scalar(select(DocumentRow.id).where(DocumentRow.source == source))
        now = datetime.now(UTC)
        for node, name, kind in session.execute(select(DocEntityRow.node, DocEntityRow.name, DocEntityRow.type)
                                                .where(DocEntityRow.document_id == doc_id)):
            session.add(DecisionRow(kind="type", made_by=source, made_at=now, label=f"{name} is a {kind}",
                                    note="from a cast list", target={"nodes": [node], "type": kind}))
        keys = {name_key(n) for r in rows for n in (r.actor, r.character, r.show) if n}
        touched = select(AliasRow.document_id).where(AliasRow.key.in_(keys), AliasRow.document_id != doc_id)
        report.marked = session.execute(update(DocumentRow).where(DocumentRow.id.in_(touched))
                                        .values(pipeline_version="stale")).rowcount or 0
    store.save(document, extraction)  # again, so the types just decided apply to its own entities
    return report
