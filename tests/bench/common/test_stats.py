"""``bench/stats.py``: the one percentile of the benchmark and the soak, and the ratios."""

from __future__ import annotations

import random
import statistics

import pytest

from bench.common.stats import Timed, latency_percentiles, percentile, ratio, summed


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([10.0], 99) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([4.0, 1.0, 3.0, 2.0], 100) == 4.0
    assert 3.9 < percentile([1.0, 2.0, 3.0, 4.0], 99) < 4.0


def test_percentile_is_the_standard_librarys_inclusive_quantile() -> None:
    values = [random.Random(7).lognormvariate(4, 0.5) for _ in range(84)]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    for q in (1, 50, 95, 99):
        assert percentile(values, q) == pytest.approx(cuts[q - 1])


def test_a_percentile_of_nothing_is_an_error_not_a_number() -> None:
    with pytest.raises(ValueError):
        percentile([], 50)


def test_latency_percentiles_name_each_one() -> None:
    latencies = [float(ms) for ms in range(1, 101)]
    assert latency_percentiles(latencies) == {
        "p50_ms": pytest.approx(50.5),
        "p95_ms": pytest.approx(95.05),
        "p99_ms": pytest.approx(99.01),
    }


def test_a_ratio_without_both_sides_is_none() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None and ratio(3.0, None) is None and ratio(3.0, 0) is None


def test_a_pass_sums_its_slices() -> None:
    whole = summed([Timed(1.0, 0.5, {"quotes": 2}), Timed(2.0, 1.5, {"quotes": 3, "refused": 1})])
    assert (whole.seconds, whole.cpu_seconds, whole.result) == (3.0, 2.0, {"quotes": 5, "refused": 1})
