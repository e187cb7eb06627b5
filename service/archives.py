"""Archives to read: a folder of ``.txt`` files, a JSON Lines file, a Parquet file, as ``Article(id, text)``.

``open_archive(path)`` tells them apart. Each gives its ids first
(``ids``: checked present, text and unique, in order: the output's key and
what a resumed run skips) and then its articles (``articles``), streamed, so
that an archive larger than the memory is read a piece at a time. A text that
cannot be read (missing, null, not a string, not UTF-8) is an ``Unreadable``
saying why: ``quotes batch`` records it against its article and goes on. A
broken archive (a line that is not JSON, an id missing or used twice) is an
``ArchiveError`` before any work starts.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

JSON_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET = ".parquet"
TEXT_FILE = ".txt"
READ_BATCH_ROWS = 256
"""Rows read from a Parquet input at a time."""
BYTE_ORDER_MARK = "\ufeff"


class ArchiveError(Exception):
    """The run cannot go on (a broken input, an output in the way): its message is the one line printed."""


class UsageError(ArchiveError):
    """The command was asked for something it does not do (an unknown format)."""



@dataclass(frozen=True, slots=True)
class Unreadable:
    """What the input holds where an article's text should be, when it is no text: why not."""

    detail: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str | Unreadable


# --- inputs ------------------------------------------------------------------------------


class Archive(Protocol):
    """An input: its ids (checked, in order) and its articles."""

    def ids(self) -> list[str]: ...

    def articles(self, skip: frozenset[str] | set[str]) -> Iterator[Article]: ...


def open_archive(path: Path, id_field: str = "id", text_field: str = "text") -> Archive:
    """The archive at ``path``: a folder of ``.txt`` files, a JSON Lines file or a Parquet file."""
    if path.is_dir():
        return Folder(path)
    if not path.exists():
        raise ArchiveError(f"cannot read {path}: no such file or folder")
    name = path.name.lower()
    if name.endswith(JSON_LINES):
        return JsonLines(path, id_field, text_field)
    if name.endswith(PARQUET):
        return ParquetArchive(path, id_field, text_field)
    raise UsageError(
        f"{path}: an input is a folder of .txt files, a JSON Lines file ({', '.join(JSON_LINES)}) or a Parquet file ({PARQUET})"
    )


class IdChecker:
    """Ids must be present, text, and unique: they are the output's key and what a resumed run skips."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.seen: dict[str, str] = {}

    def check(self, value: object, where: str, field_name: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int):
            kind = "missing" if value is None else f"{_kind(value)}, not a string or a whole number"
            raise ArchiveError(f"{self.source} {where}: `{field_name}` is {kind}; every article needs an id (--id-field names it)")
        text = str(value)
        if not text.strip():
            raise ArchiveError(f"{self.source} {where}: `{field_name}` is empty; every article needs an id")
        if any("\ud800" <= char <= "\udfff" for char in text):
            raise ArchiveError(f"{self.source} {where}: the id {text!r} is not valid Unicode")
        if text in self.seen:
            raise ArchiveError(f"{self.source} {where}: the id {text!r} is also {self.seen[text]}; ids must be unique")
        self.seen[text] = where
        return text


def _kind(value: object) -> str:
    """What a JSON (or Parquet) value is, in JSON's words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _decode(raw: bytes) -> str | Unreadable:
    try:
        return raw.decode("utf-8").removeprefix(BYTE_ORDER_MARK)
    except UnicodeDecodeError as exc:
        return Unreadable(f"Not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}.")


