"""The report's recipe (service/archives/report/build.py) on results by hand, checked against counts made again.

``tests/archives/report/counts.py`` counts every figure plainly from the same
rows; the report, which streams them, must agree, for the whole archive and
for each group.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.archives.errors import UsageError
from service.archives.report import groups
from service.archives.report.build import build
from service.archives.report.groups import Period
from service.archives.report.names import canonical
from service.archives.report.results import open_results
from service.archives.tables import result_schema
from tests.archives.report import counts
from tests.archives.report.rows import article, source

PEOPLE = [("Ana Ruiz", "mayor", "Tellbridge Council"), ("Tom Hale", "spokesman", "Hale Works"), ("Priya Nair", None, "Harbour Trust")]
OUTLETS = ("The Tellbridge Post", "Harbour Radio", None)


def archive(count: int) -> list[dict[str, Any]]:
    """Results of our own: articles with named people (spelt two ways), organisations, unnamed sources with and
    without a reason, documents, unresolved pronouns, failures; three outlets (one none) and dates over a year."""
    rows = []
    for n in range(count):
        name, title, affiliation = PEOPLE[n % 3]
        spelt = name.upper() if n % 5 == 0 else name
        sources = [
            source(spelt, "person", n % 4 + 1, pronoun=("she", "he", None)[n % 3], title=title, affiliation=affiliation),
            source("Hale Works" if n % 2 else "the Hale Works", "organisation", n % 2 + 1),
        ]
        if n % 3 == 0:
            sources.append(source("an official", "unnamed_person", 1 + n % 2, anonymous=True, reason="who was not authorised to speak" if n % 2 else None))
        if n % 4 == 0:
            sources.append(source("residents", "group", 1, anonymous=True))
        if n % 6 == 0:
            sources += [source("the audit", "document", 1), source(None, None, 1)]
        error = "/problems/payload-too-large" if n % 11 == 10 else None
        rows.append(article(f"a{n:03d}", *sources, unattributed=n % 2, error=error, outlet=OUTLETS[n % 3], date=f"2019-{n % 12 + 1:02d}-{n % 27 + 1:02d}"))
    return rows


ROWS = archive(60)


def write_json_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    schema = result_schema(("outlet", "date"))
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
@pytest.mark.parametrize("by", [None, "outlet"])
def test_every_figure_agrees_with_counts_made_again(tmp_path: Path, form: str, by: str | None) -> None:
    path = write_json_lines(tmp_path / "r.jsonl", ROWS) if form == "jsonl" else write_parquet(tmp_path / "r.parquet", ROWS)
    report = build(open_results(path), by=by, top=3)
    counts.check(report, ROWS, canonical, by)
    assert report["kept"] == ["outlet", "date"] and report["by"] == by and not report["temporal"]
    assert report["whole"]["articles"]["not_analysed"] == {"/problems/payload-too-large": 5}
    # Both spellings of a name, and "the" before an organisation's, are one row, under the spelling most use.
    listed = {row["key"]: row for row in build(open_results(path), top=10)["whole"]["most_quoted"]}
    assert sorted(listed) == ["ana ruiz", "hale works", "priya nair", "tom hale"]
    assert (listed["ana ruiz"]["name"], listed["hale works"]["name"], listed["hale works"]["kind"]) == ("Ana Ruiz", "Hale Works", "organisation")
    ruiz = [row for row in ROWS if not row["error"] and row["speakers"][0]["name"].lower() == "ana ruiz"]
    assert listed["ana ruiz"]["articles"] == len(ruiz) and listed["ana ruiz"]["titles"] == [{"value": "mayor", "articles": len(ruiz)}]


def test_a_date_field_groups_by_period_in_time_order(tmp_path: Path) -> None:
    report = build(open_results(write_json_lines(tmp_path / "r.jsonl", ROWS)), by="date", period=Period.QUARTER, top=3)
    assert report["temporal"] and report["period"] == "quarter"
    assert [group["group"] for group in report["groups"]] == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    assert [group["ordinal"] for group in report["groups"]] == [2019 * 4 + q for q in range(4)]
    quarter = {f"2019-{m:02d}": f"2019-Q{(m - 1) // 3 + 1}" for m in range(1, 13)}
    dated = [{**row, "date": quarter[row["date"][:7]]} for row in ROWS]
    counts.check(report, dated, canonical, "date")


def test_by_a_field_the_results_did_not_keep_stops_before_counting(tmp_path: Path) -> None:
    path = write_json_lines(tmp_path / "r.jsonl", ROWS)
    with pytest.raises(UsageError, match="--by section: .* has no field `section` \\(its kept fields are outlet, date; quotes batch --keep"):
        build(open_results(path), by="section")
    bare = write_json_lines(tmp_path / "bare.jsonl", [{k: v for k, v in row.items() if k not in ("outlet", "date")} for row in ROWS])
    with pytest.raises(UsageError, match="it holds no kept field"):
        build(open_results(bare), by="outlet")
    with pytest.raises(UsageError, match="has no field `outlet`"):
        build(open_results(write_json_lines(tmp_path / "empty.jsonl", [])), by="outlet")


def test_an_empty_archive_has_a_report_of_nothing(tmp_path: Path) -> None:
    report = build(open_results(write_json_lines(tmp_path / "empty.jsonl", [])))
    whole = report["whole"]
    assert whole["articles"]["total"] == 0 and whole["quotes_per_article"]["mean"] is None and whole["unnamed"]["share_of_quotes"] is None
    assert whole["most_quoted"] == [] and report["notes"] == []


def test_results_made_before_the_speakers_said_their_kind_of_source_say_so(tmp_path: Path) -> None:
    old = [{**row, "speakers": [{k: v for k, v in s.items() if k not in ("anonymous", "anonymity", "pronoun")} for s in row["speakers"] or []]} for row in ROWS]
    report = build(open_results(write_json_lines(tmp_path / "old.jsonl", old)))
    assert report["notes"] == [
        "No speaker in these results says whether it is an unnamed source nor the pronoun the article uses for it: they were made "
        "by a version of quotes that did not tell, so the figures that rest on it are empty. Run quotes batch again to fill them."
    ]


def test_a_field_with_a_value_per_article_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(groups, "MAX_GROUPS", 10)
    rows = [{**row, "outlet": f"https://example.org/{row['id']}"} for row in ROWS]
    report = build(open_results(write_json_lines(tmp_path / "r.jsonl", rows)), by="outlet")
    assert len(report["groups"]) == 11 and report["groups"][-1]["group"] == groups.OTHER
    assert report["groups"][-1]["articles"]["total"] == 50
    assert "more than 10 values: the 50 articles of the values past those are counted together" in report["notes"][0]


def test_a_progress_bar_follows_the_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json_lines(tmp_path / "r.jsonl", ROWS)
    build(open_results(path), progress=True)
    bar = capsys.readouterr().err.split("\r")[-1]
    # The whole file read, in bytes (as "84.0k/84.0k"), for a JSON Lines file.
    done = re.search(r"100%\|\S+\| ([\d.]+k)/([\d.]+k) ", bar)
    assert done is not None and done.group(1) == done.group(2), bar
    build(open_results(path), progress=False)
    assert capsys.readouterr().err == ""
