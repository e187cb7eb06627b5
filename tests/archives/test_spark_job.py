"""The Spark job (service/archives/spark_job.py), run with spark-submit in local mode as the README says.

Its Parquet output must hold, for articles of our own, exactly the engine's
answers (and errors) for the same texts, in the archive's schema; each
executor process loads the model once, however many partitions it runs; and
an archive with an id used twice stops the job before any analysis.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from service.archives import spark_job
from service.attribution.pipeline import QuoteExtractor
from service.archives.tables import result_schema
from tests.archives.archive import articles, engine_rows, pruned, write_json_lines

pytestmark = [
    pytest.mark.model,
    pytest.mark.spark,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 (CI installs it: .ci/run)"),
]

SPARK_SUBMIT = Path(sys.executable).with_name("spark-submit")
JOB = Path(spark_job.__file__)
CORES = 2
MAX_CHARS = 1500
JOB_SECONDS = 900
"""A bound on one job, so that a hang fails the test instead of stalling CI."""


def submit(*args: str) -> subprocess.CompletedProcess[str]:
    """``spark-submit --master local[2] service/archives/spark_job.py ARGS``, as the README runs it, on loopback only.

    Its output is read as one stream (``stdout``): spark-submit passes the
    driver's stderr to its stdout, and the executors' to its stderr.
    """
    env = {
        **os.environ,
        "PYSPARK_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
        "QUOTES_MAX_CHARS": str(MAX_CHARS),
    }
    command = [str(SPARK_SUBMIT), "--master", f"local[{CORES}]", "--conf", "spark.ui.enabled=false", str(JOB), *args]
    return subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=JOB_SECONDS)


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    """Articles of our own, one too long and one empty among them, one with a number for its id."""
    chosen = articles(12)
    chosen[3]["text"] = "word " * 400
    chosen[8]["text"] = " "
    chosen[10]["id"] = 10
    for n, record in enumerate(chosen):
        record["outlet"] = None if n % 4 == 0 else f"outlet {n % 3}"
    return chosen


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]]) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder = tmp_path_factory.mktemp("spark")
    source = write_json_lines(folder / "articles.jsonl", records)
    output = folder / "results.parquet"
    return submit(str(source), str(output), "--keep", "outlet"), output


def test_the_job_writes_the_engines_answers_as_parquet(
    job: tuple[subprocess.CompletedProcess[str], Path], records: list[dict[str, Any]], real_nlp: Language
) -> None:
    done, output = job
    assert done.returncode == 0, done.stdout[-3000:]
    assert f"spark_job: {len(records)} articles in {output} (2 not analysed" in done.stdout
    table = pq.read_table(output)
    assert table.column_names == result_schema(("outlet",)).names
    table.cast(result_schema(("outlet",)))  # the same nested types, whatever Spark names a list's items
    rows = {row["id"]: row for row in table.to_pylist()}
    # The input's outlet carried beside each article's answer, as --keep outlet asks.
    assert {id_: row.pop("outlet") for id_, row in rows.items()} == {str(r["id"]): r["outlet"] for r in records}
    expected = engine_rows(QuoteExtractor(real_nlp), [{**r, "id": str(r["id"])} for r in records], MAX_CHARS)
    assert pruned(rows) == pruned(expected)
    assert rows["a0003"]["error"]["type"] == "/problems/payload-too-large"
    assert rows["a0008"]["error"]["type"] == "/problems/validation-failed"


def test_each_executor_process_loads_the_model_once(job: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, _ = job
    loads = [line for line in done.stdout.splitlines() if line.startswith(spark_job.LOADED)]
    partitions = CORES * spark_job.PARTITIONS_PER_CORE
    assert f"{partitions} partitions" in done.stdout
    # Python workers are reused: at most one per core ever loads the model, not one per partition.
    assert 1 <= len(loads) <= CORES < partitions, loads


def test_an_id_used_twice_stops_the_job_before_any_analysis(tmp_path: Path) -> None:
    records = articles(3)
    records[2]["id"] = records[0]["id"]
    source = write_json_lines(tmp_path / "articles.jsonl", records)
    done = submit(str(source), str(tmp_path / "results.parquet"))
    assert done.returncode == 1
    assert "spark_job: error: ids must be unique: 'a0000' (2 times)" in done.stdout
    assert spark_job.LOADED not in done.stdout
    assert not (tmp_path / "results.parquet").exists()
