"""Row 6: the engine's time per character on one block of text repeated to about 5k, 50k and 100k characters.

Every length is whole copies of one block, so that only the length changes
between rows, not what the text is about; raw spaCy runs on the same text
alongside, so that growth faster than linear can be put on the parse or on
the rules.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from spacy.language import Language

from bench.common.progress import log
from bench.common.stats import Timed, throughput, timed
from bench.speed.inprocess import run_spacy
from service.attribution.pipeline import QuoteExtractor

LENGTHS = (5_000, 50_000, 100_000)


def copies_for(block: str, target: int) -> int:
    """How many copies of ``block``, one paragraph break apart, make about ``target`` characters."""
    return max(1, round((target + 2) / (len(block) + 2)))


def length_block(texts: Sequence[str], size: int = LENGTHS[0]) -> str:
    """The text repeated for the length rows: the document closest to ``size``, topped up with the next ones."""
    start = min(range(len(texts)), key=lambda k: abs(len(texts[k]) - size))
    parts = [texts[start]]
    k = start
    while len("\n\n".join(parts)) < 0.9 * size:
        k = (k + 1) % len(texts)
        parts.append(texts[k])
    return "\n\n".join(parts)


def long_text(texts: Sequence[str]) -> str:
    """The longest of the length rows' texts, at most 100,000 characters (the service's default limit, which a
    text rounded up past it would meet with a 413): the article the memory row sends a fresh worker."""
    block = length_block(texts)
    return "\n\n".join([block] * max(1, (LENGTHS[-1] + 2) // (len(block) + 2)))


def length_section(extractor: QuoteExtractor, raw: Language, texts: Sequence[str], repeat: int) -> dict[str, Any]:
    """Time per character of the engine, and of raw spaCy beside it, at each of ``LENGTHS``."""
    block = length_block(texts)
    rows: dict[str, Any] = {}
    for target in LENGTHS:
        copies = copies_for(block, target)
        text = "\n\n".join([block] * copies)
        log(f"length {len(text)} characters, {repeat} repetition(s)")
        engine, spacy_ = [], []
        for _ in range(repeat):
            engine.append(timed(lambda: extractor.extract(text)))
            spacy_.append(timed(lambda: run_spacy(raw, [text])))
        rows[str(target)] = length_row(text, copies, engine, spacy_)
    return {"block_chars": len(block), "lengths": rows}


def length_row(text: str, copies: int, engine: Sequence[Timed], spacy_: Sequence[Timed]) -> dict[str, Any]:
    timings = [run.result.timing for run in engine]
    row = throughput(engine, len(text))
    return {
        "chars": len(text),
        "copies": copies,
        **row,
        "us_per_char": row["median_seconds"] / len(text) * 1e6,
        "parse_seconds": [t.parse for t in timings],
        "attribution_seconds": [t.attribution for t in timings],
        "quotes": len(engine[-1].result.quotes),
        "spacy_seconds": [run.seconds for run in spacy_],
        "spacy_us_per_char": statistics.median(run.seconds for run in spacy_) / len(text) * 1e6,
    }
