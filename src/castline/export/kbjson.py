"""The castline-kb/1 JSON export (../shared/eval/FORMAT.md): documents, entities, facts, quotes, events."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import IO, Any

from sqlalchemy import select

from ..document import ENTITY_QUALIFIERS
from ..kb import Store
from ..kb.conflicts import find_conflicts
from ..kb.queries import confidence
from ..kb.reasons import described
from ..kb.review import fact_decisions, status_of
from ..kb.schema import (
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

FORMAT = "castline-kb/1"


def _eid(entity_id: int | None) -> str | None:
    return None if entity_id is None else f"e{entity_id}"


def _evidence(rows: list[EvidenceRow]) -> list[dict[str, Any]]:
    return [{"doc": f"d{r.document_id}", "start": r.start, "end": r.end, "text": r.text}
            for r in sorted(rows, key=lambda r: (r.document_id, r.start))]


def export_kb(store: Store, include_rejected: bool = False) -> dict[str, Any]:
    """The whole knowledge base as one castline-kb/1 object; facts an editor rejected only if `include_rejected`."""
    with store.reads() as session:
        rows = list(session.scalars(select(DocumentRow).order_by(DocumentRow.id)))
        documents = [{"id": f"d{d.id}", "source": d.source, "title": d.title, "url": d.url,
                      "outlet": d.outlet, "author": d.author, "published": d.published,
                      "published_inferred": d.published_inferred,
                      "retrieved": d.ingested_at.date().isoformat(), "text": d.text, "removed": d.removed,
                      "removed_rules": d.removed_rules or []}
                     for d in rows]
        outlets = {d.id: d.outlet for d in rows}
        aliases: defaultdict[int, list[str]] = defaultdict(list)
        for row in session.scalars(select(AliasRow).order_by(AliasRow.id)):
            if row.alias not in aliases[row.entity_id]:
                aliases[row.entity_id].append(row.alias)
        mentions: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in session.scalars(select(MentionRow).order_by(MentionRow.document_id, MentionRow.start)):
            mentions[row.entity_id].append({"doc": f"d{row.document_id}", "start": row.start, "end": row.end})
        entities = [{"id": _eid(e.id), "name": e.name, "type": e.type,
                     "aliases": [a for a in aliases[e.id] if a != e.name], "mentions": mentions[e.id],
                     "type_votes": dict(sorted((e.type_votes or {}).items(), key=lambda kv: (-kv[1], kv[0]))),
                     "reasons": [described(reason) | {"articles": n} for reason, n in e.reasons or ()]}
                    for e in session.scalars(select(EntityRow).order_by(EntityRow.id))]
        fact_evidence: defaultdict[int, list[EvidenceRow]] = defaultdict(list)
        event_evidence: defaultdict[int, list[EvidenceRow]] = defaultdict(list)
        for row in session.scalars(select(EvidenceRow)):
            if row.fact_id is not None:
                fact_evidence[row.fact_id].append(row)
            else:
                event_evidence[row.event_id].append(row)
        facts = []
        decided = fact_decisions(session)
        for f in session.scalars(select(FactRow).order_by(FactRow.id)):
            status = status_of(decided.get(f.id))
            if status == "rejected" and not include_rejected:
                continue
            obj = {"value": json.loads(f.object_value)} if f.object_id is None else _eid(f.object_id)
            qualifiers = {k: (_eid(v) if k in ENTITY_QUALIFIERS and isinstance(v, int) else v)
                          for k, v in f.qualifiers.items()}
            facts.append({"id": f"f{f.id}", "status": status,
                          "subject": _eid(f.subject_id), "predicate": f.predicate, "object": obj,
                          "qualifiers": qualifiers, "evidence": _evidence(fact_evidence[f.id]),
                          "confidence": confidence(len({outlets[e.document_id] or e.document_id
                                                        for e in fact_evidence[f.id]}))})
        quotes = [_quote(q) for q in session.scalars(select(QuoteRow).order_by(QuoteRow.document_id, QuoteRow.start))]
        participants: defaultdict[int, list[str]] = defaultdict(list)
        for row in session.scalars(select(EventParticipantRow)):
            participants[row.event_id].append(_eid(row.entity_id))
        events = [{"date": v.date, "type": v.type, "participants": participants[v.id], "summary": v.summary,
                   "evidence": _evidence(event_evidence[v.id])}
                  for v in session.scalars(select(EventRow).order_by(EventRow.date, EventRow.id))]
        conflicts = [_ids_of(c) for c in find_conflicts(session)]
    return {"format": FORMAT, "documents": documents, "entities": entities, "facts": facts,
            "quotes": quotes, "events": events, "conflicts": conflicts}


def _quote(q: QuoteRow) -> dict[str, Any]:
    """A quote as its article gives it; what its group lends where the article is silent goes under `inferred`."""
    out = {"doc": f"d{q.document_id}", "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
           "speaker": _eid(q.speaker_id), "outlet": _eid(q.outlet_id), "date": q.date, "cue": q.cue,
           "group": f"q{q.group_id}"}
    lent = {"speaker": _eid(q.lent_speaker_id), "outlet": _eid(q.lent_outlet_id), "date": q.lent_date}
    if q.lent_from_id is not None and any(lent.values()):
        out["inferred"] = {k: v for k, v in lent.items() if v} | {"from": f"d{q.lent_from_id}"}
    return out


def _ids_of(conflict: dict[str, Any]) -> dict[str, Any]:
    """A conflict with entity and document references as export ids: an entity value becomes its id."""
    out = {"kind": conflict["kind"], "subject": _eid(conflict["subject"]["id"]), "predicate": conflict["predicate"],
           "detail": conflict["detail"]}
    for key in ("object", "show"):
        if conflict.get(key):
            out[key] = _eid(conflict[key]["id"])
    out["note"] = conflict["note"]
    if "pairs" in conflict:
        out["pairs"] = conflict["pairs"]
    out["values"] = []
    for value in conflict["values"]:
        entity = value.get("entity")
        row = {"value": _eid(entity["id"]) if entity else value["value"]}
        row |= {key: value[key] for key in ("as_of", "born", "tenure") if value.get(key)}
        row["evidence"] = [{"doc": f"d{s['document']}", "start": s["start"], "end": s["end"], "text": s["text"]}
                           for s in value["sources"]]
        out["values"].append(row)
    return out


def write_kb(kb: dict[str, Any], out: IO[str]) -> None:
    json.dump(kb, out, ensure_ascii=False, indent=1)
    out.write("\n")
