"""Read-side queries shared by the CLI and the web API; every result is plain JSON-ready data."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from .names import name_key
from .schema import (
    AliasRow,
    DocumentRow,
    EntityRow,
    EventParticipantRow,
    EventRow,
    EvidenceRow,
    FactRow,
    MentionRow,
    QuoteRow,
)


def list_entities(session: Session, kind: str | None = None, limit: int = 200, offset: int = 0
                  ) -> list[dict[str, Any]]:
    mentions = func.count(MentionRow.id)
    documents = func.count(func.distinct(MentionRow.document_id))
    query = (select(EntityRow.id, EntityRow.name, EntityRow.type, mentions, documents)
             .join(MentionRow, MentionRow.entity_id == EntityRow.id).group_by(EntityRow.id)
             .order_by(documents.desc(), mentions.desc(), EntityRow.name).limit(limit).offset(offset))
    if kind:
        query = query.where(EntityRow.type == kind)
    return [{"id": i, "name": n, "type": t, "mentions": m, "documents": d}
            for i, n, t, m, d in session.execute(query)]


def find_entities(session: Session, name: str) -> list[EntityRow]:
    """Entities called `name` (any alias, case and punctuation aside), else whose name contains it."""
    exact = session.scalars(select(EntityRow).where(
        EntityRow.id.in_(select(AliasRow.entity_id).where(AliasRow.key == name_key(name))))).all()
    if exact:
        return list(exact)
    return list(session.scalars(select(EntityRow).where(EntityRow.name.ilike(f"%{name}%")).limit(20)))


def entity_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(ids))).all())


def confidence(sources: list[dict[str, Any]]) -> float:
    """Grows with independent sources: each further outlet (or unattributed article) halves the doubt."""
    independent = {s["outlet"] or s["source"] for s in sources}
    return round(1 - 0.5 ** len(independent), 3)


def _sources(session: Session, rows: list[EvidenceRow]) -> list[dict[str, Any]]:
    docs = {d.id: d for d in session.scalars(select(DocumentRow).where(
        DocumentRow.id.in_({r.document_id for r in rows})))}
    return [{"document": r.document_id, "source": docs[r.document_id].source,
             "outlet": docs[r.document_id].outlet, "start": r.start, "end": r.end, "text": r.text}
            for r in rows]


def facts_about(session: Session, entity_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(select(FactRow).where(
        or_(FactRow.subject_id == entity_id, FactRow.object_id == entity_id)).order_by(FactRow.predicate)).all()
    names = entity_names(session, {r.subject_id for r in rows} | {r.object_id for r in rows if r.object_id})
    out = []
    for row in rows:
        evidence = list(session.scalars(select(EvidenceRow).where(EvidenceRow.fact_id == row.id)))
        sources = _sources(session, evidence)
        qualifiers = dict(row.qualifiers)
        if isinstance(qualifiers.get("show"), int):
            qualifiers["show"] = {"id": qualifiers["show"], "name": entity_names(session, {qualifiers["show"]})
                                  .get(qualifiers["show"])}
        out.append({"id": row.id, "subject": {"id": row.subject_id, "name": names[row.subject_id]},
                    "predicate": row.predicate,
                    "object": ({"id": row.object_id, "name": names[row.object_id]} if row.object_id
                               else {"value": json.loads(row.object_value)}),
                    "qualifiers": qualifiers, "confidence": confidence(sources), "sources": sources})
    return out


def quotes(session: Session, speaker: str | None = None, outlet: str | None = None, *,
           speaker_id: int | None = None, outlet_id: int | None = None, document_id: int | None = None,
           show_id: int | None = None, text: str | None = None, since: str | None = None, until: str | None = None,
           limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes with speaker, outlet, date and every article the same words appeared in, first source first.

    `show_id` keeps quotes from articles that name the show; `since`/`until`
    bound the quote's date, or its article's date when the quote has none.
    """
    speaker_row, outlet_row = aliased(EntityRow), aliased(EntityRow)
    when = func.coalesce(QuoteRow.date, DocumentRow.published)
    query = (select(QuoteRow, speaker_row.name, outlet_row.name, DocumentRow)
             .join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
             .outerjoin(speaker_row, speaker_row.id == QuoteRow.speaker_id)
             .outerjoin(outlet_row, outlet_row.id == QuoteRow.outlet_id)
             .order_by(when, QuoteRow.document_id, QuoteRow.start).limit(limit).offset(offset))
    if speaker_id is not None:
        query = query.where(QuoteRow.speaker_id == speaker_id)
    if outlet_id is not None:
        query = query.where(QuoteRow.outlet_id == outlet_id)
    if document_id is not None:
        query = query.where(QuoteRow.document_id == document_id)
    if speaker:
        query = query.where(QuoteRow.speaker_id.in_([e.id for e in find_entities(session, speaker)]))
    if outlet:
        query = query.where(QuoteRow.outlet_id.in_([e.id for e in find_entities(session, outlet)]))
    if show_id is not None:
        query = query.where(QuoteRow.document_id.in_(
            select(MentionRow.document_id).where(MentionRow.entity_id == show_id)))
    if text:
        query = query.where(QuoteRow.text.ilike(f"%{text}%"))
    if since:
        query = query.where(when >= since)
    if until:
        query = query.where(when <= until + "\uffff")
    rows = session.execute(query).all()
    groups = {q.group_id for q, *_ in rows}
    appearances: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for group, doc_id, source, published, doc_outlet in session.execute(
            select(QuoteRow.group_id, DocumentRow.id, DocumentRow.source, DocumentRow.published,
                   DocumentRow.outlet).join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
            .where(QuoteRow.group_id.in_(groups)).order_by(DocumentRow.published, DocumentRow.id)):
        appearances[group].append({"document": doc_id, "source": source, "published": published,
                                   "outlet": doc_outlet})
    return [{"id": q.id, "text": q.text, "kind": q.kind, "speaker": speaker_name, "speaker_id": q.speaker_id,
             "outlet": outlet_name, "outlet_id": q.outlet_id, "date": q.date, "cue": q.cue,
             "document": doc.id, "source": doc.source, "title": doc.title, "start": q.start, "end": q.end,
             "group": q.group_id, "appearances": appearances[q.group_id]}
            for q, speaker_name, outlet_name, doc in rows]


