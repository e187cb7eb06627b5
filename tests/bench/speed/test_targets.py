"""``bench/targets.py``: each target compares its way."""

from __future__ import annotations

from typing import Any

from bench.speed.targets import Target, toll_check


def test_targets_compare_each_way() -> None:
    at_least = Target("k", "label", "≥", 1.2)
    at_most = Target("k", "label", "≤", 400, "MB")
    assert at_least.met(1.2) and not at_least.met(1.19) and at_least.met(None) is None
    assert at_most.met(399.9) and not at_most.met(400.1)
    assert at_most.text() == "≤ 400 MB"


def toll_results(pin: str, newest: str, measured: float | None) -> dict[str, Any]:
    return {"versions": {"spacy": pin}, "spacy_newest": {"spacy": newest}, "ratios": {"spacy_pin_vs_newest_cpu": measured}}


def test_the_toll_check_passes_a_pin_cheaper_than_the_newest_release() -> None:
    assert toll_check(toll_results("3.8.7", "3.8.18", 1.45))["passed"]


def test_the_toll_check_fails_a_pin_as_dear_as_the_newest_release_and_says_both_causes() -> None:
    verdict = toll_check(toll_results("3.8.19", "3.8.20", 1.02))
    assert not verdict["passed"]
    assert "pays the toll again" in verdict["verdict"] and "no longer pays it" in verdict["verdict"]


def test_the_toll_check_fails_when_our_pin_is_the_newest_release() -> None:
    verdict = toll_check(toll_results("3.8.18", "3.8.18", 1.0))
    assert not verdict["passed"] and "our pin is the newest release" in verdict["verdict"]
