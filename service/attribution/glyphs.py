"""Characters: which glyph is a quotation mark, which an apostrophe, and what part a mark plays where it stands.

``marks`` pairs the marks; this module only reads one character and its
neighbours: a mark after a space and before a word opens, one after a word and
before a space or punctuation closes (the neighbours win over the glyph,
because real text types "”" for an opening mark and straight marks for both),
and an apostrophe (couldn’t, o’clock, ’90s, ’em, rock ’n’ roll) is no mark.
"""

from __future__ import annotations

import re
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
SENTENCE_END = ".!?…"
"""Punctuation that ends a statement: what a quotation that is a sentence of
its own ends with, and what stands before a mark that reopens a quotation."""
STATEMENT_END = SENTENCE_END + ","
CLAUSE_PUNCTUATION = ",.;:!?…"
"""What may stand between a plural possessive and the mark that closes the
quotation it ends: ‘We paid the workers’,’ he said."""
"""A quotation that ends with one of these inside its marks reads as a
statement ("‘We are ready,’ she said"), however short."""

DOUBLED_SINGLES = ("''", "’’", "‘‘")
"""A double mark typed as two single ones: ''like this'' (wires, the New York Times
archive), and the curly ‘‘like this’’ a word processor makes of them."""
PARAGRAPH_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_DOUBLE_RE = re.compile("|".join(f"{re.escape(pair[0])}{{2,3}}" for pair in DOUBLED_SINGLES) + f"|[{re.escape(DOUBLE_MARKS)}]")
_SINGLE_RE = re.compile(f"[{re.escape(SINGLE_MARKS)}]")
_WORD = re.compile(r"[A-Za-z]+")
_DECADE = re.compile(r"\d0s\b")
"""’90s, ‘60s: a decade, whichever glyph the apostrophe was typed with."""


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


class Marks(Enum):
    """The two kinds of quotation mark."""

    DOUBLE = "double"
    """“...”, "...", „...“, «...», ''...''."""
    SINGLE = "single"
    """‘...’, '...', ‹...›."""


def _glyph_role(char: str) -> Role:
    if char in DOUBLE_OPENING or char in SINGLE_OPENING:
        return Role.OPEN
    if char in DOUBLE_CLOSING or char in SINGLE_CLOSING:
        return Role.CLOSE
    return Role.EITHER


def _width(text: str, i: int, marks: Marks = Marks.DOUBLE) -> int:
    return 2 if marks is Marks.DOUBLE and text[i : i + 2] in DOUBLED_SINGLES else 1


def _role(text: str, i: int, marks: Marks = Marks.DOUBLE) -> Role:
    """The role of the mark at ``i``: its neighbours first, then its glyph."""
    width = _width(text, i, marks)
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
    """Whether the mark at ``i`` is typed straight (", ' or '') rather than curly.

    A quotation left open and a next paragraph opening in the other style are
    two quotations (a stray mark, then a new quote), not one long quote.
    """
    return text[i] in DOUBLE_STRAIGHT + SINGLE_STRAIGHT


def _is_prime(text: str, i: int) -> bool:
    """A straight mark right after a digit is a prime: 5'10", a 12" record."""
    return text[i] in DOUBLE_STRAIGHT + SINGLE_STRAIGHT and i > 0 and text[i - 1].isdigit()


def is_apostrophe(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` is an apostrophe (or a prime), not a quotation mark.

    Inside a word: couldn’t, it’s, o’clock, y’all, O’Brien. Before a year or a
    decade: ’90s, class of ’08 (but ‘2020 was hard,’ opens a quote: a left
    mark before four digits). Before or after an elided word: ’em, ’til,
    rock ’n’ roll. After a digit: 5'10 (a prime). A plural possessive
    (workers’ rights) and a dropped g (goin’ home) look like closing marks
    and are told apart later, by what follows them (``_weak_close``).
    """
    char = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit():
        return char not in SINGLE_OPENING or bool(_DECADE.match(text, i + 1)) or _two_digit_year(text, i + 1)
    if before.isdigit() and char == SINGLE_STRAIGHT:
        return True
    word = _WORD.match(text, i + 1, i + 8)
    if word and word.group().lower() in ELISIONS and not before.isalnum():
        return True
    return _ends_elision(text, i)


def _two_digit_year(text: str, i: int) -> bool:
    """Two digits and no more: ‘08, ‘99 (a left mark typed for the apostrophe)."""
    return text[i : i + 2].isdigit() and not text[i + 2 : i + 3].isalnum()


def _ends_elision(text: str, i: int) -> bool:
    """The second mark of an elided word between two: the last ’ of rock ’n’ roll."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return 0 < j < i and text[j - 1] in SINGLE_MARKS and text[j:i].lower() in ELISIONS


def _weak_close(text: str, i: int) -> bool:
    """A closing single mark right after a letter and before a word: perhaps a plural possessive or an elision.

    "the workers’ union", "we’re goin’ home": it closes a quotation only when
    no plainer closing mark follows before the next opening one.
    """
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1 : i + 3]
    return before.isalpha() and len(after) == 2 and after[0] == " " and after[1].isalnum()


def _closes_right_before(text: str, i: int, following: int | None) -> bool:
    """A mark after a letter with only punctuation between it and the next mark: the workers’,’ (a possessive)."""
    if following is None or i == 0 or not text[i - 1].isalpha():
        return False
    between = text[i + 1 : following]
    return bool(between) and all(c in CLAUSE_PUNCTUATION for c in between)


# --- pairing --------------------------------------------------------------------


