"""The engine's answers for annotated sets, as JSON Lines the shared scorer reads (``--pred``).

    python -m bench.accuracy.predict ../shared/data/bbc/dev.jsonl [...] --out DIR [--cache DIR]

For every article of each file, runs the engine in this process and writes
``DIR/<folder>-<file stem>.jsonl`` (``bbc-dev.jsonl``): one ``{"id", "quotes",
"speakers"}`` line per article, each answer exactly the JSON the API gives
(``QuoteResponseSchema``), so that ``score.py GOLD --pred
DIR/<folder>-<stem>.jsonl`` scores it like the service and two runs compare
byte for byte (``cmp``) before and after a change that should change nothing.
``make eval OFFLINE=1`` scores every shared set this way.

The texts are read as ``QuoteExtractor.extract_many`` reads them (normalised
for the parse, answered in the text as sent). ``--cache DIR`` keeps each
file's parse (a spaCy ``DocBin``) and reuses it while the file and the model
are unchanged: the rules then rerun in seconds, which is what error analysis
needs. The parse itself is the engine's own (``QuoteExtractor``'s
components), so answers from the cache are the same as without it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, DocBin

from bench.common.corpus import read_corpus
from bench.common.progress import BenchError, log
from service.attribution.article import Article
from service.attribution.normalise import Normalised
from service.attribution.pipeline import QuoteExtractor, attribute
from service.nlp import ModelInfo, default_model_name, load_pipeline, memory_zone, model_info
from service.intake.offsets import OffsetUnit
from service.intake.schemas import QuoteResponseSchema

DOCBIN_ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "SPACY"]


def parsed(extractor: QuoteExtractor, texts: Sequence[str], cache: Path | None, key: str) -> Iterator[Doc]:
    """The engine's parse of ``texts``, from ``cache`` when it holds this key's."""
    stored = cache / f"{key}.spacy" if cache else None
    if stored is not None and stored.exists():
        docs = list(DocBin().from_disk(stored).get_docs(extractor.nlp.vocab))
    else:
        docs = [doc for doc, _ in extractor.parser.parse(texts, None)]
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            DocBin(attrs=DOCBIN_ATTRS, docs=docs).to_disk(stored)
    for doc in docs:
        yield extractor.parser.lemmas.attach(doc) if extractor.parser.lemmas else doc


def name_of(path: Path) -> str:
    """``../shared/data/bbc/dev.jsonl`` -> ``bbc-dev``: sets in different folders share file names."""
    return f"{path.parent.name}-{path.stem}"


def prediction_file(out: Path, gold: Path) -> Path:
    """Where ``predict`` writes the answers for ``gold``."""
    return out / f"{name_of(gold)}.jsonl"


PARSE_MODULES = ("parsing", "tagging", "tokenizer")
"""The engine's modules that shape the parse itself: a change to any of them makes a cached parse stale."""


def cache_key(path: Path, texts: Sequence[str], model: str) -> str:
    """The key of one file's parse: the model, the engine's parse code and every text."""
    digest = hashlib.sha256(model.encode())
    for module in PARSE_MODULES:
        digest.update(resources.files("service.attribution").joinpath(f"{module}.py").read_bytes())
    for text in texts:
        digest.update(text.encode())
    return f"{name_of(path)}-{digest.hexdigest()[:16]}"


def predict_file(extractor: QuoteExtractor, info: ModelInfo, gold: Path, out: Path, cache: Path | None) -> Path:
    """The engine's answer to every article of ``gold``, one JSON line each, in ``out``; the file written."""
    documents = read_corpus(gold).documents
    # As ``QuoteExtractor.extract_many`` does: parse the normalised text, answer in the text as sent.
    normal = [Normalised.of(d.text) for d in documents]
    texts = [n.text for n in normal]
    key = cache_key(gold, texts, f"{info.name} {info.version}")
    schema = QuoteResponseSchema()
    written = prediction_file(out, gold)
    with memory_zone(extractor.nlp), written.open("w", encoding="utf-8") as lines:
        for document, sent, doc in zip(documents, normal, parsed(extractor, texts, cache, key)):
            result = sent.restore(attribute(Article(doc)))
            body = schema.dump(
                {"quotes": result.quotes, "speakers": result.speakers, "offsets": OffsetUnit.CODEPOINTS, "model": info}
            )
            lines.write(json.dumps({"id": document.id, **body}, ensure_ascii=False, sort_keys=True) + "\n")
    log(f"{gold} -> {written} ({len(documents)} articles)")
    return written


def predict(golds: Sequence[Path], out: Path, cache: Path | None = None) -> tuple[dict[Path, Path], ModelInfo]:
    """The engine's answers for each file of ``golds``, by file; and the model that gave them."""
    extractor = QuoteExtractor(load_pipeline(default_model_name()))
    info = model_info(extractor.nlp)
    out.mkdir(parents=True, exist_ok=True)
    return {gold: predict_file(extractor, info, gold, out, cache) for gold in golds}, info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.accuracy.predict",
        description="The engine's answers for annotated sets, for the scorer's --pred.",
    )
    parser.add_argument("gold", type=Path, nargs="+", help="annotated JSON Lines of {id, text, ...}")
    parser.add_argument("--out", type=Path, required=True, help="folder for <folder>-<stem>.jsonl predictions")
    parser.add_argument("--cache", type=Path, help="folder that keeps parses between runs")
    args = parser.parse_args(argv)
    try:
        predict(args.gold, args.out, args.cache)
    except BenchError as exc:
        raise SystemExit(str(exc)) from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
