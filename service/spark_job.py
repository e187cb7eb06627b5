"""The engine as an Apache Spark job: an archive in, one result per article out, as Parquet.

::

    SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=.venv/bin/python \\
        .venv/bin/spark-submit --master 'local[2]' service/spark_job.py articles.jsonl results.parquet

It needs ``pip install .[spark]`` (PySpark, and pandas for its Arrow exchange)
and, on a cluster, this project's wheel and the spaCy model installed in the
Python that every executor runs (README, "Archives"). Nothing in the service
imports this module. The steps, in ``run_job``:

1. ``read_articles``: JSON Lines or Parquet (a file, or a folder of them) as
   ``(id, text)``, with the id and text fields as named;
2. ``check_ids``: every id present and unique, or the job stops before any
   analysis, as ``quotes batch`` does;
3. spread over at least ``PARTITIONS_PER_CORE`` partitions per core, so that
   every core has work however few the input's files are;
4. ``analyse_batches`` on each partition (``mapInArrow``): the engine loaded
   once per executor Python process (``engine``) and reused by every
   partition that process runs; the articles analysed in chunks by
   ``service.batch.analyse``, exactly as ``quotes batch`` does; the rows
   handed back as Arrow record batches of ``service.tables.result_schema()``;
5. written as Parquet with that schema: a folder of part files, as Spark
   writes, readable as one table by Spark, pandas or pyarrow.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if __name__ == "__main__":
    # `spark-submit service/spark_job.py` puts service/ itself first on the path, where our modules
    # (config, tables, batch...) would hide libraries of the same names: import the package from where
    # it is installed instead.
    _here = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _here]

import pyarrow as pa

from service.archives import Article, Unreadable
from service.batch import analyse, chunked
from service.tables import result_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from service.attribution.pipeline import QuoteExtractor

PARTITIONS_PER_CORE = 4
"""Partitions per core when the input has fewer: articles differ in length, so with a few partitions
per core the last ones to finish are short, and no core idles long at the end."""
EXIT_OK, EXIT_FAILED = 0, 1
LOADED = "spark_job: loaded"


class JobError(Exception):
    """The job cannot run on this input: its message is the one line printed."""


# --- on the executors ----------------------------------------------------------------

_engine: tuple[str, QuoteExtractor] | None = None
"""This Python process's engine and the name of its model, loaded by the first partition it runs."""


