"""Reading archives (service/archives/readers.py): JSON Lines, folders of text and HTML files, Parquet.

Ids are checked before any work; each article is handed on as found, and the
door (``rows.admit``) reads it, so that what the reader found becomes the
API's problem for the same article.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.archives.errors import ArchiveError, UsageError
from service.archives.readers import Fields, Record, field_names, open_archive, record_of
from service.archives.rows import admit
from service.intake.door import Form, Sent


def outcome(record: Record) -> str:
    """What the door makes of a record: its text, or its problem's slug and detail."""
    article, problem = admit(record, max_chars=1000, any_language=True)
    if problem is not None:
        return f"{problem.problem.slug}: {problem.detail}"
    assert article is not None
    return article.text


def test_json_lines_ids_are_text_and_each_article_gets_the_apis_problem(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf"  # a byte order mark before the first line
        + b'{"id": "a", "text": "One."}\n'
        + b"\n   \n"  # blank lines are skipped
        + b'{"id": 7, "text": "Two.", "url": "https://example.org/7"}\n'
        + b'{"id": "no-text"}\n'
        + b'{"id": "null", "text": null}\n'
        + b'{"id": "number", "text": 12}\n'
        + b'{"id": "latin-1", "text": "caf\xe9"}\n'
        + b'{"id": "page", "html": "<p>Three.</p>"}\n'
        + b'{"id": "both", "text": "Four.", "html": "<p>Four.</p>"}\n'
    )
    archive = open_archive(path)
    assert archive.ids() == ["a", "7", "no-text", "null", "number", "latin-1", "page", "both"]
    found = {record.id: outcome(record) for record in archive.records(skip={"a"})}
    assert list(found) == ["7", "no-text", "null", "number", "latin-1", "page", "both"]
    assert found["7"] == "Two."
    assert found["no-text"] == (
        "validation-failed: text: The article has neither a `text` nor an `html` field (--text-field and --html-field name others)."
    )
    assert found["null"] == "validation-failed: text: `text` may not be null: send the article as a string."
    assert found["number"] == "validation-failed: text: `text` must be a string holding the article."
    assert found["latin-1"] == "invalid-body: Line 8 is not valid UTF-8: byte 0xe9 at offset 30 cannot be decoded."
    assert found["page"] == "Three."
    assert found["both"].startswith("validation-failed: html: Both `text` and `html` hold the article")


def test_json_lines_fields_are_named_and_gzip_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc": "x1", "body": "“Go,” said Ana Ruiz."}) + "\n")
        handle.write(json.dumps({"doc": "x2", "page": "<p>“Go,” said Ana Ruiz.</p>"}) + "\n")
    archive = open_archive(path, id_field="doc", fields=Fields(text="body", html="page"))
    assert list(archive.records(skip=set())) == [
        Record("x1", Sent("“Go,” said Ana Ruiz.", Form.TEXT, "body")),
        Record("x2", Sent("<p>“Go,” said Ana Ruiz.</p>", Form.HTML, "page")),
    ]


@pytest.mark.parametrize(
    ("fields", "form"),
    [
        ({"text": "x", "html": None}, Form.TEXT),  # a Parquet row with both columns: the filled one
        ({"text": None, "html": "<p>x</p>"}, Form.HTML),
        ({"html": "<p>x</p>"}, Form.HTML),
        ({"text": None}, Form.TEXT),  # null: the door says so
    ],
)
def test_a_record_holds_whichever_field_is_filled(fields: dict[str, str | None], form: Form) -> None:
    record = record_of("a", fields, Fields())
    assert record.sent.form is form and record.unreadable is None


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "a", "text": "x"}', '{"id": "a", "text": "y"}'], "line 2: the id 'a' is also line 1; ids must be unique"),
        (['{"id": "a", "text": "x"}', '{"text": "y"}'], "line 2: `id` is missing"),
        (['{"id": 1.5, "text": "x"}'], "line 1: `id` is a number, not a string or a whole number"),
        (['{"id": true, "text": "x"}'], "line 1: `id` is true or false"),
        (['{"id": " ", "text": "x"}'], "line 1: `id` is empty"),
        (['{"id": "\\udc80", "text": "x"}'], "is not valid Unicode"),
        (['{"id": "a", "text": "x"}', "not json"], "line 2 is not JSON"),
        (['["a", "x"]'], "line 1 is not a JSON object"),
    ],
)
def test_json_lines_with_broken_ids_stop_before_any_work(tmp_path: Path, lines: list[str], message: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ArchiveError, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_archive(path).ids()


def test_a_folder_gives_every_text_and_html_file_by_its_path(tmp_path: Path) -> None:
    root = tmp_path / "texts"
    (root / "2016" / "03").mkdir(parents=True)
    (root / "b.txt").write_text("Two.", encoding="utf-8")
    (root / "2016" / "03" / "a.TXT").write_bytes("\ufeffOne.".encode())
    (root / "2016" / "bad.txt").write_bytes(b"\x93quoted\x94")  # Windows-1252, not UTF-8
    (root / "2016" / "page.htm").write_bytes(b'<meta charset="windows-1252"><p>\x93Quoted,\x94 she said.</p>')
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    archive = open_archive(root)
    assert archive.ids() == ["2016/03/a.TXT", "2016/bad.txt", "2016/page.htm", "b.txt"]
    assert [outcome(record) for record in archive.records(skip={"b.txt"})] == [
        "One.",
        "invalid-body: 2016/bad.txt is not valid UTF-8: byte 0x93 at offset 0 cannot be decoded.",
        "“Quoted,” she said.",
    ]


def test_a_folder_with_no_article_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    with pytest.raises(ArchiveError, match="holds no .txt, .html, .htm files"):
        open_archive(tmp_path).ids()


def test_parquet_ids_may_be_numbers_and_articles_bytes(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    bodies = pa.array([b"Three.", None, b"\xffbad", None], pa.binary())
    pages = pa.array([None, None, None, "<p>Four.</p>"], pa.string())
    pq.write_table(pa.table({"n": pa.array([3, 1, 2, 4]), "body": bodies, "html": pages}), path)
    archive = open_archive(path, id_field="n", fields=Fields(text="body"))
    assert archive.ids() == ["3", "1", "2", "4"]
    assert [outcome(record) for record in archive.records(skip=set())] == [
        "Three.",
        "validation-failed: body: `body` may not be null: send the article as a string.",
        "invalid-body: body is not valid UTF-8: byte 0xff at offset 0 cannot be decoded.",
        "Four.",
    ]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pa.table({"id": ["a"], "body": ["x"]}), "has no column 'text or html' \\(its columns: id, body\\)"),
        (pa.table({"id": [1.5], "text": ["x"]}), "column 'id' holds double, not text or whole numbers"),
        (pa.table({"id": ["a"], "text": [4]}), "column 'text' holds int64, not text"),
        (pa.table({"id": ["a", None], "text": ["x", "y"]}), "row 2: `id` is missing"),
    ],
)
def test_parquet_that_does_not_hold_articles_is_refused(tmp_path: Path, table: pa.Table, message: str) -> None:
    path = tmp_path / "in.parquet"
    pq.write_table(table, path)
    with pytest.raises(ArchiveError, match=message):
        open_archive(path).ids()