def timeline(session: Session, entity_id: int) -> list[dict[str, Any]]:
    """Events the entity took part in, in date order (undated last), each with its sources."""
    rows = session.scalars(select(EventRow).join(EventParticipantRow, EventParticipantRow.event_id == EventRow.id)
                           .where(EventParticipantRow.entity_id == entity_id)).all()
    out = []
    for row in sorted(rows, key=lambda r: (r.date is None, r.date or "", r.id)):
        ids = set(session.scalars(select(EventParticipantRow.entity_id)
                                  .where(EventParticipantRow.event_id == row.id)))
        evidence = list(session.scalars(select(EvidenceRow).where(EvidenceRow.event_id == row.id)))
        out.append({"id": row.id, "date": row.date, "type": row.type, "summary": row.summary,
                    "participants": sorted(entity_names(session, ids).values()),
                    "sources": _sources(session, evidence)})
    return out


def entity_card(session: Session, entity_id: int) -> dict[str, Any] | None:
    entity = session.get(EntityRow, entity_id)
    if entity is None:
        return None
    aliases = sorted({a for a in session.scalars(select(AliasRow.alias).where(AliasRow.entity_id == entity_id))}
                     - {entity.name})
    documents = session.execute(
        select(DocumentRow.id, DocumentRow.source, DocumentRow.title, func.count(MentionRow.id))
        .join(MentionRow, MentionRow.document_id == DocumentRow.id).where(MentionRow.entity_id == entity_id)
        .group_by(DocumentRow.id).order_by(DocumentRow.id)).all()
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": aliases,
            "facts": facts_about(session, entity_id), "quotes": quotes(session, speaker_id=entity_id),
            "timeline": timeline(session, entity_id),
            "documents": [{"id": i, "source": s, "title": t, "mentions": n} for i, s, t, n in documents]}


