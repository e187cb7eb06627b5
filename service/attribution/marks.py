"""Quotation marks: which characters open and close a quotation.

The first stage, and the only one that reads characters rather than tokens:
it needs no parse, so it is exact whatever the tokenizer does with a mark.

1. Split the text into paragraphs (any line break ends one).
2. Give each mark a role from its glyph and its neighbours: a mark after a
   space and before a word opens, a mark after a word and before a space or
   punctuation closes. The neighbours win over the glyph, because real text
   types "”" for an opening mark and straight marks for both.
   Two apostrophes (''like this'', or curly ‘‘like this’’) are one double
   mark, as some wires and the New York Times archive write them. Apostrophes are told from single marks
   first (``is_apostrophe``): couldn’t, o’clock, ’90s, ’em, rock ’n’ roll.
3. Pair the marks of each kind paragraph by paragraph. A paragraph that ends
   inside a quotation and a next paragraph that opens with a mark make one
   quotation over both (the English convention for long quotes); a quotation
   never closed runs to the end of its paragraph (best effort, never an
   error), or to the next opening mark when a new sentence opens with one:
   “First part. “Second part.” is a long quote whose paragraph breaks were
   lost, and each part is a quotation of its own (``reopened``).
4. Decide which marks the article quotes speech with (``speech_marks``):
   double marks, as American and most British newspapers do, or single marks,
   as British books and some British papers do, with double marks for quotes
   within quotes. The kind that opens more quotations that read as
   statements, outside the other kind's, wins; double marks on a tie.
5. Keep the quotations in the speech marks, and those in the other kind of
   mark that stand outside them (headlines, scare quotes, titles). A
   quotation inside one in the speech marks is a quote within a quote and is
   left to it: “He told me ‘go home’,” she said is one quotation, and so is
   ‘He told me “go home”,’ she said in an article that quotes with single
   marks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from service.attribution.glyphs import (
    _DOUBLE_RE,
    _SINGLE_RE,
    BEFORE_OPENING,
    PARAGRAPH_BREAK,
    SENTENCE_END,
    STATEMENT_END,
    _closes_right_before,
    _is_prime,
    _role,
    _straight,
    _weak_close,
    _width,
    is_apostrophe,
    Marks,
    Role,
)
from service.attribution.lexicon import MIN_SENTENTIAL_WORDS

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
    marks: Marks
    """The kind of mark it is written with."""
    outer_end: int
    """End of the quotation with its closing mark."""
    speech: bool = True
    """Written in the article's speech marks (``speech_marks``): double marks,
    or single marks in an article that quotes with them. Only such a quotation
    can be a speaker's words as a sentence of their own; single marks in an
    article that quotes with double marks hold headlines, scare quotes and
    titles."""
    reopened: bool = False
    """Never closed, but ended where the next quotation opens after a full
    stop: a long quote whose paragraph breaks were lost (“First part.
    “Second part.”). It ends like a closed one, not like a stray mark."""

    @property
    def double(self) -> bool:
        """What the later stages read as "a quotation of speech": ``speech``.

        They were written when only double marks quoted speech. New code reads
        ``speech`` (and ``marks`` for the glyph); this name goes once they do.
        """
        return self.speech


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
    """Every quotation in ``text`` marked with quotation marks, in order, none inside another."""
    paras = paragraphs(text)
    marks = _SingleMarks(text, paras)
    doubles, singles = _pair_each_kind(text, paras, marks)
    if _speech_marks(text, doubles, singles) is Marks.SINGLE:
        found = [replace(q, speech=True) for q in singles] + _outside(doubles, singles)
    else:
        found = doubles + _singles_outside_doubles(text, paras, doubles, marks)
    return sorted(found, key=lambda q: q.open)


def speech_marks(text: str) -> Marks:
    """The marks ``text`` quotes speech with (step 4): single only when they clearly do."""
    paras = paragraphs(text)
    return _speech_marks(text, *_pair_each_kind(text, paras, _SingleMarks(text, paras)))


def _pair_each_kind(
    text: str, paras: list[tuple[int, int]], singles: _SingleMarks
) -> tuple[list[QuotedSpan], list[QuotedSpan]]:
    """Double quotations, and single ones paired as if the double marks were not there."""
    doubles = _pair(text, paras, [i for i in _double_positions(text) if not _is_prime(text, i)], Marks.DOUBLE)
    return doubles, _pair(text, paras, singles.candidates(), Marks.SINGLE, singles.roles)


def _speech_marks(text: str, doubles: list[QuotedSpan], singles: list[QuotedSpan]) -> Marks:
    """Single marks when more statements are quoted with them than with double marks, each outside the other."""
    spoken_singles = sum(1 for q in _outside(singles, doubles) if _reads_as_statement(text, q))
    spoken_doubles = sum(1 for q in _outside(doubles, singles) if _reads_as_statement(text, q))
    return Marks.SINGLE if spoken_singles > spoken_doubles else Marks.DOUBLE


def _reads_as_statement(text: str, quoted: QuotedSpan) -> bool:
    """Ended, and a few words long or ending with its own punctuation: ‘We are ready,’ rather than ‘rigged’."""
    if quoted.close is None and not quoted.reopened:
        return False
    inside = text[quoted.start : quoted.end]
    return len(inside.split()) >= MIN_SENTENTIAL_WORDS or inside.rstrip()[-1:] in STATEMENT_END


def _outside(spans: list[QuotedSpan], cover: list[QuotedSpan]) -> list[QuotedSpan]:
    """The ``spans`` that share no character with any of ``cover`` (both in text order, each without overlaps)."""
    opens = [q.open for q in cover]
    kept = []
    for q in spans:
        k = bisect_left(opens, q.outer_end) - 1  # the last of ``cover`` to open before ``q`` ends
        if k < 0 or cover[k].outer_end <= q.open:
            kept.append(q)
    return kept


# --- the role of each mark ------------------------------------------------------


class _Pairing:
    """Collects quotations while marks of one kind are paired across paragraphs."""

    def __init__(self, text: str, marks: Marks) -> None:
        self.text = text
        self.marks = marks
        self.found: list[QuotedSpan] = []

    def emit(self, open_at: int, close: int | None, pieces: list[tuple[int, int]], reopened: bool = False) -> None:
        kept = [p for p in (_trimmed(self.text, s, e) for s, e in pieces) if p[1] > p[0]]
        if not kept:
            return
        outer_end = close + _width(self.text, close, self.marks) if close is not None else kept[-1][1]
        self.found.append(
            QuotedSpan(
                open_at,
                close,
                kept[0][0],
                kept[-1][1],
                tuple(kept),
                self.marks,
                outer_end,
                speech=self.marks is Marks.DOUBLE,
                reopened=reopened and close is None,
            )
        )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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


def _two_apostrophe_marks(text: str) -> list[tuple[int, int]]:
    """The characters of every double mark typed as two single marks."""
    return [(i, i + 2) for i in _double_positions(text) if _width(text, i) == 2]


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


class _SingleMarks:
    """The single marks of a text that are not apostrophes, each with its role: found once, asked twice."""

    def __init__(self, text: str, paras: list[tuple[int, int]]) -> None:
        self.text = text
        self.paras = paras
        doubled = _two_apostrophe_marks(text)
        starts = [s for s, _ in doubled]
        self.roles: dict[int, Role] = {}
        for match in _SINGLE_RE.finditer(text):
            i = match.start()
            k = bisect_right(starts, i) - 1
            if (k < 0 or i >= doubled[k][1]) and not is_apostrophe(text, i):
                self.roles[i] = _role(text, i, Marks.SINGLE)

    def candidates(self, covered: Sequence[tuple[int, int]] = ()) -> list[int]:
        """The marks that may open or close a quotation, in order, those inside ``covered`` left out.

        So is a weak closing mark (``_weak_close``) when a plainer one
        follows in its paragraph before the next opening mark: in ‘The
        workers’ union agreed,’ she said the quotation closes after the comma.
        """
        text = self.text
        starts = [s for s, _ in covered]
        positions = [i for i in self.roles if (k := bisect_right(starts, i) - 1) < 0 or i >= covered[k][1]]
        kept: list[int] = []
        for in_para in _marks_by_paragraph(positions, self.paras):
            plainer_close_follows = False
            keep: list[int] = []
            for m in reversed(in_para):
                role = self.roles[m]
                if role is Role.OPEN:
                    plainer_close_follows = False
                elif role is Role.CLOSE:
                    if _weak_close(text, m) or _closes_right_before(text, m, keep[-1] if keep else None):
                        if plainer_close_follows:
                            continue
                    else:
                        plainer_close_follows = True
                keep.append(m)
            kept.extend(reversed(keep))
        return kept


def _reopens(text: str, piece_start: int, mark: int) -> bool:
    """An opening mark that starts a new sentence inside an open quotation: a lost paragraph break."""
    return text[piece_start:mark].rstrip()[-1:] in SENTENCE_END


def _pair(
    text: str, paras: list[tuple[int, int]], positions: list[int], marks: Marks, roles: Mapping[int, Role] | None = None
) -> list[QuotedSpan]:
    """Pair marks of one kind into quotations (steps 2 and 3); ``roles`` holds their roles if known."""
    pairing = _Pairing(text, marks)

    def role(i: int) -> Role:
        return roles[i] if roles is not None else _role(text, i, marks)

    def width(i: int) -> int:
        return _width(text, i, marks)

    # A quotation left open at the end of a paragraph: (opening mark, pieces).
    pending: tuple[int, list[tuple[int, int]]] | None = None
    for (p_start, p_end), in_para in zip(paras, _marks_by_paragraph(positions, paras)):
        open_at: int | None = None
        piece_start = p_start
        pieces: list[tuple[int, int]] = []
        if pending is not None:
            first = in_para[0] if in_para else None
            leads = first is not None and not text[p_start:first].strip()
            same_style = first is not None and _straight(text, first) == _straight(text, pending[0])
            if first is not None and leads and same_style and role(first) is not Role.CLOSE:
                # The long-quote convention: the next paragraph reopens.
                open_at, pieces = pending
                piece_start = first + width(first)
                in_para = in_para[1:]
            elif first is not None and same_style and role(first) is Role.CLOSE:
                # Reopening mark forgotten, but the quotation closes here.
                open_at, pieces = pending
                piece_start = p_start
            else:
                pairing.emit(pending[0], None, pending[1])
            pending = None
        for m in in_para:
            if open_at is None:
                if role(m) is not Role.CLOSE:  # a stray closing mark is dropped
                    open_at, piece_start, pieces = m, m + width(m), []
            elif role(m) is Role.OPEN:
                # A new quotation opens before the last one closed: end that
                # one here, unbalanced (or reopened, after a full stop).
                pairing.emit(open_at, None, [*pieces, (piece_start, m)], reopened=_reopens(text, piece_start, m))
                open_at, piece_start, pieces = m, m + width(m), []
            else:
                pairing.emit(open_at, m, [*pieces, (piece_start, m)])
                open_at = None
        if open_at is not None:
            pending = (open_at, [*pieces, (piece_start, p_end)])
    if pending is not None:
        pairing.emit(pending[0], None, pending[1])
    return pairing.found


def _singles_outside_doubles(
    text: str, paras: list[tuple[int, int]], doubles: list[QuotedSpan], marks: _SingleMarks
) -> list[QuotedSpan]:
    """Single quotations in an article that quotes with double marks: headlines, scare quotes, titles.

    Within a paragraph only, and a single mark left open is dropped: it is
    more likely an apostrophe than a quote.
    """
    pairing = _Pairing(text, Marks.SINGLE)
    for candidates in _marks_by_paragraph(marks.candidates([(q.open, q.outer_end) for q in doubles]), paras):
        open_at: int | None = None
        for m in candidates:
            role = marks.roles[m]
            if role is Role.OPEN:
                open_at = m
            elif role is Role.CLOSE and open_at is not None:
                pairing.emit(open_at, m, [(open_at + 1, m)])
                open_at = None
    return pairing.found
