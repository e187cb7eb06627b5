"""The report's figures counted again, independently, from the same result rows: plainly, all in memory.

What ``quotes report`` sums in a stream, with a ledger on disk, these
functions count with lists and comprehensions over every row at once, so
that a test can hold the one to the other on the same JSON. ``norm`` is the
name normaliser to count people and organisations under (the shared
scorer's own, where the test has it).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

Norm = Callable[[str], str]


def analysed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if not row["error"]]


def figures(rows: list[dict[str, Any]], norm: Norm) -> dict[str, Any]:
    """Every figure of the report the tests check, for these rows."""
    done = analysed(rows)
    quotes = [quote for row in done for quote in row["quotes"]]
    speakers = [speaker for row in done for speaker in row["speakers"]]
    people = [speaker for speaker in speakers if speaker.get("kind") in ("person", "unnamed_person")]
    unnamed_quotes = [q for q in quotes if q["speaker"] and q["speaker"].get("anonymous")]
    per_article = [len(row["quotes"]) for row in done]
    shares = [
        sum(bool(q["speaker"] and q["speaker"].get("anonymous")) for q in row["quotes"]) / len(row["quotes"]) for row in done if row["quotes"]
    ]
    return {
        "articles": len(rows),
        "analysed": len(done),
        "not_analysed": dict(Counter(row["error"]["type"] for row in rows if row["error"])),
        "quotes": len(quotes),
        "by_type": dict(Counter(q["type"] for q in quotes)),
        "sources": len(speakers),
        "sources_by_kind": dict(Counter(s.get("kind") or "unknown" for s in speakers)),
        "quotes_by_kind": dict(Counter("no speaker" if q["speaker"] is None else q["speaker"].get("kind") or "unknown" for q in quotes)),
        "unnamed_quotes": len(unnamed_quotes),
        "unnamed_quotes_without_reason": sum(not q["speaker"].get("anonymity") for q in unnamed_quotes),
        "unnamed_sources": sum(bool(s.get("anonymous")) for s in speakers),
        "unnamed_sources_without_reason": sum(bool(s.get("anonymous")) and not s.get("anonymity") for s in speakers),
        "articles_with_unnamed": sum(any(q["speaker"] and q["speaker"].get("anonymous") for q in row["quotes"]) for row in done),
        "mean_share": round(sum(shares) / len(shares), 4) if shares else None,
        "pronoun_sources": dict(Counter(s.get("pronoun") or "none" for s in people)),
        "pronoun_quotes": dict(sum((Counter({s.get("pronoun") or "none": len(s["quotes"])}) for s in people), Counter())),
        "per_article_mean": round(len(quotes) / len(done), 2) if done else None,
        "per_article_median": statistics.median(per_article) if per_article else None,
        "per_article_max": max(per_article, default=None),
        "most_quoted": most_quoted(done, norm),
    }


def most_quoted(done: list[dict[str, Any]], norm: Norm) -> list[tuple[str, int, int]]:
    """(canonical name, quotes, articles) of every named person and organisation, most quoted first."""
    quotes: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for row in done:
        for speaker in row["speakers"]:
            key = norm(speaker["name"] or "")
            if speaker.get("kind") in ("person", "organisation") and key and not speaker.get("anonymous"):
                quotes[key] += len(speaker["quotes"])
                articles[key].add(row["id"])
    return sorted(((key, quotes[key], len(articles[key])) for key in quotes), key=lambda item: (-item[1], -item[2], item[0]))


def reported(scope: dict[str, Any]) -> dict[str, Any]:
    """The same figures, as the report's JSON gives them for a scope (zero counts left out, as a Counter has none)."""
    unnamed = scope["unnamed"]
    per_article = scope["quotes_per_article"]

    def nonzero(counts: dict[str, int]) -> dict[str, int]:
        return {key: count for key, count in counts.items() if count}

    return {
        "articles": scope["articles"]["total"],
        "analysed": scope["articles"]["analysed"],
        "not_analysed": scope["articles"]["not_analysed"],
        "quotes": scope["quotes"]["total"],
        "by_type": nonzero(scope["quotes"]["by_type"]),
        "sources": scope["sources"]["total"],
        "sources_by_kind": nonzero(scope["sources"]["by_kind"]),
        "quotes_by_kind": nonzero(scope["sources"]["quotes_by_kind"]),
        "unnamed_quotes": unnamed["quotes"],
        "unnamed_quotes_without_reason": unnamed["quotes_without_reason"],
        "unnamed_sources": unnamed["sources"],
        "unnamed_sources_without_reason": unnamed["sources_without_reason"],
        "articles_with_unnamed": unnamed["articles_with_any"],
        "mean_share": unnamed["mean_share_per_article"],
        "pronoun_sources": nonzero(scope["pronouns"]["sources"]),
        "pronoun_quotes": nonzero(scope["pronouns"]["quotes"]),
        "per_article_mean": per_article["mean"],
        "per_article_median": per_article["median"],
        "per_article_max": per_article["max"],
        "most_quoted": [(row["key"], row["quotes"], row["articles"]) for row in scope["most_quoted"]],
    }


def check(report: dict[str, Any], rows: list[dict[str, Any]], norm: Norm, by: str | None = None) -> None:
    """Hold a report's JSON to the figures counted here from ``rows``, for the whole and for each group of ``by``."""
    expected = figures(rows, norm)
    top = len(report["whole"]["most_quoted"])
    expected["most_quoted"] = expected["most_quoted"][:top]
    expected["pronoun_quotes"] = {key: count for key, count in expected["pronoun_quotes"].items() if count}
    assert reported(report["whole"]) == expected
    if by is None:
        return
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row.get(by) or "(none)"].append(row)
    assert {group["group"] for group in report["groups"]} == set(groups)
    for group in report["groups"]:
        found = figures(groups[group["group"]], norm)
        found["most_quoted"] = found["most_quoted"][: len(group["most_quoted"])]
        found["pronoun_quotes"] = {key: count for key, count in found["pronoun_quotes"].items() if count}
        assert reported(group) == found, group["group"]
