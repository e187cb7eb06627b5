"""Row 8, archives' throughput: ``quotes batch`` on several processes, and the Spark job in local mode.

Three ways of running the engine over the same texts, each timed after its
models are loaded (loading is start-up, paid once per process however large
the archive):

1. ``engine``: ``rows.analyse`` in this process, in the chunks ``quotes
   batch`` hands each of its processes: the reference;
2. ``batch``: ``quotes batch`` with ``--processes N`` (``runner.run``), from
   when its first process has its model to its last result written; the
   target is at least 1.8 times the engine on 2 processes and 2 cores. Beside
   it, the same ratio by CPU time (the processes' own: near 1 means no
   overhead), and how many cores the processes were busy on (their CPU time
   over the wall time: near N unless other jobs took turns on the cores,
   when the wall-time ratio measures the neighbours, not the tool);
3. ``spark``: the Spark job (``spark_job.run_job``) in local mode with one
   task slot per process, after a first small job has loaded the model in
   each executor Python process; the whole job is timed (reading, the id
   check, the analysis, writing Parquet, counting what was written).

``checks`` confirms that the three found the same rows. Medians of
``--repeat`` runs; the machine's load average is recorded before and after,
since the machines are shared. ``measure`` returns everything as a dict and
``rows`` renders its table rows (the benchmark's five columns); ``make
bench`` runs it as its row 8, and it runs alone too:

    python -m bench.speed.archives [--corpus FILE.jsonl] [--processes 2] [--repeat 3] [--limit N] [--no-spark]
                                   [--json FILE] [--record FILE.md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common.corpus import POLNEAR_DEV, Corpus, read_corpus
from bench.common.progress import BenchError, log
from bench.common.provenance import load_average, machine, package_version
from bench.common.results import add_output_options, command_line, write_outputs
from bench.common.tables import TARGET_COLUMNS, Row, markdown_table, met, rate
from service.archives import rows as archive_rows
from service.archives import runner
from service.archives.readers import Record
from service.attribution.pipeline import QuoteExtractor
from service.config import Settings
from service.intake.door import Sent
from service.nlp import default_model_name, load_pipeline, model_info

PROG = "python -m bench.speed.archives"
DEFAULT_PROCESSES = 2
DEFAULT_REPEAT = 3
BATCH_TARGET = 1.8
"""``quotes batch`` on 2 processes against the engine in one, on 2 cores (issue 13)."""
SPARK_WARM_UP_ARTICLES = 8

Rows = list[dict[str, Any]]
"""What a way of running wrote: one row per article, as ``quotes batch`` writes them."""


def by_id(rows: Rows) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows}


# --- the three ways ---


def run_engine(extractor: QuoteExtractor, corpus: Corpus, max_chars: int) -> tuple[dict[str, float], Rows]:
    """``rows.analyse`` here, chunk by chunk: wall and CPU seconds, and the rows."""
    articles = [Record(d.id, Sent(d.text)) for d in corpus.documents]
    started, cpu = time.perf_counter(), time.process_time()
    rows = [row for chunk in archive_rows.chunked(articles) for row in archive_rows.analyse(extractor, chunk, max_chars)]
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}, rows


def run_batch(source: Path, folder: Path, processes: int, model: str, max_chars: int) -> tuple[dict[str, float], Rows]:
    """``quotes batch`` with ``processes`` processes, each loading ``model``: its report's times, and the rows."""
    output = folder / "batch.jsonl"
    options = runner.Options(source, output, processes=processes, model=model, max_chars=max_chars, overwrite=True)
    report = runner.run(options)
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    times = {
        "seconds": report.work_seconds,
        "cpu_seconds": report.cpu_seconds,
        "startup_seconds": report.startup_seconds,
        "whole_seconds": report.seconds,
    }
    return times, rows


def spark_session(cores: int) -> Any:
    """A local Spark with ``cores`` task slots, on loopback, its Python workers this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("quotes-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    return spark


def run_spark(
    spark: Any, source: Path, folder: Path, model: str, max_chars: int, run: int
) -> tuple[dict[str, float], Rows]:
    """The Spark job over ``source``: its time and partitions, and the rows it wrote."""
    import pyarrow.parquet as pq

    from service.archives import spark_job

    output = folder / f"spark-{run}.parquet"
    report = spark_job.run_job(spark, str(source), str(output), model=model, max_chars=max_chars, overwrite=True)
    rows: Rows = pq.read_table(output).to_pylist()
    shutil.rmtree(output, ignore_errors=True)
    return {"seconds": report.seconds, "partitions": float(report.partitions)}, rows


# --- the measurement ---


def median_of(samples: Sequence[dict[str, float]], key: str = "seconds") -> float:
    return statistics.median(sample[key] for sample in samples)


def write_records(corpus: Corpus, path: Path) -> Path:
    """The corpus as JSON Lines of ``{id, text}``, as ``quotes batch`` and the Spark job read an archive."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus.records), encoding="utf-8")
    return path


