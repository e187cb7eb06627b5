"""Which group an article falls in, for ``quotes report --by FIELD``: the field's value, or its date's period.

A field is read as a date when the first value found in it is one (ISO 8601:
``2019-01-04``, or a timestamp starting so); its articles are then grouped
by ``Period`` (a month by default) and the groups are a time series. Any
other field groups by its value as it stands. The groups are capped
(``MAX_GROUPS``): past that many, the articles of new values are counted
together in ``OTHER``, so that a field with a value per article (a URL)
cannot make the report's memory grow with the archive.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from enum import Enum

MAX_GROUPS = 500
"""Groups kept apart: a few years of days, any number of outlets or sections."""
NO_VALUE = "(none)"
"""The group of the articles the field is null or absent for."""
NOT_A_DATE = "(not a date)"
"""In a field read as dates, the group of the values that are none."""
OTHER = "(other values)"
"""Past ``MAX_GROUPS``, the articles of any new value."""
ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]\d)")
"""``2019-01-04`` alone or beginning a timestamp (``2019-01-04T09:30:00``, ``2019-01-04 09:30``); not ``2019-01-04x``."""


class Period(Enum):
    """How long each group of a date field is, and how its key is written (which also sorts it in time)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    def key(self, day: datetime.date) -> str:
        """``2019-01-04`` as ``2019-01-04``, ``2019-W01``, ``2019-01``, ``2019-Q1`` or ``2019``."""
        if self is Period.DAY:
            return day.isoformat()
        if self is Period.WEEK:
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}"
        if self is Period.MONTH:
            return f"{day.year}-{day.month:02d}"
        if self is Period.QUARTER:
            return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
        return str(day.year)

    def ordinal(self, key: str) -> int:
        """Where a key stands in time, in periods, so that a chart spaces the periods as time does."""
        if self is Period.DAY:
            return datetime.date.fromisoformat(key).toordinal()
        if self is Period.WEEK:
            year, week = key.split("-W")
            return datetime.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7
        if self is Period.MONTH:
            year, month = key.split("-")
            return int(year) * 12 + int(month) - 1
        if self is Period.QUARTER:
            year, quarter = key.split("-Q")
            return int(year) * 4 + int(quarter) - 1
        return int(key)


def as_date(value: str) -> datetime.date | None:
    """The day an ISO 8601 date or timestamp names, or None: ``"2019-01-04T09:30"`` -> 2019-01-04; ``"Jan 4"`` -> None."""
    found = ISO_DATE.match(value)
    if found is None:
        return None
    try:
        return datetime.date.fromisoformat(found.group(1))
    except ValueError:  # 2019-02-30
        return None


@dataclass
class Grouping:
    """The groups of one field, decided as its values come."""

    name: str
    """The field grouped by."""
    period: Period = Period.MONTH
    temporal: bool | None = None
    """Whether the field holds dates: None until its first value is seen."""
    seen: set[str] = field(default_factory=set)
    folded: int = 0
    """Articles counted in ``OTHER``."""
    not_dates: int = 0
    """Articles of a date field whose value is no date."""

    def of(self, value: object) -> str:
        """The group of an article whose field holds ``value``."""
        if value is None or value == "":
            return NO_VALUE
        text = str(value)
        if self.temporal is None:
            self.temporal = as_date(text) is not None
        key = text
        if self.temporal:
            day = as_date(text)
            if day is None:
                self.not_dates += 1
                return NOT_A_DATE
            key = self.period.key(day)
        if key not in self.seen:
            if len(self.seen) >= MAX_GROUPS:
                self.folded += 1
                return OTHER
            self.seen.add(key)
        return key

    def order(self, keys: list[str]) -> list[str]:
        """The groups in the order a reader expects: in time for dates, else by name; the catch-alls last."""
        catch_all = [key for key in (NOT_A_DATE, OTHER, NO_VALUE) if key in keys]
        return sorted(key for key in keys if key not in catch_all) + catch_all
