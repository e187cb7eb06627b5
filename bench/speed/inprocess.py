"""Rows 1, 2, 6 and 7: raw spaCy, the engine and textacy, run in this process on the same texts (6 in ``lengths``).

Raw spaCy of the newest release (row 1, second line) runs in an environment
of its own (``newest``), sent the same slices in the same turns.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language

from bench.common.corpus import Corpus
from bench.common.progress import log
from bench.common.provenance import package_version, versions
from bench.common.stats import Timed, summed, throughput, timed
from bench.speed.newest import NewestSpacy
from service.attribution.pipeline import DEFAULT_BATCH_SIZE, QuoteExtractor
from service.nlp import default_model_name, load_pipeline

# In-process passes take turns every this many documents: one batch of the engine.
SLICE_DOCUMENTS = DEFAULT_BATCH_SIZE

Pass = Callable[[Sequence[str]], dict[str, float]]
"""One way of running over some texts; what it returns is summed over the slices of a pass."""


def textacy_quotations() -> tuple[Callable[[Any], Any] | None, str | None, str | None]:
    """textacy's ``direct_quotations`` and its version, or why it is not there."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        return None, None, f"textacy does not import ({exc}); `make install-bench` installs it"
    return direct_quotations, package_version("textacy"), None


def run_spacy(nlp: Language, texts: Sequence[str]) -> dict[str, float]:
    """The reference: every text through the whole pipeline, nothing after."""
    documents = 0
    for _ in nlp.pipe(texts):
        documents += 1
    return {"documents": documents}


def run_newest(newest: NewestSpacy, texts: Sequence[str]) -> dict[str, float]:
    """Raw spaCy of the newest release over the texts, in its own process: its own CPU seconds come back."""
    answer = newest.run(texts)
    return {"documents": answer["documents"], "own_seconds": answer["seconds"], "own_cpu_seconds": answer["cpu_seconds"]}


def run_engine(extractor: QuoteExtractor, texts: Sequence[str]) -> dict[str, float]:
    """The engine on a batch of texts, as ``/v1/quotes/batch`` runs it."""
    parse = attribution = 0.0
    quotes = 0
    for result in extractor.extract_many(texts):
        parse += result.timing.parse
        attribution += result.timing.attribution
        quotes += len(result.quotes)
    return {"parse_seconds": parse, "attribution_seconds": attribution, "quotes": quotes}


def run_textacy(nlp: Language, texts: Sequence[str], direct_quotations: Callable[[Any], Any]) -> dict[str, float]:
    """textacy on the same parse; a text it refuses (an odd number of quotation marks) still costs its parse."""
    quotes = refused = 0
    for doc in nlp.pipe(texts):
        try:
            quotes += len(list(direct_quotations(doc)))
        except ValueError:
            refused += 1
    return {"quotes": quotes, "refused_documents": refused}


def interleaved(passes: dict[str, Pass], slices: Sequence[Sequence[str]], repeat: int) -> dict[str, list[Timed]]:
    """Each pass over the whole corpus once a repetition, taking turns slice by slice.

    Every slice goes through every pass before the next slice starts, in an
    order rotated at each slice, so that a noisy stretch of a few seconds
    falls on all the passes alike rather than on whichever ran then.
    """
    samples: dict[str, list[Timed]] = {name: [] for name in passes}
    names = list(passes)
    for rep in range(repeat):
        log(f"in-process, repetition {rep + 1}/{repeat}: {', '.join(names)}, {len(slices)} slice(s) in turn")
        parts: dict[str, list[Timed]] = {name: [] for name in passes}
        for k, texts in enumerate(slices):
            shift = (rep + k) % len(names)
            for name in names[shift:] + names[:shift]:
                parts[name].append(timed(lambda: passes[name](texts)))
        for name, timings in parts.items():
            samples[name].append(summed(timings))
    return samples


def fresh_pipelines() -> tuple[Language, QuoteExtractor]:
    """Raw spaCy and the engine, each on a fresh pipeline of its own (the engine changes its pipeline's components)."""
    return load_pipeline(default_model_name()), QuoteExtractor(load_pipeline(default_model_name()))


