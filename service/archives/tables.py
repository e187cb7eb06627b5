"""The archives' tables: the API's answer as a Parquet (Arrow) schema, and the flat table of quotes.

``result_schema()`` is derived from the marshmallow schema of an archive's
row (``intake.schemas.ArticleResultSchema``: the id, the API's answer, the error),
field by field, so that a Parquet result has exactly the shape of the JSON
answer and cannot drift from it: a field added to the API's answer is a
column here too. ``quotes batch`` writes it, and the Spark job hands it to
Spark as the job's explicit schema.

``flat_rows`` turns one row into the flat table an analyst opens in a
spreadsheet or pandas: one row per quote, ``FLAT_COLUMNS``; for an article
read from HTML, ``source_start`` and ``source_end`` say where the quote stands
in the HTML (null for a text, where ``start`` and ``end`` already do). The
speaker's ``kind``, whether it is ``anonymous``, the words saying why
(``anonymity``) and its ``pronoun`` are the speaker's fields of the answer.

The input's fields that ``--keep`` names (``outlet``, ``date``) follow the id
in both, as text: a column each after ``id`` (``result_schema(keep)``) and
after ``article_id`` (``flat_schema(keep)``).

In a CSV, a text cell that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return: a quote, a name, an id
the archive holds) starts with an apostrophe, as OWASP advises
(``neutralised``); Parquet holds the text as it is.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from marshmallow import Schema, fields

from service.archives.errors import UsageError
from service.intake.schemas import ArticleResultSchema

ROWS_PER_BATCH = 1024
"""Rows written to Parquet at a time: a few MB of results in memory, whatever the archive's size."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet (Excel, LibreOffice, Google Sheets) reads as the start of a formula in a CSV cell."""
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte order mark: Excel reads a CSV as UTF-8 only with one (curly quotes survive);
pandas and Python's csv module (as ``utf-8-sig``) skip it."""

# marshmallow field kinds and their Arrow types; Nested and List are built from their contents.
SCALARS: tuple[tuple[type[fields.Field[Any]], pa.DataType], ...] = (
    (fields.String, pa.string()),
    (fields.Integer, pa.int64()),
    (fields.Float, pa.float64()),
    (fields.Enum, pa.string()),  # by value: every enum of the answer is a string enum
    (fields.Boolean, pa.bool_()),
)


def arrow_type(field: fields.Field[Any]) -> pa.DataType:
    """The Arrow type holding what ``field`` dumps."""
    if isinstance(field, fields.Nested):
        return pa.struct(arrow_fields(field.schema))
    if isinstance(field, fields.List):
        return pa.list_(arrow_type(field.inner))
    for kind, arrow in SCALARS:
        if isinstance(field, kind):
            return arrow
    raise TypeError(f"no Arrow type for a marshmallow {type(field).__name__} field")


def arrow_fields(schema: Schema) -> list[pa.Field]:
    """One nullable Arrow field per field of ``schema``, in its order."""
    return [pa.field(name, arrow_type(field)) for name, field in schema.fields.items()]


@cache
def result_schema(keep: tuple[str, ...] = ()) -> pa.Schema:
    """The Parquet schema of an archive's results: ``ArticleResultSchema`` in Arrow types, the kept fields after the id."""
    identity, *answer = arrow_fields(ArticleResultSchema())
    return pa.schema([identity, *kept_fields(keep), *answer])


def kept_fields(keep: Sequence[str]) -> list[pa.Field]:
    """The kept fields' columns: text (``readers.kept_value``), null where a record has none."""
    return [pa.field(name, pa.string()) for name in keep]


RESULT_FIELDS = tuple(ArticleResultSchema().fields)
"""A result row's own fields, which no kept field may take the name of."""


def kept_of(names: Iterable[str], answer: Collection[str] = RESULT_FIELDS) -> tuple[str, ...]:
    """The kept fields among a row's or a table's ``names``: those that are no field of the answer (of a
    result row, or ``FLAT_COLUMNS`` of the flat table)."""
    return tuple(name for name in names if name not in answer)


