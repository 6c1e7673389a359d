"""Editorial review: editors confirm or reject facts, merge and split entities and set types.

Every decision is a row of its own (who, when, note) that names what it is about by name nodes, so it survives
re-ingest and re-extraction: entity decisions are rules that resolution applies (kb/rules.py); fact decisions are
matched to the facts of the day when they are read. A rejected fact stays rejected when another article states it
again; that article's evidence is listed as contested.
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..document import SYMMETRIC_PREDICATES
from ..errors import CastlineError
from ..extract.typer import TYPES
from . import queries
from .names import name_key
from .schema import AliasRow, DecisionRow, DocEntityRow, DocumentRow, EntityRow, EvidenceRow, FactRow, NameNodeRow
from .store import Store, _merge, _refresh_entities, _repoint, _split

STATUSES = ("unreviewed", "confirmed", "rejected")
FACT_KINDS = {"confirm": "confirmed", "reject": "rejected"}


class ReviewError(CastlineError):
    """A decision that cannot be taken: an unknown id, an alias the entity does not have, an unknown type."""


def editor(by: str | None) -> str:
    """Who decides: --by, else the login name."""
    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# ---- reading ----------------------------------------------------------------------------------------------------


def _nodes_of(session: Session, entity_ids: set[int]) -> dict[int, set[str]]:
    held: dict[int, set[str]] = {e: set() for e in entity_ids}
    for node, entity_id in session.execute(select(NameNodeRow.node, NameNodeRow.entity_id)
                                           .where(NameNodeRow.entity_id.in_(entity_ids))):
        held[entity_id].add(node)
    return held


def _decided_facts(session: Session, decisions: list[DecisionRow]) -> dict[int, DecisionRow]:
    """Each fact a fact decision is about today, with the latest decision about it."""
    wanted = {n for d in decisions for n in (*d.target["subject"], *(d.target.get("object") or ()))}
    owner = dict(session.execute(select(NameNodeRow.node, NameNodeRow.entity_id)
                                 .where(NameNodeRow.node.in_(wanted))).all()) if wanted else {}
    decided: dict[int, DecisionRow] = {}
    for decision in decisions:
        target = decision.target
        subjects = {owner[n] for n in target["subject"] if n in owner}
        objects = {owner[n] for n in target.get("object") or () if n in owner}
        if not subjects:
            continue
        if target.get("object") is None:
            match = (FactRow.subject_id.in_(subjects)) & (FactRow.object_value == target["value"])
        elif not objects:
            continue
        else:
            match = FactRow.subject_id.in_(subjects) & FactRow.object_id.in_(objects)
            if target["predicate"] in SYMMETRIC_PREDICATES:
                match = or_(match, FactRow.subject_id.in_(objects) & FactRow.object_id.in_(subjects))
        for fact_id in session.scalars(select(FactRow.id).where(FactRow.predicate == target["predicate"], match)):
            decided[fact_id] = decision
    return decided


def fact_decisions(session: Session) -> dict[int, DecisionRow]:
    """The latest confirm or reject decision of every fact that has one."""
    decisions = list(session.scalars(select(DecisionRow).where(DecisionRow.kind.in_(FACT_KINDS))
                                     .order_by(DecisionRow.made_at, DecisionRow.id)))
    return _decided_facts(session, decisions) if decisions else {}


def status_of(decision: DecisionRow | None) -> str:
    return FACT_KINDS[decision.kind] if decision is not None else "unreviewed"


def contested(session: Session, fact_id: int, decision: DecisionRow) -> list[dict[str, Any]]:
    """The evidence of a rejected fact from articles that were not behind it when it was rejected."""
    known = set(decision.sources or ())
    return [{"document": document_id, "source": source, "text": text}
            for document_id, source, text in session.execute(
                select(EvidenceRow.document_id, DocumentRow.source, EvidenceRow.text)
                .join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
                .where(EvidenceRow.fact_id == fact_id).order_by(EvidenceRow.document_id, EvidenceRow.start))
            if source not in known]


def review_list(session: Session, entity: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Facts (about `entity` if given) with id, confidence, sources and review status (only `status` if given)."""
    if entity is not None:
        found = queries.find_entities(session, entity)
        if not found:
            raise ReviewError(f"no entity called {entity!r}")
        facts = queries.facts_about(session, found[0].id)
    else:
        facts = queries.all_facts(session)
    decided = fact_decisions(session)
    out = []
    for fact in facts:
        decision = decided.get(fact["id"])
        fact["status"] = status_of(decision)
        if status is not None and fact["status"] != status:
            continue
        if decision is not None:
            fact["decision"] = _decision_dict(decision)
            if decision.kind == "reject":
                fact["contested"] = contested(session, fact["id"], decision)
        out.append(fact)
    return out


def _decision_dict(row: DecisionRow) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "by": row.made_by, "at": row.made_at.isoformat(timespec="seconds"),
            "note": row.note, "id_then": row.shown, "what": row.label}


