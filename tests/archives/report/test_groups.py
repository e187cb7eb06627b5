"""Which group an article falls in (service/archives/report/groups.py): a value, or a date's period."""

from __future__ import annotations

import datetime

import pytest

from service.archives.report import groups
from service.archives.report.groups import NO_VALUE, NOT_A_DATE, OTHER, Grouping, Period, as_date


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2019-01-04", datetime.date(2019, 1, 4)),
        ("2019-01-04T09:30:00+01:00", datetime.date(2019, 1, 4)),
        (" 2019-01-04 09:30", datetime.date(2019, 1, 4)),
        ("2019-02-30", None),  # no such day
        ("2019-01-04x", None),
        ("04/01/2019", None),
        ("January 4, 2019", None),
        ("2019", None),
    ],
)
def test_a_date_is_iso_8601_alone_or_starting_a_timestamp(value: str, day: datetime.date | None) -> None:
    assert as_date(value) == day


@pytest.mark.parametrize(
    ("period", "key", "next_key"),
    [
        (Period.DAY, "2019-01-04", "2019-01-05"),
        (Period.WEEK, "2019-W01", "2019-W02"),
        (Period.MONTH, "2019-01", "2019-02"),
        (Period.QUARTER, "2019-Q1", "2019-Q2"),
        (Period.YEAR, "2019", "2020"),
    ],
)
def test_each_period_has_a_key_that_sorts_in_time_and_an_ordinal_one_apart(period: Period, key: str, next_key: str) -> None:
    assert period.key(datetime.date(2019, 1, 4)) == key
    assert period.ordinal(next_key) - period.ordinal(key) == 1
    assert sorted([next_key, key]) == [key, next_key]


def test_the_last_period_of_a_year_and_the_first_of_the_next_are_neighbours() -> None:
    assert Period.MONTH.ordinal("2020-01") - Period.MONTH.ordinal("2019-12") == 1
    assert Period.WEEK.ordinal("2020-W01") - Period.WEEK.ordinal("2019-W52") == 1
    assert Period.QUARTER.ordinal("2020-Q1") - Period.QUARTER.ordinal("2019-Q4") == 1


def test_a_field_whose_first_value_is_a_date_groups_by_period() -> None:
    grouping = Grouping("date", Period.QUARTER)
    keys = [grouping.of(value) for value in (None, "2019-01-04", "2019-05-30T10:00", "last week", "2018-12-31", "")]
    assert keys == [NO_VALUE, "2019-Q1", "2019-Q2", NOT_A_DATE, "2018-Q4", NO_VALUE]
    assert grouping.temporal and grouping.not_dates == 1
    assert grouping.order(list(dict.fromkeys(keys))) == ["2018-Q4", "2019-Q1", "2019-Q2", NOT_A_DATE, NO_VALUE]


def test_any_other_field_groups_by_its_value() -> None:
    grouping = Grouping("outlet")
    assert [grouping.of(value) for value in ("Harbour Radio", "2019-01-04", "The Post")] == ["Harbour Radio", "2019-01-04", "The Post"]
    assert grouping.temporal is False
    assert grouping.order(["The Post", NO_VALUE, "Harbour Radio"]) == ["Harbour Radio", "The Post", NO_VALUE]


def test_past_the_cap_new_values_are_counted_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(groups, "MAX_GROUPS", 3)
    grouping = Grouping("url")
    keys = [grouping.of(f"https://example.org/{n}") for n in range(5)] + [grouping.of("https://example.org/1")]
    assert keys[3:] == [OTHER, OTHER, "https://example.org/1"]
    assert grouping.folded == 2 and len(grouping.seen) == 3
