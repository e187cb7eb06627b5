"""The soak (``bench/soak.py``, ``soakload.py``, ``soakreport.py``): its words, its report, and a short run end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.soakload import WORDS_PER_REQUEST, Answer, article
from bench.soakreport import passed, recycled_memory, slices_of, worker_memory

ROOT = Path(__file__).resolve().parents[2]
SOAK = ROOT / "bench" / "soak.py"
SOAK_SECONDS = 300
WORD = re.compile(r"[a-z]{6,}", re.IGNORECASE)


def test_no_two_requests_share_a_made_up_word() -> None:
    seen: set[str] = set()
    for index in range(200):
        words = {w.lower() for w in WORD.findall(article(index))} - {"according", "spokesperson", "reporters", "called"}
        assert len(words) >= WORDS_PER_REQUEST - 1, article(index)
        assert not words & seen, index
        seen |= words


def test_slices_report_the_benchmarks_percentiles_in_the_order_answers_came() -> None:
    answers = [Answer(n, finished=float(n), latency_ms=float(10 - n)) for n in range(10)]
    answers.append(Answer(10, finished=10.0, latency_ms=50.0, error="HTTP 500: boom"))
    first, second = slices_of(answers, 2)
    assert (first["requests"], second["requests"]) == (5, 6)
    assert first["p50_ms"] == 8.0 and first["max_ms"] == 10.0 and first["errors"] == 0
    # Interpolated between the closest ranks: nearest rank would say 50.0, the slowest.
    assert second["p99_ms"] == 47.8 and second["max_ms"] == 50.0 and second["errors"] == 1
    assert second["until_seconds"] == 10.0 and second["requests_per_second"] == 1.0


def test_worker_memory_grows_only_for_workers_that_lived_through_the_run() -> None:
    start = {1: {"VmRSS": 1000, "VmHWM": 1000, "RssAnon": 500}, 2: {"VmRSS": 1000, "VmHWM": 1000, "RssAnon": 500}}
    end = {1: {"VmRSS": 1100, "VmHWM": 1200, "RssAnon": 600}, 3: {"VmRSS": 900, "VmHWM": 950, "RssAnon": 400}}
    rows = {row["pid"]: row for row in worker_memory(start, end)}
    assert rows[1]["lived_through_the_run"] and rows[1]["rss_growth_percent"] == 10.0
    assert rows[1]["anon_growth_percent"] == 20.0 and rows[1]["peak_kb"] == 1200
    assert not rows[2]["lived_through_the_run"] and "rss_end_kb" not in rows[2]
    assert not rows[3]["lived_through_the_run"] and "rss_growth_percent" not in rows[3]
    samples = [{"seconds": 2.0, "workers": {"1": {"VmRSS": 1300}, "3": None}}]
    assert recycled_memory(start, end, samples) == {
        "mean_rss_start_kb": 1000,
        "mean_rss_end_kb": 1000,
        "growth_percent": 0.0,
        "peak_rss_kb": 1300,
    }


def test_memory_not_judged_leaves_only_the_errors_to_pass_or_fail() -> None:
    targets = {"no_errors": True, "all_requests_sent": True, "rss_within_target": False}
    assert not passed({"targets": targets, "memory_judged": True})
    assert passed({"targets": targets, "memory_judged": False})
    assert not passed({"targets": {**targets, "no_errors": False}, "memory_judged": False})


@pytest.mark.server
@pytest.mark.model
def test_a_short_soak_runs_end_to_end(tmp_path: Path) -> None:
    """A few dozen requests on one worker: the report has every part, and no request failed."""
    output = tmp_path / "soak.json"
    command = [sys.executable, str(SOAK), "--requests", "40", "--warmup", "10", "--concurrency", "2"]
    command += ["--workers", "1", "--slices", "2", "--memory-not-judged", "--json", str(output)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=SOAK_SECONDS, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["run"]["answered"] == 40 and report["run"]["errors"] == 0
    assert report["run"]["new_words"] == 40 * WORDS_PER_REQUEST
    assert [row["requests"] for row in report["slices"]] == [20, 20]
    assert all(0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"] for row in report["slices"])
    [worker] = report["workers"]
    assert worker["lived_through_the_run"] and worker["rss_end_kb"] > 0
    assert report["server"]["model"]["name"] and report["server"]["alive_at_end"]
    assert Path(report["server_log"]).is_file()
    assert "## Soak: 40 requests at concurrency 2 on 1 gunicorn workers" in done.stdout
    assert "Targets: no errors: met; every request sent: met" in done.stdout
    Path(report["server_log"]).unlink()

