"""``bench/memory.py``: the samplers, and a server's memory report, on processes this test starts itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.common.memory import MemorySampler, Sampler, max_worker_peak_rss_mb, memory_report

HOLDS_MEMORY = "import sys; block = bytearray(30_000_000); print(flush=True); sys.stdin.read()"


class Counting(Sampler):
    every = 0.01

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def sample(self) -> None:
        self.count += 1


def test_a_sampler_samples_while_the_block_runs_and_once_at_its_end() -> None:
    with Counting() as counting:
        time.sleep(0.2)
        during = counting.count
    assert during >= 2 and counting.count == during + 1


def test_the_memory_of_a_process_and_its_children_is_summed_and_reported() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLDS_MEMORY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None and child.stdout.readline() == "\n"
        with MemorySampler(os.getpid()) as sampler:
            time.sleep(0.3)
        report = memory_report(os.getpid(), workers=1, preload=True, sampler=sampler)
        assert {os.getpid(), child.pid} <= sampler.pids_seen
        [worker] = [p for p in report["worker_processes"] if p["pid"] == child.pid]
        assert worker["peak_rss_mb"] >= worker["rss_mb"] > 30 and worker["pss_mb"] > 30
        assert report["sampled_peak_sum_rss_mb"] >= report["master"]["rss_mb"] + worker["rss_mb"] * 0.9
        assert max_worker_peak_rss_mb(os.getpid()) >= worker["peak_rss_mb"]
        child.communicate("")
