"""Entity cards by type: a person's roles, a show's cast and episodes, a character's ties, an outlet's quotes."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy.orm import Session

from . import queries
from .review import fact_decisions, status_of

TIES = ("spouse_of", "partner_of", "romantic_partner_of", "superior_of", "relative_of")


def _other(fact: dict[str, Any], entity_id: int) -> dict[str, Any]:
    return fact["object"] if fact["subject"]["id"] == entity_id else fact["subject"]


def _of(card: dict[str, Any], predicate: str, as_subject: bool = True) -> list[dict[str, Any]]:
    key = "subject" if as_subject else "object"
    return [f for f in card["facts"] if f["predicate"] == predicate and f[key].get("id") == card["id"]]


def person(card: dict[str, Any]) -> dict[str, Any]:
    tenure = {f["object"]["id"]: f for f in _of(card, "cast_member_of")}
    roles = []
    for fact in _of(card, "plays"):
        show = fact["qualifiers"].get("show")
        roles.append({"character": fact["object"], "show": show, "fact": fact,
                      "tenure": tenure.pop(show["id"], None) if isinstance(show, dict) else None})
    roles += [{"character": None, "show": f["object"], "fact": f, "tenure": f} for f in tenure.values()]
    related = {}
    for fact in card["facts"]:
        other = _other(fact, card["id"])
        if "id" in other and other["id"] != card["id"]:
            related.setdefault(other["id"], other)
    return {"roles": roles, "known_for": _of(card, "known_for"), "ages": _of(card, "age"),
            "from": _of(card, "from"), "member_of": _of(card, "member_of"), "related": list(related.values())}


def show(session: Session, card: dict[str, Any]) -> dict[str, Any]:
    members = _of(card, "cast_member_of", as_subject=False)
    roles = queries.facts_of(session, {f["subject"]["id"] for f in members}, "plays", max_sources=0)
    characters = {f["subject"]["id"] for f in _of(card, "character_in", as_subject=False)}
    cast = []
    for fact in members:
        actor = fact["subject"]
        # a role belongs to this show when its character does (articles may disagree on a role's show)
        plays = [f for f in roles if f["subject"]["id"] == actor["id"] and f["object"]["id"] in characters]
        cast.append({"actor": actor, "characters": [p["object"] for p in plays], "fact": fact})
    listed = _of(card, "episode_of", as_subject=False)
    directing = queries.facts_of(session, {f["subject"]["id"] for f in listed}, "directed", as_object=True,
                                 max_sources=0)
    episodes = []
    for fact in listed:
        episode = fact["subject"]
        directors = [f["subject"] for f in directing if f["object"]["id"] == episode["id"]]
        episodes.append({"episode": episode, "fact": fact, "directors": directors, **fact["qualifiers"]})
    episodes.sort(key=lambda e: (e.get("season") or 0, e.get("number") or 0, e.get("air_date") or ""))
    return {"cast": cast, "episodes": episodes, "characters": _of(card, "character_in", as_subject=False),
            "networks": _of(card, "airs_on"), "franchises": _of(card, "part_of"),
            "creators": _of(card, "created_by")}


def character(card: dict[str, Any]) -> dict[str, Any]:
    ties = [f for f in card["facts"] if f["predicate"] in TIES]
    return {"played_by": _of(card, "plays", as_subject=False), "shows": _of(card, "character_in"),
            "ties": ties, "graph": graph(card, ties)}


def graph(card: dict[str, Any], ties: list[dict[str, Any]], size: int = 360) -> dict[str, Any]:
    """A small star layout: the character in the middle, each tie around it."""
    centre = size / 2
    others = []
    for fact in ties:
        other = _other(fact, card["id"])
        label = fact["predicate"].replace("_of", "").replace("_", " ")
        if fact["predicate"] == "superior_of":
            label = "boss" if fact["subject"]["id"] == other["id"] else "reports"
        if fact["predicate"] == "relative_of" and fact["qualifiers"].get("relation"):
            label = fact["qualifiers"]["relation"]
        others.append((other, label))
    nodes = [{"x": centre, "y": centre, "name": card["name"], "id": card["id"]}]
    edges = []
    for index, (other, label) in enumerate(others):
        angle = 2 * math.pi * index / max(len(others), 1) - math.pi / 2
        x, y = centre + 130 * math.cos(angle), centre + 130 * math.sin(angle)
        nodes.append({"x": round(x), "y": round(y), "name": other["name"], "id": other["id"]})
        edges.append({"x1": centre, "y1": centre, "x2": round(x), "y2": round(y), "label": label,
                      "lx": round((centre + x) / 2), "ly": round((centre + y) / 2) - 4})
    return {"size": size, "nodes": nodes, "edges": edges}


def card(session: Session, entity_id: int) -> dict[str, Any] | None:
    """The entity card with, under `view`, what its type's page shows."""
    found = queries.entity_card(session, entity_id)
    if found is None:
        return None
    decided = fact_decisions(session)
    for fact in found["facts"]:
        fact["status"] = status_of(decided.get(fact["id"]))
    kind = found["type"]
    if kind == "person":
        found["view"] = person(found)
    elif kind == "show":
        found["view"] = show(session, found)
    elif kind == "character":
        found["view"] = character(found)
    elif kind == "outlet":
        found["view"] = {"given": queries.quotes(session, outlet_id=entity_id, limit=queries.CARD_QUOTES),
                         "articles": queries.outlet_articles(session, found["name"])}
    else:
        found["view"] = {}
    return found
