"""What stops an archive's run, and how its files are told apart: light, so that a tool that only reads
results (``quotes report``) need not import the door and spaCy behind it."""

from __future__ import annotations

JSON_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET = ".parquet"


class ArchiveError(Exception):
    """The run cannot go on (a broken input, an output in the way): its message is the one line printed."""


class UsageError(ArchiveError):
    """The command was asked for something it does not do (an unknown format)."""
