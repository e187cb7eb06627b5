"""Character spans the quote passes share: trimming, widening to marks, subtrees, coverage.

Pure functions of the article; none decides what is a quote.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.glyphs import ALL_MARKS
from service.attribution.lexicon import DIRECT_COVERAGE, FIRST_PERSON_SINGULAR
from service.attribution.results import QuoteType

CLAUSE_END = ".!?"
TRIM_CHARS = " \t\r\n,;:—–-" + ALL_MARKS
MARK_WIDTH = 2
"""The widest quotation mark, two apostrophes: a quotation whose words start at
``i`` opens at ``i - MARK_WIDTH`` at the earliest."""


def end_of(token: Token) -> int:
    """The character offset just after ``token``."""
    return token.idx + len(token.text)


def subtree_chars(tokens: list[Token]) -> tuple[int, int]:
    """The characters from the leftmost to the rightmost word under ``tokens``."""
    first = min(t.left_edge.i for t in tokens)
    last = max(t.right_edge.i for t in tokens)
    doc = tokens[0].doc
    return doc[first].idx, end_of(doc[last])


def trim(article: Article, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, commas, dashes, quotation marks and an opening complementizer from a content span.

    "that" goes only where the parser calls it a complementizer (a ``mark``):
    in "said that it rained" it does, in "“That that,” she added" it does not.
    """
    text = article.text
    while start < end and (text[start] in TRIM_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in TRIM_CHARS + "." or text[end - 1].isspace()):
        end -= 1
    if start < end:
        first = article.doc[article.token_at(start)]
        if first.idx == start and first.lower_ == "that" and first.dep_ == "mark":
            return trim(article, start + len(first.text), end)
    return start, end


def with_marks(article: Article, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that each quotation it cuts into keeps both its marks."""
    # Only the quotations opening near or inside the span can be cut by it.
    near = article.quotes_opening_in(start - MARK_WIDTH, end)
    for k in range(max(near.start - 1, 0), near.stop):
        quoted = article.quoted[k]
        if start <= quoted.start < end < quoted.outer_end:
            end = quoted.outer_end
        if quoted.open < start <= quoted.end and quoted.end <= end:
            start = quoted.open
    return start, end


def quoted_inside(article: Article, start: int, end: int, taken: set[int]) -> list[int]:
    """Indexes of the quotations, not yet taken, whose words lie inside ``[start, end]``."""
    return [
        k
        for k in article.quotes_opening_in(start - MARK_WIDTH, end + 1)
        if k not in taken and article.quoted[k].start >= start and article.quoted[k].end <= end + 1
    ]


def covered(article: Article, start: int, end: int, quoted: list[int]) -> float:
    """The share of the content's letters that stand inside quotation marks."""
    text = article.text
    total = sum(1 for c in text[start:end] if c.isalnum())
    inside = sum(1 for k in quoted for c in text[article.quoted[k].start : article.quoted[k].end] if c.isalnum())
    return inside / total if total else 0.0


def classify(article: Article, start: int, end: int, quoted: list[int]) -> tuple[QuoteType, int, int]:
    """Direct, mixed or indirect by how much of the content is quoted; the span to report."""
    if not quoted:
        return QuoteType.INDIRECT, start, end
    if covered(article, start, end, quoted) >= DIRECT_COVERAGE:
        first, last = article.quoted[quoted[0]], article.quoted[quoted[-1]]
        return QuoteType.DIRECT, first.start, last.end
    return QuoteType.MIXED, *with_marks(article, start, end)


def in_first_person(article: Article, quoted: list[int]) -> bool:
    """Whether the quoted words speak as one person: "I", "me", "my" ("Chelsea have destroyed me")."""
    return any(t.lower_ in FIRST_PERSON_SINGULAR for k in quoted for t in article.quoted_tokens(article.quoted[k]))


class Intervals:
    """Spans of text, asked in logarithmic time whether any holds a point or meets a span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans starting so far
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def holds(self, point: int) -> bool:
        k = bisect_right(self._starts, point) - 1
        return k >= 0 and self._reach[k] > point

    def meets(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start