def measure(
    corpus: Corpus, processes: int = DEFAULT_PROCESSES, repeat: int = DEFAULT_REPEAT, spark: bool = True
) -> dict[str, Any]:
    """Every figure of this benchmark on ``corpus``, as a dict (``rows`` renders it)."""
    settings = Settings.from_env()
    model = settings.spacy_model or default_model_name()
    warm_up = Corpus("warm-up", corpus.documents[:SPARK_WARM_UP_ARTICLES])
    results: dict[str, Any] = {
        "meta": {
            "date": datetime.date.today().isoformat(),
            "corpus": corpus.name,
            "documents": len(corpus.documents),
            "chars": corpus.chars,
            "processes": processes,
            "repeat": repeat,
            "machine": machine(),
            "versions": {name: package_version(name) for name in ("spacy", "pyarrow", "pyspark")},
        }
    }
    with tempfile.TemporaryDirectory(prefix="quotes-archives-bench-") as temporary:
        folder = Path(temporary)
        source = write_records(corpus, folder / "articles.jsonl")
        log(f"archives: loading {model} here")
        extractor = QuoteExtractor(load_pipeline(model))
        info = model_info(extractor.nlp)
        results["meta"]["model"] = {"name": info.name, "version": info.version}
        run_engine(extractor, warm_up, settings.max_chars)
        engine, batch_runs = [], []
        reference: Rows = []
        batch_rows: Rows = []
        for n in range(repeat):
            log(f"archives: engine in one process, run {n + 1}/{repeat}")
            timing, reference = run_engine(extractor, corpus, settings.max_chars)
            engine.append(timing)
            log(f"archives: quotes batch, {processes} processes, run {n + 1}/{repeat}")
            timing, batch_rows = run_batch(source, folder, processes, model, settings.max_chars)
            batch_runs.append(timing)
        del extractor  # its memory back before Spark's processes start
        results["engine"] = {"runs": engine, "chars_per_second": corpus.chars / median_of(engine)}
        results["batch"] = {"runs": batch_runs, "chars_per_second": corpus.chars / median_of(batch_runs)}
        checks = {"batch_same_rows": by_id(batch_rows) == by_id(reference)}
        if spark:
            results["spark"], spark_rows = measure_spark(
                corpus, warm_up, folder, source, processes, model, settings.max_chars, repeat
            )
            checks["spark_same_rows"] = by_id(spark_rows) == by_id(reference)
        results["checks"] = checks
    results["meta"]["machine"]["load_average_after"] = load_average()
    results["ratios"] = ratios(results, engine, batch_runs)
    # How many cores the processes had: near N on an idle machine; less when other jobs took their turns.
    results["batch"]["cores_busy"] = statistics.median(
        r["cpu_seconds"] / r["seconds"] for r in batch_runs if r["seconds"]
    )
    batch_ratio = results["ratios"]["batch_vs_engine"]
    results["targets"] = {
        "batch_vs_engine": {
            "target": f"≥ {BATCH_TARGET}",
            "value": batch_ratio,
            "met": batch_ratio >= BATCH_TARGET if processes == 2 else None,
        }
    }
    return results


def measure_spark(
    corpus: Corpus, warm_up: Corpus, folder: Path, source: Path, processes: int, model: str, max_chars: int, repeat: int
) -> tuple[dict[str, Any], Rows]:
    """The Spark job's runs, after a first small job that loads the model in each executor process; and its rows."""
    runs: list[dict[str, float]] = []
    rows: Rows = []
    log(f"archives: Spark, local[{processes}]: starting, and a first small job that loads the model in each process")
    session = spark_session(processes)
    try:
        run_spark(session, write_records(warm_up, folder / "warm-up.jsonl"), folder, model, max_chars, run=-1)
        for n in range(repeat):
            log(f"archives: Spark, local[{processes}], run {n + 1}/{repeat}")
            timing, rows = run_spark(session, source, folder, model, max_chars, run=n)
            runs.append(timing)
    finally:
        session.stop()
    summary = {
        "master": f"local[{processes}]",
        "runs": runs,
        "partitions": int(runs[0]["partitions"]),
        "chars_per_second": corpus.chars / median_of(runs),
    }
    return summary, rows


