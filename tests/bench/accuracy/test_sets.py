"""``bench/accuracy/sets.py``: the runs ``make eval`` makes, and what each set cannot measure."""

from __future__ import annotations

from bench.accuracy.report import QUOTE_COLUMNS, SPEAKER_COLUMNS
from bench.accuracy.sets import RUNS, SEEDS, Run


def test_every_figure_said_not_measured_is_one_the_tables_print() -> None:
    """A misspelt key would print a meaningless number where ``n/a`` was meant."""
    quote_keys = {key for _, key in QUOTE_COLUMNS} | {"spurious_affiliations"}
    speaker_keys = {key for _, key in SPEAKER_COLUMNS}
    for run in RUNS:
        assert run.set.quotes_not_measured <= quote_keys, run.name
        assert run.set.speakers_not_measured <= speaker_keys, run.name


def test_each_run_is_named_once_and_the_synthetic_suite_is_scored_by_capability_alone() -> None:
    assert len({run.name for run in RUNS}) == len(RUNS)
    [challenge] = [run for run in RUNS if not run.pooled]
    assert challenge.options == ("--by", "capability")


def test_a_runs_options_are_its_flags_then_its_grouping() -> None:
    assert Run("x", SEEDS, ("--types", "direct,mixed"), by="outlet").options == (
        "--types",
        "direct,mixed",
        "--by",
        "outlet",
    )
    assert Run("x", SEEDS).options == ()
