"""Learn which verbs report speech, and in which frame, from an annotated corpus.

    python -m service.attribution.training ../shared/data/polnear/train.jsonl

parses every article with the engine's own pipeline and, for every verb that
takes a clause, an infinitive or an object (``cues.verb_frame``) and has a
speaker (``speakers.find_speaker``), counts how often the annotators marked
that verb as an attribution cue. The counts per lemma and frame go to
``service/attribution/cue_frames.json``, which ``cues.reporting_frame`` reads;
the thresholds that turn counts into decisions are in ``lexicon.py``.

It sits beside the engine's stages but is none of them: no stage imports it,
and the engine only reads the JSON file it writes.

The corpus is JSON Lines of ``{"text", "quotes": [{"cue_start", "cue_end"}]}``
(PolNeAR as the shared data gives it). Only counts are written: no text.
Needs the corpus at training time only; the service runs on the JSON file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from service.attribution.cues import CUE_FRAMES_FILE, is_verb, verb_frame
from service.attribution.speakers import find_speaker
from service.attribution.tagging import lemma

DEFAULT_OUTPUT = Path(__file__).parent / "attribution" / CUE_FRAMES_FILE
MIN_SEEN_TO_KEEP = 3
"""Rarer pairs are left out of the file: the engine could not trust them anyway."""


def cue_characters(article: dict[str, Any]) -> set[int]:
    """Offsets of every character inside a gold cue of the article."""
    chars: set[int] = set()
    for quote in article.get("quotes", []):
        if quote.get("cue_start") is not None and quote.get("cue_end") is not None:
            chars.update(range(quote["cue_start"], quote["cue_end"]))
    return chars


def count_frames(pairs: Iterable[tuple[Doc, set[int]]]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(times seen, times a cue) per (lemma, frame) over parsed articles and their cue offsets."""
    seen: Counter[tuple[str, str]] = Counter()
    cues: Counter[tuple[str, str]] = Counter()
    for doc, cue_chars in pairs:
        for token in doc:
            frame = verb_frame(token) if is_verb(token) else None
            if frame is None or find_speaker(token) is None:
                continue
            key = (lemma(token), frame)
            seen[key] += 1
            cues[key] += token.idx in cue_chars
    return seen, cues


def to_json(seen: Counter[tuple[str, str]], cues: Counter[tuple[str, str]], source: dict[str, Any]) -> dict[str, Any]:
    frames = {
        f"{verb} {frame}": [seen[(verb, frame)], cues[(verb, frame)]]
        for verb, frame in sorted(seen)
        if seen[(verb, frame)] >= MIN_SEEN_TO_KEEP and cues[(verb, frame)] > 0
    }
    return {**source, "frames": frames}


def dump(data: dict[str, Any]) -> str:
    """The JSON with one frame a line, so that a retraining reads as a diff."""
    head = {k: v for k, v in data.items() if k != "frames"}
    lines = [f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in data["frames"].items()]
    header = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in head.items())
    return "{\n" + header + ',\n  "frames": {\n' + ",\n".join("  " + line for line in lines) + "\n  }\n}\n"


def _read(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="annotated JSON Lines, e.g. ../shared/data/polnear/train.jsonl")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    from service.attribution.pipeline import QuoteExtractor
    from service.nlp import default_model_name, load_pipeline, model_info

    nlp = QuoteExtractor(load_pipeline(default_model_name())).nlp
    articles = list(_read(args.corpus))
    docs = nlp.pipe((a["text"] for a in articles), batch_size=16)
    seen, cues = count_frames((doc, cue_characters(a)) for doc, a in zip(docs, articles))
    info = model_info(nlp)
    source = {"corpus": args.corpus.name, "articles": len(articles), "model": f"{info.name} {info.version}"}
    args.output.write_text(dump(to_json(seen, cues, source)), encoding="utf-8")
    print(f"{len(articles)} articles, {sum(seen.values())} verbs in a frame -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
