"""The graphml export: entities as nodes, facts between two entities as edges, for Gephi and networkx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx


def kb_graph(kb: dict[str, Any]) -> nx.MultiDiGraph:
    """One node per entity (name, type), one edge per entity-to-entity fact (predicate, confidence, sources)."""
    graph = nx.MultiDiGraph()
    for e in kb["entities"]:
        graph.add_node(e["id"], name=e["name"], type=e["type"], label=e["name"])
    for f in kb["facts"]:
        if isinstance(f["object"], str):
            graph.add_edge(f["subject"], f["object"], predicate=f["predicate"], label=f["predicate"],
                           confidence=float(f["confidence"]), sources=len(f["evidence"]),
                           status=f.get("status", "unreviewed"))
    return graph


def write_graphml(kb: dict[str, Any], path: Path) -> None:
    nx.write_graphml(kb_graph(kb), path)
