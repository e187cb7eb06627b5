"""``quotes report`` over what ``quotes batch --keep`` wrote with the real model, checked against counts made again.

As a newsroom would run them, from the command line: ``quotes batch`` on an
archive with the ``outlet`` (and ``date``) of each article kept, then ``quotes
report`` by outlet. Every figure of the report's JSON is then counted again,
plainly, from the same results (``counts.py``), people and organisations
under the shared scorer's own ``norm`` where ``../shared`` is there: on an
archive of our own (always), on GGT dev and on PolNeAR train (from
``../shared``, which is never copied here; without it those tests skip, and
say so). The number of articles per outlet is also read from the input
itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from service.archives.report.names import canonical
from tests.archives.archive import article_text
from tests.archives.report import counts
from tests.archives.report.shared import scorer_norm, shared_file

pytestmark = [pytest.mark.model]

QUOTES = Path(sys.executable).with_name("quotes")
BATCH_SECONDS = 3600
"""PolNeAR train (3.8 million characters) takes minutes on two cores; a hang fails instead of stalling CI."""
UNNAMED = (
    "A council official, who asked not to be named because the talks were private, said the budget was short.",
    "Residents said the road flooded every winter.",
    "A spokeswoman for the Harbour Trust said the pier would reopen in May.",
    "The report found that the old bridge needed repairs.",
)
OUTLETS = ("The Tellbridge Post", "Harbour Radio", None)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(QUOTES), *args], capture_output=True, text=True, timeout=BATCH_SECONDS)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@dataclass(frozen=True)
class Reported:
    """An archive through ``quotes batch --keep`` and ``quotes report --by``: the input, the results' rows, the
    report's JSON and its HTML file."""

    source: Path
    rows: list[dict[str, Any]]
    report: dict[str, Any]
    html: Path

    def check(self, by: str, norm: counts.Norm) -> None:
        """Every figure against counts made again from the rows; the articles per group against the input's own."""
        counts.check(self.report, self.rows, norm, by)
        assert {group["group"]: group["articles"]["total"] for group in self.report["groups"]} == input_groups(self.source, by)
        assert self.report["whole"]["quotes"]["total"] > 0 and self.report["whole"]["most_quoted"]
        page = self.html.read_text(encoding="utf-8")
        assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') >= 8 and "<script" not in page


def batch_then_report(source: Path, folder: Path, keep: str, by: str) -> Reported:
    """``quotes batch SOURCE --keep KEEP`` then ``quotes report --by BY``, as a newsroom runs them."""
    results = folder / "results.jsonl"
    run("batch", str(source), str(results), "--keep", keep, "--processes", "2", "--quiet")
    run("report", str(results), str(folder / "report.json"), str(folder / "report.html"), "--by", by, "--top", "25", "--quiet")
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    return Reported(source, rows, json.loads((folder / "report.json").read_text(encoding="utf-8")), folder / "report.html")


def input_groups(source: Path, field: str) -> Counter[str]:
    """Articles per value of a field, read from the input archive itself."""
    with source.open(encoding="utf-8") as handle:
        return Counter(json.loads(line).get(field) or "(none)" for line in handle if line.strip())


def test_a_report_on_an_archive_of_our_own(tmp_path: Path) -> None:
    records = [
        {"id": f"a{n:03d}", "text": article_text(n) + "\n\n" + UNNAMED[n % len(UNNAMED)], "outlet": OUTLETS[n % 3], "date": f"2019-0{n % 9 + 1}-15"}
        for n in range(36)
    ]
    records[7]["text"] = " "  # an article not analysed counts as such
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    reported = batch_then_report(source, tmp_path, "outlet,date", "outlet")
    reported.check("outlet", canonical)
    whole = reported.report["whole"]
    assert whole["articles"]["not_analysed"] == {"/problems/validation-failed": 1}
    assert {"Ana Ruiz", "Tom Hale", "Priya Nair", "Owen Marsh", "Lena Vogt"} <= {row["name"] for row in whole["most_quoted"]}


@pytest.fixture(scope="module")
def ggt(tmp_path_factory: pytest.TempPathFactory) -> Reported:
    return batch_then_report(shared_file("data/ggt/dev.jsonl"), tmp_path_factory.mktemp("ggt"), "outlet,date", "outlet")


def test_a_report_on_ggt_dev_by_outlet(ggt: Reported) -> None:
    ggt.check("outlet", scorer_norm())
    assert ggt.report["whole"]["articles"]["total"] == 49 and len(ggt.report["groups"]) == 7


@pytest.fixture(scope="module")
def polnear(tmp_path_factory: pytest.TempPathFactory) -> Reported:
    # PolNeAR names its outlet `publisher`.
    return batch_then_report(shared_file("data/polnear/train.jsonl"), tmp_path_factory.mktemp("polnear"), "publisher,date", "publisher")


def test_a_report_on_polnear_train_by_publisher(polnear: Reported) -> None:
    polnear.check("publisher", scorer_norm())
    assert polnear.report["whole"]["articles"]["total"] == 840


def test_a_report_on_polnear_train_by_month(polnear: Reported) -> None:
    report = json.loads(run("report", str(polnear.html.with_name("results.jsonl")), "-", "--by", "date", "--top", "10", "--quiet").stdout)
    assert report["temporal"] and report["period"] == "month"
    months = [group["group"] for group in report["groups"]]
    assert months == sorted(months) and all(len(month) == 7 for month in months)
    counts.check(report, [{**row, "date": row["date"][:7]} for row in polnear.rows], scorer_norm(), "date")
