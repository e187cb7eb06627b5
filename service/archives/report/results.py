"""The results a report reads: what ``quotes batch`` (or the Spark job) wrote, one row per article, streamed.

JSON Lines (``.jsonl``, ``.ndjson``, gzipped or not), a Parquet file, or a
folder of Parquet files (the Spark job's output). Rows are read one at a
time (Parquet a batch of ``READ_BATCH_ROWS`` at a time), so that an archive
of any size is read in the same memory. A row must be a result of an article
(``id`` and ``quotes``); the flat table of quotes (``--flat``) is refused, for
it has lost the articles without quotes and the list of each article's
speakers.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from service.archives.errors import JSON_LINES, PARQUET, ArchiveError, UsageError
from service.archives.tables import FLAT_COLUMNS, kept_of

READ_BATCH_ROWS = 512
"""Parquet rows read at a time."""
PRE_BUFFER = False
"""Parquet read without pyarrow's pre-buffering, which keeps what it has read, so that the memory grew with the
file (from 180 to 300 MB over 100,000 results, bench/results/sourcing-report.md); without it, flat."""
REQUIRED = ("id", "quotes")
"""What every result row has, analysed or not."""

Progress = Callable[[int], None]
"""Told how far the reading has gone since it was last told, in ``Results.unit``."""


@dataclass(frozen=True)
class Results:
    """An input of results: how to read its rows, and how to measure how far the reading has gone."""

    path: Path
    kept: tuple[str, ...] | None
    """The fields ``quotes batch --keep`` carried (None until a JSON Lines file's first row is read)."""
    total: int
    unit: str
    """What ``total`` counts: "B" (bytes of the file) or " articles" (rows)."""
    read: Callable[[Progress], Iterator[dict[str, Any]]]

    def rows(self, progress: Progress = lambda _: None) -> Iterator[dict[str, Any]]:
        return self.read(progress)


def open_results(path: Path) -> Results:
    """The results at ``path``: JSON Lines, a Parquet file or a folder of Parquet files; an ``ArchiveError`` otherwise."""
    if not path.exists():
        raise ArchiveError(f"cannot read {path}: no such file or folder")
    name = path.name.lower()
    if path.is_dir():
        files = sorted(p for p in path.rglob(f"*{PARQUET}") if p.is_file() and not p.name.startswith((".", "_")))
        if not files:
            raise ArchiveError(f"{path} holds no {PARQUET} files: a report reads quotes batch's output (.jsonl, .parquet) or the Spark job's folder")
        return _parquet(path, files)
    if name.endswith(JSON_LINES):
        return _json_lines(path)
    if name.endswith(PARQUET):
        return _parquet(path, [path])
    raise UsageError(f"{path}: a report reads quotes batch's results, JSON Lines ({', '.join(JSON_LINES)}) or Parquet ({PARQUET})")


def _json_lines(path: Path) -> Results:
    def read(progress: Progress) -> Iterator[dict[str, Any]]:
        try:
            with path.open("rb") as raw:
                handle: gzip.GzipFile | io.BufferedReader = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
                done = 0
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        yield checked(_parsed(line, path, number), path, f"line {number}")
                    # The compressed file's position, for a gzipped one: the bar counts the file's bytes.
                    position = raw.tell()
                    progress(position - done)
                    done = position
        except (OSError, EOFError) as exc:
            raise ArchiveError(f"cannot read {path}: {exc}") from None

    return Results(path, None, path.stat().st_size, "B", read)


def _parsed(line: bytes, path: Path, number: int) -> Any:
    try:
        return json.loads(line)
    except ValueError as exc:  # not JSON, or not UTF-8
        raise ArchiveError(f"{path} line {number} is not JSON ({exc}): a report reads quotes batch's results") from None


def _parquet(path: Path, files: list[Path]) -> Results:
    try:
        opened = [pq.ParquetFile(file, pre_buffer=PRE_BUFFER) for file in files]
    except (OSError, pa.ArrowException) as exc:
        raise ArchiveError(f"cannot read {path} as Parquet: {exc}") from None
    names = opened[0].schema_arrow.names
    if set(FLAT_COLUMNS) <= set(names):
        raise UsageError(flat_table(path))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ArchiveError(f"{path} has no column {missing[0]!r}: it is not quotes batch's results (its columns: {', '.join(names)})")

    def read(progress: Progress) -> Iterator[dict[str, Any]]:
        for file in opened:
            for batch in file.iter_batches(batch_size=READ_BATCH_ROWS):
                yield from batch.to_pylist()
                progress(batch.num_rows)

    kept = kept_of(names)
    return Results(path, kept, sum(file.metadata.num_rows for file in opened), " articles", read)


def checked(row: Any, path: Path, where: str) -> dict[str, Any]:
    """A JSON line that is a result of an article, or an ``ArchiveError`` that says what it is instead."""
    if isinstance(row, dict) and all(name in row for name in REQUIRED):
        return row
    if isinstance(row, dict) and {"article_id", "quote_id"} <= row.keys():
        raise UsageError(flat_table(path))
    raise ArchiveError(f"{path} {where} is not a result of quotes batch (an object with `id` and `quotes`)")


def flat_table(path: Path) -> str:
    return (
        f"{path} is a flat table of quotes (quotes batch --flat), which has lost the articles without quotes and the "
        "speakers' list: a report reads quotes batch's results without --flat (.jsonl or .parquet)"
    )
