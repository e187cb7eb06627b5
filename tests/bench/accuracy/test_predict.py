"""``bench/accuracy/predict.py``: the engine's answers for the scorer are the API's, with or without the parse cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from bench.accuracy.predict import predict, prediction_file
from tests.bench.accuracy.gold import gold_articles

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shared") / "samples" / "gold.jsonl"
    path.parent.mkdir()
    path.write_text("".join(json.dumps(line) + "\n" for line in gold_articles()), encoding="utf-8")
    return path


def test_each_answer_is_what_the_api_answers_for_the_same_text(gold: Path, tmp_path: Path, real_app: Flask) -> None:
    files, info = predict([gold], tmp_path / "pred")
    assert files == {gold: prediction_file(tmp_path / "pred", gold)} and files[gold].name == "samples-gold.jsonl"
    answers = [json.loads(line) for line in files[gold].read_text(encoding="utf-8").splitlines()]
    client = real_app.test_client()
    for article, answer in zip(gold_articles(), answers, strict=True):
        api = client.post("/v1/quotes", json={"text": article["text"]}).get_json()
        assert answer["id"] == article["id"]
        assert (answer["quotes"], answer["speakers"], answer["model"]) == (api["quotes"], api["speakers"], api["model"])
    assert info.name == answers[0]["model"]["name"]


def test_answers_from_the_cached_parse_are_the_same_bytes(gold: Path, tmp_path: Path) -> None:
    fresh, _ = predict([gold], tmp_path / "fresh")
    first, _ = predict([gold], tmp_path / "first", cache=tmp_path / "cache")
    [stored] = (tmp_path / "cache").glob("samples-gold-*.spacy")
    again, _ = predict([gold], tmp_path / "again", cache=tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == [stored]
    assert fresh[gold].read_bytes() == first[gold].read_bytes() == again[gold].read_bytes()
