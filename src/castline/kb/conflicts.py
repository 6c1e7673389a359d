"""Where sources disagree: two ages for one person at one date, two season counts, two air dates.

Facts are kept whatever their sources say; a conflict lists the competing
values side by side, each with the sentences that state it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .schema import DocumentRow, EntityRow, EvidenceRow, FactRow

# Predicates whose literal value is single for one subject at one time.
FUNCTIONAL_LITERALS = {"age"}
# Fact details that one fact can only have one value of.
SINGLE_QUALIFIERS = {"seasons", "air_date", "season", "number", "start", "end", "slot"}


def _source(evidence: EvidenceRow, documents: dict[int, DocumentRow]) -> dict[str, Any]:
    doc = documents[evidence.document_id]
    return {"document": doc.id, "source": doc.source, "outlet": doc.outlet, "published": doc.published,
            "start": evidence.start, "end": evidence.end, "text": evidence.text}


def find_conflicts(session: Session) -> list[dict[str, Any]]:
    """Every disagreement in the knowledge base, with the competing values and their sources."""
    documents = {d.id: d for d in session.scalars(select(DocumentRow))}
    names = dict(session.execute(select(EntityRow.id, EntityRow.name)).all())
    evidence: defaultdict[int, list[EvidenceRow]] = defaultdict(list)
    for row in session.scalars(select(EvidenceRow).where(EvidenceRow.fact_id.is_not(None))):
        evidence[row.fact_id].append(row)
    facts = list(session.scalars(select(FactRow)))
    conflicts: list[dict[str, Any]] = []

    literal_groups: defaultdict[tuple, list[FactRow]] = defaultdict(list)
    for fact in facts:
        if fact.predicate in FUNCTIONAL_LITERALS:
            as_of = str(fact.qualifiers.get("as_of") or "")[:4]
            literal_groups[(fact.subject_id, fact.predicate, as_of)].append(fact)
    for (subject, predicate, as_of), group in literal_groups.items():
        if len({f.object_value for f in group}) > 1:
            conflicts.append({
                "subject": {"id": subject, "name": names[subject]}, "predicate": predicate, "detail": "value",
                "as_of": as_of or None,
                "values": [{"value": json.loads(f.object_value),
                            "sources": [_source(e, documents) for e in evidence[f.id]]} for f in group]})

    for fact in facts:
        by_detail: defaultdict[str, defaultdict[str, list[EvidenceRow]]] = defaultdict(lambda: defaultdict(list))
        for row in evidence[fact.id]:
            for key, value in (row.qualifiers or {}).items():
                if key in SINGLE_QUALIFIERS and value is not None:
                    by_detail[key][json.dumps(value)].append(row)
        for detail, values in by_detail.items():
            if len(values) > 1:
                conflicts.append({
                    "subject": {"id": fact.subject_id, "name": names[fact.subject_id]},
                    "predicate": fact.predicate, "detail": detail,
                    "object": {"id": fact.object_id, "name": names[fact.object_id]} if fact.object_id else None,
                    "values": [{"value": json.loads(v), "sources": [_source(e, documents) for e in rows]}
                               for v, rows in values.items()]})
    return conflicts
