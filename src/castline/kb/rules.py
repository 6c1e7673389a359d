"""Editors' entity decisions as rules that entity resolution applies every time it runs (kb/review.py makes them).

A merge joins name nodes as an article's alias would; a split keeps a node apart from every other; a type decision
overrides the articles' vote. Rules name nodes, not entity ids, so re-ingesting or re-extracting articles in any
order rebuilds the same entities with the same decisions applied.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from .schema import DecisionRow


@dataclass
class EntityRules:
    partners: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    apart: set[str] = field(default_factory=set)
    types: list[tuple[set[str], str]] = field(default_factory=list)  # oldest first: the latest applies

    def links(self, own: str, linked: set[str]) -> set[str]:
        """The nodes an article entity links to once the rules apply."""
        if own in self.apart:
            return set()
        joined = set(linked)
        for node in (own, *linked):
            joined |= self.partners.get(node, set())
        return joined - self.apart - {own}

    def allowed(self, edge: tuple[str, str]) -> bool:
        return not (edge[0] in self.apart or edge[1] in self.apart)

    def extra_edges(self, members: set[str]) -> list[tuple[str, str]]:
        return [(a, b) for a in sorted(members) for b in sorted(self.partners.get(a, ())) if b in members]

    def type_of(self, entity_nodes: set[str]) -> str | None:
        found = None
        for nodes, kind in self.types:
            if nodes & entity_nodes:
                found = kind
        return found


def entity_rules(session: Session) -> EntityRules:
    rules = EntityRules()
    for kind, target in session.execute(select(DecisionRow.kind, DecisionRow.target)
                                        .where(DecisionRow.kind.in_(("merge", "split", "type")))
                                        .order_by(DecisionRow.made_at, DecisionRow.id)):
        if kind == "merge":  # a later decision undoes what an earlier one said of the same nodes
            rules.apart -= {*target["nodes"], *target["into"]}
            for a in target["nodes"]:
                for b in target["into"]:
                    rules.partners[a].add(b)
                    rules.partners[b].add(a)
        elif kind == "split":
            rules.apart |= set(target["apart"])
            for node in target["apart"]:
                for partner in rules.partners.pop(node, set()):
                    rules.partners[partner].discard(node)
        else:
            rules.types.append((set(target["nodes"]), target["type"]))
    return rules
