"""The type model: a multinomial logistic regression from a name's cues to its entity type.

Each name cluster of an article becomes a sparse feature vector (cue ids,
the language model's labels, the name's shape, where it sits); the model
gives a probability for every type and for "none" (not a name worth an
entity). Weights ship in `data/typer.json`, fitted by `castline.extract.fit`
from hand-labelled articles with each weight pulled towards a prior (the
type a cue suggests), so that cues rare in the training articles keep their
hand-set meaning. The features with the largest share of the winning score
are kept as the reasons for the type.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cues import CUES, LINKS

CLASSES = ("person", "character", "show", "episode", "network", "outlet", "organization", "work", "franchise",
           "place", "none")
MODEL_PATH = Path(__file__).parent / "data" / "typer.json"
# Prior weight of a general list towards its type (a cue's own prior is in cues.py).
LEXICON_PRIOR = 6.0
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
    "shape/place-suffix": {"place": 1.0},
    "shape/character-title": {"character": 1.0},
    "shape/the": {"show": 1.0, "work": 0.5},
    "paren/outer": {"character": 1.0},
    "paren/inner": {"person": 1.0},
    "position/proper-noun": {"none": -1.0},
    "shape/common-word": {"none": 1.5},
    "possessive/owned-by-person": {"character": 1.5},
    "possessive/owned": {"character": 0.5, "show": 0.3},
    "possessive/owned-by-network": {"show": 2.0},
    "possessive/owned-by-show": {"character": 1.5},
    "dep/reporting-subject": {"person": 1.5},
    "bias": {"none": 0.5},
}


def prior_weights() -> dict[str, dict[str, float]]:
    """The hand-set leanings every fitted weight is pulled towards."""
    priors = {f: dict(w) for f, w in FEATURE_PRIORS.items()}
    for cue in CUES:
        priors.setdefault(f"cue/{cue.id}", {})[cue.suggests] = cue.prior
    for link in LINKS:
        priors[f"link/{link.id}/actor"] = {"person": 1.5}
        priors[f"link/{link.id}/character"] = {"character": 1.5}
    for kind in CLASSES:
        priors.setdefault(f"lexicon/{kind}", {})[kind] = LEXICON_PRIOR
    return priors


@dataclass
class TypeModel:
    weights: dict[str, dict[str, float]]  # feature -> class -> weight
    fitted_on: str = "priors only"

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        """Probability of each class for one feature vector."""
        logits = {c: 0.0 for c in CLASSES}
        for name, value in features.items():
            for kind, weight in self.weights.get(name, {}).items():
                logits[kind] += weight * value
        top = max(logits.values())
        exp = {c: math.exp(v - top) for c, v in logits.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}

    def reasons(self, features: dict[str, float], kind: str, limit: int = 4) -> list[str]:
        """The features that pushed most towards `kind` (above their average pull towards the others)."""
        pulls = []
        for name, value in features.items():
            by_class = self.weights.get(name, {})
            mean = sum(by_class.values()) / len(CLASSES)
            pull = (by_class.get(kind, 0.0) - mean) * value
            if pull > 0.1 and name != "bias":
                pulls.append((pull, name))
        return [name for _, name in sorted(pulls, reverse=True)[:limit]]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> TypeModel:
    """The shipped model, or the priors alone where none has been fitted."""
    if not path.exists():
        return TypeModel(prior_weights())
    data = json.loads(path.read_text())
    return TypeModel(data["weights"], data.get("fitted_on", ""))
