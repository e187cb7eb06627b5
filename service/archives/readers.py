"""Archives to read: a folder of ``.txt`` and ``.html`` files, a JSON Lines file, a Parquet file, as ``Record(id, sent)``.

``open_archive(path)`` tells them apart. Each gives its ids first
(``ids``: checked present, text and unique, in order: the output's key and
what a resumed run skips) and then its records (``records``), streamed, so
that an archive larger than the memory is read a piece at a time. A record
holds its article as it was found (``door.Sent``: a text or HTML, as a string
or bytes, or whatever stood in its place): reading and checking it is the
door's business (``service.intake.door``), so that an archive's article gets
the API's answer, or the API's problem. A broken archive (a line that is not
JSON, an id missing or used twice) is an ``ArchiveError`` before any work
starts.

An article is HTML when it comes from an ``.html`` or ``.htm`` file, or in
the HTML field or column (``html``, or as ``--html-field`` names it); text
from a ``.txt`` file or the text field (``text``, ``--text-field``).

The fields ``--keep`` names (``outlet``, ``date``...) travel with the record
(``Record.kept``) into its result row, as text (``kept_value``), so that
results can be grouped by them (``quotes report --by``).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from service.archives.errors import JSON_LINES, PARQUET, ArchiveError, UsageError
from service.intake.door import Form, Sent
from service.intake.encoding import BYTE_ORDER_MARK
from service.intake.problems import Problem, ProblemError

FILE_FORMS = {".txt": Form.TEXT, ".html": Form.HTML, ".htm": Form.HTML}
"""A folder's articles, by their files' endings."""
READ_BATCH_ROWS = 256
"""Rows read from a Parquet input at a time."""



@dataclass(frozen=True, slots=True)
class Fields:
    """Where a record holds its article: the text field and the HTML field (``--text-field``, ``--html-field``);
    and the fields carried into its result row (``--keep``)."""

    text: str = "text"
    html: str = "html"
    keep: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One article of an archive: its id, and the article as found (or why it could not be read at all)."""

    id: str
    sent: Sent
    unreadable: ProblemError | None = None
    """Set when the input itself could not be read where the article is (a line not UTF-8, a file's error)."""
    kept: Mapping[str, str | None] = field(default_factory=dict)
    """The record's fields that ``--keep`` names, as text (``kept_value``), in its order; null where it has none."""

    @property
    def size(self) -> int:
        """How long the article is as found (0 when it is no text): what a chunk is measured by."""
        return len(self.sent.content) if isinstance(self.sent.content, str | bytes) else 0


def record_of(article_id: str, record: Mapping[str, object], fields: Fields) -> Record:
    """The article a record (a JSON object, a Parquet or Spark row) holds in its fields: text or HTML.

    A field that is null counts only when the other is not filled, so that a
    Parquet file with both columns gives, row by row, whichever is filled
    (``{"text": "...", "html": null}`` is text); both filled is the article
    sent twice, neither there at all is no article, as the API says them.
    """
    text, html = record.get(fields.text, _ABSENT), record.get(fields.html, _ABSENT)
    kept = {name: kept_value(record.get(name)) for name in fields.keep}
    if text not in (_ABSENT, None) and html not in (_ABSENT, None):
        both = _problem(fields.html, f"Both `{fields.text}` and `{fields.html}` hold the article: keep one of them.")
        return Record(article_id, Sent(html, Form.HTML, fields.html), both, kept)
    if text is _ABSENT and html is _ABSENT:
        missing = f"The article has neither a `{fields.text}` nor an `{fields.html}` field (--text-field and --html-field name others)."
        return Record(article_id, Sent(None, Form.TEXT, fields.text), _problem(fields.text, missing), kept)
    if html not in (_ABSENT, None) or text is _ABSENT:
        return Record(article_id, Sent(html, Form.HTML, fields.html), kept=kept)
    return Record(article_id, Sent(text, Form.TEXT, fields.text), kept=kept)


def field_names(text: str) -> tuple[str, ...]:
    """``outlet,date`` as the field names it lists, once each: ``--keep``'s argument, for argparse."""
    names = tuple(dict.fromkeys(name.strip() for name in text.split(",")))
    if not all(names):
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of field names separated by commas (outlet,date)")
    return names


