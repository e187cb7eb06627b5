"""Archives of our own for the batch and Spark tests: many short articles that differ, as JSON Lines or files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from service.archives.readers import Record
from service.archives.rows import analyse
from service.attribution.pipeline import QuoteExtractor
from service.intake.door import Sent

PEOPLE = (
    ("Ana Ruiz", "the mayor of Tellbridge"),
    ("Tom Hale", "a spokesman for Hale Works"),
    ("Priya Nair", "the head of the Harbour Trust"),
    ("Owen Marsh", "a lecturer at Fenwick College"),
    ("Lena Vogt", "the chair of the Riverside Club"),
)
PLACES = ("the bridge", "the ferry pier", "the north road", "the library", "the sports hall", "the old mill")


def article_text(n: int) -> str:
    """A short article of our own; each ``n`` gives other words, names and numbers."""
    (speaker, role), (other, other_role) = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 2) % len(PEOPLE)]
    place = PLACES[n % len(PLACES)]
    return (
        f"Work on {place} to start in week {n}\n\n"
        f"“We will open {place} again by the spring,” said {speaker}, {role}. "
        f"“The repairs will cost {n + 3} thousand pounds.”\n\n"
        f"{other}, {other_role}, said the plan had come {n % 7 + 1} years too late."
    )


def articles(count: int) -> list[dict[str, Any]]:
    return [{"id": f"a{n:04d}", "text": article_text(n)} for n in range(count)]


def write_json_lines(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def write_folder(root: Path, records: list[dict[str, Any]]) -> Path:
    """Each record as ``<id>.txt``, ten to a subfolder."""
    for n, record in enumerate(records):
        path = root / f"part{n // 10:02d}" / f"{record['id']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record["text"], encoding="utf-8")
    return root


def read_json_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def engine_rows(engine: QuoteExtractor, records: list[dict[str, Any]], max_chars: int = 100_000) -> dict[str, dict[str, Any]]:
    """What the door and the engine answer for each text on its own, as a row."""
    return {record["id"]: analyse(engine, [Record(record["id"], Sent(record["text"]))], max_chars)[0] for record in records}


def pruned(value: Any) -> Any:
    """``value`` without the fields that are null: Parquet has a column for every field of the answer
    (``text`` and ``source`` for HTML, ``warnings``), a JSON row only those it fills."""
    if isinstance(value, dict):
        return {key: pruned(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [pruned(item) for item in value]
    return value