def check_keep(keep: Sequence[str], flat: bool = False) -> tuple[str, ...]:
    """The fields ``--keep`` names, once each, or a ``UsageError`` for a name the output already has."""
    taken = {*RESULT_FIELDS, *(FLAT_COLUMNS if flat else ())}
    clash = next((name for name in keep if name in taken), None)
    if clash is not None:
        table = "the flat table has a column" if flat and clash in FLAT_COLUMNS else "each result row has a field"
        raise UsageError(f"--keep {clash}: {table} `{clash}` of its own; keep the input's other fields")
    return tuple(dict.fromkeys(keep))


FLAT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("quote_id", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("source_start", pa.int64()),
        ("source_end", pa.int64()),
        ("type", pa.string()),
        ("speaker", pa.string()),
        ("title", pa.string()),
        ("affiliation", pa.string()),
        ("kind", pa.string()),
        ("anonymous", pa.bool_()),
        ("anonymity", pa.string()),
        ("pronoun", pa.string()),
        ("confidence", pa.float64()),
    ]
)
FLAT_COLUMNS = tuple(FLAT_SCHEMA.names)


@cache
def flat_schema(keep: tuple[str, ...] = ()) -> pa.Schema:
    """The flat table's schema: ``FLAT_SCHEMA``, the kept fields after ``article_id``."""
    article, *quote = FLAT_SCHEMA
    return pa.schema([article, *kept_fields(keep), *quote])


def flat_rows(row: Mapping[str, Any], keep: Sequence[str] = ()) -> list[dict[str, Any]]:
    """One row per quote of an article's result: ``flat_schema(keep)``'s columns (none for a failed article)."""
    out = []
    for quote in row.get("quotes") or ():
        speaker = quote.get("speaker") or {}
        source = quote.get("source") or {}
        out.append(
            {
                "article_id": row["id"],
                **{name: row.get(name) for name in keep},
                "quote_id": quote["id"],
                "text": quote["text"],
                "start": quote["start"],
                "end": quote["end"],
                "source_start": source.get("start"),
                "source_end": source.get("end"),
                "type": quote["type"],
                "speaker": speaker.get("name"),
                "title": speaker.get("title"),
                "affiliation": speaker.get("affiliation"),
                "kind": speaker.get("kind"),
                "anonymous": speaker.get("anonymous"),
                "anonymity": (speaker.get("anonymity") or {}).get("text"),
                "pronoun": speaker.get("pronoun"),
                "confidence": quote["confidence"],
            }
        )
    return out


def batched(rows: Iterable[dict[str, Any]], size: int = ROWS_PER_BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(path: Path, rows: Iterable[dict[str, Any]], schema: pa.Schema) -> int:
    """Write ``rows`` to a Parquet file of ``schema``, a batch at a time; how many were written."""
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batched(rows):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet shows it without running it: a leading apostrophe before a formula's start.

    ``=HYPERLINK("http://x", "click")`` becomes ``'=HYPERLINK(...)``; ``“-30%,” she said`` is left alone
    (it starts with a quotation mark), ``-30% in a year`` is not.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(
    path: Path, rows: Iterable[dict[str, Any]], columns: Sequence[str] = FLAT_COLUMNS, after: Path | None = None
) -> int:
    """Write flat rows to a CSV file with a header (``columns``), text cells ``neutralised``; how many
    were written. With ``after``, an earlier CSV of ours, its rows come first, as they are."""
    count = 0
    if after is not None:
        path.write_bytes(after.read_bytes())
    with path.open("a" if after is not None else "w", encoding="utf-8" if after is not None else CSV_ENCODING, newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        if after is None:
            writer.writeheader()
        for row in rows:
            writer.writerow({name: neutralised(value) if isinstance(value, str) else value for name, value in row.items()})
            count += 1
    return count
