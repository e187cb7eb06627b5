"""``bench/corpus.py``: reading the corpus, choosing its documents, the length rows' block."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import Corpus, Document, copies_for, length_block, read_corpus, select

SAMPLES = Path(__file__).resolve().parent.parent / "articles"


def test_the_length_rows_repeat_one_block() -> None:
    texts = ["a" * 900, "b" * 2000, "c" * 4800, "d" * 700]
    block = length_block(texts)
    assert block == "c" * 4800
    copies = copies_for(block, 100_000)
    assert abs(len("\n\n".join([block] * copies)) - 100_000) < len(block)


def test_short_texts_are_joined_into_a_block_of_about_5k() -> None:
    block = length_block(["one " * 200, "two " * 150])
    assert 4500 <= len(block) < 6000
    assert block.startswith("one ")


def test_the_corpus_is_read_from_a_folder_or_json_lines(tmp_path: Path) -> None:
    lines = tmp_path / "corpus.jsonl"
    lines.write_text('{"id": "a", "text": "First."}\n\n{"id": "b", "text": "   "}\n{"text": "Third."}\n', encoding="utf-8")
    corpus = read_corpus(lines)
    assert [(d.id, d.text) for d in corpus.documents] == [("a", "First."), ("3", "Third.")]
    folder = read_corpus(SAMPLES)
    assert [d.id for d in folder.documents] == sorted(p.stem for p in SAMPLES.glob("*.txt"))


def test_quick_mode_takes_a_few_short_texts_within_the_length_limit() -> None:
    documents = tuple(Document(str(n), "x" * size) for n, size in enumerate([50, 9, 700, 30, 20, 10, 40]))
    corpus, notes = select(Corpus("c", documents), None, True, 600)
    assert [len(d.text) for d in corpus.documents] == [9, 10, 20, 30]
    assert notes == ["1 document(s) over 600 characters left out"]
