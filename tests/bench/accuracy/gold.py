"""Annotated sets of our own in the shared scorer's format, from ``tests/articles`` and its ``gold.json``.

The shared data is never copied into the project: the evaluation's tests
write these in a folder laid out like ``../shared`` instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.accuracy.sets import RUNS

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def gold_articles() -> list[dict[str, Any]]:
    """Each sample article with its quotes at their offsets, as the scorer's gold lines."""
    gold: dict[str, list[dict[str, Any]]] = json.loads((ARTICLES / "gold.json").read_text(encoding="utf-8"))
    lines = []
    for name, quotes in gold.items():
        text = (ARTICLES / name).read_text(encoding="utf-8")
        annotated = []
        for quote in quotes:
            start = text.index(quote["quote"])
            annotated.append(
                {
                    "start": start,
                    "end": start + len(quote["quote"]),
                    "type": quote["type"],
                    "speaker": quote["speaker"],
                    "affiliation": quote["affiliation"],
                }
            )
        lines.append({"id": name, "text": text, "quotes": annotated, "capability": name.removesuffix(".txt")})
    return lines


def shared_folder(root: Path, scorer: str | None = None) -> Path:
    """A folder laid out like ``../shared``: our gold at every set's path, and ``scorer`` (a script) as the scorer."""
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in gold_articles())
    for run in RUNS:
        path = run.set.file(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if scorer is not None:
        (root / "eval").mkdir(exist_ok=True)
        (root / "eval" / "score.py").write_text(scorer, encoding="utf-8")
    return root