def ratios(
    results: dict[str, Any], engine: Sequence[dict[str, float]], batch_runs: Sequence[dict[str, float]]
) -> dict[str, float]:
    """``quotes batch`` against the engine by wall and by CPU time, and Spark against ``quotes batch``."""
    measured = {
        "batch_vs_engine": results["batch"]["chars_per_second"] / results["engine"]["chars_per_second"],
        # By CPU time: near 1 when the processes cost no more per character than one (no overhead).
        "batch_vs_engine_cpu": median_of(engine, "cpu_seconds") / median_of(batch_runs, "cpu_seconds"),
    }
    if "spark" in results:
        measured["spark_vs_batch"] = results["spark"]["chars_per_second"] / results["batch"]["chars_per_second"]
    return measured


# --- the table ---


def rows(results: dict[str, Any], prefix: str = "8.") -> list[Row]:
    """The table's rows for these results: the engine, ``quotes batch`` against it, Spark against ``quotes batch``."""
    meta = results["meta"]
    engine, run = results["engine"], results["batch"]
    goal = results["targets"]["batch_vs_engine"]
    startup = statistics.median(r["startup_seconds"] for r in run["runs"])
    out: list[Row] = [
        (
            f"{prefix} archive: engine in one process, `batch.analyse`",
            rate(engine["chars_per_second"]),
            "1.00 (reference)",
            "",
            "",
        ),
        (
            f"{prefix} `quotes batch`, {meta['processes']} process{'es' if meta['processes'] != 1 else ''}",
            f"{rate(run['chars_per_second'])} (after {startup:.1f} s starting the processes and loading their models)",
            f"{results['ratios']['batch_vs_engine']:.2f} × engine (CPU time: {results['ratios']['batch_vs_engine_cpu']:.2f}); "
            f"busy on {run['cores_busy']:.1f} cores",
            goal["target"],
            met(goal["met"]),
        ),
    ]
    if "spark" in results:
        spark = results["spark"]
        out.append(
            (
                f"{prefix} Spark job, {spark['master']}, {spark['partitions']} partitions",
                f"{rate(spark['chars_per_second'])} (the whole job; models already loaded)",
                f"{results['ratios']['spark_vs_batch']:.2f} × `quotes batch`",
                "",
                "",
            )
        )
    return out


def table(results: dict[str, Any]) -> str:
    """The caption (what, where, how busy the machine was, whether the ways agreed) and the table."""
    meta, machine_ = results["meta"], results["meta"]["machine"]
    caption = (
        f"Measured {meta['date']}: {meta['documents']} articles, {meta['chars']:,} characters ({meta['corpus']}), "
        f"{meta['model']['name']} {meta['model']['version']}; {machine_['cpu']}, {machine_['usable_cores']} cores; "
        f"medians of {meta['repeat']}; load average {machine_['load_average_before'][0]} before, "
        f"{machine_['load_average_after'][0]} after; same rows: {', '.join(f'{k} {v}' for k, v in results['checks'].items())}."
    )
    return "\n".join([caption, "", *markdown_table(TARGET_COLUMNS, rows(results))])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="Archives' throughput: quotes batch and the Spark job.")
    parser.add_argument(
        "--corpus", type=Path, default=POLNEAR_DEV, help="JSON Lines of {id, text} (default: PolNeAR dev)"
    )
    parser.add_argument(
        "--processes", type=int, default=DEFAULT_PROCESSES, help="processes of quotes batch, and Spark's task slots"
    )
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--limit", type=int, help="only the first N articles (a smoke run)")
    parser.add_argument("--no-spark", action="store_true", help="leave the Spark job out")
    add_output_options(parser, "the table")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} does not exist (PolNeAR dev lies in ../shared; --corpus names another)")
    try:
        corpus = read_corpus(args.corpus)
    except BenchError as exc:
        raise SystemExit(str(exc)) from None
    corpus = Corpus(corpus.name, corpus.documents[: args.limit])
    results = measure(corpus, args.processes, args.repeat, spark=not args.no_spark)
    report = table(results)
    print(report)
    write_outputs(args, report, results, command_line(PROG, argv))
    return 0 if all(results["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
