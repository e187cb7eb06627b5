"""The evaluation's tables: quotes on the real-text sets, their speaker tables, the challenge suite by capability.

Reporting only: it reads the scorer's figures and measures nothing. A figure
a set does not annotate is ``n/a`` (``sets``); one the scorer did not give
is a dash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bench.accuracy.sets import RUNS, Run
from bench.common.tables import NOT_MEASURED, markdown_table, score

QUOTE_COLUMNS = (
    ("quote P", "quote_precision"),
    ("quote R", "quote_recall"),
    ("quote F1", "quote_f1"),
    ("exact spans", "exact_span_share"),
    ("speaker", "speaker_accuracy"),
    ("canonical name", "canonical_name_accuracy"),
    ("attribution F1", "attribution_f1"),
    ("affiliation", "affiliation_accuracy"),
)
SPEAKER_COLUMNS = (
    ("found", "speaker_recall"),
    ("affiliation", "affiliation_accuracy"),
    ("title", "title_accuracy"),
    ("kind", "kind_accuracy"),
    ("affiliations wrong / given", "affiliation_wrong_or_spurious"),
    ("titles wrong", "title_wrong_or_spurious"),
)
CAPABILITY_COLUMNS = (
    ("quote P", "quote_precision"),
    ("quote R", "quote_recall"),
    ("speaker", "speaker_accuracy"),
    ("attribution F1", "attribution_f1"),
)
"""The challenge suite's figures per capability; its speaker-table figures follow them."""


def affiliation_with_spurious(figures: Mapping[str, Any]) -> str:
    """The quotes' affiliation accuracy, and how many were given where the gold has none."""
    return f"{score(figures.get('affiliation_accuracy'))} ({figures.get('spurious_affiliations', 0)} spurious)"


def affiliations_wrong_of_given(table: Mapping[str, Any]) -> str:
    """A speaker table's affiliations wrong or spurious, out of those given."""
    return f"{table.get('affiliation_wrong_or_spurious')} / {table.get('affiliations_given')}"


QUOTE_CELLS: dict[str, Callable[[Mapping[str, Any]], str]] = {"affiliation_accuracy": affiliation_with_spurious}
SPEAKER_CELLS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "affiliation_wrong_or_spurious": affiliations_wrong_of_given
}
"""Cells drawn from more than their column's figure, by column."""


def cells(
    figures: Mapping[str, Any],
    columns: Sequence[tuple[str, str]],
    not_measured: frozenset[str] = frozenset(),
    drawn: Mapping[str, Callable[[Mapping[str, Any]], str]] | None = None,
) -> list[str]:
    """One figure a column: ``n/a`` where the set does not annotate it, else as ``drawn`` or the scorer gave it."""
    drawn = drawn or {}
    return [
        NOT_MEASURED if key in not_measured else drawn[key](figures) if key in drawn else score(figures.get(key))
        for _, key in columns
    ]


def articles(figures: Mapping[str, Any]) -> str:
    return f"{figures.get('documents')} ({figures.get('gold_quotes')} quotes)"


def quotes_table(runs: Sequence[Run], results: Mapping[str, Mapping[str, Any]]) -> list[str]:
    header = ("data", "articles", *(name for name, _ in QUOTE_COLUMNS))
    rows = [
        (
            run.name,
            articles(results[run.name]),
            *cells(results[run.name], QUOTE_COLUMNS, run.set.quotes_not_measured, QUOTE_CELLS),
        )
        for run in runs
        if run.pooled
    ]
    return markdown_table(header, rows)


def speakers_table(runs: Sequence[Run], results: Mapping[str, Mapping[str, Any]]) -> list[str]:
    header = ("speaker table", "speakers", *(name for name, _ in SPEAKER_COLUMNS))
    rows = [
        (
            run.name,
            str(table.get("gold_speakers")),
            *cells(table, SPEAKER_COLUMNS, run.set.speakers_not_measured, SPEAKER_CELLS),
        )
        for run in runs
        if run.pooled and (table := results[run.name].get("speakers"))
    ]
    return markdown_table(header, rows)


def groups_table(run: Run, figures: Mapping[str, Any]) -> list[str]:
    """One line per group of ``--by`` (a capability), then the whole run."""
    header = (
        run.by or "group",
        "articles",
        *(name for name, _ in CAPABILITY_COLUMNS),
        *(f"speakers {name}" for name, _ in SPEAKER_COLUMNS[:4]),
    )

    def line(name: str, part: Mapping[str, Any]) -> tuple[str, ...]:
        table = part.get("speakers") or {}
        return (name, articles(part), *cells(part, CAPABILITY_COLUMNS), *cells(table, SPEAKER_COLUMNS[:4]))

    rows = [line(f"`{name}`", part) for name, part in sorted((figures.get("by") or {}).items())]
    rows.append(line(f"**all {len(rows)}**", figures))
    return markdown_table(header, rows)


def caption(meta: Mapping[str, Any]) -> str:
    """What answered, on which code, when: a score means little without it."""
    model = meta["model"]
    source = f"the service at {meta['url']}" if meta["mode"] == "service" else "the engine in-process (`--offline`)"
    text = f"Measured {meta['date']} through {source}, {model['name']} {model['version']}"
    if meta.get("project_commit"):
        changes = " with uncommitted changes to service/" if "+changes" in (meta.get("service_code") or "") else ""
        text += f", code at {meta['project_commit']}{changes}"
    return text + f"; the shared scorer and data in {meta['shared']}."


def failures(results: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """A line for each run where requests failed: its figures count those articles as answered with nothing."""
    return [
        f"**{name}: {result['failed_requests']} request(s) failed**, counted as articles with no quotes."
        for name, result in results.items()
        if result.get("failed_requests")
    ]


def report(figures: Mapping[str, Any]) -> str:
    """The whole report in markdown: the caption, then each table under its heading."""
    meta, results = figures["meta"], figures["runs"]
    lines = [caption(meta), *failures(results), "", "### Quotes", "", *quotes_table(RUNS, results)]
    lines += ["", "### Speaker tables", "", *speakers_table(RUNS, results)]
    for run in RUNS:
        if run.by:
            lines += [
                "",
                f"### {run.name[0].upper()}{run.name[1:]}, by {run.by}",
                "",
                *groups_table(run, results[run.name]),
            ]
    return "\n".join(lines)
