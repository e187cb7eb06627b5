"""``quotes report``'s recipe: the results read a row at a time, each article summed into its scopes.

1. ``results.open_results``: quotes batch's output (JSON Lines, Parquet, or
   the Spark job's folder), streamed;
2. ``figures.read_article``: each row as what it says about its sources;
3. summed into the whole archive's ``Figures`` and, with ``--by FIELD``,
   into its group's (``groups.Grouping``: a value, or a date's period); the
   people and organisations into the ``ledger.Ledger`` on disk;
4. ``Report.summary``: every figure as one JSON-ready dict, which
   ``render`` writes as JSON or as HTML.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from service.archives.errors import UsageError
from service.archives.report.figures import Figures, read_article
from service.archives.report.groups import NOT_A_DATE, OTHER, Grouping, Period
from service.archives.report.ledger import Ledger
from service.archives.report.results import Results
from service.archives.tables import kept_of

TOP = 20
"""People and organisations listed as the most quoted, by default (``--top``)."""
WHOLE = ""
"""The ledger's scope of the whole archive (a group's scope is its key, never empty)."""
FIELDS_TOLD = {"kind": "what kind of source it is", "anonymous": "whether it is an unnamed source", "pronoun": "the pronoun the article uses for it"}
"""Speaker fields whose absence from every result the report points out (results made before them), and what they say."""


@dataclass
class Report:
    """A report being summed: the whole archive, its groups, and what the results held."""

    results: Results
    by: str | None = None
    period: Period = Period.MONTH
    top: int = TOP
    kept: tuple[str, ...] = ()
    whole: Figures = field(default_factory=Figures)
    groups: dict[str, Figures] = field(default_factory=dict)
    grouping: Grouping | None = None
    fields_seen: set[str] = field(default_factory=set)

    def check_by(self, kept: tuple[str, ...]) -> None:
        """``--by`` names a field the results kept, or the report stops before it counts anything."""
        self.kept = kept
        if self.by is not None and self.by not in kept:
            held = f"its kept fields are {', '.join(kept)}" if kept else "it holds no kept field"
            raise UsageError(f"--by {self.by}: {self.results.path} has no field `{self.by}` ({held}; quotes batch --keep carries them)")
        if self.by is not None:
            self.grouping = Grouping(self.by, self.period)

    def add(self, row: dict[str, Any], ledger: Ledger) -> None:
        article = read_article(row, self.kept)
        self._note_fields(row)
        self.whole.add(article)
        scopes = [WHOLE]
        if self.grouping is not None:
            key = self.grouping.of(row.get(self.grouping.name))
            self.groups.setdefault(key, Figures()).add(article)
            scopes.append(key)
        if article.mentioned:
            ledger.add(scopes, article.mentioned)

    def _note_fields(self, row: dict[str, Any]) -> None:
        if len(self.fields_seen) < len(FIELDS_TOLD):
            for speaker in row.get("speakers") or ():
                self.fields_seen.update(name for name in FIELDS_TOLD if name in speaker)

    def summary(self, ledger: Ledger) -> dict[str, Any]:
        grouping = self.grouping
        temporal = bool(grouping and grouping.temporal)
        groups = []
        if grouping is not None:
            for key in grouping.order(list(self.groups)):
                ordinal = self.period.ordinal(key) if temporal and key in grouping.seen else None
                groups.append({"group": key, "ordinal": ordinal, **self.groups[key].summary(ledger, key, self.top)})
        return {
            "input": str(self.results.path),
            "generated": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
            "kept": list(self.kept),
            "by": self.by,
            "temporal": temporal,
            "period": self.period.value if temporal else None,
            "notes": self._notes(),
            "whole": self.whole.summary(ledger, WHOLE, self.top),
            "groups": groups,
        }

    def _notes(self) -> list[str]:
        """What a reader of the figures must know about the input."""
        notes = []
        missing = [said for name, said in FIELDS_TOLD.items() if name not in self.fields_seen]
        if missing and self.whole.sources_by_kind:
            notes.append(
                f"No speaker in these results says {' nor '.join(missing)}: they were made by a version of quotes that did not "
                "tell, so the figures that rest on it are empty. Run quotes batch again to fill them."
            )
        if self.grouping is not None and self.grouping.not_dates:
            notes.append(f"{self.grouping.not_dates} articles have a `{self.by}` that is no date: they are counted under “{NOT_A_DATE}”.")
        if self.grouping is not None and self.grouping.folded:
            notes.append(
                f"`{self.by}` has more than {len(self.grouping.seen)} values: the {self.grouping.folded} articles of the values past those are "
                f"counted together under “{OTHER}”."
            )
        return notes


def build(results: Results, by: str | None = None, period: Period = Period.MONTH, top: int = TOP, progress: bool = False) -> dict[str, Any]:
    """Every figure of the report on ``results``, as one JSON-ready dict (see ``render`` for the HTML).

    ``progress``: a bar on standard error, as far through the input as the
    reading is (its bytes, or its Parquet rows).
    """
    report = Report(results, by, period, top)
    if results.kept is not None:
        report.check_by(results.kept)
    bar = tqdm(total=results.total, unit=results.unit, unit_scale=results.unit == "B", disable=not progress, dynamic_ncols=True)
    with Ledger() as ledger, bar:
        for n, row in enumerate(results.rows(bar.update)):
            if n == 0 and results.kept is None:
                report.check_by(kept_of(row))
            report.add(row, ledger)
        if results.kept is None and report.whole.articles == 0:
            report.check_by(())
        return report.summary(ledger)