def kept_value(value: object) -> str | None:
    """A kept field's value as text, the same in every output: a string as it is, null as null, a date or a
    timestamp (a Parquet column's) in ISO 8601, anything else as its JSON (``2019``, ``true``, ``["a", "b"]``).

    Text, so that a kept field has one type in a Parquet output whatever the
    records hold, and groups the same way in ``quotes report``.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


_ABSENT = object()
"""A field the record does not have at all (not even null)."""


def _problem(field: str, message: str) -> ProblemError:
    return ProblemError.on_field(Problem.VALIDATION_FAILED, field, message)


# --- inputs ------------------------------------------------------------------------------


class Archive(Protocol):
    """An input: its ids (checked, in order) and its records."""

    def ids(self) -> list[str]: ...

    def records(self, skip: frozenset[str] | set[str]) -> Iterator[Record]: ...


def open_archive(path: Path, id_field: str = "id", fields: Fields = Fields()) -> Archive:
    """The archive at ``path``: a folder of ``.txt`` and ``.html`` files, a JSON Lines file or a Parquet file."""
    if path.is_dir():
        if fields.keep:
            raise UsageError(f"{path} is a folder of files, which have no fields to keep: --keep reads JSON Lines or Parquet")
        return Folder(path)
    if not path.exists():
        raise ArchiveError(f"cannot read {path}: no such file or folder")
    name = path.name.lower()
    if name.endswith(JSON_LINES):
        return JsonLines(path, id_field, fields)
    if name.endswith(PARQUET):
        return ParquetArchive(path, id_field, fields)
    raise UsageError(
        f"{path}: an input is a folder of {', '.join(FILE_FORMS)} files, a JSON Lines file ({', '.join(JSON_LINES)}) "
        f"or a Parquet file ({PARQUET})"
    )


class IdChecker:
    """Ids must be present, text, and unique: they are the output's key and what a resumed run skips."""

    def __init__(self, source: Path | str) -> None:
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


