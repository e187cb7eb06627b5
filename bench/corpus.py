"""The texts the benchmark measures: read, selected, and repeated into the length rows' blocks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import ROOT
from bench.progress import BenchError

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
SAMPLE_CORPUS = ROOT / "tests" / "articles"
QUICK_DOCUMENTS = 4
LENGTHS = (5_000, 50_000, 100_000)


@dataclass(frozen=True)
class Document:
    id: str
    text: str


@dataclass(frozen=True)
class Corpus:
    name: str
    documents: tuple[Document, ...]

    @property
    def texts(self) -> list[str]:
        return [d.text for d in self.documents]

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.documents)


def default_corpus_path() -> Path:
    """PolNeAR dev (84 real articles) when the shared data is beside the project, else its own samples."""
    return DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else SAMPLE_CORPUS


def read_corpus(path: Path) -> Corpus:
    """A JSON Lines file of ``{id, text}``, or a folder of ``.txt`` files (each file one document)."""
    if path.is_dir():
        documents = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.txt"))]
    else:
        documents = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                documents.append(Document(str(item.get("id", n)), item["text"]))
    documents = [d for d in documents if d.text.strip()]
    if not documents:
        raise BenchError(f"the corpus {path} holds no texts")
    return Corpus(f"{path.parent.name}/{path.name}", tuple(documents))


def select(corpus: Corpus, limit: int | None, quick: bool, max_chars: int) -> tuple[Corpus, list[str]]:
    """The documents to measure: the first ``limit``, or a few short ones in quick mode.

    Texts over ``QUOTES_MAX_CHARS`` are dropped from every section, so that
    in-process and HTTP rows measure the same texts.
    """
    notes = []
    documents = [d for d in corpus.documents if len(d.text) <= max_chars]
    if len(documents) < len(corpus.documents):
        notes.append(f"{len(corpus.documents) - len(documents)} document(s) over {max_chars} characters left out")
    if limit is not None:
        documents = documents[:limit]
    if quick:
        documents = sorted(documents, key=lambda d: len(d.text))[:QUICK_DOCUMENTS]
    return Corpus(corpus.name, tuple(documents)), notes


def copies_for(block: str, target: int) -> int:
    """How many copies of ``block``, one paragraph break apart, make about ``target`` characters."""
    return max(1, round((target + 2) / (len(block) + 2)))


def length_block(texts: Sequence[str], size: int = LENGTHS[0]) -> str:
    """The text repeated for the length rows: the document closest to ``size``, topped up with the next ones.

    Every length is then whole copies of one block, so that only the length
    changes between rows, not what the text is about.
    """
    start = min(range(len(texts)), key=lambda k: abs(len(texts[k]) - size))
    parts = [texts[start]]
    k = start
    while len("\n\n".join(parts)) < 0.9 * size:
        k = (k + 1) % len(texts)
        parts.append(texts[k])
    return "\n\n".join(parts)
