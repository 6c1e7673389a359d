"""Read-side queries shared by the CLI and the web API; every result is plain JSON-ready data."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session, aliased

from .. import PIPELINE_VERSION
from .names import name_key
from .reasons import why
from .schema import (
    AliasRow,
    DocEntityRow,
    DocumentRow,
    EntityRow,
    EventParticipantRow,
    EventRow,
    EvidenceRow,
    FactRow,
    MentionRow,
    QuoteRow,
)

# An entity card shows this many quotes (the quote explorer pages through the rest), sources per fact,
# timeline events and articles; it gives the totals beside them.
CARD_QUOTES = 50
CARD_SOURCES = 3
CARD_EVENTS = 200
CARD_DOCUMENTS = 100


def list_entities(session: Session, kind: str | None = None, limit: int = 200, offset: int = 0
                  ) -> list[dict[str, Any]]:
    """Entities named in the most articles first (counts the store keeps with each entity)."""
    mentions, documents = EntityRow.mention_count, EntityRow.document_count
    query = (select(EntityRow.id, EntityRow.name, EntityRow.type, mentions, documents).where(mentions > 0)
             .order_by(documents.desc(), mentions.desc(), EntityRow.name).limit(limit).offset(offset))
    if kind:
        query = query.where(EntityRow.type == kind)
    return [{"id": i, "name": n, "type": t, "mentions": m, "documents": d}
            for i, n, t, m, d in session.execute(query)]


def entity_count(session: Session, kind: str | None = None) -> int:
    """How many entities `list_entities` would list (those with a mention) without a limit."""
    query = select(func.count(EntityRow.id)).where(EntityRow.mention_count > 0)
    if kind:
        query = query.where(EntityRow.type == kind)
    return session.scalar(query) or 0


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


def article_title(title: str | None, source: str) -> str:
    """What people call an article: its headline, else the last part of its file name or URL."""
    if title and title.strip():
        return title.strip()
    return source.rstrip("/").rsplit("/", 1)[-1] or source


def confidence(independent: int) -> float:
    """Grows with independent sources: each further outlet (or unattributed article) halves the doubt."""
    return round(1 - 0.5 ** independent, 3)


def _sources_of(session: Session, column, ids: set[int], per_id: int | None = None
                ) -> defaultdict[int, list[dict[str, Any]]]:
    """The evidence of many facts (or events) at once, keyed by their id, each with its article.

    With `per_id`, only the first that many per fact or event: each fact's (or event's) own top few read off the
    (fact or event, document, start) index, so a fact stated in 10,000 articles costs what one in 3 does.
    """
    out: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    if not ids or per_id == 0:
        return out
    query = (select(EvidenceRow, DocumentRow.source, DocumentRow.outlet, DocumentRow.title)
             .join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
             .order_by(EvidenceRow.document_id, EvidenceRow.start))
    if per_id is None:
        query = query.where(column.in_(ids))
    else:
        parent = FactRow if column.key == "fact_id" else EventRow
        inner = aliased(EvidenceRow)
        first = (select(inner.id).where(getattr(inner, column.key) == parent.id)
                 .order_by(inner.document_id, inner.start).limit(per_id))
        if session.get_bind().dialect.name == "postgresql":  # a LATERAL join walks each one's index; SQLite has none
            top = first.lateral()
            query = query.where(EvidenceRow.id.in_(select(top.c.id).select_from(parent).join(top, true())
                                                   .where(parent.id.in_(ids))))
        else:
            query = query.join(parent, EvidenceRow.id.in_(first.correlate(parent))).where(parent.id.in_(ids))
    for row, source, outlet, title in session.execute(query):
        out[getattr(row, column.key)].append({"document": row.document_id, "source": source, "outlet": outlet,
                                              "title": article_title(title, source), "start": row.start,
                                              "end": row.end, "text": row.text})
    return out


def facts_about(session: Session, entity_id: int, max_sources: int = CARD_SOURCES) -> list[dict[str, Any]]:
    """Every fact with the entity as subject or object, with (the first of) its sources and its confidence."""
    rows = session.scalars(select(FactRow).where(
        or_(FactRow.subject_id == entity_id, FactRow.object_id == entity_id)).order_by(FactRow.predicate)).all()
    return _fact_dicts(session, rows, max_sources)


def all_facts(session: Session, max_sources: int = CARD_SOURCES, ids: set[int] | None = None
              ) -> list[dict[str, Any]]:
    """Every fact (or those with `ids`), by id."""
    query = select(FactRow).order_by(FactRow.id)
    if ids is not None:
        query = query.where(FactRow.id.in_(ids))
    return _fact_dicts(session, list(session.scalars(query)), max_sources)


def facts_of(session: Session, entity_ids: set[int], predicate: str, as_object: bool = False,
             max_sources: int = CARD_SOURCES) -> list[dict[str, Any]]:
    """The facts of one predicate whose subject (or object) is any of the entities, for tables of many rows."""
    if not entity_ids:
        return []
    column = FactRow.object_id if as_object else FactRow.subject_id
    rows = session.scalars(select(FactRow).where(column.in_(entity_ids), FactRow.predicate == predicate)).all()
    return _fact_dicts(session, rows, max_sources)


def _fact_dicts(session: Session, rows: list[FactRow], max_sources: int) -> list[dict[str, Any]]:
    shows = {r.qualifiers["show"] for r in rows if isinstance(r.qualifiers.get("show"), int)}
    names = entity_names(session, {r.subject_id for r in rows} | {r.object_id for r in rows if r.object_id} | shows)
    ids = {r.id for r in rows}
    evidence = _sources_of(session, EvidenceRow.fact_id, ids, max_sources)
    out = []
    for row in rows:
        qualifiers = dict(row.qualifiers)
        if isinstance(qualifiers.get("show"), int):
            qualifiers["show"] = {"id": qualifiers["show"], "name": names.get(qualifiers["show"])}
        total, independent = row.sources_total, row.sources_independent  # kept by the store's writes
        out.append({"id": row.id, "subject": {"id": row.subject_id, "name": names[row.subject_id]},
                    "predicate": row.predicate,
                    "object": ({"id": row.object_id, "name": names[row.object_id]} if row.object_id
                               else {"value": json.loads(row.object_value)}),
                    "qualifiers": qualifiers, "confidence": confidence(independent),
                    "sources": evidence[row.id], "sources_total": total})
    return out


def _quote_filters(session: Session, speaker: str | None = None, outlet: str | None = None, *,
                   speaker_id: int | None = None, outlet_id: int | None = None, document_id: int | None = None,
                   show_id: int | None = None, text: str | None = None, since: str | None = None,
                   until: str | None = None, stored_since: datetime | None = None,
                   quote_ids: list[int] | None = None) -> list:
    when = func.coalesce(QuoteRow.date, DocumentRow.published)
    conditions = [DocumentRow.first_seen >= stored_since] if stored_since is not None else []
    if quote_ids is not None:
        conditions.append(QuoteRow.id.in_(quote_ids))
    if speaker_id is not None:
        conditions.append(QuoteRow.speaker_id == speaker_id)
    if outlet_id is not None:
        conditions.append(QuoteRow.outlet_id == outlet_id)
    if document_id is not None:
        conditions.append(QuoteRow.document_id == document_id)
    if speaker:
        conditions.append(QuoteRow.speaker_id.in_([e.id for e in find_entities(session, speaker)]))
    if outlet:
        conditions.append(QuoteRow.outlet_id.in_([e.id for e in find_entities(session, outlet)]))
    if show_id is not None:
        conditions.append(QuoteRow.document_id.in_(
            select(MentionRow.document_id).where(MentionRow.entity_id == show_id)))
    if text:
        conditions.append(QuoteRow.text.ilike(f"%{text}%"))
    if since:
        conditions.append(when >= since)
    if until:
        conditions.append(when <= until + "\uffff")
    return conditions


def quote_count(session: Session, speaker: str | None = None, outlet: str | None = None, **filters: Any) -> int:
    """How many quotes `quotes` would list with these filters and no limit."""
    return session.scalar(select(func.count(QuoteRow.id)).join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
                          .where(*_quote_filters(session, speaker, outlet, **filters))) or 0


def quotes(session: Session, speaker: str | None = None, outlet: str | None = None, *, limit: int = 500,
           offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
    """Quotes with speaker, outlet, date (or what their group lends them, with the article it comes from) and every
    article the same words appeared in, the first known source first.

    Filters (`_quote_filters`): speaker_id, outlet_id, document_id; `show_id` keeps quotes from articles that name
    the show; `text` the words; `since`/`until` bound the quote's date, or its article's date when it has none.
    """
    speaker_row, outlet_row = aliased(EntityRow), aliased(EntityRow)
    when = func.coalesce(QuoteRow.date, DocumentRow.published)
    query = (select(QuoteRow.id, QuoteRow.text, QuoteRow.kind, speaker_row.name.label("speaker"),
                    QuoteRow.speaker_id, outlet_row.name.label("outlet"), QuoteRow.outlet_id, QuoteRow.date,
                    QuoteRow.cue, QuoteRow.document_id.label("document"), DocumentRow.source, DocumentRow.title,
                    QuoteRow.start, QuoteRow.end, QuoteRow.group_id.label("group"),
                    QuoteRow.lent_speaker_id, QuoteRow.lent_outlet_id, QuoteRow.lent_date, QuoteRow.lent_from_id)
             .join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
             .outerjoin(speaker_row, speaker_row.id == QuoteRow.speaker_id)
             .outerjoin(outlet_row, outlet_row.id == QuoteRow.outlet_id)
             .where(*_quote_filters(session, speaker, outlet, **filters))
             .order_by(when, QuoteRow.document_id, QuoteRow.start).limit(limit).offset(offset))
    rows = [dict(row._mapping) for row in session.execute(query)]
    appearances: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    groups = {row["group"] for row in rows}
    if groups:
        first = (QuoteRow.id != QuoteRow.group_id)  # the group's first known source, then by date
        for group, doc_id, source, title, published, doc_outlet in session.execute(
                select(QuoteRow.group_id, DocumentRow.id, DocumentRow.source, DocumentRow.title, DocumentRow.published,
                       DocumentRow.outlet).join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
                .where(QuoteRow.group_id.in_(groups)).order_by(first, DocumentRow.published, DocumentRow.id)):
            appearances[group].append({"document": doc_id, "source": source, "title": article_title(title, source),
                                       "published": published, "outlet": doc_outlet})
    lent_ids = {row[k] for row in rows for k in ("lent_speaker_id", "lent_outlet_id") if row[k]}
    names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(lent_ids))).all()) \
        if lent_ids else {}
    for row in rows:
        row["appearances"] = appearances[row["group"]]
        row["lent_speaker"] = names.get(row["lent_speaker_id"])
        row["lent_outlet"] = names.get(row["lent_outlet_id"])
    return rows


def timeline(session: Session, entity_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """Events the entity took part in, in date order (undated last), each with its sources."""
    undated_last = EventRow.date.is_(None)
    rows = session.scalars(select(EventRow).join(EventParticipantRow, EventParticipantRow.event_id == EventRow.id)
                           .where(EventParticipantRow.entity_id == entity_id)
                           .order_by(undated_last, EventRow.date, EventRow.id).limit(limit)).all()
    event_ids = {r.id for r in rows}
    taking_part: defaultdict[int, set[int]] = defaultdict(set)
    if event_ids:
        for event_id, participant in session.execute(select(EventParticipantRow.event_id, EventParticipantRow.entity_id)
                                                     .where(EventParticipantRow.event_id.in_(event_ids))):
            taking_part[event_id].add(participant)
    names = entity_names(session, {p for ids in taking_part.values() for p in ids})
    evidence = _sources_of(session, EvidenceRow.event_id, event_ids, per_id=CARD_SOURCES if limit else None)
    return [{"id": row.id, "date": row.date, "type": row.type, "summary": row.summary,
             "participants": sorted(names[p] for p in taking_part[row.id]), "sources": evidence[row.id]}
            for row in sorted(rows, key=lambda r: (r.date is None, r.date or "", r.id))]


def entity_card(session: Session, entity_id: int) -> dict[str, Any] | None:
    """Everything about one entity: aliases, facts, quotes, timeline, articles, and why it has its type."""
    entity = session.get(EntityRow, entity_id)
    if entity is None:
        return None
    aliases = sorted(set(session.scalars(select(AliasRow.alias).where(AliasRow.entity_id == entity_id).distinct()))
                     - {entity.name})
    # the first articles that name it (off the (entity, document) index), then their mentions alone
    first = (select(DocEntityRow.document_id).where(DocEntityRow.entity_id == entity_id).distinct()
             .order_by(DocEntityRow.document_id).limit(CARD_DOCUMENTS))
    documents = session.execute(
        select(DocumentRow.id, DocumentRow.source, DocumentRow.title, func.count(MentionRow.id))
        .join(MentionRow, MentionRow.document_id == DocumentRow.id)
        .where(MentionRow.entity_id == entity_id, DocumentRow.id.in_(first))
        .group_by(DocumentRow.id).order_by(DocumentRow.id)).all()
    articles = entity.document_count
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": aliases,
            "why": why(entity.type, entity.type_votes, entity.reasons, articles),
            "facts": facts_about(session, entity_id),
            "quotes": quotes(session, speaker_id=entity_id, limit=CARD_QUOTES),
            "timeline": timeline(session, entity_id, limit=CARD_EVENTS),
            "documents": [{"id": i, "source": s, "title": article_title(t, s), "mentions": n}
                          for i, s, t, n in documents]}


def sources(session: Session, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """The articles, newest first, with how many entities and quotes each gave."""
    documents = session.execute(select(DocumentRow.id, DocumentRow.source, DocumentRow.title, DocumentRow.outlet,
                                       DocumentRow.published, DocumentRow.published_inferred, DocumentRow.removed)
                                .order_by(DocumentRow.published.desc(), DocumentRow.id).limit(limit).offset(offset)
                                ).all()
    ids = [d.id for d in documents]
    quote_counts = dict(session.execute(select(QuoteRow.document_id, func.count()).where(QuoteRow.document_id.in_(ids))
                                        .group_by(QuoteRow.document_id)).all())
    entity_counts = dict(session.execute(select(MentionRow.document_id, func.count(func.distinct(MentionRow.entity_id)))
                                         .where(MentionRow.document_id.in_(ids)).group_by(MentionRow.document_id)).all())
    return [{"id": d.id, "source": d.source, "title": d.title, "headline": article_title(d.title, d.source),
             "outlet": d.outlet, "published": d.published, "published_inferred": d.published_inferred,
             "removed": len(d.removed or []), "entities": entity_counts.get(d.id, 0),
             "quotes": quote_counts.get(d.id, 0)} for d in documents]


def outdated(session: Session, everything: bool = False) -> list[str]:
    """The sources of the articles an older castline extracted (of every article with `everything`), in the order
    they were stored: what `castline reextract` redoes."""
    query = select(DocumentRow.source).order_by(DocumentRow.id)
    if not everything:
        query = query.where(DocumentRow.pipeline_version != PIPELINE_VERSION)
    return list(session.scalars(query))


def counts(session: Session) -> dict[str, int]:
    return {name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in (("articles", DocumentRow), ("entities", EntityRow), ("facts", FactRow),
                                ("quotes", QuoteRow), ("events", EventRow))}


def document(session: Session, document_id: int, quotes_page: int = 1, per_page: int = 500
             ) -> dict[str, Any] | None:
    """An article with everything extracted from it, offsets into its stored text: every quote's span and speaker
    (`quote_spans`, `quote_count`), and one page of its quotes in full, so that an article with thousands of quotes
    stays a page of bounded size."""
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
        "id": doc.id, "source": doc.source, "url": doc.url, "title": doc.title,
        "headline": article_title(doc.title, doc.source), "outlet": doc.outlet,
        "author": doc.author, "published": doc.published, "published_inferred": doc.published_inferred,
        "text": doc.text, "removed": doc.removed, "removed_rules": doc.removed_rules or [], "warnings": doc.warnings,
        "dates": doc.dates or {"clues": [], "spans": [], "pinned": False},
        "mentions": [{"start": s, "end": e, "entity": {"id": i, "name": n, "type": t}} for s, e, i, n, t in mentions],
        "facts": [{"start": ev.start, "end": ev.end, "fact": ev.fact_id, "predicate": predicate}
                  for ev, predicate, _ in evidence if ev.fact_id is not None],
        "events": [{"start": ev.start, "end": ev.end, "event": ev.event_id, "type": kind}
                   for ev, _, kind in evidence if ev.event_id is not None],
        "quote_spans": [{"start": s, "end": e, "speaker": n} for s, e, n in session.execute(
            select(QuoteRow.start, QuoteRow.end, EntityRow.name)
            .outerjoin(EntityRow, EntityRow.id == QuoteRow.speaker_id)
            .where(QuoteRow.document_id == document_id).order_by(QuoteRow.start))],
        "quote_count": session.scalar(select(func.count(QuoteRow.id)).where(QuoteRow.document_id == document_id)),
        "quotes": quotes(session, document_id=document_id, limit=per_page, offset=(quotes_page - 1) * per_page),
    }


def outlet_articles(session: Session, name: str, limit: int = CARD_DOCUMENTS) -> list[dict[str, Any]]:
    """The outlet's newest articles (an outlet's page lists `limit` of them)."""
    return [{"id": d.id, "title": article_title(d.title, d.source), "published": d.published}
            for d in session.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source,
                                            DocumentRow.published).where(DocumentRow.outlet == name)
                                     .order_by(DocumentRow.published.desc()).limit(limit))]


def quote_outlets(session: Session, speaker: str | None = None, outlet: str | None = None, **filters: Any
                  ) -> list[tuple[str, str, int]]:
    """How many of the quotes `quotes` would list each outlet carried each month: (outlet, YYYY-MM, quotes), the
    outlet the quote was given to, else the article's; undated quotes left out."""
    outlet_row = aliased(EntityRow)
    month = func.substr(func.coalesce(QuoteRow.date, DocumentRow.published), 1, 7)
    name = func.coalesce(outlet_row.name, DocumentRow.outlet, "unknown outlet")
    query = (select(name, month, func.count(QuoteRow.id))
             .join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
             .outerjoin(outlet_row, outlet_row.id == QuoteRow.outlet_id)
             .where(*_quote_filters(session, speaker, outlet, **filters), month.is_not(None),
                    func.length(month) == 7)
             .group_by(name, month).order_by(month, name))
    return [(n, m, c) for n, m, c in session.execute(query)]
