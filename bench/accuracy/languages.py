"""Language identification on the shared data: nothing English may be refused, and what it costs.

For every article of the shared sets (``sets.ARTICLE_SETS``: the seeds,
PolNeAR dev and train, BBC dev, GGT dev and the challenge suite, all
English), runs ``service.intake.language.identify`` and ``confidently_not_english``
and reports how many would be refused (the target is none), how many are not
named English, and the least English of them. Then the cost: the
classifier's load time and the memory it adds to a process that has numpy
already (as every worker has, through spaCy), and its CPU time per PolNeAR
dev article (median), beside the engine's own with ``--engine``. The data
stays in ``../shared``: it is read, never copied.

    python -m bench.accuracy.languages [--shared ../shared] [--engine] [--json FILE] [--record FILE.md]

Exits 1 when an article is refused or a set is missing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import SHARED
from bench.accuracy.sets import ARTICLE_SETS, POLNEAR_DEV
from bench.common import procfs
from bench.common.corpus import read_corpus
from bench.common.progress import log
from bench.common.provenance import git_commit, load_average, machine
from bench.common.results import add_output_options, command_line, write_outputs
from bench.common.tables import markdown_table
from service.intake import language

PROG = "python -m bench.accuracy.languages"
TIMED_SET = POLNEAR_DEV
REPEATS = 3
"""Each article is timed this many times and its fastest kept: the machine is shared."""


def own_memory_mb(field: str) -> float:
    """A field of this process's ``/proc/<pid>/status`` (``VmRSS``, ``VmHWM``), in MB."""
    return procfs.mb(procfs.memory_kb(os.getpid(), field))


def cpu_seconds(work: Callable[[], object], repeats: int = REPEATS) -> float:
    """The least CPU time of ``repeats`` runs of ``work()``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def check_set(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """What the classifier says of each article: refused, not named English, unknown, and the least English."""
    refused, not_english, unknown = [], [], []
    least: tuple[float, str] = (2.0, "")
    for doc_id, text in texts:
        found = language.identify(text)
        if language.confidently_not_english(found):
            refused.append(doc_id)
        if found is None:
            unknown.append(doc_id)
        elif not found.is_english:
            not_english.append(f"{doc_id} ({found.name} {found.confidence:.2f})")
        else:
            least = min(least, (found.confidence, doc_id))
    return {
        "articles": len(texts),
        "refused": refused,
        "not_named_english": not_english,
        "unknown": unknown,
        "least_english": {"id": least[1], "confidence": round(least[0], 3)},
    }


def costs(texts: list[str], engine: bool) -> dict[str, Any]:
    """CPU time of ``identify`` per article (median, max), and the engine's beside it with ``engine``."""
    per_article = [cpu_seconds(lambda: language.identify(text)) for text in texts]
    figures: dict[str, Any] = {
        "identify_cpu_ms_median": round(statistics.median(per_article) * 1000, 2),
        "identify_cpu_ms_max": round(max(per_article) * 1000, 2),
    }
    if engine:
        from service.attribution.pipeline import QuoteExtractor
        from service.nlp import default_model_name, load_pipeline

        extractor = QuoteExtractor(load_pipeline(default_model_name()))
        extractor.extract(texts[0])
        times = [cpu_seconds(lambda: extractor.extract(text), repeats=1) for text in texts]
        figures["engine_cpu_ms_median"] = round(statistics.median(times) * 1000, 1)
        figures["identify_share_of_engine"] = round(statistics.median(per_article) / statistics.median(times), 4)
    return figures


def measure(shared: Path, engine: bool) -> tuple[dict[str, Any], bool]:
    """Every figure, and whether every set was there and nothing was refused."""
    import numpy  # noqa: F401  (the service has it already, through spaCy: not the classifier's cost)

    rss_before = own_memory_mb("VmRSS")
    started = time.perf_counter()
    language.load()
    load_seconds = time.perf_counter() - started
    report: dict[str, Any] = {
        "meta": {"date": datetime.date.today().isoformat(), "machine": machine(), "project_commit": git_commit()},
        "load_seconds": round(load_seconds, 2),
        "rss_added_mb": round(own_memory_mb("VmRSS") - rss_before, 1),
        "peak_rss_mb": round(own_memory_mb("VmHWM"), 1),
        "sets": {},
    }
    passed = True
    for annotated in ARTICLE_SETS:
        path = annotated.file(shared)
        if not path.exists():
            log(f"{annotated.name}: {path} is missing")
            passed = False
            continue
        documents = read_corpus(path).documents
        report["sets"][annotated.name] = check_set([(d.id, d.text) for d in documents])
        passed &= not report["sets"][annotated.name]["refused"]
        if annotated is TIMED_SET:
            report.update(costs([d.text for d in documents], engine))
    report["meta"]["machine"]["load_average_after"] = load_average()
    return report, passed


def markdown(report: dict[str, Any]) -> str:
    """The caption, a line a set, every article not named English, and the costs."""
    meta = report["meta"]
    lines = [
        f"Measured {meta['date']} on {meta['machine']['cpu']}, load average {meta['machine']['load_average_before'][0]:.1f} "
        f"at the start" + (f", code at {meta['project_commit']}." if meta["project_commit"] else "."),
        "",
    ]
    rows = []
    for name, figures in report["sets"].items():
        least = figures["least_english"]
        rows.append(
            (
                name,
                figures["articles"],
                len(figures["refused"]),
                len(figures["not_named_english"]),
                len(figures["unknown"]),
                f"{least['confidence']:.3f} ({least['id']})",
            )
        )
    lines += markdown_table(("set", "articles", "refused", "not named English", "unknown", "least English"), rows)
    for figures in report["sets"].values():
        lines += [f"- {line}" for line in figures["refused"] + figures["not_named_english"]]
    lines += [
        "",
        f"Classifier: loaded in {report['load_seconds']:.2f} s, +{report['rss_added_mb']:.0f} MB RSS "
        f"(peak RSS of this process {report['peak_rss_mb']:.0f} MB).",
    ]
    if "identify_cpu_ms_median" in report:
        line = (
            f"`identify`, CPU per {TIMED_SET.name} article: median {report['identify_cpu_ms_median']:.2f} ms, "
            f"max {report['identify_cpu_ms_max']:.2f} ms"
        )
        if "engine_cpu_ms_median" in report:
            line += (
                f"; the engine's: median {report['engine_cpu_ms_median']:.0f} ms "
                f"(identify = {report['identify_share_of_engine'] * 100:.1f}% of it)"
            )
        lines.append(line + ".")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description="Language identification on the shared data.")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default ../shared)")
    parser.add_argument("--engine", action="store_true", help=f"also time the engine on each {TIMED_SET.name} article")
    add_output_options(parser, "the report")
    args = parser.parse_args(argv)
    report, passed = measure(args.shared, args.engine)
    text = markdown(report)
    print(text)
    write_outputs(args, text, report, command_line(PROG, argv))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
