"""Entity resolution across articles as a function of the set of articles, never of their order.

Each article's entity is a node named by its name key and a broad family of
types; the aliases an article gives it ("Capt. Nora Vance", "HCF") link
further nodes to it. The knowledge base's entities are the connected
components of this graph, so adding articles in any order yields the same
clusters. A cluster's name and type are then voted by all its articles: the
most used name, the type with the highest summed probability.

Single words are weak evidence: "Carl" in one article is the same "Carl" in
another only if both articles are about the same show, and a first name or a
surname never links to a full name across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..document import Entity
from .names import is_proper_name, name_key

# Broad families of types: articles may disagree on the type within a family, and a name shared across
# families is usually two things ("Fox" the network, "Fox" a surname).
FAMILIES = {"person": "people", "character": "people", "show": "titles", "work": "titles", "franchise": "titles",
            "episode": "titles", "network": "orgs", "outlet": "orgs", "organization": "orgs", "place": "places"}
TYPE_ORDER = ("person", "character", "show", "episode", "network", "outlet", "organization", "work", "franchise",
              "place")


def _coarse(family: str) -> str:
    """Full names keep people apart from everything else only: a show and a work by one name are one."""
    return "people" if family == "people" else "things"


def nodes(entity: Entity, context: str = "") -> tuple[str, set[str]]:
    """The entity's own node, and the nodes its aliases link to it.

    `context` is the show the article is about: single-word people only meet within it.
    """
    family = FAMILIES.get(entity.type, "things")
    key = name_key(entity.name)
    if _words(entity.name) > 1:
        own = f"{_coarse(family)}:{key}"
    else:
        own = f"{family}:{key}" + (f"@{context}" if family == "people" else "")
    linked = set()
    for alias in entity.aliases:
        alias_key = name_key(alias)
        if not alias_key or not is_proper_name(alias):
            continue
        if _words(alias) > 1:
            linked.add(f"{_coarse(family)}:{alias_key}")
        elif family == "titles" and alias.isupper() and len(alias) >= 2:
            linked.add(f"titles:{alias_key}")  # an acronym the article spells out: "HCF"
    return own, linked - {own}


def _words(name: str) -> int:
    """Words of a name as its key counts them: a leading 'the' is no word ("The Wrap" is "Wrap")."""
    return len(re.sub(r"^the\s+", "", name.strip(), flags=re.I).split())


def components(edges: Iterable[tuple[str, str]], members: Iterable[str]) -> list[set[str]]:
    """Connected components of the nodes `members` under `edges` (union-find)."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for node in members:
        find(node)
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for node in parent:
        groups.setdefault(find(node), set()).add(node)
    return sorted(groups.values(), key=min)


def canonical_name(names: Iterable[str]) -> str:
    """The name most articles use; among equals the fullest, then the first in alphabetical order."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], -len(n.split()), -len(n), n))


def vote_type(scores: Iterable[dict[str, float]]) -> tuple[str, dict[str, float]]:
    """The type with the highest probability summed over articles, and the sums."""
    total: Counter = Counter()
    for article in scores:
        total.update({k: v for k, v in article.items() if k in TYPE_ORDER})
    votes = {k: round(v, 4) for k, v in total.items() if v > 0}
    best = max(TYPE_ORDER, key=lambda t: (votes.get(t, 0.0), -TYPE_ORDER.index(t)))
    return best, votes


def article_scores(entity: Entity) -> dict[str, float]:
    """An article's vote on an entity's type: half for the type it decided, half spread as its model's
    probabilities (so that a type settled by a pair, "Nora Vance (Mara Quinn)", still counts in full)."""
    if not entity.scores:  # typed without the model: a doubtful type counts for half
        return {entity.type: 1.0 if entity.certain else 0.5}
    probabilities = {k: v for k, v in entity.scores.items() if k in TYPE_ORDER}
    total = sum(probabilities.values())
    votes = Counter({k: 0.5 * v / total for k, v in probabilities.items()}) if total else Counter()
    votes[entity.type] += 1.0 - sum(votes.values())
    return {k: round(v, 4) for k, v in votes.items() if v >= 0.0001}
