"""Speed and memory of the quotes service, measured side by side in one run (``make bench``).

One corpus, one run, one table; every number is a median over repetitions and
is read as a ratio to another number of the same run, because the machines
this runs on are shared and noisy. The sections:

1. ``spacy``: the raw, full spaCy pipeline, ``nlp.pipe`` over the texts
   (characters per second): the reference;
2. ``engine``: ``QuoteExtractor.extract_many`` in-process on the same texts,
   its own parse included, and its time after the parse against the parse;
3. ``http``: the service under gunicorn on loopback, 1 and 2 workers, load
   from a separate process (``bench/load.py``): throughput and latency
   p50/p95/p99 at concurrency 1 and 4;
4. ``batch``: ``/v1/quotes/batch`` against the same documents one by one;
5. ``memory``: peak RSS of one worker, and of the whole server with 2
   workers with and without gunicorn's preload (``/proc/<pid>/status``, and
   PSS from ``smaps_rollup``, which shares the preloaded model fairly);
6. ``length``: the same text repeated to about 5k, 50k and 100k characters,
   time per character at each length;
7. ``textacy``: textacy's ``direct_quotations`` on the same full pipeline, a
   peer reference (skipped, with a note, when textacy does not import);
8. ``archives``: ``quotes batch`` with 2 processes against the engine in one,
   and the Spark job in local mode against ``quotes batch`` (``archives``).

Beside each wall-time ratio stands the same ratio by CPU time (of this
process in-process, of gunicorn's processes over HTTP), which another job on
the machine does not move; ``checks`` confirms every way of running the
engine found the same quotes. The table (markdown) goes to stdout, progress
to stderr, everything to --json.

This file is the run's recipe; the modules beside it do the work, measuring
(``inprocess``, ``serverload``, ``memory``) apart from reporting (``targets``,
``table``): ``bench/README.md`` gives each one's job.

    python bench/bench.py [--quick] [--corpus FILE.jsonl|DIR] [--limit N] [--repeat N] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # Run as a file, this script's folder comes first on sys.path, where its
    # modules would shadow any top-level module of the same name: the
    # project's root takes its place, and they are imported as `bench.*`.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import archives  # noqa: E402
from bench.corpus import default_corpus_path, read_corpus, select  # noqa: E402
from bench.inprocess import in_process  # noqa: E402
from bench.progress import BenchError, elapsed, log  # noqa: E402
from bench.provenance import git_commit, machine, service_code  # noqa: E402
from bench.serverload import over_http  # noqa: E402
from bench.table import table  # noqa: E402
from bench.targets import ratios, same_quotes, targets  # noqa: E402
from service.config import Settings  # noqa: E402

FULL_REPEAT = 3
QUICK_REPEAT = 2


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        help="JSON Lines of {id, text}, or a folder of .txt (default: PolNeAR dev in ../shared, else tests/articles)",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--quick", action="store_true", help="a smoke run: a few short texts, small loads")
    parser.add_argument("--repeat", type=int, help=f"repetitions (default {FULL_REPEAT}; quick {QUICK_REPEAT})")
    parser.add_argument("--json", type=Path, help="write every number here")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """Every section, in order: in-process first, then the servers one after the other."""
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
    results: dict[str, Any] = {"meta": meta, **in_process(corpus, repeat, length_repeat)}
    results["http"] = over_http(corpus, settings, repeat)
    # Row 8: archives (quotes batch, Spark in local mode) on the same texts.
    results["archives"] = archives.measure(repeat=repeat, records=[{"id": d.id, "text": d.text} for d in corpus.documents])
    return conclude(results)


def conclude(results: dict[str, Any]) -> dict[str, Any]:
    """The ratios, targets and checks of a finished run, and how the machine and the code were at its end."""
    meta = results["meta"]
    results["batch"] = results["http"]["workers_1"]["batch"]
    results["memory"] = {key: server["memory"] for key, server in results["http"].items()}
    results["checks"] = same_quotes(results)
    results["ratios"] = ratios(results)
    results["targets"] = targets(results["ratios"])
    meta["machine"]["load_average_after"] = list(os.getloadavg())
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
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"done in {results['meta']['duration_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
