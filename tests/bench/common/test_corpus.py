"""``bench/common/corpus.py``: reading the corpus and choosing its documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.common.corpus import Corpus, Document, read_corpus, select
from bench.common.progress import BenchError

SAMPLES = Path(__file__).resolve().parents[2] / "articles"


def test_the_corpus_is_read_from_a_folder_or_json_lines(tmp_path: Path) -> None:
    lines = tmp_path / "corpus.jsonl"
    lines.write_text(
        '{"id": "a", "text": "First."}\n\n{"id": "b", "text": "   "}\n{"text": "Third."}\n', encoding="utf-8"
    )
    corpus = read_corpus(lines)
    assert [(d.id, d.text) for d in corpus.documents] == [("a", "First."), ("3", "Third.")]
    assert corpus.records == [{"id": "a", "text": "First."}, {"id": "3", "text": "Third."}]
    folder = read_corpus(SAMPLES)
    assert [d.id for d in folder.documents] == sorted(p.stem for p in SAMPLES.glob("*.txt"))


def test_a_corpus_without_a_text_is_an_error_not_an_empty_run(tmp_path: Path) -> None:
    lines = tmp_path / "empty.jsonl"
    lines.write_text('{"id": "a", "text": " "}\n', encoding="utf-8")
    with pytest.raises(BenchError, match="holds no texts"):
        read_corpus(lines)


def test_quick_mode_takes_a_few_short_texts_within_the_length_limit() -> None:
    documents = tuple(Document(str(n), "x" * size) for n, size in enumerate([50, 9, 700, 30, 20, 10, 40]))
    corpus, notes = select(Corpus("c", documents), None, True, 600)
    assert [len(d.text) for d in corpus.documents] == [9, 10, 20, 30]
    assert notes == ["1 document(s) over 600 characters left out"]


def test_a_limit_takes_the_first_documents_in_their_order() -> None:
    documents = tuple(Document(str(n), "x" * size) for n, size in enumerate([50, 9, 700]))
    corpus, notes = select(Corpus("c", documents), 2, False, 1000)
    assert [d.id for d in corpus.documents] == ["0", "1"] and notes == []
