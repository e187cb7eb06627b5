"""The people and organisations quoted, counted on disk, so that a report's memory stays flat.

An archive names more people the larger it is: a dict of every name would
grow with it. The ``Ledger`` keeps its counts in a SQLite file in a
temporary folder (SQLite's page cache bounded by ``CACHE_KIB``), one row per
canonical name (``names.canonical``) and scope (the whole archive is scope
"", each group its own), with how many quotes and articles, and how often
each spelling, title, affiliation and kind went with it. Counts wait in
memory for ``FLUSH_ARTICLES`` articles and are written together.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

CACHE_KIB = 4 * 1024
"""SQLite's page cache: what the ledger may hold in memory, however many names it counts."""
FLUSH_ARTICLES = 2000
"""Articles whose counts wait in memory before they are written."""
DETAILS = ("name", "title", "affiliation", "kind")
"""What is counted beside each source: the spellings of its name, its titles, affiliations and kinds."""
SHOWN_DETAILS = 3
"""Titles and affiliations listed for each source: its most frequent."""

SCHEMA = """
CREATE TABLE source (scope TEXT, key TEXT, quotes INTEGER, articles INTEGER, PRIMARY KEY (scope, key)) WITHOUT ROWID;
CREATE TABLE detail (scope TEXT, key TEXT, field TEXT, value TEXT, articles INTEGER, PRIMARY KEY (scope, key, field, value)) WITHOUT ROWID;
"""
ADD_SOURCE = """
INSERT INTO source VALUES (?, ?, ?, ?)
ON CONFLICT (scope, key) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + excluded.articles
"""
ADD_DETAIL = """
INSERT INTO detail VALUES (?, ?, ?, ?, ?)
ON CONFLICT (scope, key, field, value) DO UPDATE SET articles = articles + excluded.articles
"""


@dataclass(frozen=True)
class Mentioned:
    """A source as one article gives it: canonical key, how it is written there, and what it is said to be."""

    key: str
    name: str
    kind: str
    quotes: int
    title: str | None
    affiliation: str | None


@dataclass(frozen=True)
class Counted:
    """A value that went with a source, and in how many articles."""

    value: str
    articles: int


@dataclass(frozen=True)
class Quoted:
    """A source as the whole archive (or a group) quotes it."""

    key: str
    name: str
    """Its most frequent spelling."""
    kind: str
    quotes: int
    articles: int
    titles: tuple[Counted, ...]
    affiliations: tuple[Counted, ...]


class Ledger:
    """Counts of quotes and articles per source and scope, in a temporary SQLite file (a context manager)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="quotes-report-")
        self._db = sqlite3.connect(Path(self._folder.name) / "sources.sqlite")
        # A scratch file, rebuilt by any run: no journal, no waiting for the disk.
        self._db.executescript(f"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -{CACHE_KIB};" + SCHEMA)
        self._sources: Counter[tuple[str, str]] = Counter()
        self._articles: Counter[tuple[str, str]] = Counter()
        self._details: Counter[tuple[str, str, str, str]] = Counter()
        self._pending = 0

    def add(self, scopes: Iterable[str], mentioned: Iterable[Mentioned]) -> None:
        """One article's sources, counted in each of ``scopes`` (each source once per article, whatever its spellings)."""
        sources = list(mentioned)
        for scope in scopes:
            seen: set[str] = set()
            for source in sources:
                self._sources[scope, source.key] += source.quotes
                if source.key not in seen:
                    seen.add(source.key)
                    self._articles[scope, source.key] += 1
                for name, value in zip(DETAILS, (source.name, source.title, source.affiliation, source.kind)):
                    if value:
                        self._details[scope, source.key, name, value] += 1
        self._pending += 1
        if self._pending >= FLUSH_ARTICLES:
            self.flush()

    def flush(self) -> None:
        keys = self._sources.keys() | self._articles.keys()
        with self._db:
            self._db.executemany(ADD_SOURCE, ((scope, key, self._sources[scope, key], self._articles[scope, key]) for scope, key in keys))
            self._db.executemany(ADD_DETAIL, ((*detail, count) for detail, count in self._details.items()))
        self._sources.clear()
        self._articles.clear()
        self._details.clear()
        self._pending = 0

    def most_quoted(self, scope: str, top: int) -> list[Quoted]:
        """The ``top`` sources of a scope with the most quotes (then articles, then name)."""
        self.flush()
        rows = self._db.execute(
            "SELECT key, quotes, articles FROM source WHERE scope = ? ORDER BY quotes DESC, articles DESC, key LIMIT ?", (scope, top)
        ).fetchall()
        return [self._quoted(scope, key, quotes, articles) for key, quotes, articles in rows]

    def _quoted(self, scope: str, key: str, quotes: int, articles: int) -> Quoted:
        details: dict[str, list[Counted]] = {name: [] for name in DETAILS}
        for name, value, count in self._db.execute(
            "SELECT field, value, articles FROM detail WHERE scope = ? AND key = ? ORDER BY articles DESC, value", (scope, key)
        ):
            details[name].append(Counted(value, count))
        return Quoted(
            key=key,
            name=details["name"][0].value if details["name"] else key,
            kind=details["kind"][0].value if details["kind"] else "",
            quotes=quotes,
            articles=articles,
            titles=tuple(details["title"][:SHOWN_DETAILS]),
            affiliations=tuple(details["affiliation"][:SHOWN_DETAILS]),
        )

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
