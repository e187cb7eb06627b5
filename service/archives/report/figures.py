"""The figures of a sourcing report: what each article says about its sources, summed over a scope.

``read_article`` reads one result row (the API's answer for one article)
into an ``Article``: its quotes by type and by the kind of their source, its
sources (``speakers``) by kind and by pronoun, the quotes resting on unnamed
sources (a speaker that is ``anonymous``) and on those the article gives no
reason for (``anonymity`` null), and the people and organisations it quotes.
``Figures`` sums articles into a scope (the whole archive, or one group) in
memory bounded whatever their number: counters over a few fixed keys, the
distribution of quotes per article by value, and the ``TOP_ARTICLES``
articles with the most quotes on unnamed sources. The people and
organisations themselves are counted on disk, by ``ledger.Ledger``.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from service.archives.report.ledger import Ledger, Mentioned
from service.archives.report.names import canonical
from service.attribution.results import Pronoun, QuoteType, SpeakerKind

KINDS = tuple(kind.value for kind in SpeakerKind)
UNKNOWN_KIND = "unknown"
"""A source the engine could not tell the kind of (an unresolved pronoun)."""
NO_SPEAKER = "no speaker"
"""A quote the article attributes to no one."""
NAMED_KINDS = frozenset({SpeakerKind.PERSON.value, SpeakerKind.ORGANISATION.value})
"""The sources listed by name among the most quoted: named people and organisations."""
PEOPLE = frozenset({SpeakerKind.PERSON.value, SpeakerKind.UNNAMED_PERSON.value})
"""The sources counted by pronoun: individuals, named or not."""
PRONOUNS = tuple(pronoun.value for pronoun in Pronoun)
NO_PRONOUN = "none"
"""A person the article uses no pronoun (nor gendered title or noun) for."""
TYPES = tuple(kind.value for kind in QuoteType)
TOP_ARTICLES = 10
"""Articles listed with the most quotes on unnamed sources."""
SHOWN_SOURCES = 5
"""Unnamed sources listed for each of those articles."""
SHARE_BINS = (("none", 0.0), ("1–24%", 0.25), ("25–49%", 0.5), ("50–74%", 0.75), ("75–99%", 1.0), ("all", 1.0))
"""How much of an article's quotes rest on unnamed sources: (label, upper bound, exclusive but for "none" and "all")."""
QUOTE_BINS = ((0, 0), (1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, None))
"""Quotes per article, as the report's histogram groups them: (from, to), None for no end."""


@dataclass(frozen=True)
class Unnamed:
    """An unnamed source of an article: how the article describes it, and the reason it gives, if any."""

    description: str
    reason: str | None


@dataclass(kw_only=True)
class Tally:
    """What is counted alike in an article and summed in a scope: quotes by type and by the kind of their source,
    sources by kind and by pronoun, quotes resting on unnamed sources."""

    quotes: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    sources_by_kind: Counter[str] = field(default_factory=Counter)
    quotes_by_kind: Counter[str] = field(default_factory=Counter)
    sources_by_pronoun: Counter[str] = field(default_factory=Counter)
    quotes_by_pronoun: Counter[str] = field(default_factory=Counter)
    unnamed_quotes: int = 0
    unnamed_quotes_without_reason: int = 0

    def absorb(self, other: Tally) -> None:
        """Add ``other``'s counts to these."""
        for name in (tallied.name for tallied in fields(Tally)):
            mine = getattr(self, name)
            if isinstance(mine, Counter):
                mine.update(getattr(other, name))
            else:
                setattr(self, name, mine + getattr(other, name))


@dataclass(kw_only=True)
class Article(Tally):
    """What one article's result says about its sourcing."""

    id: str
    kept: Mapping[str, Any]
    error: str | None = None
    unnamed: list[Unnamed] = field(default_factory=list)
    mentioned: list[Mentioned] = field(default_factory=list)

    @property
    def unnamed_share(self) -> float:
        return self.unnamed_quotes / self.quotes if self.quotes else 0.0


