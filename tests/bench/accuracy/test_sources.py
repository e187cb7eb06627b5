"""``bench/accuracy/sources.py``: named people are never anonymous, the challenge suite's unnamed sources always.

The check itself is tested on tables of our own; on the shared speaker tables
(when ``../shared`` is beside the project, as in CI) it runs the engine on
the real model and holds issue 19's promise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import SHARED
from bench.accuracy.predict import predict
from bench.accuracy.sources import check, is_a_name, read_lines

ARTICLE: dict[str, Any] = {
    "id": "a1",
    "capability": "anonymous",
    "speakers": [
        {"name": "Ana Ruiz", "aliases": ["Ruiz"], "kind": "person"},
        {"name": "a banker involved in the talks", "aliases": ["banker"], "kind": "unnamed_person"},
        {"name": "A Harbor spokesman", "aliases": [], "kind": "person"},
    ],
}


def answer(*speakers: tuple[str, bool, bool]) -> dict[str, dict[str, Any]]:
    listed = [{"name": n, "anonymous": a, "anonymity": {"text": "x"} if r else None} for n, a, r in speakers]
    return {"a1": {"id": "a1", "speakers": listed}}


def test_a_named_person_called_anonymous_is_listed() -> None:
    found = check([ARTICLE], answer(("Ruiz", True, False), ("banker involved in the talks", True, True)))
    assert found.named_anonymous == [("a1", "Ana Ruiz")]
    assert (found.unnamed, found.unnamed_not_anonymous, found.with_reason) == (1, [], 1)


def test_an_unnamed_source_not_called_anonymous_is_listed_and_a_description_is_no_name() -> None:
    found = check([ARTICLE], answer(("Ana Ruiz", False, False), ("banker", False, False), ("Harbor spokesman", True, False)))
    assert found.named_anonymous == []
    assert found.unnamed_not_anonymous == [("a1", "a banker involved in the talks")]
    assert is_a_name("Jo-Ann de Vries") and not is_a_name("A Harbor spokesman")


TABLES = ("bbc/dev.jsonl", "polnear/dev-speakers-gold.jsonl", "challenge/dev.jsonl", "ggt/dev.jsonl", "seeds/gold.jsonl")


@pytest.mark.model
@pytest.mark.skipif(not (SHARED / "data").exists(), reason="needs ../shared beside the project")
def test_on_the_shared_tables_no_named_person_is_anonymous_and_every_unnamed_source_is(tmp_path: Path) -> None:
    golds = [SHARED / "data" / table for table in TABLES]
    files, _ = predict(golds, tmp_path / "pred")
    unnamed = with_reason = 0
    for gold in golds:
        found = check(read_lines(gold), {a["id"]: a for a in read_lines(files[gold])})
        assert found.named_anonymous == [], gold
        assert found.unnamed_not_anonymous == [], gold
        unnamed, with_reason = unnamed + found.unnamed, with_reason + found.with_reason
    # The challenge suite's anonymous sources: measured 11 found, 6 with the reason their article gives
    # (the other five are "who was in the room", which says no reason).
    assert unnamed >= 11 and with_reason >= 6