def engine(model: str) -> QuoteExtractor:
    """This process's engine, loaded on first use: once per executor Python process, whatever the partitions."""
    global _engine
    if _engine is None or _engine[0] != model:
        from service.attribution.pipeline import QuoteExtractor
        from service.nlp import load_pipeline

        started = time.perf_counter()
        from service import language

        _engine = (model, QuoteExtractor(load_pipeline(model)))
        language.load()
        # In the executor's log: how many processes loaded a model, and how long each took.
        print(f"{LOADED} {model} in process {os.getpid()} ({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
    return _engine[1]


def analyse_batches(batches: Iterator[pa.RecordBatch], model: str, max_chars: int, text_field: str) -> Iterator[pa.RecordBatch]:
    """A partition's results: its ``(id, text)`` batches analysed as ``quotes batch`` analyses them."""
    extractor = engine(model)
    schema = result_schema()
    for batch in batches:
        articles = [
            Article(article_id, text if text is not None else Unreadable(f"`{text_field}` is null."))
            for article_id, text in zip(batch.column("id").to_pylist(), batch.column("text").to_pylist())
        ]
        for chunk in chunked(articles):
            yield pa.RecordBatch.from_pylist(analyse(extractor, chunk, max_chars), schema=schema)


# --- on the driver -------------------------------------------------------------------


@dataclass(frozen=True)
class JobReport:
    articles: int
    failed: int
    partitions: int
    seconds: float


def read_articles(spark: SparkSession, path: str, id_field: str, text_field: str) -> DataFrame:
    """The input as a DataFrame of ``id`` (text) and ``text``: JSON Lines or Parquet, by the name's ending."""
    from pyspark.sql.functions import col
    from pyspark.sql.types import StringType, StructField, StructType

    name = path.rstrip("/").lower()
    if name.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz")):
        # Read as text whatever the JSON holds (an id may be a number); a line that is not JSON stops the job.
        schema = StructType([StructField(id_field, StringType()), StructField(text_field, StringType())])
        frame = spark.read.schema(schema).option("mode", "FAILFAST").json(path)
    elif name.endswith(".parquet"):
        frame = spark.read.parquet(path)
    else:
        raise JobError(f"{path}: the input is JSON Lines (.jsonl, .jsonl.gz) or Parquet (.parquet), a file or a folder of them")
    missing = [field for field in (id_field, text_field) if field not in frame.columns]
    if missing:
        raise JobError(f"{path} has no {' or '.join(map(repr, missing))} (its fields: {', '.join(frame.columns)}); --id-field and --text-field name them")
    return frame.select(col(f"`{id_field}`").cast("string").alias("id"), col(f"`{text_field}`").cast("string").alias("text"))


def check_ids(articles: DataFrame, id_field: str) -> None:
    """Every id present and unique (one pass over the ids), or a ``JobError`` naming a few that are not."""
    from pyspark.sql.functions import col

    wrong = articles.groupBy("id").count().where(col("id").isNull() | (col("count") > 1)).limit(3).collect()
    if not wrong:
        return
    if any(row["id"] is None for row in wrong):
        raise JobError(f"some articles have no `{id_field}`; every article needs an id")
    listed = ", ".join(f"{row['id']!r} ({row['count']} times)" for row in wrong)
    raise JobError(f"ids must be unique: {listed}")


def run_job(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    *,
    id_field: str = "id",
    text_field: str = "text",
    model: str,
    max_chars: int,
    partitions: int | None = None,
    overwrite: bool = False,
) -> JobReport:
    """Analyse every article of ``input_path`` and write the results to ``output_path`` as Parquet."""
    from pyspark.sql.functions import col
    from pyspark.sql.pandas.types import from_arrow_schema

    started = time.perf_counter()
    articles = read_articles(spark, input_path, id_field, text_field)
    check_ids(articles, id_field)
    wanted = partitions or spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    if partitions is not None or articles.rdd.getNumPartitions() < wanted:
        articles = articles.repartition(wanted)
    # This module by its package name, so that Spark ships a reference to it (not a copy of the
    # function): each executor process imports it once and keeps its engine across partitions.
    from service import spark_job

    work = partial(spark_job.analyse_batches, model=model, max_chars=max_chars, text_field=text_field)
    results = articles.mapInArrow(work, from_arrow_schema(result_schema()))
    results.write.mode("overwrite" if overwrite else "errorifexists").parquet(output_path)
    written = spark.read.parquet(output_path)
    return JobReport(
        articles=written.count(),
        failed=written.where(col("error").isNotNull()).count(),
        partitions=articles.rdd.getNumPartitions(),
        seconds=time.perf_counter() - started,
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spark_job.py",
        description=(
            "Find the quotes of every article of INPUT (JSON Lines or Parquet, with id and text fields) and write one "
            "row per article to OUTPUT, a Parquet folder: the API's answer with the article's id, and `error` for an "
            "article that was not analysed. Run it with spark-submit."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="a .jsonl or .parquet file, or a folder of them (any path Spark reads)")
    parser.add_argument("output", metavar="OUTPUT", help="the Parquet folder to write")
    parser.add_argument("--id-field", metavar="NAME", default="id", help="the field holding each article's id (default: id)")
    parser.add_argument("--text-field", metavar="NAME", default="text", help="the field holding each article's text (default: text)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline on the executors (default: as quotes batch: $QUOTES_SPACY_MODEL, else en_core_web_sm or its pinned copy)")
    parser.add_argument("--partitions", metavar="N", type=int, help=f"partitions to analyse in (default: {PARTITIONS_PER_CORE} per core, unless the input has more)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit service/spark_job.py INPUT OUTPUT``: the job, and one line on what it did."""
    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession

    from service.config import ConfigError, Settings
    from service.nlp import default_model_name

    args = parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"spark_job: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    max_chars = settings.max_chars
    model = args.model or settings.spacy_model or default_model_name()
    spark = SparkSession.builder.appName("quotes").getOrCreate()
    try:
        report = run_job(
            spark,
            args.input,
            args.output,
            id_field=args.id_field,
            text_field=args.text_field,
            model=model,
            max_chars=max_chars,
            partitions=args.partitions,
            overwrite=args.overwrite,
        )
    except (JobError, PySparkException) as exc:
        print(f"spark_job: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        spark.stop()
    print(
        f"spark_job: {report.articles} articles in {args.output} ({report.failed} not analysed: see `error`), "
        f"{report.partitions} partitions, {report.seconds:.1f} s",
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":
    from service.spark_job import main as job_main

    sys.exit(job_main())
