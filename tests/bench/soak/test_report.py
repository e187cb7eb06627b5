"""``bench/soak/report.py``: latency per slice, each worker's memory, the targets."""

from __future__ import annotations

from bench.soak.load import Answer
from bench.soak.report import passed, recycled_memory, slices_of, summary, worker_memory


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


def test_the_committed_summary_leaves_out_only_the_memory_samples() -> None:
    whole = {"run": {"answered": 3}, "memory_samples": [{"seconds": 2.0, "workers": {}}], "targets": {}}
    assert summary(whole) == {"run": {"answered": 3}, "targets": {}}