def test_an_input_that_is_no_archive_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such file or folder"):
        open_archive(tmp_path / "missing.jsonl")
    (tmp_path / "in.csv").write_text("id,text\n", encoding="utf-8")
    with pytest.raises(UsageError, match="an input is a folder of .txt, .html, .htm files, a JSON Lines file"):
        open_archive(tmp_path / "in.csv")
    (tmp_path / "in.parquet").write_bytes(b"not parquet")
    with pytest.raises(ArchiveError, match="cannot read .* as Parquet"):
        open_archive(tmp_path / "in.parquet")


# --- fields kept ---------------------------------------------------------------------


def test_kept_fields_travel_with_each_record_as_text(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "One.", "outlet": "The Tellbridge Post", "date": "2019-01-04", "pages": 3},
        {"id": "b", "html": "<p>Two.</p>", "outlet": None, "tags": ["a", "b"], "front": True},
        {"id": "c"},  # no article, and no field to keep: its error row still carries them, as nulls
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    keep = ("outlet", "date", "pages", "tags", "front")
    kept = [record.kept for record in open_archive(path, fields=Fields(keep=keep)).records(skip=set())]
    assert kept == [
        {"outlet": "The Tellbridge Post", "date": "2019-01-04", "pages": "3", "tags": None, "front": None},
        {"outlet": None, "date": None, "pages": None, "tags": '["a", "b"]', "front": "true"},
        {"outlet": None, "date": None, "pages": None, "tags": None, "front": None},
    ]
    assert [list(k) for k in kept] == [list(keep)] * 3  # in the order asked for


def test_kept_parquet_columns_are_read_as_text_dates_in_iso(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    published = pa.array([datetime.datetime(2019, 1, 4, 9, 30), None], pa.timestamp("s"))
    day = pa.array([datetime.date(2019, 1, 4), datetime.date(2019, 2, 1)], pa.date32())
    pq.write_table(pa.table({"id": ["a", "b"], "text": ["One.", "Two."], "published": published, "day": day, "words": [120, 80]}), path)
    records = list(open_archive(path, fields=Fields(keep=("day", "published", "words"))).records(skip=set()))
    assert [record.kept for record in records] == [
        {"day": "2019-01-04", "published": "2019-01-04T09:30:00", "words": "120"},
        {"day": "2019-02-01", "published": None, "words": "80"},
    ]
    with pytest.raises(ArchiveError, match="has no column 'outlet' to keep \\(its columns: id, text, published, day, words\\)"):
        open_archive(path, fields=Fields(keep=("day", "outlet")))


def test_a_folder_has_no_fields_to_keep(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    with pytest.raises(UsageError, match="no fields to keep"):
        open_archive(tmp_path, fields=Fields(keep=("outlet",)))


@pytest.mark.parametrize(("text", "names"), [("outlet", ("outlet",)), ("outlet, date,outlet", ("outlet", "date"))])
def test_keep_lists_field_names_once_each(text: str, names: tuple[str, ...]) -> None:
    assert field_names(text) == names


@pytest.mark.parametrize("text", ["", "outlet,", "outlet,,date", " "])
def test_keep_refuses_an_empty_name(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a list of field names"):
        field_names(text)