def read_article(row: Mapping[str, Any], kept: tuple[str, ...]) -> Article:
    """One result row as an ``Article``; a row with an ``error`` counts as an article not analysed."""
    article = Article(id=str(row["id"]), kept={name: row.get(name) for name in kept})
    if row.get("error"):
        article.error = str(row["error"].get("type") or "error")
        return article
    quotes = row.get("quotes") or []
    article.quotes = len(quotes)
    for quote in quotes:
        article.by_type[quote.get("type") or ""] += 1
        speaker = quote.get("speaker")
        article.quotes_by_kind[NO_SPEAKER if speaker is None else speaker.get("kind") or UNKNOWN_KIND] += 1
        if speaker is not None and speaker.get("anonymous"):
            article.unnamed_quotes += 1
            article.unnamed_quotes_without_reason += not speaker.get("anonymity")
    for speaker in row.get("speakers") or []:
        _read_source(article, speaker)
    return article


def _read_source(article: Article, speaker: Mapping[str, Any]) -> None:
    kind = speaker.get("kind") or UNKNOWN_KIND
    quoted = len(speaker.get("quotes") or ())
    article.sources_by_kind[kind] += 1
    if speaker.get("anonymous"):
        reason = speaker.get("anonymity")
        article.unnamed.append(Unnamed(speaker.get("name") or "", reason.get("text") if isinstance(reason, Mapping) else None))
    if kind in PEOPLE:
        pronoun = speaker.get("pronoun") or NO_PRONOUN
        article.sources_by_pronoun[pronoun] += 1
        article.quotes_by_pronoun[pronoun] += quoted
    key = canonical(speaker.get("name"))
    if kind in NAMED_KINDS and key and not speaker.get("anonymous"):
        article.mentioned.append(Mentioned(key, speaker["name"], kind, quoted, speaker.get("title"), speaker.get("affiliation")))


@dataclass(order=True, frozen=True)
class _Ranked:
    """An article in the running for the list of those with the most quotes on unnamed sources."""

    unnamed: int
    without_reason: int
    share: float
    order: int
    """Minus its place in the input: of two equal articles, the first read ranks higher."""
    entry: dict[str, Any] = field(compare=False)


