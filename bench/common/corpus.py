"""The texts the tools read: a JSON Lines file of ``{id, text, ...}`` or a folder of ``.txt`` files.

The benchmark, the archives' benchmark, the predictions for the scorer and
the language check all read their texts here, so that an article is the same
article in each. The annotated sets stay in ``../shared``: they are read,
never copied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bench import ROOT, SHARED
from bench.common.progress import BenchError

POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"
"""84 real articles, 411k characters: the benchmark's corpus when the shared data is beside the project."""
SAMPLE_CORPUS = ROOT / "tests" / "articles"
"""The project's own sample articles, for a machine without ``../shared``."""


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

    @property
    def records(self) -> list[dict[str, str]]:
        """``{id, text}`` a document, as ``quotes batch`` reads them."""
        return [{"id": d.id, "text": d.text} for d in self.documents]


def default_corpus_path() -> Path:
    """PolNeAR dev when the shared data is beside the project, else the project's own samples."""
    return POLNEAR_DEV if POLNEAR_DEV.exists() else SAMPLE_CORPUS


def read_corpus(path: Path) -> Corpus:
    """A JSON Lines file of ``{id, text, ...}`` (other fields ignored), or a folder of ``.txt`` files (each one document).

    A line without an ``id`` is numbered by its line; texts that are empty or
    only spaces are left out (the service would refuse them).
    """
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


def select(
    corpus: Corpus, limit: int | None, quick: bool, max_chars: int, quick_documents: int = 4
) -> tuple[Corpus, list[str]]:
    """The documents to measure: the first ``limit``, or the ``quick_documents`` shortest in quick mode.

    Texts over ``QUOTES_MAX_CHARS`` are dropped, so that in-process and HTTP
    rows measure the same texts.
    """
    notes = []
    documents = [d for d in corpus.documents if len(d.text) <= max_chars]
    if len(documents) < len(corpus.documents):
        notes.append(f"{len(corpus.documents) - len(documents)} document(s) over {max_chars} characters left out")
    if limit is not None:
        documents = documents[:limit]
    if quick:
        documents = sorted(documents, key=lambda d: len(d.text))[:quick_documents]
    return Corpus(corpus.name, tuple(documents)), notes
