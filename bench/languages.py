"""Language identification on the shared data: nothing English may be refused, and what it costs.

For every article of the seeds, PolNeAR dev and train and the BBC set (all
English), runs ``service.language.identify`` and ``confidently_not_english``
and reports how many would be refused (the target is none), how many are not
named English, and the least English of them. Then the cost: the
classifier's load time and the memory it adds to a process that has numpy
already (as every worker has, through spaCy), and its CPU time per
PolNeAR dev article (median), beside the engine's own with ``--engine``.
The data stays in ``../shared``: it is read, never copied.

    .venv/bin/python bench/languages.py [--shared ../shared] [--engine] [--json FILE]

Exits 1 when an article is refused or a set is missing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from service.intake import language  # noqa: E402

SETS = (
    ("seeds", "data/seeds/gold.jsonl"),
    ("PolNeAR dev", "data/polnear/dev.jsonl"),
    ("PolNeAR train", "data/polnear/train.jsonl"),
    ("BBC dev", "data/bbc/dev.jsonl"),
)
TIMED_SET = "PolNeAR dev"
REPEATS = 3
"""Each article is timed this many times and its fastest kept: the machine is shared."""


def memory_kb(field: str) -> int:
    """A field of /proc/self/status (VmRSS, VmHWM), in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def read_set(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [(record["id"], record["text"]) for record in map(json.loads, lines)]


def cpu_seconds(work: Any, repeats: int = REPEATS) -> float:
    """The least CPU time of ``repeats`` runs of ``work()``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default ../shared)")
    parser.add_argument("--engine", action="store_true", help="also time the engine on each PolNeAR dev article")
    parser.add_argument("--json", type=Path, help="write the figures to this file too")
    args = parser.parse_args(argv)

    import numpy  # noqa: F401  (the service has it already, through spaCy: not the classifier's cost)

    rss_before = memory_kb("VmRSS")
    started = time.perf_counter()
    language.load()
    load_seconds = time.perf_counter() - started
    rss_after = memory_kb("VmRSS")

    report: dict[str, Any] = {
        "load_seconds": round(load_seconds, 2),
        "rss_added_mb": round((rss_after - rss_before) / 1024, 1),
        "peak_rss_mb": round(memory_kb("VmHWM") / 1024, 1),
        "sets": {},
    }
    failed = False
    timed: list[str] = []
    for name, relative in SETS:
        path = args.shared / relative
        if not path.exists():
            print(f"{name}: {path} is missing", file=sys.stderr)
            failed = True
            continue
        articles = read_set(path)
        refused, not_english, unknown = [], [], []
        least: tuple[float, str] = (2.0, "")
        for doc_id, text in articles:
            found = language.identify(text)
            if language.confidently_not_english(found):
                refused.append(doc_id)
            if found is None:
                unknown.append(doc_id)
            elif not found.is_english:
                not_english.append(f"{doc_id} ({found.name} {found.confidence:.2f})")
            else:
                least = min(least, (found.confidence, doc_id))
        report["sets"][name] = {
            "articles": len(articles),
            "refused": refused,
            "not_named_english": not_english,
            "unknown": unknown,
            "least_english": {"id": least[1], "confidence": round(least[0], 3)},
        }
        failed |= bool(refused)
        if name == TIMED_SET:
            timed = [text for _, text in articles]

    if timed:
        per_article = [cpu_seconds(lambda: language.identify(text)) for text in timed]
        report["identify_cpu_ms_median"] = round(statistics.median(per_article) * 1000, 2)
        report["identify_cpu_ms_max"] = round(max(per_article) * 1000, 2)
        if args.engine:
            from service.attribution.pipeline import QuoteExtractor
            from service.nlp import default_model_name, load_pipeline

            extractor = QuoteExtractor(load_pipeline(default_model_name()))
            extractor.extract(timed[0])
            engine = [cpu_seconds(lambda: extractor.extract(text), repeats=1) for text in timed]
            report["engine_cpu_ms_median"] = round(statistics.median(engine) * 1000, 1)
            report["identify_share_of_engine"] = round(statistics.median(per_article) / statistics.median(engine), 4)

    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


def print_report(report: dict[str, Any]) -> None:
    print("| set | articles | refused | not named English | unknown | least English |")
    print("|---|---|---|---|---|---|")
    for name, figures in report["sets"].items():
        least = figures["least_english"]
        print(
            f"| {name} | {figures['articles']} | {len(figures['refused'])} | {len(figures['not_named_english'])} "
            f"| {len(figures['unknown'])} | {least['confidence']:.3f} ({least['id']}) |"
        )
    for figures in report["sets"].values():
        for line in figures["refused"] + figures["not_named_english"]:
            print(f"  {line}")
    print(
        f"\nclassifier: loaded in {report['load_seconds']:.2f} s, +{report['rss_added_mb']:.0f} MB RSS "
        f"(peak RSS of this process {report['peak_rss_mb']:.0f} MB)"
    )
    if "identify_cpu_ms_median" in report:
        line = f"identify, CPU per {TIMED_SET} article: median {report['identify_cpu_ms_median']:.2f} ms, max {report['identify_cpu_ms_max']:.2f} ms"
        if "engine_cpu_ms_median" in report:
            line += (
                f"; the engine's: median {report['engine_cpu_ms_median']:.0f} ms "
                f"(identify = {report['identify_share_of_engine'] * 100:.1f}% of it)"
            )
        print(line)


if __name__ == "__main__":
    sys.exit(main())
