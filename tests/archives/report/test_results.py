"""Reading the results a report is made from (service/archives/report/results.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.archives.errors import ArchiveError, UsageError
from service.archives.report.results import open_results
from service.archives.tables import flat_schema, result_schema
from tests.archives.report.rows import article, source

ROWS = [article(f"a{n}", source("Ana Ruiz", "person", n % 3), outlet=f"outlet {n % 2}") for n in range(5)]


def write_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    text = "".join(json.dumps(row) + "\n" for row in rows)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text + "\n", encoding="utf-8")  # a blank line at the end is skipped
    return path


@pytest.mark.parametrize("name", ["results.jsonl", "results.jsonl.gz"])
def test_json_lines_are_read_a_row_at_a_time_with_their_progress_in_bytes(tmp_path: Path, name: str) -> None:
    path = write_lines(tmp_path / name, ROWS)
    results = open_results(path)
    assert results.kept is None and results.unit == "B" and results.total == path.stat().st_size
    progressed: list[int] = []
    assert list(results.rows(progressed.append)) == ROWS
    assert sum(progressed) == results.total


def test_parquet_and_a_folder_of_it_are_read_with_their_kept_columns(tmp_path: Path) -> None:
    schema = result_schema(("outlet",))
    table = pa.Table.from_pylist([{key: value for key, value in row.items() if key in schema.names} for row in ROWS], schema=schema)
    pq.write_table(table, tmp_path / "results.parquet")
    results = open_results(tmp_path / "results.parquet")
    assert (results.kept, results.total, results.unit) == (("outlet",), 5, " articles")
    assert [row["id"] for row in results.rows()] == [row["id"] for row in ROWS]
    # The Spark job's output: a folder of part files, with Spark's own files beside them.
    folder = tmp_path / "spark.parquet"
    folder.mkdir()
    pq.write_table(table.slice(0, 2), folder / "part-00000.parquet")
    pq.write_table(table.slice(2), folder / "part-00001.parquet")
    (folder / "_SUCCESS").write_text("", encoding="utf-8")
    assert [row["outlet"] for row in open_results(folder).rows()] == [row["outlet"] for row in ROWS]


def test_the_flat_table_is_refused_saying_why(tmp_path: Path) -> None:
    pq.write_table(pa.Table.from_pylist([], schema=flat_schema()), tmp_path / "quotes.parquet")
    with pytest.raises(UsageError, match="is a flat table of quotes \\(quotes batch --flat\\)"):
        open_results(tmp_path / "quotes.parquet")
    write_lines(tmp_path / "flat.jsonl", [{"article_id": "a", "quote_id": "q1", "text": "x"}])
    with pytest.raises(UsageError, match="is a flat table of quotes"):
        list(open_results(tmp_path / "flat.jsonl").rows())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "quotes": []}\nnot json\n', "line 2 is not JSON"),
        ('{"id": "a", "text": "an article, not a result"}\n', "line 1 is not a result of quotes batch"),
        ('["a"]\n', "line 1 is not a result of quotes batch"),
    ],
)
def test_a_line_that_is_no_result_stops_the_report(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "results.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(ArchiveError, match=message):
        list(open_results(tmp_path / "results.jsonl").rows())


def test_an_input_that_is_no_results_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such file or folder"):
        open_results(tmp_path / "missing.jsonl")
    (tmp_path / "report.csv").write_text("id\n", encoding="utf-8")
    with pytest.raises(UsageError, match="a report reads quotes batch's results"):
        open_results(tmp_path / "report.csv")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ArchiveError, match="holds no .parquet files"):
        open_results(tmp_path / "empty")
    pq.write_table(pa.table({"id": ["a"], "text": ["an article"]}), tmp_path / "articles.parquet")
    with pytest.raises(ArchiveError, match="has no column 'quotes'"):
        open_results(tmp_path / "articles.parquet")
