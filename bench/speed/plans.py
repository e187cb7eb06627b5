"""What the HTTP rows send: the corpus as load plans for the load generator (``load``), one request a line.

A plan is JSON Lines, ``{"path", "body", "chars"}`` a request, written before
any server starts so that encoding is never timed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common.corpus import Corpus, Document
from service.config import Settings

CONCURRENCIES = (1, 4)
# The ratios about throughput compare saturated servers: at concurrency 4 a
# worker never waits for its client, and a second worker has work to take.
SATURATED = 4
# A warm-up pass: the first documents up to this many characters, so that
# lazy initialisation and memory growth happen before any clock starts.
WARM_UP_CHARS = 50_000
# Room left in a batch body for what surrounds the documents (`{"documents": [...]}`).
ENVELOPE_BYTES = 1024


def write_plans(folder: Path, corpus: Corpus, settings: Settings, warm_up_requests: int) -> dict[str, Path]:
    """The three plans of a run, by name: ``single`` (a request a document), ``batch`` and ``warm_up``."""
    warm = warm_up_texts(corpus.texts, at_least=warm_up_requests)
    return {
        "single": write_plan(folder / "single.jsonl", single_requests(corpus.documents)),
        "batch": write_plan(folder / "batch.jsonl", batch_requests(batches_of(corpus.documents, settings))),
        "warm_up": write_plan(
            folder / "warm-up.jsonl", single_requests([Document(str(n), t) for n, t in enumerate(warm)])
        ),
    }


def write_plan(path: Path, requests: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests), encoding="utf-8")
    return path


def single_requests(documents: Sequence[Document]) -> list[dict[str, Any]]:
    return [{"path": "/v1/quotes", "body": {"text": d.text}, "chars": len(d.text)} for d in documents]


def batch_requests(batches: Sequence[Sequence[Document]]) -> list[dict[str, Any]]:
    return [
        {
            "path": "/v1/quotes/batch",
            "body": {"documents": [{"id": d.id, "text": d.text} for d in batch]},
            "chars": sum(len(d.text) for d in batch),
        }
        for batch in batches
    ]


def warm_up_texts(texts: Sequence[str], at_least: int = 1) -> list[str]:
    """The first texts up to ``WARM_UP_CHARS``, cycled to at least ``at_least`` of them."""
    chosen: list[str] = []
    for text in texts:
        if chosen and sum(map(len, chosen)) + len(text) > WARM_UP_CHARS:
            break
        chosen.append(text)
    while len(chosen) < at_least:
        chosen.append(texts[len(chosen) % len(texts)])
    return chosen


def batches_of(documents: Sequence[Document], settings: Settings) -> list[list[Document]]:
    """Documents grouped into batches the service accepts (documents, characters and body bytes)."""
    batches: list[list[Document]] = [[]]
    chars = size = 0
    for document in documents:
        body_size = len(json.dumps({"id": document.id, "text": document.text}, ensure_ascii=False).encode("utf-8")) + 2
        full = (
            len(batches[-1]) >= settings.batch_max_documents
            or chars + len(document.text) > settings.batch_max_chars
            or size + body_size > settings.max_body_bytes - ENVELOPE_BYTES
        )
        if full and batches[-1]:
            batches.append([])
            chars = size = 0
        batches[-1].append(document)
        chars += len(document.text)
        size += body_size
    return batches
