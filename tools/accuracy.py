"""Dev-set accuracy per measure and per article kind, as docs/accuracy.md reports it.

    python tools/accuracy.py ../shared/corpus/dev [--db dev.db]

Ingests the corpus into a fresh knowledge base, exports it, and runs the shared scorer
(../shared/eval/score.py) on all articles and on the articles of each kind in meta.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURES = [("entities F1", "entities", "f1"), ("typed R", "entities", "typed_recall"),
            ("facts F1", "facts", "f1"), ("quotes F1", "quotes", "f1"), ("speaker", "quotes", "speaker_accuracy"),
            ("outlet", "quotes", "outlet_accuracy"), ("quote date", "quotes", "date_accuracy"),
            ("published", "published_accuracy", None), ("events F1", "events", "f1")]


def score(export: Path, gold: Path, scorer: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(scorer), str(export), str(gold), "--json", out.name], check=True,
                       capture_output=True)
        return json.loads(Path(out.name).read_text())


def cell(scores: dict, section: str, measure: str | None) -> str:
    value = scores[section] if measure is None else scores[section][measure]
    return "–" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    scorer = args.corpus.resolve().parents[1] / "eval" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "kb.db")
        export = Path(tmp) / "kb.json"
        subprocess.run(["castline", "ingest", str(args.corpus), "--db", db, "--jobs", "2"], check=False,
                       capture_output=True)
        subprocess.run(["castline", "export", "--db", db, "--format", "kb-json", "-o", str(export)], check=True)
        meta = json.loads((args.corpus / "meta.json").read_text())
        rows = [("all", len(meta), score(export, args.corpus / "gold", scorer))]
        for kind in sorted({m["kind"] for m in meta.values()}):
            folder = Path(tmp) / kind
            folder.mkdir()
            names = [name for name, m in meta.items() if m["kind"] == kind]
            for name in names:
                shutil.copy(args.corpus / "gold" / (Path(name).stem + ".json"), folder)
            rows.append((kind, len(names), score(export, folder, scorer)))
    print("| articles | n | " + " | ".join(m[0] for m in MEASURES) + " |")
    print("|---|---|" + "---|" * len(MEASURES))
    for kind, n, scores in rows:
        print(f"| {kind} | {n} | " + " | ".join(cell(scores, s, m) for _, s, m in MEASURES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