def sources(session: Session) -> list[dict[str, Any]]:
    quote_counts = dict(session.execute(
        select(QuoteRow.document_id, func.count()).group_by(QuoteRow.document_id)).all())
    entity_counts = dict(session.execute(select(MentionRow.document_id, func.count(func.distinct(
        MentionRow.entity_id))).group_by(MentionRow.document_id)).all())
    return [{"id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet, "published": d.published,
             "published_inferred": d.published_inferred, "removed": len(d.removed or []),
             "entities": entity_counts.get(d.id, 0), "quotes": quote_counts.get(d.id, 0)}
            for d in session.scalars(select(DocumentRow).order_by(DocumentRow.published.desc(), DocumentRow.id))]


def counts(session: Session) -> dict[str, int]:
    return {name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in (("articles", DocumentRow), ("entities", EntityRow), ("facts", FactRow),
                                ("quotes", QuoteRow), ("events", EventRow))}


def search(session: Session, q: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Entities by name or alias, quotes by their words, articles by title or text."""
    like = f"%{q}%"
    entity_ids = {e.id for e in find_entities(session, q)}
    entity_ids |= set(session.scalars(select(AliasRow.entity_id).where(AliasRow.alias.ilike(like)).limit(limit)))
    entities = [{"id": e.id, "name": e.name, "type": e.type} for e in session.scalars(
        select(EntityRow).where(EntityRow.id.in_(entity_ids)).order_by(EntityRow.name))]
    found_quotes = quotes(session, text=q, limit=limit)
    articles = [{"id": d.id, "title": d.title or d.source, "outlet": d.outlet, "published": d.published}
                for d in session.scalars(select(DocumentRow).where(
                    or_(DocumentRow.title.ilike(like), DocumentRow.text.ilike(like))).limit(limit))]
    return {"entities": entities, "quotes": found_quotes, "articles": articles}


def document(session: Session, document_id: int) -> dict[str, Any] | None:
    """An article with everything extracted from it, offsets into its stored text."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        return None
    mentions = session.execute(
        select(MentionRow.start, MentionRow.end, EntityRow.id, EntityRow.name, EntityRow.type)
        .join(EntityRow, EntityRow.id == MentionRow.entity_id)
        .where(MentionRow.document_id == document_id).order_by(MentionRow.start)).all()
    evidence = session.execute(select(EvidenceRow, FactRow.predicate, EventRow.type)
                               .outerjoin(FactRow, FactRow.id == EvidenceRow.fact_id)
                               .outerjoin(EventRow, EventRow.id == EvidenceRow.event_id)
                               .where(EvidenceRow.document_id == document_id)).all()
    return {
        "id": doc.id, "source": doc.source, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
        "author": doc.author, "published": doc.published, "published_inferred": doc.published_inferred,
        "text": doc.text, "removed": doc.removed, "warnings": doc.warnings,
        "mentions": [{"start": s, "end": e, "entity": {"id": i, "name": n, "type": t}} for s, e, i, n, t in mentions],
        "facts": [{"start": ev.start, "end": ev.end, "fact": ev.fact_id, "predicate": predicate}
                  for ev, predicate, _ in evidence if ev.fact_id is not None],
        "events": [{"start": ev.start, "end": ev.end, "event": ev.event_id, "type": kind}
                   for ev, _, kind in evidence if ev.event_id is not None],
        "quotes": quotes(session, document_id=document_id),
    }


def outlet_articles(session: Session, name: str) -> list[dict[str, Any]]:
    return [{"id": d.id, "title": d.title or d.source, "published": d.published}
            for d in session.scalars(select(DocumentRow).where(DocumentRow.outlet == name)
                                     .order_by(DocumentRow.published.desc()))]