def in_process(corpus: Corpus, raw: Language, extractor: QuoteExtractor, repeat: int, newest: NewestSpacy) -> dict[str, Any]:
    """Sections 1 (our pin here, the newest release in its own process), 2 and 7, interleaved, and the versions measured."""
    direct_quotations, textacy_version, textacy_note = textacy_quotations()
    texts = corpus.texts
    # The first pass over new text is slower (caches, the vocabulary): one
    # untimed pass over the whole corpus, so that every timed pass is alike.
    run_spacy(raw, texts)
    run_newest(newest, texts)
    extractor.extract_many(texts)

    passes: dict[str, Pass] = {
        "spacy": lambda part: run_spacy(raw, part),
        "spacy_newest": lambda part: run_newest(newest, part),
        "engine": lambda part: run_engine(extractor, part),
    }
    if direct_quotations is not None:
        passes["textacy"] = lambda part: run_textacy(raw, part, direct_quotations)
    slices = [texts[k : k + SLICE_DOCUMENTS] for k in range(0, len(texts), SLICE_DOCUMENTS)]
    samples = interleaved(passes, slices, repeat)
    results: dict[str, Any] = {
        "versions": versions(raw, textacy_version),
        "spacy": spacy_section(samples["spacy"], corpus, raw),
        "spacy_newest": newest_section(samples["spacy_newest"], corpus, newest.version),
        "engine": engine_section(samples["engine"], corpus, extractor),
    }
    if "textacy" in samples:
        results["textacy"] = textacy_section(samples["textacy"], corpus, textacy_version)
    else:
        results["textacy"] = {"skipped": textacy_note}
    return results


def spacy_section(samples: Sequence[Timed], corpus: Corpus, nlp: Language) -> dict[str, Any]:
    return {
        "what": "nlp.pipe over the texts, full pipeline, fresh and unmodified",
        "pipeline": list(nlp.pipe_names),
        "batch_size": nlp.batch_size,
        **throughput(samples, corpus.chars),
    }


def newest_section(samples: Sequence[Timed], corpus: Corpus, version: str) -> dict[str, Any]:
    """Wall time as this process waited for each slice; CPU time the other process's own."""
    own = [Timed(s.seconds, s.result["own_cpu_seconds"], s.result) for s in samples]
    return {
        "what": "nlp.pipe over the texts, full pipeline, in an environment of its own (bench/speed/newest.py)",
        "spacy": version,
        **throughput(own, corpus.chars),
        "own_seconds": [s.result["own_seconds"] for s in samples],
    }


def engine_components(extractor: QuoteExtractor) -> list[str]:
    """What the engine runs, in order, each step with its class (ours stand in for some of spaCy's)."""
    steps = [f"{name} ({type(step).__name__})" for name, step in extractor.parser.steps]
    if extractor.parser.lemmas is not None:
        steps.append("lemmas on demand (LazyLemmas)")
    return steps


def engine_section(samples: Sequence[Timed], corpus: Corpus, extractor: QuoteExtractor) -> dict[str, Any]:
    runs = [s.result for s in samples]
    shares = [run["attribution_seconds"] / run["parse_seconds"] for run in runs]
    return {
        "what": f"QuoteExtractor(fresh pipeline).extract_many, in batches of {SLICE_DOCUMENTS} documents",
        "pipeline": engine_components(extractor),
        "batch_size": extractor.parser.batch_size,
        **throughput(samples, corpus.chars),
        "parse_seconds": [run["parse_seconds"] for run in runs],
        "attribution_seconds": [run["attribution_seconds"] for run in runs],
        "after_parse_share": statistics.median(shares),
        "quotes": runs[-1]["quotes"],
    }


def textacy_section(samples: Sequence[Timed], corpus: Corpus, version: str | None) -> dict[str, Any]:
    last = samples[-1].result
    return {
        "what": "textacy.extract.triples.direct_quotations on nlp.pipe, the same full pipeline as row 1",
        "version": version,
        **throughput(samples, corpus.chars),
        "quotes": last["quotes"],
        "refused_documents": last["refused_documents"],
    }
