"""``bench/plans.py``: what the HTTP rows send stays within what the service accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.common.corpus import Corpus, Document
from bench.speed.plans import batches_of, write_plans
from service.config import Settings


def test_batches_stay_within_the_service_limits() -> None:
    settings = Settings(batch_max_documents=3, batch_max_chars=25)
    documents = [Document(str(n), "x" * 10) for n in range(7)]
    batches = batches_of(documents, settings)
    assert [len(batch) for batch in batches] == [2, 2, 2, 1]
    assert [d for batch in batches for d in batch] == documents


def test_a_document_longer_than_a_batch_still_goes_alone() -> None:
    settings = Settings(batch_max_documents=3, batch_max_chars=25)
    documents = [Document("a", "x" * 5), Document("b", "y" * 30), Document("c", "z" * 5)]
    assert [[d.id for d in batch] for batch in batches_of(documents, settings)] == [["a"], ["b"], ["c"]]


def test_the_plans_send_every_document_one_by_one_and_in_batches(tmp_path: Path) -> None:
    corpus = Corpus("c", tuple(Document(str(n), f"Text number {n}.") for n in range(5)))
    plans = write_plans(tmp_path, corpus, Settings(batch_max_documents=2), warm_up_requests=8)

    def lines(name: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in plans[name].read_text(encoding="utf-8").splitlines()]

    assert [r["body"] for r in lines("single")] == [{"text": d.text} for d in corpus.documents]
    assert [r["path"] for r in lines("batch")] == ["/v1/quotes/batch"] * 3
    assert sum(r["chars"] for r in lines("batch")) == corpus.chars
    assert len(lines("warm_up")) == 8
