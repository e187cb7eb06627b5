"""One parsed article, with the lookups every stage shares.

An ``Article`` lives only inside the request's memory zone: it holds the spaCy
``Doc``. Stages read it; nothing from it may leak into the results except
through ``Span`` (offsets and copied strings).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TypeVar

from spacy.tokens import Doc, Token

from service.attribution.furniture import is_furniture
from service.attribution.marks import QuotedSpan, find_quoted_spans, paragraphs
from service.attribution.results import Span

T = TypeVar("T")


def per_doc(key: str) -> Callable[[Callable[[Doc], T]], Callable[[Doc], T]]:
    """Memoise a pure function of a doc in its ``user_data[key]``: what a rule reads of the whole article, read once."""

    def decorate(function: Callable[[Doc], T]) -> Callable[[Doc], T]:
        @wraps(function)
        def memoised(doc: Doc) -> T:
            if key not in doc.user_data:
                doc.user_data[key] = function(doc)
            found: T = doc.user_data[key]
            return found

        return memoised

    return decorate


@per_doc("quotes.text")
def doc_text(doc: Doc) -> str:
    """The text of ``doc``, joined once per doc: spaCy's ``Doc.text`` joins every token anew on each call,
    and a rule that reads it per mention would grow with the article's length squared."""
    return doc.text


def per_token(key: str) -> Callable[[Callable[[Token], T]], Callable[[Token], T]]:
    """Memoise a pure function of a token in its doc's ``user_data[key]``: asked again for the same token, it answers at once.

    For the lookups several stages ask of one mention (``describe``, ``name_tokens``):
    without it, an article's cost grows with how often its names are mentioned.
    """

    def decorate(function: Callable[[Token], T]) -> Callable[[Token], T]:
        @wraps(function)
        def memoised(token: Token) -> T:
            cache: dict[int, T] = token.doc.user_data.setdefault(key, {})
            if token.i not in cache:
                cache[token.i] = function(token)
            return cache[token.i]

        return memoised

    return decorate


class Article:
    """A parsed text, its quotation marks, sentences and paragraphs."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.parsed: bool = doc.has_annotation("DEP")
        """Whether a dependency parse is there for the rules to follow."""
        self.quoted: list[QuotedSpan] = find_quoted_spans(self.text)
        self.paragraphs = paragraphs(self.text)
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self.furniture: frozenset[int] = frozenset(
            k for k, (start, end) in enumerate(self.paragraphs) if is_furniture(self.text[start:end])
        )
        """Indexes of the paragraphs that are page furniture (``furniture``): captions, teasers,
        media labels. They give no quotes, no speaker labels and no antecedents."""
        self.tokens: list[Token] = list(doc)
        """The doc's tokens, made once: spaCy makes a new ``Token`` each time a doc is walked."""
        self._token_starts = [token.idx for token in self.tokens]
        self.sentences = self._sentences()
        self._sentence_of = [0] * len(doc)
        for k, (start, end) in enumerate(self.sentences):
            for i in range(start, end):
                self._sentence_of[i] = k
        # Quotations never overlap, so their opening marks and their ends both
        # ascend: lookups by position are binary searches, never scans.
        self._opens = [q.open for q in self.quoted]
        self._outer_ends = [q.outer_end for q in self.quoted]
        # For each token, the quotation it stands inside (marks included).
        self._quoted_at: list[int | None] = [None] * len(doc)
        for k, quoted in enumerate(self.quoted):
            for i in self.token_range(quoted.open, quoted.outer_end):
                self._quoted_at[i] = k

    def _sentences(self) -> list[tuple[int, int]]:
        """Token ranges of sentences; paragraphs stand in when nothing segmented the text."""
        doc = self.doc
        if len(doc) == 0:
            return []
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            return [(sent.start, sent.end) for sent in doc.sents]
        ranges = [tuple(self.token_range(s, e)) for s, e in self.paragraphs]
        return [(r[0], r[-1] + 1) for r in ranges if r]

    # --- positions ----------------------------------------------------------

    def token_at(self, char: int) -> int:
        """Index of the token that holds (or last starts before) ``char``."""
        return max(bisect_right(self._token_starts, char) - 1, 0)

    def token_range(self, start: int, end: int) -> range:
        """Indexes of the tokens that overlap the characters ``[start, end)``."""
        if start >= end or not self._token_starts:
            return range(0)
        return range(self.token_at(start), bisect_right(self._token_starts, end - 1))

    def span(self, start: int, end: int) -> Span:
        """The ``Span`` of characters ``[start, end)``."""
        return Span.of(self.text, start, end)

    def tokens_span(self, tokens: Iterable[Token]) -> Span:
        """The characters from the first to the last of ``tokens``."""
        items = sorted(tokens, key=lambda t: t.i)
        return self.span(items[0].idx, items[-1].idx + len(items[-1].text))

    def sentence_of(self, token: Token) -> tuple[int, int]:
        """The token range of the sentence that holds ``token``."""
        return self.sentences[self._sentence_of[token.i]]

    def sentence_index(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph that holds (or last starts before) ``char``."""
        return max(bisect_right(self._paragraph_starts, char) - 1, 0)

    def prose_paragraphs_between(self, first: int, last: int) -> int:
        """How many paragraphs of the story's prose stand strictly between paragraphs ``first`` and ``last``
        (page furniture, a caption or "Article continues below", does not count)."""
        return sum(1 for k in range(first + 1, last) if k not in self.furniture)

    def in_furniture(self, char: int) -> bool:
        """Whether the character at ``char`` stands in a paragraph of page furniture."""
        return self.paragraph_of(char) in self.furniture

    def quoted_at(self, token: Token) -> int | None:
        """Index into ``quoted`` of the quotation ``token`` stands in, if any."""
        return self._quoted_at[token.i]

    def quotes_opening_in(self, start: int, end: int) -> range:
        """Indexes into ``quoted`` of the quotations that open in ``[start, end)``."""
        return range(bisect_left(self._opens, start), bisect_left(self._opens, end))

    def next_open(self, position: int) -> int | None:
        """Where the first quotation at or after ``position`` opens, if any."""
        k = bisect_left(self._opens, position)
        return self._opens[k] if k < len(self._opens) else None

    def last_before(self, position: int) -> QuotedSpan | None:
        """The last quotation that ends (closing mark included) at or before ``position``."""
        k = bisect_right(self._outer_ends, position) - 1
        return self.quoted[k] if k >= 0 else None

    def outside_quotes(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]`` that stand outside every quotation: a quote's frame."""
        return [t for i in self.token_range(start, end) if self._quoted_at[(t := self.doc[i]).i] is None]

    def quoted_tokens(self, quoted: QuotedSpan) -> list[Token]:
        """The tokens of the words inside a quotation (marks excluded)."""
        return [self.doc[i] for i in self.token_range(quoted.start, quoted.end)]
