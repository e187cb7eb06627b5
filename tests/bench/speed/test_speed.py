"""The benchmark (``python -m bench.speed``, its load generator ``bench.speed.load``): a quick run, end to end.

The quick run starts real gunicorn servers and the real model; it checks that
every section, ratio and target is there and printed, never how fast anything
was (the machines are shared: a timing assertion would only test the weather).
Its modules' helpers are tested beside this file, one test module each.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "tests" / "articles"
QUICK_RUN_SECONDS = 600
SECTIONS = (
    "meta",
    "versions",
    "spacy",
    "spacy_newest",
    "engine",
    "http",
    "long_article",
    "toll",
    "batch",
    "memory",
    "length",
    "html",
    "textacy",
    "archives",
    "ratios",
    "targets",
)
SERVERS = ("workers_1", "workers_2", "workers_2_no_preload", "workers_2_sync")
# The row of the table that carries each target, in the table's order.
TARGET_ROWS = {
    "spacy_pin_vs_newest_cpu": "1. raw spaCy",
    "engine_vs_spacy": "2. engine in-process",
    "engine_vs_spacy_newest": "2. engine in-process, against the newest release",
    "after_parse_share": "2. engine: time after the parse",
    "http_1_worker_vs_engine": "3. HTTP, 1 worker, concurrency 4",
    "http_1_worker_vs_spacy_newest": "3. HTTP, 1 worker, concurrency 4, against the newest release",
    "http_2_workers_vs_1": "3. HTTP, 2 workers, concurrency 4",
    "batch_vs_single": "4. `/v1/quotes/batch`",
    "worker_peak_rss_mb": "5. peak RSS of one worker",
    "serving_vs_sync": "3. HTTP, 2 workers of gunicorn's sync class",
    "long_article_peak_rss_mb": "5. peak RSS of a fresh worker",
    "length_100k_vs_5k": "6. length",
    "html_100k_vs_25k": "6. HTML",
    "textacy_vs_engine": "7. textacy",
}


def has_textacy() -> bool:
    return importlib.util.find_spec("textacy") is not None


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any], Path]:
    """``--quick`` on the project's own sample articles, as ``make bench QUICK=1`` runs it: (table, JSON, record)."""
    folder = tmp_path_factory.mktemp("bench")
    output, recorded = folder / "bench.json", folder / "speed.md"
    command = [sys.executable, "-m", "bench.speed", "--quick", "--corpus", str(SAMPLES), "--json", str(output)]
    command += ["--record", str(recorded)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=QUICK_RUN_SECONDS, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads(output.read_text(encoding="utf-8")), recorded


def table_rows(table: str) -> dict[str, list[str]]:
    """The markdown table's rows by their first cell."""
    rows = {}
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith("| measured"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0]] = cells[1:]
    return rows


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# --- a quick run, end to end ---


@pytest.mark.server
@pytest.mark.model
def test_quick_run_writes_every_section(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    _, results, _ = quick_run
    assert set(SECTIONS) <= set(results)
    documents = results["meta"]["corpus"]["documents"]
    assert documents == len(list(SAMPLES.glob("*.txt")))
    for section in ("spacy", "spacy_newest", "engine"):
        assert is_number(results[section]["chars_per_second"]) and results[section]["chars_per_second"] > 0
    assert results["spacy_newest"]["spacy"] and results["toll"]["verdict"]
    assert results["long_article"]["worker_peak_rss_mb"] >= results["long_article"]["worker_peak_rss_mb_before"] > 0
    assert results["versions"]["model"] and results["versions"]["spacy"]
    assert results["meta"]["machine"]["cores"] >= 1 and results["meta"]["machine"]["cpu"]


@pytest.mark.server
@pytest.mark.model
def test_quick_run_measures_every_server_at_each_concurrency(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    _, results, _ = quick_run
    documents = results["meta"]["corpus"]["documents"]
    for name in SERVERS:
        server = results["http"][name]
        for concurrency in (1, 4):
            row = server[f"concurrency_{concurrency}"]
            assert row["requests_per_round"] == documents
            assert row["chars_per_second"] > 0
            assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"]
        memory = server["memory"]
        assert len(memory["worker_processes"]) == server["workers"]
        assert memory["sum_peak_rss_mb"] >= memory["max_worker_peak_rss_mb"] > 0
        assert memory["sampled_peak_sum_pss_mb"] > 0
    assert results["batch"]["requests_per_round"] >= 1 and results["batch"]["chars_per_second"] > 0


@pytest.mark.server
@pytest.mark.model
def test_quick_run_finds_the_same_quotes_every_way(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    """In-process, one by one and in batches, every server: the same work was measured."""
    _, results, _ = quick_run
    counts = results["checks"]["quotes"]
    assert len(counts) == 2 + 2 * len(SERVERS)
    assert len(set(counts.values())) == 1 and next(iter(counts.values())) > 0
    assert results["checks"]["same_quotes"] is True


@pytest.mark.server
@pytest.mark.model
def test_quick_run_has_every_ratio_and_target_as_a_number(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    _, results, _ = quick_run
    assert set(TARGET_ROWS) <= set(results["ratios"])
    for key, value in results["ratios"].items():
        if key.startswith("textacy_vs_engine") and not has_textacy():
            assert value is None, key  # textacy_vs_engine and its CPU-time twin
            continue
        assert is_number(value) and value > 0, key
    for key, target in results["targets"].items():
        if key == "textacy_vs_engine" and not has_textacy():
            assert target["met"] is None and "skipped" in results["textacy"]
            continue
        assert target["value"] == results["ratios"][key]
        assert isinstance(target["met"], bool), key
    lengths = results["length"]["lengths"]
    assert list(lengths) == ["5000", "50000", "100000"]
    for target, row in lengths.items():
        assert abs(row["chars"] - int(target)) <= row["chars"] / row["copies"]


@pytest.mark.server
@pytest.mark.model
def test_quick_run_prints_a_row_for_each_section_and_target(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    table, results, _ = quick_run
    rows = table_rows(table)
    labels = list(rows)
    for section in range(1, 9):
        assert any(label.startswith(f"{section}. ") for label in labels), section
    for key, label in TARGET_ROWS.items():
        goal = results["targets"][key]
        printed = [cells for name, cells in rows.items() if name.startswith(label) and cells[2] == goal["target"]]
        assert len(printed) == 1, (key, label)
        expected = {True: "met", False: "**not met**", None: "—"}[goal["met"]]
        assert printed[0][3] == expected
    assert "Quick mode" in table and results["versions"]["model"] in table


@pytest.mark.server
@pytest.mark.model
def test_quick_run_records_the_table_and_every_number(quick_run: tuple[str, dict[str, Any], Path]) -> None:
    """``--record``: the table as printed, under a line that says what wrote it, and the JSON beside it."""
    table, results, recorded = quick_run
    text = recorded.read_text(encoding="utf-8")
    assert text.startswith("<!-- Written by `python -m bench.speed --quick --corpus ")
    assert text.endswith(table)
    figures = json.loads(recorded.with_suffix(".json").read_text(encoding="utf-8"))
    assert figures["ratios"] == results["ratios"] and figures["meta"]["corpus"] == results["meta"]["corpus"]
