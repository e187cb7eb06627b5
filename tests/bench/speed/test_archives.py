"""``bench/speed/archives.py``, the archives' row: its table rows, and a small run end to end.

It checks that every figure and row is there and that the ways of running the
engine found the same rows, never how fast anything was (the machines are
shared: a timing assertion would test the weather).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.common.corpus import read_corpus
from bench.speed import archives
from tests.archives.archive import articles, write_json_lines


def results(met: bool | None, spark: bool) -> dict[str, Any]:
    made_up: dict[str, Any] = {
        "meta": {"processes": 2},
        "engine": {"chars_per_second": 10_000.0},
        "batch": {
            "chars_per_second": 19_000.0,
            "cores_busy": 1.96,
            "runs": [{"startup_seconds": 2.0}, {"startup_seconds": 3.0}],
        },
        "ratios": {"batch_vs_engine": 1.9, "batch_vs_engine_cpu": 0.97},
        "targets": {"batch_vs_engine": {"target": "≥ 1.8", "value": 1.9, "met": met}},
    }
    if spark:
        made_up["spark"] = {"master": "local[2]", "partitions": 8, "chars_per_second": 15_200.0}
        made_up["ratios"]["spark_vs_batch"] = 0.8
    return made_up


def test_rows_show_each_way_against_the_one_before() -> None:
    engine, batch, spark = archives.rows(results(True, spark=True))
    assert engine == (
        "8. archive: engine in one process, `batch.analyse`",
        "10,000 chars/s",
        "1.00 (reference)",
        "",
        "",
    )
    assert batch[1:] == (
        "19,000 chars/s (after 2.5 s starting the processes and loading their models)",
        "1.90 × engine (CPU time: 0.97); busy on 2.0 cores",
        "≥ 1.8",
        "met",
    )
    assert spark[0] == "8. Spark job, local[2], 8 partitions" and spark[2] == "0.80 × `quotes batch`"


def test_rows_say_a_target_not_met_and_leave_out_spark_when_it_did_not_run() -> None:
    rows = archives.rows(results(False, spark=False), prefix="9.")
    assert [row[0][:2] for row in rows] == ["9.", "9."]
    assert rows[1][4] == "**not met**"


@pytest.mark.model
def test_a_small_run_measures_both_ways_and_finds_the_same_rows(tmp_path: Path) -> None:
    corpus = read_corpus(write_json_lines(tmp_path / "articles.jsonl", articles(40)))
    measured = archives.measure(corpus, processes=2, repeat=1, spark=False)
    assert measured["checks"] == {"batch_same_rows": True}
    assert measured["meta"]["documents"] == 40
    assert measured["engine"]["chars_per_second"] > 0 and measured["batch"]["chars_per_second"] > 0
    assert set(measured["ratios"]) == {"batch_vs_engine", "batch_vs_engine_cpu"}
    assert 0 < measured["batch"]["cores_busy"] <= 2.5
    table = archives.table(measured)
    assert "| 8. `quotes batch`, 2 processes |" in table and table.startswith("Measured ")


@pytest.mark.model
def test_run_alone_it_records_its_table_and_figures(tmp_path: Path) -> None:
    corpus = write_json_lines(tmp_path / "articles.jsonl", articles(6))
    recorded = tmp_path / "archives.md"
    status = archives.main(
        ["--corpus", str(corpus), "--repeat", "1", "--processes", "1", "--no-spark", "--record", str(recorded)]
    )
    assert status == 0
    figures = json.loads(recorded.with_suffix(".json").read_text(encoding="utf-8"))
    assert figures["checks"] == {"batch_same_rows": True} and figures["meta"]["processes"] == 1
    assert "| 8. `quotes batch`, 1 process |" in recorded.read_text(encoding="utf-8")
