"""A report written out: as JSON (every figure ``build`` summed), or as one self-contained HTML file.

The HTML (``templates/report.html``, Jinja2 with autoescaping: the names and
descriptions come from articles) holds its style and its charts
(``charts``: SVG drawn here) inline, and a Content-Security-Policy that lets
it load nothing at all: it opens offline, from a mail attachment or a
shared drive, and prints. Every chart has the table of its figures beside it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from service.archives.report import charts
from service.archives.report.charts import Item, Series
from service.archives.report.figures import NO_PRONOUN, NO_SPEAKER, UNKNOWN_KIND

MAX_CHARTED_GROUPS = 60
"""Past this many groups, the per-group figures are a table without its charts (which would be a wall)."""
KIND_NAMES = {
    "person": "named people",
    "unnamed_person": "unnamed people",
    "group": "groups",
    "organisation": "organisations",
    "document": "documents",
    UNKNOWN_KIND: "kind unknown",
    NO_SPEAKER: "no speaker",
}
PRONOUN_NAMES = {"he": "he", "she": "she", "they": "they", NO_PRONOUN: "none used"}
TYPE_NAMES = {"direct": "direct", "mixed": "mixed", "indirect": "reported"}


def write_json(report: Mapping[str, Any], path: Path | None) -> None:
    """The report as JSON, to ``path`` (None: standard output)."""
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if path is None:
        print(text, end="")
    else:
        path.write_text(text, encoding="utf-8")


def write_html(report: Mapping[str, Any], path: Path) -> None:
    path.write_text(html(report), encoding="utf-8")


def html(report: Mapping[str, Any]) -> str:
    """The report as one HTML page, charts and style inline."""
    environment = Environment(loader=PackageLoader("service.archives.report"), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(number=number, percent=percent, kind_name=lambda kind: KIND_NAMES.get(kind, kind))
    whole = report["whole"]
    groups = report["groups"]
    return environment.get_template("report.html").render(
        report=report,
        whole=whole,
        charts=scope_charts(whole, "all articles"),
        groups=groups,
        group_charts=group_charts(report) if groups and len(groups) <= MAX_CHARTED_GROUPS else None,
        type_names=TYPE_NAMES,
        kind_names=KIND_NAMES,
        pronoun_names=PRONOUN_NAMES,
        input_name=Path(report["input"]).name,
    )


def scope_charts(figures: Mapping[str, Any], scope: str) -> dict[str, Markup]:
    """The charts of one scope's figures (the whole archive, or a group)."""
    sources = figures["sources"]
    unnamed = figures["unnamed"]
    per_article = figures["quotes_per_article"]
    return {
        "kinds": charts.bars(f"Sources by kind, {scope}", _counted(sources["by_kind"], KIND_NAMES)),
        "quote_kinds": charts.bars(f"Quotes by the kind of their source, {scope}", _counted(sources["quotes_by_kind"], KIND_NAMES)),
        "shares": charts.bars(
            f"Articles by the share of their quotes resting on unnamed sources, {scope}",
            [Item(label, count, number(count), "unnamed") for label, count in unnamed["articles_by_share"].items()],
        ),
        "pronouns": charts.bars(f"People quoted, by the pronoun the article uses for them, {scope}", _counted(figures["pronouns"]["sources"], PRONOUN_NAMES, "pronoun-")),
        "per_article": charts.bars(
            f"Articles by their number of quotes, {scope}",
            [Item(f"{row['quotes']} {'quote' if row['quotes'] == '1' else 'quotes'}", row["articles"], number(row["articles"])) for row in per_article["histogram"]],
        ),
        "most_quoted": charts.bars(
            f"People and organisations quoted most, {scope}",
            [Item(row["name"], row["quotes"], f"{number(row['quotes'])} in {number(row['articles'])}", row["kind"]) for row in figures["most_quoted"]],
        ),
    }


def group_charts(report: Mapping[str, Any]) -> dict[str, Markup]:
    """The charts that set the groups side by side: over time for a date field, else a bar a group."""
    groups = report["groups"]
    by = report["by"]
    kinds = [(key, KIND_NAMES.get(key, key)) for key in report["whole"]["sources"]["by_kind"]]
    made = {
        "kinds": charts.stacked(
            f"Sources by kind, by {by}",
            [(group["group"], _counted(group["sources"]["by_kind"], KIND_NAMES)) for group in groups],
            kinds,
        )
    }
    if report["temporal"]:
        dated = [group for group in groups if group["ordinal"] is not None]
        unnamed = [(g["ordinal"], g["unnamed"]["share_of_quotes"], g) for g in dated if g["unnamed"]["share_of_quotes"] is not None]
        without = [(g["ordinal"], g["unnamed"]["share_of_quotes_without_reason"], g) for g in dated if g["unnamed"]["share_of_quotes"] is not None]
        made["unnamed"] = charts.lines(
            f"Share of quotes resting on unnamed sources, by {report['period']}",
            [
                Series("on unnamed sources", "unnamed", [(x, y, percent(y), g["group"]) for x, y, g in unnamed]),
                Series("with no reason given", "no-reason", [(x, y, percent(y), g["group"]) for x, y, g in without]),
            ],
            percent=True,
        )
        made["per_article"] = charts.lines(
            f"Quotes per article, by {report['period']}",
            [
                Series(
                    "quotes per article", "bar",
                    [(g["ordinal"], g["quotes_per_article"]["mean"], str(g["quotes_per_article"]["mean"]), g["group"]) for g in dated if g["quotes_per_article"]["mean"] is not None],
                ),
            ],
        )
    else:
        made["unnamed"] = charts.bars(
            f"Share of quotes resting on unnamed sources, by {by}",
            [
                Item(g["group"], g["unnamed"]["share_of_quotes"] or 0, percent(g["unnamed"]["share_of_quotes"]), "unnamed")
                for g in groups
            ],
        )
    return made


def _counted(counts: Mapping[str, int], names: Mapping[str, str], prefix: str = "") -> list[Item]:
    """Counts by key as bars, each named for a reader and coloured by its key."""
    return [Item(names.get(key, key), count, number(count), prefix + key.replace(" ", "-")) for key, count in counts.items()]


def number(value: float | None) -> str:
    """``12345`` -> ``12,345``; ``2.50`` -> ``2.5``; None (nothing to count) -> an en dash."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    """``0.1234`` -> ``12.3%``; None (no quotes to share) -> an en dash."""
    return "–" if value is None else f"{value:.1%}"
