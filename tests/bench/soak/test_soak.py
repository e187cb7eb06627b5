"""The soak (``python -m bench.soak``): a short run end to end, recorded as ``make soak`` records it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.soak.load import WORDS_PER_REQUEST

ROOT = Path(__file__).resolve().parents[3]
SOAK_SECONDS = 300


@pytest.mark.server
@pytest.mark.model
def test_a_short_soak_runs_end_to_end(tmp_path: Path) -> None:
    """A few dozen requests on one worker: the report has every part, and no request failed."""
    output, recorded = tmp_path / "whole.json", tmp_path / "soak.md"
    command = [sys.executable, "-m", "bench.soak", "--requests", "40", "--warmup", "10", "--concurrency", "2"]
    command += [
        "--workers",
        "1",
        "--slices",
        "2",
        "--memory-not-judged",
        "--json",
        str(output),
        "--record",
        str(recorded),
    ]
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
    assert "## Soak: 40 requests at concurrency 2 on 1 gunicorn quotes workers" in done.stdout
    assert "Targets: no errors: met; every request sent: met" in done.stdout
    assert "memory_samples" in report
    committed = json.loads(recorded.with_suffix(".json").read_text(encoding="utf-8"))
    assert committed == {key: value for key, value in report.items() if key != "memory_samples"}
    assert recorded.read_text(encoding="utf-8").startswith("<!-- Written by `python -m bench.soak --requests 40")
    assert "## Soak: 40 requests" in recorded.read_text(encoding="utf-8")
    Path(report["server_log"]).unlink()
