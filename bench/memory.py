"""Row 5: the memory of a running gunicorn, its master and its workers, from ``/proc``."""

from __future__ import annotations

import threading
from typing import Any, Self

from bench import procfs

SAMPLE_SECONDS = 0.25


class Sampler:
    """Calls ``sample`` every ``every`` seconds on a thread of its own while the block runs, and once more at its end.

    The benchmark's and the soak's memory samplers are this, with their own ``sample``.
    """

    every = SAMPLE_SECONDS

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name=f"{type(self).__name__}", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _poll(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        raise NotImplementedError


class MemorySampler(Sampler):
    """Polls the summed RSS and PSS of the master and its workers while load runs.

    VmHWM is a peak per process; the processes peak at different moments,
    so the peak of the whole server is sampled.
    """

    def __init__(self, pid: int) -> None:
        super().__init__()
        self.pid = pid
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.pids_seen: set[int] = set()

    def sample(self) -> None:
        pids = [self.pid, *procfs.children(self.pid)]
        self.pids_seen.update(pids)
        self.peak_rss_kb = max(self.peak_rss_kb, sum(procfs.memory_kb(p, "VmRSS") for p in pids))
        self.peak_pss_kb = max(self.peak_pss_kb, sum(procfs.pss_kb(p) or 0 for p in pids))


def process_memory(pid: int) -> dict[str, Any]:
    """One process's peak RSS (VmHWM), RSS and PSS now, in MB."""
    return {
        "pid": pid,
        "peak_rss_mb": procfs.mb(procfs.memory_kb(pid, "VmHWM")),
        "rss_mb": procfs.mb(procfs.memory_kb(pid, "VmRSS")),
        "pss_mb": procfs.mb(procfs.pss_kb(pid) or 0),
    }


def memory_report(pid: int, workers: int, preload: bool, sampler: MemorySampler) -> dict[str, Any]:
    """Each process's peak (VmHWM) now, before the server stops, and the sampled peaks of the whole."""
    master = process_memory(pid)
    processes = [process_memory(child) for child in procfs.children(pid)]
    return {
        "workers": workers,
        "preload": preload,
        "master": master,
        "worker_processes": processes,
        "max_worker_peak_rss_mb": max((p["peak_rss_mb"] for p in processes), default=None),
        "sum_peak_rss_mb": master["peak_rss_mb"] + sum(p["peak_rss_mb"] for p in processes),
        "sampled_peak_sum_rss_mb": procfs.mb(sampler.peak_rss_kb),
        "sampled_peak_sum_pss_mb": procfs.mb(sampler.peak_pss_kb),
        "workers_recycled": len(sampler.pids_seen - {pid}) > workers,
    }


def max_worker_peak_rss_mb(pid: int) -> float:
    """The largest peak RSS among the workers of the gunicorn master ``pid``."""
    return max((procfs.mb(procfs.memory_kb(child, "VmHWM")) for child in procfs.children(pid)), default=0.0)
