"""The benchmark's recipe: the corpus, every row in order, the ratios and targets, the table and the files.

    python -m bench.speed [--quick] [--corpus FILE.jsonl|DIR] [--limit N] [--repeat N] [--json FILE] [--record FILE.md]

The table (markdown) goes to stdout, progress to stderr, every number to
``--json``; ``--record`` writes the table and the numbers as the committed
result (``make bench`` writes ``bench/results/speed.md``). The rows are
described in ``bench/speed/__init__.py`` and ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from bench.common.corpus import default_corpus_path, read_corpus, select
from bench.common.progress import BenchError, elapsed, log
from bench.common.provenance import git_commit, load_average, machine, service_code
from bench.common.results import add_output_options, command_line, write_outputs
from bench.speed import archives
from bench.speed.inprocess import fresh_pipelines, in_process
from bench.speed.lengths import length_section, long_text
from bench.speed.markup import markup_section
from bench.speed.newest import NewestSpacy, environment
from bench.speed.report import table
from bench.speed.serverload import long_article_memory, over_http
from bench.speed.targets import ratios, same_quotes, targets, toll_check
from service.nlp import default_model_name
from service.config import Settings

PROG = "python -m bench.speed"
FULL_REPEAT = 3
QUICK_REPEAT = 2


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="Speed and memory, side by side with raw spaCy.")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="JSON Lines of {id, text}, or a folder of .txt (default: PolNeAR dev in ../shared, else tests/articles)",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--quick", action="store_true", help="a smoke run: a few short texts, small loads")
    parser.add_argument("--repeat", type=int, help=f"repetitions (default {FULL_REPEAT}; quick {QUICK_REPEAT})")
    add_output_options(parser, "the table")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """Every row, in order: in-process first, then the servers one after the other, then the archives."""
    repeat = args.repeat or (QUICK_REPEAT if args.quick else FULL_REPEAT)
    # A quick run passes the long texts once: they are most of its time.
    length_repeat = 1 if args.quick and not args.repeat else repeat
    path = args.corpus or default_corpus_path()
    corpus, notes = select(read_corpus(path), args.limit, args.quick, settings.max_chars)
    log(f"corpus {corpus.name}: {len(corpus.documents)} documents, {corpus.chars:,} characters")
    meta: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "quick": args.quick,
        "repeat": repeat,
        "length_repeat": length_repeat,
        "machine": machine(),
        "corpus": {
            "name": corpus.name,
            "path": str(path),
            "documents": len(corpus.documents),
            "chars": corpus.chars,
            "limit": args.limit,
            "notes": notes,
        },
    }
    raw, extractor = fresh_pipelines()
    with NewestSpacy(environment(), default_model_name()) as newest:
        results: dict[str, Any] = {"meta": meta, **in_process(corpus, raw, extractor, repeat, newest)}
    results["length"] = length_section(extractor, raw, corpus.texts, length_repeat)
    results["html"] = markup_section(length_repeat)
    del raw, extractor  # their memory back before the servers start
    results["http"] = over_http(corpus, settings, repeat)
    results["long_article"] = long_article_memory(long_text(corpus.texts))
    results["archives"] = archives.measure(corpus, repeat=repeat)
    return conclude(results)


def conclude(results: dict[str, Any]) -> dict[str, Any]:
    """The ratios, targets and checks of a finished run, and how the machine and the code were at its end."""
    meta = results["meta"]
    results["batch"] = results["http"]["workers_1"]["batch"]
    results["memory"] = {key: server["memory"] for key, server in results["http"].items()}
    results["checks"] = same_quotes(results)
    results["ratios"] = ratios(results)
    results["targets"] = targets(results["ratios"])
    results["toll"] = toll_check(results)
    meta["machine"]["load_average_after"] = load_average()
    meta["project_commit_at_end"] = git_commit()
    meta["service_code_at_end"] = service_code()
    if meta["service_code_at_end"] != results["versions"]["service_code"]:
        log(
            f"warning: service/ changed during the run: {results['versions']['service_code']} at the start, "
            f"{meta['service_code_at_end']} at the end"
        )
    meta["duration_seconds"] = elapsed()
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = measure(args, Settings.from_env())
    except BenchError as exc:
        log(f"bench: {exc}")
        return 1
    report = table(results)
    print(report)
    write_outputs(args, report, results, command_line(PROG, argv))
    log(f"done in {results['meta']['duration_seconds']:.0f} s")
    if not results["toll"]["passed"]:
        if args.quick:
            log(f"bench: the toll check failed, not judged in a quick run: {results['toll']['verdict']}")
        else:
            log(f"bench: FAILED: {results['toll']['verdict']}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
