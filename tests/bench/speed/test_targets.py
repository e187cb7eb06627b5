"""``bench/targets.py``: each target compares its way."""

from __future__ import annotations

from bench.speed.targets import Target


def test_targets_compare_each_way() -> None:
    at_least = Target("k", "label", "≥", 1.2)
    at_most = Target("k", "label", "≤", 400, "MB")
    assert at_least.met(1.2) and not at_least.met(1.19) and at_least.met(None) is None
    assert at_most.met(399.9) and not at_most.met(400.1)
    assert at_most.text() == "≤ 400 MB"
