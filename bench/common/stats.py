"""The statistics every tool reports: one percentile, ratios, timed passes and their medians.

The benchmark (``bench.speed``) and the soak (``bench.soak``) both take
their latency percentiles from here, so that a p99 in one means what it
means in the other.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0 to 100) of ``values``, interpolated linearly between the closest ranks.

    This is Hyndman and Fan's definition 7: numpy's default, and what
    ``statistics.quantiles(values, n=100, method="inclusive")`` gives for
    whole percentiles, so anyone can check a figure with either. It was
    chosen over the nearest-rank definition (an observed value, the one the
    soak used before) because it moves smoothly with the samples: with a
    round of 84 requests, nearest rank makes p99 the slowest request and
    jumps from one request to another, while the interpolated p99 stays
    between the two slowest and never beyond the largest value.
    """
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or None when either is missing or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class Timed:
    """One timed pass: wall seconds, this process's CPU seconds, and what the pass returned.

    CPU well under wall time means the pass waited for a core: the machine was busy.
    """

    seconds: float
    cpu_seconds: float
    result: Any


def timed(work: Callable[[], Any]) -> Timed:
    """Time ``work``, garbage collected first so that every pass starts alike."""
    gc.collect()
    cpu, started = time.process_time(), time.perf_counter()
    result = work()
    return Timed(time.perf_counter() - started, time.process_time() - cpu, result)


def summed(parts: Sequence[Timed]) -> Timed:
    """A whole pass from its slices: times added, and each number of their results."""
    totals: dict[str, float] = {}
    for part in parts:
        for key, value in part.result.items():
            totals[key] = totals.get(key, 0) + value
    return Timed(sum(p.seconds for p in parts), sum(p.cpu_seconds for p in parts), totals)


def throughput(samples: Sequence[Timed], chars: int) -> dict[str, Any]:
    """The median pass, in characters per second, with every pass's wall and CPU time."""
    median = statistics.median(s.seconds for s in samples)
    cpu = statistics.median(s.cpu_seconds for s in samples)
    return {
        "seconds": [s.seconds for s in samples],
        "cpu_seconds": [s.cpu_seconds for s in samples],
        "median_seconds": median,
        "median_cpu_seconds": cpu,
        "chars_per_second": chars / median,
        "chars_per_cpu_second": chars / cpu if cpu else None,
    }


def latency_percentiles(latencies_ms: Sequence[float]) -> dict[str, float]:
    """p50, p95 and p99 of one set of latencies, by ``percentile``."""
    return {f"p{q}_ms": percentile(latencies_ms, q) for q in (50, 95, 99)}
