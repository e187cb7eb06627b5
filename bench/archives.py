"""Archives' throughput: ``quotes batch`` on several processes, and the Spark job in local mode.

Three ways of running the engine over the same texts, each timed after its
models are loaded (loading is start-up, paid once per process however large
the archive):

1. ``engine``: ``batch.analyse`` in this process, in the chunks ``quotes
   batch`` hands each of its processes: the reference;
2. ``batch``: ``quotes batch`` with ``--processes N`` (``batch.run``), from
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
``rows`` renders its table rows (``bench/bench.py``'s five columns).

    python bench/archives.py [--corpus FILE.jsonl] [--processes 2] [--repeat 3] [--no-spark] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from service.archives import rows as archive_rows  # noqa: E402
from service.archives import runner  # noqa: E402
from service.archives.readers import Record  # noqa: E402
from service.attribution.pipeline import QuoteExtractor  # noqa: E402
from service.config import Settings  # noqa: E402
from service.intake.door import Sent  # noqa: E402
from service.nlp import default_model_name, load_pipeline, model_info  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
DEFAULT_PROCESSES = 2
DEFAULT_REPEAT = 3
BATCH_TARGET = 1.8
"""``quotes batch`` on 2 processes against the engine in one, on 2 cores (issue 13)."""
SPARK_WARM_UP_ARTICLES = 8

Row = tuple[str, str, str, str, str]
"""One line of the table: what, result, ratio, target, met (as ``bench/bench.py``)."""


def log(message: str) -> None:
    print(f"[archives] {message}", file=sys.stderr, flush=True)


def read_corpus(path: Path) -> list[dict[str, str]]:
    """``{id, text}`` of each article of a JSON Lines file, the other fields left out."""
    with path.open(encoding="utf-8") as handle:
        return [{"id": str(record["id"]), "text": record["text"]} for record in map(json.loads, handle) if record.get("text")]


def write_corpus(records: Sequence[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version_of(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def by_id(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows}


# --- the three ways ---


def run_engine(extractor: QuoteExtractor, records: Sequence[dict[str, str]], max_chars: int) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """``batch.analyse`` here, chunk by chunk: wall and CPU seconds, and the rows."""
    articles = [Record(record["id"], Sent(record["text"])) for record in records]
    started, cpu = time.perf_counter(), time.process_time()
    rows = [row for chunk in archive_rows.chunked(articles) for row in archive_rows.analyse(extractor, chunk, max_chars)]
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}, rows


def run_batch(source: Path, folder: Path, processes: int, model: str, max_chars: int) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """``quotes batch`` with ``processes`` processes, each loading ``model``: its report's times, and the rows."""
    output = folder / "batch.jsonl"
    report = runner.run(runner.Options(source, output, processes=processes, model=model, max_chars=max_chars, overwrite=True))
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


