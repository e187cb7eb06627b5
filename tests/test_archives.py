"""Reading archives (service/archives.py): JSON Lines, folders of text files, Parquet; ids checked before any work."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.archives import ArchiveError, Article, Unreadable, UsageError, open_archive


def test_json_lines_ids_are_text_and_a_missing_text_is_recorded(tmp_path: Path) -> None:
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
    )
    archive = open_archive(path)
    assert archive.ids() == ["a", "7", "no-text", "null", "number", "latin-1"]
    found = {article.id: article.text for article in archive.articles(skip={"a"})}
    assert list(found) == ["7", "no-text", "null", "number", "latin-1"]
    assert found["7"] == "Two."
    assert found["no-text"] == Unreadable("The article has no `text` field (--text-field names it).")
    assert found["null"] == Unreadable("`text` is null.")
    assert found["number"] == Unreadable("`text` is a number, not a string.")
    assert found["latin-1"] == Unreadable("Line 8 is not UTF-8 text: byte 0xe9 at offset 30.")


def test_json_lines_fields_are_named_and_gzip_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc": "x1", "body": "“Go,” said Ana Ruiz."}) + "\n")
    archive = open_archive(path, id_field="doc", text_field="body")
    assert list(archive.articles(skip=set())) == [Article("x1", "“Go,” said Ana Ruiz.")]


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


def test_a_folder_gives_every_text_file_by_its_path(tmp_path: Path) -> None:
    root = tmp_path / "texts"
    (root / "2016" / "03").mkdir(parents=True)
    (root / "b.txt").write_text("Two.", encoding="utf-8")
    (root / "2016" / "03" / "a.TXT").write_bytes("\ufeffOne.".encode())
    (root / "2016" / "bad.txt").write_bytes(b"\x93quoted\x94")  # Windows-1252, not UTF-8
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    archive = open_archive(root)
    assert archive.ids() == ["2016/03/a.TXT", "2016/bad.txt", "b.txt"]
    assert list(archive.articles(skip={"b.txt"})) == [
        Article("2016/03/a.TXT", "One."),
        Article("2016/bad.txt", Unreadable("Not UTF-8 text: byte 0x93 at offset 0.")),
    ]


def test_parquet_ids_may_be_numbers_and_texts_bytes(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"n": pa.array([3, 1, 2]), "body": pa.array([b"Three.", None, b"\xffbad"], pa.binary())}), path
    )
    archive = open_archive(path, id_field="n", text_field="body")
    assert archive.ids() == ["3", "1", "2"]
    assert list(archive.articles(skip=set())) == [
        Article("3", "Three."),
        Article("1", Unreadable("`body` is null.")),
        Article("2", Unreadable("Not UTF-8 text: byte 0xff at offset 0.")),
    ]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pa.table({"id": ["a"], "body": ["x"]}), "has no column 'text' \\(its columns: id, body\\)"),
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
    with pytest.raises(UsageError, match="an input is a folder of .txt files, a JSON Lines file"):
        open_archive(tmp_path / "in.csv")
    (tmp_path / "in.parquet").write_bytes(b"not parquet")
    with pytest.raises(ArchiveError, match="cannot read .* as Parquet"):
        open_archive(tmp_path / "in.parquet")
