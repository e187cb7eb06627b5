"""Quotation marks: which characters open and close a quotation.

The first stage, and the only one that reads characters rather than tokens:
it needs no parse, so it is exact whatever the tokenizer does with a mark.

1. Split the text into paragraphs (any line break ends one).
2. Give each mark a role from its glyph and its neighbours: a mark after a
   space and before a word opens, a mark after a word and before a space or
   punctuation closes. The neighbours win over the glyph, because real text
   types "”" for an opening mark and straight marks for both.
   Two apostrophes (''like this'') are one double mark, as some wires and the
   New York Times archive write them.
3. Pair double marks paragraph by paragraph. A paragraph that ends inside a
   quotation and a next paragraph that opens with a mark make one quotation
   over both (the English convention for long quotes); a quotation never closed
   runs to the end of its paragraph (best effort, never an error).
4. Pair single marks outside double quotations (British style and quoted
   headlines), skipping apostrophes ("Workers’ Party", "don’t", "’90s").
   Single marks inside a double quotation are quotes within quotes and are
   left to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from service.attribution.lexicon import ELISIONS

DOUBLE_OPENING = "“„‟«"
DOUBLE_CLOSING = "”»"
DOUBLE_STRAIGHT = '"＂'
SINGLE_OPENING = "‘‛‚‹"
SINGLE_CLOSING = "’›"
SINGLE_STRAIGHT = "'"
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + DOUBLE_STRAIGHT
SINGLE_MARKS = SINGLE_OPENING + SINGLE_CLOSING + SINGLE_STRAIGHT
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

# What may stand right before an opening mark, and right after a closing one.
BEFORE_OPENING = "([{—–-/" + ALL_MARKS
AFTER_CLOSING = ",.;:!?…)]}—–-/" + ALL_MARKS
# Punctuation that ends quoted words: a single mark after one of these closes
# a quotation rather than ending a plural possessive ("Workers’ Party").
ENDING_PUNCTUATION = ",.;:!?…—–"

TWO_APOSTROPHES = "''"
PARAGRAPH_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_DOUBLE_RE = re.compile(f"'{{2,3}}|[{re.escape(DOUBLE_MARKS)}]")
_SINGLE_RE = re.compile(f"[{re.escape(SINGLE_MARKS)}]")


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words between quotation marks.

    ``start``/``end`` bound the words inside the marks, trimmed of spaces;
    ``pieces`` holds them paragraph by paragraph (one piece unless the
    quotation runs over several paragraphs).
    """

    open: int
    """Index of the opening mark."""
    close: int | None
    """Index of the closing mark; None when the quotation is never closed."""
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    double: bool
    outer_end: int
    """End of the quotation with its closing mark."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text``, in order."""
    bounds = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start:match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quotation in ``text`` marked with quotation marks, in order."""
    paras = paragraphs(text)
    doubles = _pair_doubles(text, paras)
    singles = _pair_singles(text, paras, doubles)
    return sorted(doubles + singles, key=lambda q: q.open)


def _glyph_role(char: str) -> Role:
    if char in DOUBLE_OPENING or char in SINGLE_OPENING:
        return Role.OPEN
    if char in DOUBLE_CLOSING or char in SINGLE_CLOSING:
        return Role.CLOSE
    return Role.EITHER


def _width(text: str, i: int) -> int:
    return 2 if text.startswith(TWO_APOSTROPHES, i) else 1


def _role(text: str, i: int) -> Role:
    """The role of the mark at ``i``: its neighbours first, then its glyph."""
    width = _width(text, i)
    before = text[i - 1] if i > 0 else None
    after = text[i + width] if i + width < len(text) else None
    opening = (before is None or before.isspace() or before in BEFORE_OPENING) and (
        after is not None and not after.isspace() and after not in AFTER_CLOSING
    )
    closing = (before is not None and not before.isspace()) and (
        after is None or after.isspace() or after in AFTER_CLOSING
    )
    if opening and not closing:
        return Role.OPEN
    if closing and not opening:
        return Role.CLOSE
    return _glyph_role(text[i])


def _straight(text: str, i: int) -> bool:
    """Whether the mark at ``i`` is typed straight (" or '') rather than curly.

    A quotation left open and a next paragraph opening in the other style are
    two quotations (a stray mark, then a new quote), not one long quote.
    """
    return text[i] in DOUBLE_STRAIGHT or text.startswith(TWO_APOSTROPHES, i)


def _is_prime(text: str, i: int) -> bool:
    """A straight mark right after a digit is a prime: 5'10", a 12" record."""
    return text[i] in DOUBLE_STRAIGHT + SINGLE_STRAIGHT and i > 0 and text[i - 1].isdigit()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text: str, open_at: int, close: int | None, pieces: list[tuple[int, int]], double: bool) -> QuotedSpan | None:
    kept = [p for p in (_trimmed(text, s, e) for s, e in pieces) if p[1] > p[0]]
    if not kept:
        return None
    outer_end = close + _width(text, close) if close is not None else kept[-1][1]
    return QuotedSpan(open_at, close, kept[0][0], kept[-1][1], tuple(kept), double, outer_end)