def run_spark(spark: Any, source: Path, folder: Path, model: str, max_chars: int, run: int) -> tuple[dict[str, float], list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    from service.archives import spark_job

    output = folder / f"spark-{run}.parquet"
    report = spark_job.run_job(spark, str(source), str(output), model=model, max_chars=max_chars, overwrite=True)
    rows = pq.read_table(output).to_pylist()
    shutil.rmtree(output, ignore_errors=True)
    return {"seconds": report.seconds, "partitions": float(report.partitions)}, rows


# --- the measurement ---


def median_of(samples: Sequence[dict[str, float]], key: str = "seconds") -> float:
    return statistics.median(sample[key] for sample in samples)


def measure(
    corpus: Path = DEFAULT_CORPUS,
    processes: int = DEFAULT_PROCESSES,
    repeat: int = DEFAULT_REPEAT,
    spark: bool = True,
    limit: int | None = None,
    records: Sequence[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Every figure of this benchmark, as a dict (``rows`` renders it); ``records`` (``{id, text}``) in place of ``corpus``."""
    records = list(records) if records is not None else read_corpus(corpus)[:limit]
    chars = sum(len(record["text"]) for record in records)
    settings = Settings.from_env()
    model = settings.spacy_model or default_model_name()
    results: dict[str, Any] = {
        "meta": {
            "date": datetime.date.today().isoformat(),
            "corpus": str(corpus) if records is None else "the benchmark's corpus",
            "documents": len(records),
            "chars": chars,
            "processes": processes,
            "repeat": repeat,
            "cpu": cpu_model(),
            "cores": len(os.sched_getaffinity(0)),
            "load_average_before": load_average(),
            "python": platform.python_version(),
            "versions": {name: version_of(name) for name in ("spacy", "pyarrow", "pyspark")},
        }
    }
    with tempfile.TemporaryDirectory(prefix="quotes-archives-bench-") as temporary:
        folder = Path(temporary)
        source = write_corpus(records, folder / "articles.jsonl")
        log(f"loading {model} here")
        extractor = QuoteExtractor(load_pipeline(model))
        info = model_info(extractor.nlp)
        results["meta"]["model"] = {"name": info.name, "version": info.version}
        run_engine(extractor, records[:SPARK_WARM_UP_ARTICLES], settings.max_chars)  # warm up
        engine, batch_runs, reference = [], [], []
        for n in range(repeat):
            log(f"engine in one process, run {n + 1}/{repeat}")
            timing, reference = run_engine(extractor, records, settings.max_chars)
            engine.append(timing)
            log(f"quotes batch, {processes} processes, run {n + 1}/{repeat}")
            timing, batch_rows = run_batch(source, folder, processes, model, settings.max_chars)
            batch_runs.append(timing)
        del extractor  # its memory back before Spark's processes start
        results["engine"] = {"runs": engine, "chars_per_second": chars / median_of(engine)}
        results["batch"] = {"runs": batch_runs, "chars_per_second": chars / median_of(batch_runs)}
        checks = {"batch_same_rows": by_id(batch_rows) == by_id(reference)}
        if spark:
            spark_runs: list[dict[str, float]] = []
            log(f"Spark, local[{processes}]: starting, and a first small job that loads the model in each process")
            session = spark_session(processes)
            try:
                warm = write_corpus(records[:SPARK_WARM_UP_ARTICLES], folder / "warm-up.jsonl")
                run_spark(session, warm, folder, model, settings.max_chars, run=-1)
                for n in range(repeat):
                    log(f"Spark, local[{processes}], run {n + 1}/{repeat}")
                    timing, spark_rows = run_spark(session, source, folder, model, settings.max_chars, run=n)
                    spark_runs.append(timing)
            finally:
                session.stop()
            results["spark"] = {
                "master": f"local[{processes}]",
                "runs": spark_runs,
                "partitions": int(spark_runs[0]["partitions"]),
                "chars_per_second": chars / median_of(spark_runs),
            }
            checks["spark_same_rows"] = by_id(spark_rows) == by_id(reference)
        results["checks"] = checks
    results["meta"]["load_average_after"] = load_average()
    batch_ratio = results["batch"]["chars_per_second"] / results["engine"]["chars_per_second"]
    results["ratios"] = {
        "batch_vs_engine": batch_ratio,
        # The same by CPU time: near 1 when the processes cost no more per character than one (no overhead).
        "batch_vs_engine_cpu": median_of(engine, "cpu_seconds") / median_of(batch_runs, "cpu_seconds"),
    }
    # How many cores the processes had: near N on an idle machine; less when other jobs took their turns.
    results["batch"]["cores_busy"] = statistics.median(r["cpu_seconds"] / r["seconds"] for r in batch_runs if r["seconds"])
    if "spark" in results:
        results["ratios"]["spark_vs_batch"] = results["spark"]["chars_per_second"] / results["batch"]["chars_per_second"]
    results["targets"] = {
        "batch_vs_engine": {"target": f"≥ {BATCH_TARGET}", "value": batch_ratio, "met": batch_ratio >= BATCH_TARGET if processes == 2 else None}
    }
    return results


# --- the table ---


def rate(chars_per_second: float) -> str:
    return f"{chars_per_second:,.0f} chars/s"


def rows(results: dict[str, Any], prefix: str = "8.") -> list[Row]:
    """The table's rows for these results: the engine, ``quotes batch`` against it, Spark against ``quotes batch``."""
    meta = results["meta"]
    engine, run = results["engine"], results["batch"]
    goal = results["targets"]["batch_vs_engine"]
    met = {True: "met", False: "**not met**", None: "—"}[goal["met"]]
    startup = statistics.median(r["startup_seconds"] for r in run["runs"])
    out: list[Row] = [
        (f"{prefix} archive: engine in one process, `batch.analyse`", rate(engine["chars_per_second"]), "1.00 (reference)", "", ""),
        (
            f"{prefix} `quotes batch`, {meta['processes']} processes",
            f"{rate(run['chars_per_second'])} (after {startup:.1f} s starting the processes and loading their models)",
            f"{results['ratios']['batch_vs_engine']:.2f} × engine (CPU time: {results['ratios']['batch_vs_engine_cpu']:.2f}); "
            f"busy on {run['cores_busy']:.1f} cores",
            goal["target"],
            met,
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
    meta = results["meta"]
    caption = (
        f"{meta['documents']} articles, {meta['chars']:,} characters ({meta['corpus']}), {meta['model']['name']} "
        f"{meta['model']['version']}; {meta['cpu']}, {meta['cores']} cores; medians of {meta['repeat']}; "
        f"load average {meta['load_average_before'][0]} before, {meta['load_average_after'][0]} after; "
        f"same rows: {', '.join(f'{k} {v}' for k, v in results['checks'].items())}"
    )
    header = "| measured | result | ratio | target | met |\n|---|---|---|---|---|"
    return "\n".join([caption, "", header, *("| " + " | ".join(r) + " |" for r in rows(results))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines of {id, text} (default: PolNeAR dev)")
    parser.add_argument("--processes", type=int, default=DEFAULT_PROCESSES, help="processes of quotes batch, and Spark's task slots")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--limit", type=int, help="only the first N articles (a smoke run)")
    parser.add_argument("--no-spark", action="store_true", help="leave the Spark job out")
    parser.add_argument("--json", type=Path, help="write every figure there")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        parser.error(f"{args.corpus} does not exist (PolNeAR dev lies in ../shared; --corpus names another)")
    results = measure(args.corpus, args.processes, args.repeat, spark=not args.no_spark, limit=args.limit)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if all(results["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
