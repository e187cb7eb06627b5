"""The engine as an Apache Spark job: an archive in, one result per article out, as Parquet.

::

    SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=.venv/bin/python \\
        .venv/bin/spark-submit --master 'local[2]' service/archives/spark_job.py articles.jsonl results.parquet

It needs ``pip install .[spark]`` (PySpark, and pandas for its Arrow exchange)
and, on a cluster, this project's wheel and the spaCy model installed in the
Python that every executor runs (README, "Archives"). Nothing in the service
imports this module. The steps, in ``run_job``:

1. ``read_articles``: JSON Lines or Parquet (a file, or a folder of them) as
   ``id`` and the article: a JSON line whole (so that its fields are read as
   ``quotes batch`` reads them: ``{"text": 5}`` is no text, not "5"), or
   Parquet's text and HTML columns (``--text-field``, ``--html-field``);
2. ``check_ids``: every id present and unique, or the job stops before any
   analysis, as ``quotes batch`` does;
3. spread over at least ``PARTITIONS_PER_CORE`` partitions per core, so that
   every core has work however few the input's files are;
4. ``analyse_batches`` on each partition (``mapInArrow``): the engine loaded
   once per executor Python process (``engine``) and reused by every
   partition that process runs; the articles analysed in chunks by
   ``service.archives.rows.analyse``, through the door, exactly as ``quotes
   batch`` does; the rows handed back as Arrow record batches of
   ``service.archives.tables.result_schema()``;
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
    # `spark-submit service/archives/spark_job.py` puts service/archives/ itself first on the path, where
    # our modules (tables, rows...) would hide libraries of the same names: import the package from
    # where it is installed instead.
    _here = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _here]

import pyarrow as pa

from service.archives.errors import ArchiveError
from service.archives.readers import Fields, Record, field_names, parse_line, record_of
from service.archives.rows import analyse, chunked
from service.archives.tables import check_keep, result_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from service.attribution.pipeline import QuoteExtractor

PARTITIONS_PER_CORE = 4
"""Partitions per core when the input has fewer: articles differ in length, so with a few partitions
per core the last ones to finish are short, and no core idles long at the end."""
EXIT_OK, EXIT_FAILED = 0, 1
LOADED = "spark_job: loaded"
LINE = "line"
"""The column that carries a JSON line whole to the executors."""


class JobError(Exception):
    """The job cannot run on this input: its message is the one line printed."""


# --- on the executors ----------------------------------------------------------------

_engine: tuple[str, QuoteExtractor] | None = None
"""This Python process's engine and the name of its model, loaded by the first partition it runs."""