class Folder:
    """Every ``.txt`` file under a folder, sorted by path; an article's id is its path in the folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _files(self) -> list[tuple[str, Path]]:
        files = (p for p in self.root.rglob("*") if p.suffix.lower() == TEXT_FILE and p.is_file())
        return sorted((p.relative_to(self.root).as_posix(), p) for p in files)

    def ids(self) -> list[str]:
        checker = IdChecker(self.root)
        return [checker.check(name, f"file {name}", "its name") for name, _ in self._files()]

    def articles(self, skip: frozenset[str] | set[str]) -> Iterator[Article]:
        for name, path in self._files():
            if name in skip:
                continue
            try:
                text = _decode(path.read_bytes())
            except OSError as exc:
                text = Unreadable(f"The file cannot be read: {exc.strerror or exc}.")
            yield Article(name, text)


class JsonLines:
    """One JSON object per line (``{"id": ..., "text": ...}``), gzipped or not; blank lines are skipped."""

    def __init__(self, path: Path, id_field: str, text_field: str) -> None:
        self.path, self.id_field, self.text_field = path, id_field, text_field

    def _open(self) -> gzip.GzipFile | io.BufferedReader:
        try:
            return gzip.open(self.path, "rb") if self.path.name.lower().endswith(".gz") else self.path.open("rb")
        except OSError as exc:
            raise ArchiveError(f"cannot read {self.path}: {exc.strerror or exc}") from None

    def _records(self) -> Iterator[tuple[int, dict[str, Any], str | None]]:
        """(line number, object, why its line is not UTF-8 or None)."""
        with self._open() as handle:
            try:
                for number, raw in enumerate(handle, 1):
                    if number == 1:
                        raw = raw.removeprefix(BYTE_ORDER_MARK.encode())
                    if not raw.strip():
                        continue
                    yield (number, *self._parse(number, raw))
            except (OSError, EOFError) as exc:  # a truncated or corrupt gzip file
                raise ArchiveError(f"cannot read {self.path}: {exc}") from None

    def _parse(self, number: int, raw: bytes) -> tuple[dict[str, Any], str | None]:
        not_utf8 = None
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.decode("utf-8", "replace")
            not_utf8 = f"Line {number} is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}."
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArchiveError(f"{self.path} line {number} is not JSON: {exc.msg} at column {exc.colno}") from None
        if not isinstance(value, dict):
            raise ArchiveError(f"{self.path} line {number} is not a JSON object with `{self.id_field}` and `{self.text_field}`")
        return value, not_utf8

    def ids(self) -> list[str]:
        checker = IdChecker(self.path)
        return [checker.check(value.get(self.id_field), f"line {number}", self.id_field) for number, value, _ in self._records()]

    def articles(self, skip: frozenset[str] | set[str]) -> Iterator[Article]:
        for _, value, not_utf8 in self._records():
            article_id = str(value[self.id_field])
            if article_id in skip:
                continue
            yield Article(article_id, Unreadable(not_utf8) if not_utf8 else self._text(value))

    def _text(self, value: dict[str, Any]) -> str | Unreadable:
        if self.text_field not in value:
            return Unreadable(f"The article has no `{self.text_field}` field (--text-field names it).")
        text = value[self.text_field]
        if text is None:
            return Unreadable(f"`{self.text_field}` is null.")
        if not isinstance(text, str):
            return Unreadable(f"`{self.text_field}` is {_kind(text)}, not a string.")
        return text


class ParquetArchive:
    """A Parquet file with an id column (text or whole numbers) and a text column (text or UTF-8 bytes)."""

    def __init__(self, path: Path, id_field: str, text_field: str) -> None:
        self.path, self.id_field, self.text_field = path, id_field, text_field
        try:
            self.file = pq.ParquetFile(path)
        except (OSError, pa.ArrowException) as exc:
            raise ArchiveError(f"cannot read {path} as Parquet: {exc}") from None
        schema = self.file.schema_arrow
        for name, allowed, kinds in (
            (id_field, (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer), "text or whole numbers"),
            (text_field, (pa.types.is_string, pa.types.is_large_string, pa.types.is_binary, pa.types.is_large_binary), "text"),
        ):
            if name not in schema.names:
                raise ArchiveError(f"{path} has no column {name!r} (its columns: {', '.join(schema.names)}); --id-field and --text-field name them")
            if not any(test(schema.field(name).type) for test in allowed):
                raise ArchiveError(f"{path}: column {name!r} holds {schema.field(name).type}, not {kinds}")

    def ids(self) -> list[str]:
        checker = IdChecker(self.path)
        column = self.file.read(columns=[self.id_field]).column(0).to_pylist()
        return [checker.check(value, f"row {n}", self.id_field) for n, value in enumerate(column, 1)]

    def articles(self, skip: frozenset[str] | set[str]) -> Iterator[Article]:
        for batch in self.file.iter_batches(batch_size=READ_BATCH_ROWS, columns=[self.id_field, self.text_field]):
            for value, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                article_id = str(value)
                if article_id in skip:
                    continue
                if text is None:
                    yield Article(article_id, Unreadable(f"`{self.text_field}` is null."))
                else:
                    yield Article(article_id, _decode(text) if isinstance(text, bytes) else text)
