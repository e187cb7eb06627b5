"""``bench/speed/sourcing_report.py``: its made-up results, its table, and a small run end to end.

It checks that every figure and row is there, never how fast or how large
anything was (the machines are shared: a timing assertion would test the weather).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.speed import sourcing_report
from service.archives.report.build import build
from service.archives.report.results import open_results
from tests.archives.report import counts
from service.archives.report.names import canonical


def test_the_made_up_results_are_results_of_quotes_batch_and_name_new_people_as_they_grow(tmp_path: Path) -> None:
    rows = list(sourcing_report.made_up_rows(300))
    assert rows == list(sourcing_report.made_up_rows(300))  # the same for the same seed
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = build(open_results(path), by="outlet", top=5)
    counts.check(report, rows, canonical, "outlet")
    distinct = {speaker["name"] for row in rows for speaker in row["speakers"]}
    assert len(distinct) > 300 * sourcing_report.NEW_NAMES_PER_ARTICLE
    assert report["whole"]["unnamed"]["quotes"] > 0 and report["whole"]["pronouns"]["sources"]["she"] > 0


def test_a_small_run_measures_each_input_and_judges_the_memory(tmp_path: Path) -> None:
    measured = sourcing_report.measure((200, 600), repeat=1)
    assert list(measured["runs"]) == ["200 rows, JSON Lines", "600 rows, JSON Lines", "200 rows, Parquet", "600 rows, Parquet"]
    for run in measured["runs"].values():
        assert run["seconds"] > 0 and run["peak_rss_mb"] > 10 and run["rows_per_second"] > 0
    assert list(measured["targets"]) == ["memory_growth, JSON Lines", "memory_growth, Parquet"]
    for goal in measured["targets"].values():
        assert goal["target"] == f"≤ {sourcing_report.FLAT_TARGET}" and goal["value"] > 0 and goal["met"] in (True, False)
    table = sourcing_report.table(measured)
    assert table.startswith("Measured ") and "| `quotes report`, 600 rows, JSON Lines" in table
    assert table.count("\n| `quotes report`") == 4
    parquet = next(line for line in table.splitlines() if "600 rows, Parquet" in line)
    assert "× the memory of 200 rows |" in parquet and ("| met |" in parquet or "| **not met** |" in parquet)


def test_run_alone_it_records_its_table_and_figures(tmp_path: Path) -> None:
    recorded = tmp_path / "sourcing-report.md"
    assert sourcing_report.main(["--rows", "50,100", "--repeat", "1", "--record", str(recorded)]) == 0
    assert "| `quotes report`, 100 rows, Parquet" in recorded.read_text(encoding="utf-8")
    assert json.loads(recorded.with_suffix(".json").read_text(encoding="utf-8"))["meta"]["rows"] == [50, 100]


@pytest.mark.parametrize("text", ["100000", "a,b", "0,10"])
def test_it_needs_two_row_counts_above_zero(text: str) -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        sourcing_report.sizes_of(text)