class Folder:
    """Every ``.txt``, ``.html`` and ``.htm`` file under a folder, sorted by path; an article's id is its path in the folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _files(self) -> list[tuple[str, Path]]:
        files = (p for p in self.root.rglob("*") if p.suffix.lower() in FILE_FORMS and p.is_file())
        return sorted((p.relative_to(self.root).as_posix(), p) for p in files)

    def ids(self) -> list[str]:
        files = self._files()
        if not files:
            raise ArchiveError(f"{self.root} holds no {', '.join(FILE_FORMS)} files, in it or below it: no article to analyse")
        checker = IdChecker(self.root)
        return [checker.check(name, f"file {name}", "its name") for name, _ in files]

    def records(self, skip: frozenset[str] | set[str]) -> Iterator[Record]:
        for name, path in self._files():
            if name in skip:
                continue
            form = FILE_FORMS[path.suffix.lower()]
            try:
                raw = path.read_bytes()
            except OSError as exc:
                problem = ProblemError(Problem.INVALID_BODY, f"{name} cannot be read: {exc.strerror or exc}.")
                yield Record(name, Sent(None, form, name), problem)
                continue
            yield Record(name, Sent(raw, form, name))


class JsonLines:
    """One JSON object per line (``{"id": ..., "text": ...}`` or ``"html"``), gzipped or not; blank lines are skipped."""

    def __init__(self, path: Path, id_field: str, fields: Fields) -> None:
        self.path, self.id_field, self.fields = path, id_field, fields

    def _open(self) -> gzip.GzipFile | io.BufferedReader:
        try:
            return gzip.open(self.path, "rb") if self.path.name.lower().endswith(".gz") else self.path.open("rb")
        except OSError as exc:
            raise ArchiveError(f"cannot read {self.path}: {exc.strerror or exc}") from None

    def _records(self) -> Iterator[tuple[int, dict[str, Any], ProblemError | None]]:
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

    def _parse(self, number: int, raw: bytes) -> tuple[dict[str, Any], ProblemError | None]:
        not_utf8 = None
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.decode("utf-8", "replace")
            not_utf8 = ProblemError(
                Problem.INVALID_BODY,
                f"Line {number} is not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded.",
            )
        value = parse_line(line, f"{self.path} line {number}", self.id_field, self.fields)
        return value, not_utf8

    def ids(self) -> list[str]:
        checker = IdChecker(self.path)
        return [checker.check(value.get(self.id_field), f"line {number}", self.id_field) for number, value, _ in self._records()]

    def records(self, skip: frozenset[str] | set[str]) -> Iterator[Record]:
        for _, value, not_utf8 in self._records():
            article_id = str(value[self.id_field])
            if article_id in skip:
                continue
            record = record_of(article_id, value, self.fields)
            yield Record(record.id, record.sent, not_utf8 or record.unreadable, record.kept)


def parse_line(line: str, where: str, id_field: str, fields: Fields) -> dict[str, Any]:
    """One line of JSON Lines as its object, or an ``ArchiveError`` that names it (``quotes batch`` and the Spark job)."""
    try:
        value = json.loads(line.removeprefix(BYTE_ORDER_MARK))
    except json.JSONDecodeError as exc:
        raise ArchiveError(f"{where} is not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise ArchiveError(f"{where} is JSON nested too deeply to read") from None
    except ValueError:
        # Python reads at most 4,300 digits of an integer (sys.get_int_max_str_digits).
        raise ArchiveError(f"{where} holds a number too long to read (over 4,300 digits)") from None
    if not isinstance(value, dict):
        raise ArchiveError(f"{where} is not a JSON object with `{id_field}` and `{fields.text}` (or `{fields.html}`)")
    return value


class ParquetArchive:
    """A Parquet file with an id column (text or whole numbers) and a text column, an HTML column or both (text or bytes)."""

    def __init__(self, path: Path, id_field: str, fields: Fields) -> None:
        self.path, self.id_field, self.fields = path, id_field, fields
        try:
            # Without pre-buffering, which keeps what it has read: the memory stays flat however large the file.
            self.file = pq.ParquetFile(path, pre_buffer=False)
        except (OSError, pa.ArrowException) as exc:
            raise ArchiveError(f"cannot read {path} as Parquet: {exc}") from None
        schema = self.file.schema_arrow
        self.columns = [name for name in (fields.text, fields.html) if name in schema.names]
        if id_field not in schema.names or not self.columns:
            wanted = id_field if id_field not in schema.names else f"{fields.text} or {fields.html}"
            raise ArchiveError(
                f"{path} has no column {wanted!r} (its columns: {', '.join(schema.names)}); --id-field, --text-field "
                "and --html-field name them"
            )
        missing = [name for name in fields.keep if name not in schema.names]
        if missing:
            raise ArchiveError(f"{path} has no column {missing[0]!r} to keep (its columns: {', '.join(schema.names)})")
        for name, allowed, kinds in (
            (id_field, (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer), "text or whole numbers"),
            *((column, ARTICLE_TYPES, "text") for column in self.columns),
        ):
            if not any(test(schema.field(name).type) for test in allowed):
                raise ArchiveError(f"{path}: column {name!r} holds {schema.field(name).type}, not {kinds}")

    def ids(self) -> list[str]:
        checker = IdChecker(self.path)
        column = self.file.read(columns=[self.id_field]).column(0).to_pylist()
        return [checker.check(value, f"row {n}", self.id_field) for n, value in enumerate(column, 1)]

    def records(self, skip: frozenset[str] | set[str]) -> Iterator[Record]:
        columns = list(dict.fromkeys([self.id_field, *self.columns, *self.fields.keep]))
        for batch in self.file.iter_batches(batch_size=READ_BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                article_id = str(row[self.id_field])
                if article_id not in skip:
                    yield record_of(article_id, row, self.fields)


ARTICLE_TYPES = (pa.types.is_string, pa.types.is_large_string, pa.types.is_binary, pa.types.is_large_binary)
"""What a text or HTML column may hold: text, or bytes the door decodes (UTF-8; HTML in its declared charset)."""
