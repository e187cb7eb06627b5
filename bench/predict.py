"""The engine's answers for annotated sets, as JSON Lines the shared scorer reads (``--pred``).

    python bench/predict.py ../shared/data/bbc/dev.jsonl [...] --out DIR [--cache DIR]

For every article of each file, runs the engine in this process and writes
``DIR/<folder>-<file stem>.jsonl`` (``bbc-dev.jsonl``): one ``{"id", "quotes", "speakers"}`` line per
article, each answer exactly the JSON the API gives (``QuoteResponseSchema``),
so that ``score.py GOLD --pred DIR/<folder>-<stem>.jsonl`` scores it like the service
and two runs compare byte for byte (``cmp``) before and after a change that
should change nothing.

The texts are read as ``QuoteExtractor.extract_many`` reads them (normalised
for the parse, answered in the text as sent). ``--cache DIR`` keeps each file's parse (a spaCy ``DocBin``) and reuses it
while the file and the model are unchanged: the rules then rerun in seconds,
which is what error analysis needs. The parse itself is the engine's own
(``QuoteExtractor``'s components), so answers from the cache are the same as
without it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # As in bench.py: the project's root in place of this script's folder.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from spacy.tokens import Doc, DocBin  # noqa: E402

from service.attribution.article import Article  # noqa: E402
from service.attribution.normalise import Normalised  # noqa: E402
from service.attribution.pipeline import QuoteExtractor, attribute  # noqa: E402
from service.nlp import default_model_name, load_pipeline, model_info  # noqa: E402
from service.intake.offsets import OffsetUnit  # noqa: E402
from service.intake.schemas import QuoteResponseSchema  # noqa: E402

DOCBIN_ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "SPACY"]


def read_articles(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


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


def cache_key(path: Path, texts: Sequence[str], model: str) -> str:
    digest = hashlib.sha256(model.encode())
    for text in texts:
        digest.update(text.encode())
    return f"{name_of(path)}-{digest.hexdigest()[:16]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("gold", type=Path, nargs="+", help="annotated JSON Lines of {id, text, ...}")
    parser.add_argument("--out", type=Path, required=True, help="folder for <folder>-<stem>.jsonl predictions")
    parser.add_argument("--cache", type=Path, help="folder that keeps parses between runs")
    args = parser.parse_args(argv)

    extractor = QuoteExtractor(load_pipeline(default_model_name()))
    info = model_info(extractor.nlp)
    schema = QuoteResponseSchema()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.gold:
        articles = read_articles(path)
        # As ``QuoteExtractor.extract_many`` does: parse the normalised text, answer in the text as sent.
        normal = [Normalised.of(a["text"]) for a in articles]
        texts = [n.text for n in normal]
        key = cache_key(path, texts, f"{info.name} {info.version}")
        out = args.out / f"{name_of(path)}.jsonl"
        with extractor.nlp.memory_zone(), out.open("w", encoding="utf-8") as lines:
            for article, sent, doc in zip(articles, normal, parsed(extractor, texts, args.cache, key)):
                result = sent.restore(attribute(Article(doc)))
                body = schema.dump({"quotes": result.quotes, "speakers": result.speakers, "offsets": OffsetUnit.CODEPOINTS, "model": info})
                lines.write(json.dumps({"id": article["id"], **body}, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{path} -> {out} ({len(articles)} articles)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
