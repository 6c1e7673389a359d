"""The type model: logistic regressions from a name's cues to whether it is a name, and to its type.

Each name cluster of an article becomes a sparse feature vector (cue ids,
the language model's labels, the name's shape, where it sits). One head
decides whether the cluster names anything worth an entity (a binary
logistic regression), the other which type it has if so (a multinomial one):
a quoted title is surely a name even while it is unclear whether it names a
show, an episode or a film, and splitting that evidence across the types
would hand the decision to "none". The probability of a type is P(name) x
P(type | name); of "none", 1 - P(name).

Weights ship in `data/typer.json`, fitted by `castline.extract.fit` from
hand-labelled articles with each weight pulled towards a prior (the type a
cue suggests), so that cues rare in the training articles keep their
hand-set meaning. The features that pushed most towards the chosen type are
kept as the reasons for it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cues import CUES
from .relpatterns import PATTERNS, sides

TYPES = ("person", "character", "show", "episode", "network", "outlet", "organization", "work", "franchise",
         "place")
CLASSES = (*TYPES, "none")
NAME = "name"  # the weights of the name-or-not head
MODEL_PATH = Path(__file__).parent / "data" / "typer.json"
# Prior weight of a general list towards its type (a cue's own prior is in cues.py), and of a side of a
# relation pattern towards the types it allows (shared among them).
LEXICON_PRIOR = 6.0
SLOT_PRIOR = 1.5
# Prior leanings of the language model's labels and of name shapes, before any fitting.
FEATURE_PRIORS: dict[str, dict[str, float]] = {
    "ner/PERSON": {"person": 1.0, "character": 0.6},
    "ner/ORG": {"organization": 0.5, "show": 0.3},
    "ner/GPE": {"place": 1.0},
    "ner/LOC": {"place": 1.0},
    "ner/FAC": {"place": 0.5},
    "ner/WORK_OF_ART": {"work": 0.7, "show": 0.5},
    "ner/none": {"none": 0.5},
    "quoted/title": {"show": 0.5, "episode": 0.5, "work": 0.5},
    "shape/org-suffix": {"organization": 1.5},
    "context/after-network": {"show": 2.0},
    "context/credit-epithet": {"show": 2.0, "work": 2.0, "none": -4.0},
    "doc/in-url": {"show": 0.7, "person": 0.7},
    "doc/in-title": {"show": 0.5, "person": 0.5},
    "shape/place-suffix": {"place": 1.0},
    "shape/character-title": {"character": 1.0},
    "shape/the": {"show": 1.0, "work": 0.5},
    "paren/pair": {"character": 0.5, "person": 0.5},
    "position/proper-noun": {"none": -1.0},
    "shape/common-word": {"none": 1.5},
    "shape/given-name": {"person": 1.0, "character": 0.7, "none": -1.0},
    "shape/given-name-alone": {"character": 0.8, "person": 0.3, "none": -0.5},
    "possessive/owned-by-person": {"character": 1.5},
    "possessive/owned": {"character": 0.5, "show": 0.3},
    "possessive/owned-by-network": {"show": 2.0},
    "possessive/owned-by-show": {"character": 1.5},
    "dep/reporting-subject": {"person": 1.5},
    "verb/career": {"person": 0.7},
    "verb/story": {"character": 0.7},
    "bias": {"none": 0.5},
}


def prior_weights() -> dict[str, dict[str, float]]:
    """The hand-set leanings every fitted weight is pulled towards: per type, and under NAME towards being a
    name at all (every cue says so; what leans to "none" says the opposite)."""
    priors: dict[str, dict[str, float]] = {}
    for feature, leaning in FEATURE_PRIORS.items():
        priors[feature] = {k: v for k, v in leaning.items() if k != "none"}
        priors[feature][NAME] = -leaning["none"] if "none" in leaning else 0.5
    for cue in CUES:
        priors.setdefault(f"cue/{cue.id}", {NAME: 1.0})[cue.suggests] = cue.prior
    for pattern in PATTERNS:
        for side, allowed in zip(("left", "right"), sides(pattern) or (), strict=False):
            priors[f"slot/{pattern.id}/{side}"] = {NAME: 1.0} | {t: SLOT_PRIOR / len(allowed) for t in allowed}
    for kind in TYPES:
        priors[f"lexicon/{kind}"] = {kind: LEXICON_PRIOR, NAME: LEXICON_PRIOR}
        priors[f"list/{kind}"] = {kind: 1.0, NAME: 1.0}
    return priors


@dataclass
class TypeModel:
    weights: dict[str, dict[str, float]]  # feature -> type (or NAME) -> weight
    fitted_on: str = "priors only"

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        """Probability of each type and of "none" for one feature vector."""
        logits = {c: 0.0 for c in (*TYPES, NAME)}
        for name, value in features.items():
            for kind, weight in self.weights.get(name, {}).items():
                logits[kind] += weight * value
        named = 1 / (1 + math.exp(-max(-30.0, min(30.0, logits.pop(NAME)))))
        top = max(logits.values())
        exp = {c: math.exp(v - top) for c, v in logits.items()}
        total = sum(exp.values())
        return {**{c: named * v / total for c, v in exp.items()}, "none": 1 - named}

    def reasons(self, features: dict[str, float], kind: str, limit: int = 4) -> list[str]:
        """The features that pushed most towards `kind` (above their average pull towards the other types)."""
        pulls = []
        for name, value in features.items():
            by_type = {k: v for k, v in self.weights.get(name, {}).items() if k != NAME}
            mean = sum(by_type.values()) / len(TYPES)
            pull = (by_type.get(kind, 0.0) - mean) * value
            if pull > 0.1 and name != "bias":
                pulls.append((pull, name))
        return [name for _, name in sorted(pulls, reverse=True)[:limit]]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> TypeModel:
    """The shipped model, or the priors alone where none has been fitted."""
    if not path.exists():
        return TypeModel(prior_weights())
    data = json.loads(path.read_text())
    # a feature the fitted articles never showed has its prior as its weight, as the fit's pull would leave it
    return TypeModel(prior_weights() | data["weights"], data.get("fitted_on", ""))