class _Pairing:
    """Collects quotations while double marks are paired across paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[QuotedSpan] = []

    def emit(self, open_at: int, close: int | None, pieces: list[tuple[int, int]], double: bool = True) -> None:
        span = _span(self.text, open_at, close, pieces, double)
        if span is not None:
            self.found.append(span)


def _double_positions(text: str) -> list[int]:
    """Where double marks stand.

    Of three apostrophes, the two on the outside of the quotation are the
    double mark: an opening run starts with it, a closing run ends with it.
    """
    positions = []
    for match in _DOUBLE_RE.finditer(text):
        i = match.start()
        if len(match.group()) == 3:
            before = text[i - 1] if i > 0 else " "
            i = i if before.isspace() or before in BEFORE_OPENING else i + 1
        positions.append(i)
    return positions


def _marks_by_paragraph(positions: list[int], paras: list[tuple[int, int]]) -> list[list[int]]:
    """Mark positions, bucketed by paragraph."""
    out: list[list[int]] = [[] for _ in paras]
    starts = [s for s, _ in paras]
    p = 0
    for i in positions:
        while p + 1 < len(starts) and starts[p + 1] <= i:
            p += 1
        if paras and paras[p][0] <= i < paras[p][1]:
            out[p].append(i)
    return out


def _pair_doubles(text: str, paras: list[tuple[int, int]]) -> list[QuotedSpan]:
    pairing = _Pairing(text)
    # A quotation left open at the end of a paragraph: (opening mark, pieces).
    pending: tuple[int, list[tuple[int, int]]] | None = None
    for (p_start, p_end), marks in zip(paras, _marks_by_paragraph(_double_positions(text), paras)):
        marks = [m for m in marks if not _is_prime(text, m)]
        open_at: int | None = None
        piece_start = p_start
        pieces: list[tuple[int, int]] = []
        if pending is not None:
            first = marks[0] if marks else None
            leads = first is not None and not text[p_start:first].strip()
            same_style = first is not None and _straight(text, first) == _straight(text, pending[0])
            if first is not None and leads and same_style and _role(text, first) is not Role.CLOSE:
                # The long-quote convention: the next paragraph reopens.
                open_at, pieces = pending
                piece_start = first + _width(text, first)
                marks = marks[1:]
            elif first is not None and same_style and _role(text, first) is Role.CLOSE:
                # Reopening mark forgotten, but the quotation closes here.
                open_at, pieces = pending
                piece_start = p_start
            else:
                pairing.emit(pending[0], None, pending[1])
            pending = None
        for m in marks:
            role = _role(text, m)
            if open_at is None:
                if role is not Role.CLOSE:  # a stray closing mark is dropped
                    open_at, piece_start, pieces = m, m + _width(text, m), []
            elif role is Role.OPEN:
                # A new quotation opens before the last one closed: end that
                # one here, unbalanced.
                pairing.emit(open_at, None, [*pieces, (piece_start, m)])
                open_at, piece_start, pieces = m, m + _width(text, m), []
            else:
                pairing.emit(open_at, m, [*pieces, (piece_start, m)])
                open_at = None
        if open_at is not None:
            pending = (open_at, [*pieces, (piece_start, p_end)])
    if pending is not None:
        pairing.emit(pending[0], None, pending[1])
    return pairing.found


def _is_apostrophe(text: str, i: int) -> bool:
    """Apostrophes and primes among single marks: don’t, ’90s, ’em, 5'10."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() or (before.isdigit() and text[i] == "'"):
        return True
    word = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
    return bool(word and word.group().lower() in ELISIONS and not before.isalnum())


def _weak_close(text: str, i: int) -> bool:
    """A closing single mark that may be a plural possessive: "Workers’ Party"."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1 : i + 3]
    return before in "sS" and len(after) == 2 and after[0] == " " and after[1].isalnum()


def _pair_singles(text: str, paras: list[tuple[int, int]], doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    # Single marks inside a double quotation, or part of a two-apostrophe mark, are not singles.
    covered = [False] * len(text)
    for start, end in [(q.open, q.outer_end) for q in doubles] + [
        (i, i + 2) for i in _double_positions(text) if _width(text, i) == 2
    ]:
        covered[start:end] = [True] * (end - start)
    pairing = _Pairing(text)
    singles = [m.start() for m in _SINGLE_RE.finditer(text) if not covered[m.start()]]
    for (_, p_end), marks in zip(paras, _marks_by_paragraph(singles, paras)):
        candidates = [m for m in marks if not _is_apostrophe(text, m)]
        roles = [_role(text, m) for m in candidates]
        open_at: int | None = None
        for k, (m, role) in enumerate(zip(candidates, roles)):
            if open_at is None:
                if role is Role.OPEN:
                    open_at = m
            elif role is Role.OPEN:
                open_at = m
            elif role is Role.CLOSE:
                if _weak_close(text, m) and _strong_close_follows(text, candidates[k + 1 :], roles[k + 1 :]):
                    continue
                pairing.emit(open_at, m, [(open_at + 1, m)], double=False)
                open_at = None
        # A single mark left open is more likely an apostrophe than a quote.
    return pairing.found


def _strong_close_follows(text: str, marks: list[int], roles: list[Role]) -> bool:
    for m, role in zip(marks, roles):
        if role is Role.OPEN:
            return False
        if role is Role.CLOSE and not _weak_close(text, m):
            return True
    return False
