"""Markdown tables and their cells, the same in every tool's report.

Reporting only: nothing here measures. A figure is printed the same way
wherever it appears: a rate in characters per second, a ratio as ``1.15 ×
raw spaCy``, a score to three decimals, a target met or ``**not met**``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

NOT_MEASURED = "n/a"
"""A figure the data cannot give (an annotation the set does not have)."""
MISSING = "—"
"""A figure this run did not produce."""
TARGET_COLUMNS = ("measured", "result", "ratio", "target", "met")
"""The columns of a table that judges targets (the benchmark's, the archives')."""
Row = tuple[str, str, str, str, str]
"""One line of such a table: what, result, ratio, target, met."""


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """A markdown table's lines: the header, its rule, a line a row."""
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows),
    ]


def rate(chars_per_second: float) -> str:
    return f"{chars_per_second:,.0f} chars/s"


def times(value: float | None, of: str, cpu: float | None = None) -> str:
    """``1.15 × raw spaCy``, and the same ratio by CPU time when there is one."""
    if value is None:
        return MISSING
    return f"{value:.2f} × {of}" + (f" (CPU time: {cpu:.2f})" if cpu is not None else "")


def met(value: bool | None) -> str:
    """Whether a target was met, as the tables say it: a miss in bold."""
    return {True: "met", False: "**not met**", None: MISSING}[value]


def score(value: object) -> str:
    """A scorer's figure: a share to three decimals, a count as it is, a missing one as a dash."""
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
