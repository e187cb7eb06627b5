"""Offsets for JavaScript: code points to UTF-16 code units.

The engine counts offsets in code points (Python string indices). Browsers
count string positions in UTF-16 code units, where a character beyond U+FFFF
(most emoji, some CJK) takes two: with ``offsets=utf16`` every offset in the
answer is converted, so that ``text.slice(start, end)`` in JavaScript is the
quote.
"""

from __future__ import annotations

from enum import Enum
from itertools import accumulate

from service.attribution import Attribution, Span
from service.attribution.normalise import map_spans

BMP_LIMIT = 0xFFFF


class OffsetUnit(str, Enum):
    CODEPOINTS = "codepoints"
    UTF16 = "utf16"


class Utf16Offsets:
    """Converts code-point offsets of one text into UTF-16 code-unit offsets."""

    def __init__(self, text: str) -> None:
        # Most texts have no astral character: then both counts agree.
        self._units: list[int] | None = None
        if any(ord(c) > BMP_LIMIT for c in text):
            self._units = [0, *accumulate(2 if ord(c) > BMP_LIMIT else 1 for c in text)]

    def at(self, offset: int) -> int:
        return offset if self._units is None else self._units[offset]

    def span(self, span: Span) -> Span:
        return Span(self.at(span.start), self.at(span.end), span.text)


def in_units(result: Attribution, text: str, unit: OffsetUnit) -> Attribution:
    """``result`` with every offset counted in ``unit``."""
    if unit is OffsetUnit.CODEPOINTS:
        return result
    convert = Utf16Offsets(text)
    if convert.at(len(text)) == len(text):
        return result
    return map_spans(result, convert.span)
