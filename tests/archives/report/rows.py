"""Result rows by hand, as ``quotes batch`` writes them, for the report's tests that need no model."""

from __future__ import annotations

import itertools
from typing import Any

TYPES = ("direct", "indirect", "mixed")


def source(
    name: str | None,
    kind: str | None,
    quotes: int,
    *,
    anonymous: bool = False,
    reason: str | None = None,
    pronoun: str | None = None,
    title: str | None = None,
    affiliation: str | None = None,
) -> dict[str, Any]:
    """A speaker of an article and how many quotes it has (``quote_indexes`` are filled in by ``article``)."""
    return {
        "name": name,
        "kind": kind,
        "n": quotes,
        "anonymous": anonymous,
        "anonymity": {"text": reason, "start": 0, "end": len(reason)} if reason else None,
        "pronoun": pronoun,
        "pronoun_mention": {"text": pronoun, "start": 0, "end": len(pronoun)} if pronoun else None,
        "title": title,
        "affiliation": affiliation,
    }


def article(article_id: str, *sources: dict[str, Any], unattributed: int = 0, error: str | None = None, **kept: Any) -> dict[str, Any]:
    """A result row: each source's quotes (types in turn), then ``unattributed`` quotes with no speaker."""
    if error is not None:
        return {"id": article_id, **kept, "quotes": None, "speakers": None, "offsets": "codepoints", "error": {"type": error, "title": "t", "detail": "d"}}
    quotes: list[dict[str, Any]] = []
    speakers = []
    types = itertools.cycle(TYPES)
    for n, given in enumerate(sources, 1):
        fields = {key: value for key, value in given.items() if key != "n"}
        entry = {"id": f"s{n}", **fields, "mentions": [], "quotes": list(range(len(quotes), len(quotes) + given["n"]))}
        speakers.append(entry)
        quoted = {"id": f"s{n}", "mention": {"text": given["name"] or "he", "start": 0, "end": 2}, **fields}
        quotes += [{"id": f"q{len(quotes) + i + 1}", "type": next(types), "speaker": quoted} for i in range(given["n"])]
    quotes += [{"id": f"q{len(quotes) + i + 1}", "type": "indirect", "speaker": None} for i in range(unattributed)]
    return {"id": article_id, **kept, "quotes": quotes, "speakers": speakers, "offsets": "codepoints", "error": None}