def review_log(session: Session) -> list[dict[str, Any]]:
    """Every decision, oldest first."""
    return [_decision_dict(row) for row in session.scalars(select(DecisionRow).order_by(DecisionRow.made_at,
                                                                                           DecisionRow.id))]


# ---- deciding ---------------------------------------------------------------------------------------------------


def _entity(session: Session, entity_id: int) -> EntityRow:
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise ReviewError(f"no entity with id {entity_id}")
    return row


def _record(session: Session, kind: str, by: str | None, note: str | None, shown: int | None, label: str,
            target: dict[str, Any], sources: list[str] | None = None) -> DecisionRow:
    row = DecisionRow(kind=kind, made_by=editor(by), made_at=datetime.now(UTC), note=note or None, shown=shown,
                      label=label, target=target, sources=sources)
    session.add(row)
    session.flush()
    return row


def decide_fact(store: Store, fact_id: int, kind: str, by: str | None = None, note: str | None = None
                ) -> dict[str, Any]:
    """Confirm or reject a fact, as it is known now (its subject's and object's names, predicate, value)."""
    with store.writing() as session:
        fact = session.get(FactRow, fact_id)
        if fact is None:
            raise ReviewError(f"no fact with id {fact_id}")
        ids = {fact.subject_id} | ({fact.object_id} if fact.object_id else set())
        held = _nodes_of(session, ids)
        names = queries.entity_names(session, ids)
        obj = names[fact.object_id] if fact.object_id else json.loads(fact.object_value)
        sources = sorted(set(session.scalars(select(DocumentRow.source).join(
            EvidenceRow, EvidenceRow.document_id == DocumentRow.id).where(EvidenceRow.fact_id == fact_id))))
        target = {"subject": sorted(held[fact.subject_id]), "predicate": fact.predicate,
                  "object": sorted(held[fact.object_id]) if fact.object_id else None,
                  "value": None if fact.object_id else fact.object_value}
        label = f"{names[fact.subject_id]} {fact.predicate} {obj}"
        return _decision_dict(_record(session, kind, by, note, fact_id, label, target, sources))


def merge(store: Store, entity_id: int, into_id: int, by: str | None = None, note: str | None = None
          ) -> dict[str, Any]:
    """Fold one entity into another, now and whenever their articles are read again."""
    if entity_id == into_id:
        raise ReviewError("an entity cannot be merged into itself")
    with store.writing() as session:
        absorbed, survivor = _entity(session, entity_id), _entity(session, into_id)
        held = _nodes_of(session, {entity_id, into_id})
        decision = _record(session, "merge", by, note, entity_id, f"{absorbed.name} (e{entity_id}) is "
                           f"{survivor.name} (e{into_id})",
                           {"nodes": sorted(held[entity_id]), "into": sorted(held[into_id])})
        moved = _merge(session, into_id, {entity_id})
        session.flush()
        _repoint(session, moved)
        session.delete(absorbed)
        _refresh_entities(session, {into_id})
        return _decision_dict(decision)


def split(store: Store, entity_id: int, alias: str, by: str | None = None, note: str | None = None
          ) -> dict[str, Any]:
    """Take the articles' entities called `alias` out of an entity into one of their own, for good."""
    with store.writing() as session:
        entity = _entity(session, entity_id)
        key = name_key(alias)
        nodes = sorted({node for node, name in session.execute(
            select(DocEntityRow.node, DocEntityRow.name).where(DocEntityRow.entity_id == entity_id))
            if name_key(name) == key})
        if not nodes:
            names = sorted(set(session.scalars(select(AliasRow.alias).where(AliasRow.entity_id == entity_id))))
            raise ReviewError(f"no article calls entity {entity_id} ({entity.name}) {alias!r} as its name; "
                              f"its names: {', '.join(names)}")
        if len({n for n in session.scalars(select(DocEntityRow.node).where(DocEntityRow.entity_id == entity_id))}
               - set(nodes)) == 0:
            raise ReviewError(f"{alias!r} is every name of entity {entity_id}: nothing would be left")
        decision = _record(session, "split", by, note, entity_id, f"{alias} apart from {entity.name} (e{entity_id})",
                           {"apart": nodes})
        moved = _split(session, {entity_id})
        session.flush()
        _repoint(session, moved)
        _refresh_entities(session, {entity_id} | {e for _, e in moved})
        out = _decision_dict(decision)
        out["new_entity"] = session.scalar(select(NameNodeRow.entity_id).where(NameNodeRow.node == nodes[0]))
        return out


def set_type(store: Store, entity_id: int, kind: str, by: str | None = None, note: str | None = None
             ) -> dict[str, Any]:
    """Give an entity a type whatever its articles vote."""
    if kind not in TYPES:
        raise ReviewError(f"unknown type {kind!r}; the types are {', '.join(TYPES)}")
    with store.writing() as session:
        entity = _entity(session, entity_id)
        held = _nodes_of(session, {entity_id})[entity_id]
        decision = _record(session, "type", by, note, entity_id, f"{entity.name} (e{entity_id}) is a {kind}",
                           {"nodes": sorted(held), "type": kind})
        _refresh_entities(session, {entity_id})
        return _decision_dict(decision)