@dataclass(kw_only=True)
class Figures(Tally):
    """A scope's figures, summed an article at a time."""

    articles: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    unnamed_sources: int = 0
    unnamed_sources_without_reason: int = 0
    articles_with_unnamed: int = 0
    articles_with_unnamed_without_reason: int = 0
    share_bins: Counter[str] = field(default_factory=Counter)
    share_total: float = 0.0
    quotes_per_article: Counter[int] = field(default_factory=Counter)
    """Articles by their exact number of quotes: as many keys as distinct counts, a few hundred at most."""
    _top: list[_Ranked] = field(default_factory=list)

    def add(self, article: Article) -> None:
        self.articles += 1
        if article.error is not None:
            self.failed[article.error] += 1
            return
        self.absorb(article)
        self.quotes_per_article[article.quotes] += 1
        self.unnamed_sources += len(article.unnamed)
        self.unnamed_sources_without_reason += sum(source.reason is None for source in article.unnamed)
        self.articles_with_unnamed += article.unnamed_quotes > 0
        self.articles_with_unnamed_without_reason += article.unnamed_quotes_without_reason > 0
        if article.quotes:
            self.share_bins[share_bin(article.unnamed_share)] += 1
            self.share_total += article.unnamed_share
        if article.unnamed_quotes:
            self._rank(article)

    def _rank(self, article: Article) -> None:
        ranked = _Ranked(article.unnamed_quotes, article.unnamed_quotes_without_reason, article.unnamed_share, -self.articles, _entry(article))
        if len(self._top) < TOP_ARTICLES:
            heapq.heappush(self._top, ranked)
        elif ranked > self._top[0]:
            heapq.heapreplace(self._top, ranked)

    @property
    def analysed(self) -> int:
        return self.articles - sum(self.failed.values())

    def summary(self, ledger: Ledger, scope: str, top: int) -> dict[str, Any]:
        """Every figure of the scope, as the report's JSON gives it."""
        with_quotes = sum(count for quotes, count in self.quotes_per_article.items() if quotes)
        return {
            "articles": {"total": self.articles, "analysed": self.analysed, "not_analysed": dict(sorted(self.failed.items()))},
            "quotes": {"total": self.quotes, "by_type": {kind: self.by_type[kind] for kind in TYPES}},
            "quotes_per_article": self._per_article(),
            "sources": {
                "total": sum(self.sources_by_kind.values()),
                "by_kind": _ordered(self.sources_by_kind, (*KINDS, UNKNOWN_KIND)),
                "quotes_by_kind": _ordered(self.quotes_by_kind, (*KINDS, UNKNOWN_KIND, NO_SPEAKER)),
            },
            "unnamed": {
                "quotes": self.unnamed_quotes,
                "share_of_quotes": _share(self.unnamed_quotes, self.quotes),
                "quotes_without_reason": self.unnamed_quotes_without_reason,
                "share_of_quotes_without_reason": _share(self.unnamed_quotes_without_reason, self.quotes),
                "sources": self.unnamed_sources,
                "sources_without_reason": self.unnamed_sources_without_reason,
                "articles_with_any": self.articles_with_unnamed,
                "articles_with_any_without_reason": self.articles_with_unnamed_without_reason,
                "articles_with_quotes": with_quotes,
                "mean_share_per_article": round(self.share_total / with_quotes, 4) if with_quotes else None,
                "articles_by_share": {label: self.share_bins[label] for label, _ in SHARE_BINS},
                "top_articles": [ranked.entry for ranked in sorted(self._top, reverse=True)],
            },
            "pronouns": {
                "sources": _ordered(self.sources_by_pronoun, (*PRONOUNS, NO_PRONOUN)),
                "quotes": _ordered(self.quotes_by_pronoun, (*PRONOUNS, NO_PRONOUN)),
            },
            "most_quoted": [
                {
                    "name": quoted.name,
                    "key": quoted.key,
                    "kind": quoted.kind,
                    "quotes": quoted.quotes,
                    "articles": quoted.articles,
                    "titles": [{"value": c.value, "articles": c.articles} for c in quoted.titles],
                    "affiliations": [{"value": c.value, "articles": c.articles} for c in quoted.affiliations],
                }
                for quoted in ledger.most_quoted(scope, top)
            ],
        }

    def _per_article(self) -> dict[str, Any]:
        analysed = self.analysed
        histogram = []
        for low, high in QUOTE_BINS:
            label = str(low) if low == high else f"{low}–{high}" if high is not None else f"{low} or more"
            count = sum(n for quotes, n in self.quotes_per_article.items() if quotes >= low and (high is None or quotes <= high))
            histogram.append({"quotes": label, "articles": count})
        return {
            "mean": round(self.quotes / analysed, 2) if analysed else None,
            "median": _median(self.quotes_per_article),
            "max": max(self.quotes_per_article, default=None),
            "histogram": histogram,
            "distribution": {str(quotes): count for quotes, count in sorted(self.quotes_per_article.items())},
        }


def share_bin(share: float) -> str:
    """The label of ``SHARE_BINS`` a share falls in: 0 -> "none", 0.3 -> "25–49%", 1 -> "all"."""
    if share <= 0:
        return SHARE_BINS[0][0]
    if share >= 1:
        return SHARE_BINS[-1][0]
    return next(label for label, upper in SHARE_BINS[1:-1] if share < upper)


def _entry(article: Article) -> dict[str, Any]:
    """An article as the list of those with the most quotes on unnamed sources shows it."""
    return {
        "id": article.id,
        **({"kept": dict(article.kept)} if article.kept else {}),
        "quotes": article.quotes,
        "unnamed_quotes": article.unnamed_quotes,
        "unnamed_quotes_without_reason": article.unnamed_quotes_without_reason,
        "share": round(article.unnamed_share, 4),
        "unnamed_sources": [{"description": s.description, "reason": s.reason} for s in article.unnamed[:SHOWN_SOURCES]],
    }


def _ordered(counts: Counter[str], order: tuple[str, ...]) -> dict[str, int]:
    """Every key of ``order`` (0 when absent), then any other the results held, most frequent first."""
    others = sorted((key for key in counts if key not in order), key=lambda key: (-counts[key], key))
    return {key: counts[key] for key in (*order, *others)}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _median(counts: Counter[int]) -> float | None:
    """The median of values given as value -> how many times (exact, from a distribution)."""
    total = sum(counts.values())
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]
    found: list[int] = []
    seen = 0
    for value, count in sorted(counts.items()):
        while len(found) < 2 and middle[len(found)] < seen + count:
            found.append(value)
        seen += count
    return (found[0] + found[1]) / 2