def engine(model: str) -> QuoteExtractor:
    """This process's engine, loaded on first use: once per executor Python process, whatever the partitions."""
    global _engine
    if _engine is None or _engine[0] != model:
        from service.intake.door import ready_engine
        from service.nlp import load_pipeline

        started = time.perf_counter()
        _engine = (model, ready_engine(load_pipeline(model)))
        # In the executor's log: how many processes loaded a model, and how long each took.
        print(f"{LOADED} {model} in process {os.getpid()} ({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
    return _engine[1]


def records(batch: pa.RecordBatch, id_field: str, fields: Fields) -> list[Record]:
    """A batch's articles as ``quotes batch`` reads them: a JSON line's fields, or a Parquet row's columns."""
    out = []
    for row in batch.to_pylist():
        article_id = row.pop("id")
        found = parse_line(row[LINE], f"the line of id {article_id!r}", id_field, fields) if LINE in row else row
        out.append(record_of(article_id, found, fields))
    return out


def analyse_batches(
    batches: Iterator[pa.RecordBatch], model: str, max_chars: int, id_field: str, fields: Fields, any_language: bool
) -> Iterator[pa.RecordBatch]:
    """A partition's results: its batches of articles analysed as ``quotes batch`` analyses them."""
    extractor = engine(model)
    schema = result_schema(fields.keep)
    for batch in batches:
        for chunk in chunked(records(batch, id_field, fields)):
            yield pa.RecordBatch.from_pylist(analyse(extractor, chunk, max_chars, any_language), schema=schema)


# --- on the driver -------------------------------------------------------------------


@dataclass(frozen=True)
class JobReport:
    articles: int
    failed: int
    partitions: int
    seconds: float


def read_articles(spark: SparkSession, path: str, id_field: str, fields: Fields) -> DataFrame:
    """The input as a DataFrame of ``id`` (text) and the article: JSON Lines or Parquet, by the name's ending.

    A JSON line travels whole (``line``), for the executors to read its
    fields as ``quotes batch`` does; only its id is read here, as text
    whatever the JSON holds (an id may be a number). A line that is not
    JSON stops the job. Parquet gives its text column, its HTML column, or both,
    and the columns ``--keep`` names.
    """
    from pyspark.sql.functions import col, from_json, ltrim, regexp_replace
    from pyspark.sql.types import StringType, StructField, StructType

    name = path.rstrip("/").lower()
    if name.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz")):
        lines = spark.read.text(path).select(regexp_replace(col("value"), "^\ufeff", "").alias(LINE))
        lines = lines.where(ltrim(col(LINE)) != "")
        ids = StructType([StructField(id_field, StringType())])
        parsed = from_json(col(LINE), ids, {"mode": "FAILFAST"})
        return lines.select(parsed.getField(id_field).alias("id"), col(LINE))
    if not name.endswith(".parquet"):
        raise JobError(f"{path}: the input is JSON Lines (.jsonl, .jsonl.gz) or Parquet (.parquet), a file or a folder of them")
    frame = spark.read.parquet(path)
    columns = [column for column in (fields.text, fields.html) if column in frame.columns]
    if id_field not in frame.columns or not columns:
        wanted = id_field if id_field not in frame.columns else f"{fields.text} or {fields.html}"
        raise JobError(
            f"{path} has no {wanted!r} (its fields: {', '.join(frame.columns)}); --id-field, --text-field and --html-field name them"
        )
    missing = [name for name in fields.keep if name not in frame.columns]
    if missing:
        raise JobError(f"{path} has no {missing[0]!r} to keep (its fields: {', '.join(frame.columns)})")
    kept = [name for name in fields.keep if name not in (id_field, *columns)]
    return frame.select(col(f"`{id_field}`").cast("string").alias("id"), *(col(f"`{column}`") for column in [*columns, *kept]))


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
    fields: Fields = Fields(),
    model: str,
    max_chars: int,
    any_language: bool = False,
    partitions: int | None = None,
    overwrite: bool = False,
) -> JobReport:
    """Analyse every article of ``input_path`` and write the results to ``output_path`` as Parquet."""
    from pyspark.sql.functions import col
    from pyspark.sql.pandas.types import from_arrow_schema

    started = time.perf_counter()
    check_keep(fields.keep)
    articles = read_articles(spark, input_path, id_field, fields)
    check_ids(articles, id_field)
    wanted = partitions or spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    if partitions is not None or articles.rdd.getNumPartitions() < wanted:
        articles = articles.repartition(wanted)
    # This module by its package name, so that Spark ships a reference to it (not a copy of the
    # function): each executor process imports it once and keeps its engine across partitions.
    from service.archives import spark_job

    work = partial(
        spark_job.analyse_batches, model=model, max_chars=max_chars, id_field=id_field, fields=fields, any_language=any_language
    )
    results = articles.mapInArrow(work, from_arrow_schema(result_schema(fields.keep)))
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
            "Find the quotes of every article of INPUT (JSON Lines or Parquet, with id and text or html fields) and write one "
            "row per article to OUTPUT, a Parquet folder: the API's answer with the article's id, and `error` for an "
            "article that was not analysed. Run it with spark-submit."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="a .jsonl or .parquet file, or a folder of them (any path Spark reads)")
    parser.add_argument("output", metavar="OUTPUT", help="the Parquet folder to write")
    parser.add_argument("--id-field", metavar="NAME", default="id", help="the field holding each article's id (default: id)")
    parser.add_argument("--text-field", metavar="NAME", default="text", help="the field holding each article's text (default: text)")
    parser.add_argument("--html-field", metavar="NAME", default="html", help="the field holding an article's HTML instead (default: html)")
    parser.add_argument(
        "--keep", metavar="FIELD,...", type=field_names, default=(), help="carry these fields of each article into its result, as quotes batch does"
    )
    parser.add_argument("--any-language", action="store_true", help="analyse articles confidently not in English too (refused otherwise)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline on the executors (default: as quotes batch: $QUOTES_SPACY_MODEL, else en_core_web_sm or its pinned copy)")
    parser.add_argument("--partitions", metavar="N", type=int, help=f"partitions to analyse in (default: {PARTITIONS_PER_CORE} per core, unless the input has more)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit service/archives/spark_job.py INPUT OUTPUT``: the job, and one line on what it did."""
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
            fields=Fields(args.text_field, args.html_field, args.keep),
            model=model,
            max_chars=max_chars,
            any_language=args.any_language,
            partitions=args.partitions,
            overwrite=args.overwrite,
        )
    except (JobError, ArchiveError, PySparkException) as exc:
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
    from service.archives.spark_job import main as job_main

    sys.exit(job_main())
