"""The memory of a running gunicorn, its master and its workers, from ``/proc``, sampled while it works.

The benchmark's row 5 and the soak's worker memory both read it here.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Self

from bench.common import procfs

SAMPLE_SECONDS = 0.25

WorkersMemory = dict[int, dict[str, int] | None]
"""Each worker's ``VmRSS``, ``VmHWM`` and ``RssAnon`` in kB, by pid (None for one that had gone)."""


class Sampler:
    """Calls ``sample`` every ``every`` seconds on a thread of its own while the block runs, and once more at its end.

    The benchmark's and the soak's memory samplers are this, with their own ``sample``.
    """

    every = SAMPLE_SECONDS

    def __init__(self, every: float | None = None) -> None:
        if every is not None:
            self.every = every
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


class WorkersSampler(Sampler):
    """Each worker's memory, every ``every`` seconds, and every worker pid seen (the soak's)."""

    def __init__(self, pid: int, every: float | None = None) -> None:
        super().__init__(every)
        self.pid = pid
        self.samples: list[dict[str, Any]] = []
        self.seen: set[int] = set()
        self.started = time.monotonic()

    def sample(self) -> None:
        memory = workers_memory(self.pid)
        self.seen.update(memory)
        at = round(time.monotonic() - self.started, 1)
        self.samples.append({"seconds": at, "workers": {str(pid): value for pid, value in memory.items()}})


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


def workers_memory(pid: int) -> WorkersMemory:
    """``VmRSS``, ``VmHWM`` and ``RssAnon`` (kB) of each worker of the gunicorn master ``pid``, now (None for one gone)."""
    return {worker: procfs.memory(worker) for worker in procfs.children(pid)}


def max_worker_peak_rss_mb(pid: int) -> float:
    """The largest peak RSS among the workers of the gunicorn master ``pid``."""
    return max((procfs.mb(procfs.memory_kb(child, "VmHWM")) for child in procfs.children(pid)), default=0.0)
