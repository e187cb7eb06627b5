"""Typographic spaces and invisible characters: read as what they are, offsets kept in the text as sent.

Text pasted from Word or a CMS holds characters that look like a space, or
like nothing, and are neither to spaCy: "Cllr\u00a0Anna\u00a0Schmidt" with
no-break spaces is one token, "Schmidt" with a soft hyphen in it two. The
engine parses a normalised copy instead (``normalise``):

- every Unicode space other than the plain one (no-break, narrow no-break,
  figure, thin, hair, en, em, ideographic, ...) becomes " ";
- invisible format characters (soft hyphen, zero-width space, joiner and
  non-joiner, word joiner, byte order mark, direction marks and embeddings)
  are dropped;
- the hyphen and the non-breaking hyphen become "-";
- a line break inside a hard-wrapped paragraph (text copied from a PDF or an
  email, wrapped at a fixed width) becomes spaces (``wrapped_breaks``): the
  sentence runs on across it, as it did before it was wrapped.

Other line breaks (paragraphs), tabs and every visible character stay as they are. An
``OffsetMap`` takes each offset of the results back into the text as sent
(``Normalised.restore``), so ``text[span.start:span.end] == span.text`` still
holds there; names, titles and affiliations are strings of the normalised
copy, and come back with plain spaces.

``OffsetMap`` is the one way this project keeps offsets across a change of
text: the HTML renderer (``service.intake.markup``) builds one from the text it
renders back to the HTML source, with the same ``MappedText`` builder.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from service.attribution.glyphs import PARAGRAPH_BREAK
from service.attribution.lexicon import MAX_WRAP_WIDTH, MIN_WRAP_WIDTH, MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE
from service.attribution.results import Attribution, Quote, SourceFacts, Span, Speaker, SpeakerEntry

SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
"""Unicode's space separators (category Zs) other than U+0020: each reads as one space."""
INVISIBLE = (
    "\u00ad"  # soft hyphen: a place a word may break, not a character of it
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks and embeddings
    "\u180e\u200b\u2060\ufeff"  # zero-width spaces, the word joiner, the byte order mark
    "\u200c\u200d"  # zero-width non-joiner and joiner
    "\u2061\u2062\u2063\u2064"  # invisible operators
)
"""Format characters that stand for nothing in the words: each reads as nothing."""
HYPHENS = "\u2010\u2011"
"""The hyphen and the non-breaking hyphen, which spaCy does not split on: each reads as "-"."""

READS_AS = {**{c: " " for c in SPACES}, **{c: "" for c in INVISIBLE}, **{c: "-" for c in HYPHENS}}
_UNUSUAL = re.compile("[" + "".join(READS_AS) + "]+")
LIST_ITEM = re.compile(r"\s*[-–—•*·]\s")
"""A line that opens an item of a list: its line break before is the list's, not a wrap."""


def wrapped_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line break that only wraps a paragraph at a fixed width.

    Text wrapped by a mail client or copied from a PDF breaks its lines where
    the next word would pass the width: a line ends there only because the
    next line's first word did not fit on it. So where most lines of the text
    that run on into another line are full in that sense (its length, a
    space and the next line's first word pass the widest line of any
    paragraph), those breaks are wraps, in a text as wide as a page's or a
    mail's measure. Matches
    "... said on Monday that the⏎council would ..." in a text wrapped at 65
    columns. Near misses: a paragraph's short last line before the next
    paragraph ("... on Monday.⏎The council ..."), an article with one
    paragraph a line (their lengths vary far more than a wrap's), a list's
    next item ("⏎- Ana Ruiz: ..."), a list of short lines (names, a poem).
    """
    lines: list[tuple[int, int, int]] = []  # (start, end, end of the break after it)
    start = 0
    for found in PARAGRAPH_BREAK.finditer(text):
        lines.append((start, found.start(), found.end()))
        start = found.end()
    lines.append((start, len(text), len(text)))
    runs_on = [k for k in range(len(lines) - 1) if text[lines[k][0] : lines[k][1]].strip() and text[lines[k + 1][0] : lines[k + 1][1]].strip()]
    if len(runs_on) < MIN_WRAPPED_LINES - 1:
        return []
    in_paragraphs = {k for k in runs_on} | {k + 1 for k in runs_on}
    width = max(len(text[lines[k][0] : lines[k][1]].rstrip()) for k in in_paragraphs)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return []

    def full(k: int) -> bool:
        line = text[lines[k][0] : lines[k][1]].rstrip()
        following = text[lines[k + 1][0] : lines[k + 1][1]]
        first_word = following.lstrip().split(" ", 1)[0]
        return len(line) + 1 + len(first_word) > width and LIST_ITEM.match(following) is None

    wraps = [k for k in runs_on if full(k)]
    if len(wraps) < MIN_WRAPPED_SHARE * len(runs_on):
        return []
    return [(lines[k][1], lines[k][2]) for k in wraps]


class OffsetMap:
    """Where each stretch of a derived text came from in its source text.

    The derived text is a sequence of pieces: a piece copied from the source
    (each character maps to its own), or a piece that stands for a stretch of
    the source as a whole (an entity, a run of spaces, a tag that became a
    line break). Source characters no piece stands for were dropped. A span
    of the derived text maps to the source from the start of its first
    character to the end of its last, so a character dropped inside the span
    is inside its source span too.
    """

    __slots__ = ("_targets", "_sources", "_source_ends", "_copied", "length", "source_length")

    def __init__(self, pieces: list[tuple[int, int, int, bool]], length: int, source_length: int) -> None:
        """``pieces``: (target start, source start, source end, copied) in order, covering ``[0, length)``."""
        self._targets = [p[0] for p in pieces]
        self._sources = [p[1] for p in pieces]
        self._source_ends = [p[2] for p in pieces]
        self._copied = [p[3] for p in pieces]
        self.length = length
        """Length of the derived text."""
        self.source_length = source_length

    def start(self, offset: int) -> int:
        """Where the character at ``offset`` of the derived text starts in the source (its end past the last)."""
        if offset >= self.length:
            return self.source_length
        k = bisect_right(self._targets, offset) - 1
        return self._sources[k] + (offset - self._targets[k] if self._copied[k] else 0)

    def end(self, offset: int) -> int:
        """Where the character before ``offset`` of the derived text ends in the source (0 before the first)."""
        if offset <= 0:
            return self.start(0) if self.length else 0
        k = bisect_right(self._targets, offset - 1) - 1
        if self._copied[k]:
            return self._sources[k] + (offset - self._targets[k])
        return self._source_ends[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source stretch of the derived ``[start, end)``; an empty span stays empty, where it stands."""
        if end <= start:
            return self.start(start), self.start(start)
        return self.start(start), self.end(end)


class MappedText:
    """A text built piece by piece from a source, remembering where each piece came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[tuple[int, int, int, bool]] = []
        self._length = 0

    @property
    def length(self) -> int:
        """How long the text built so far is."""
        return self._length

    def last(self) -> str:
        """The last character built so far ("" if none)."""
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def keep(self, start: int, end: int) -> None:
        """Copy ``source[start:end]``."""
        if end <= start:
            return
        previous = self._pieces[-1] if self._pieces else None
        if previous is not None and previous[3] and previous[2] == start:
            self._pieces[-1] = (previous[0], previous[1], end, True)  # it continues the last copy
        else:
            self._pieces.append((self._length, start, end, True))
        self._parts.append(self.source[start:end])
        self._length += end - start

    def put(self, text: str, start: int, end: int) -> None:
        """Add ``text`` standing for ``source[start:end]`` as a whole (or for the place ``start`` when empty)."""
        if not text:
            return
        self._pieces.append((self._length, start, max(start, end), False))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        """The text and its map back to the source."""
        return "".join(self._parts), OffsetMap(list(self._pieces), self._length, len(self.source))


@dataclass(frozen=True)
class Normalised:
    """A text as sent, the copy the engine reads, and the way back (None when they are the same)."""

    sent: str
    text: str
    offsets: OffsetMap | None = None

    @classmethod
    def of(cls, sent: str) -> Normalised:
        """``sent`` with its spaces, invisible characters and wrapped lines read as what they are (the module's list)."""
        changes = [(i, i + 1, READS_AS[sent[i]]) for found in _UNUSUAL.finditer(sent) for i in range(found.start(), found.end())]
        changes += [(start, end, " " * (end - start)) for start, end in wrapped_breaks(sent)]
        if not changes:
            return cls(sent, sent)
        built = MappedText(sent)
        at = 0
        for start, end, reads_as in sorted(changes):
            built.keep(at, start)
            built.put(reads_as, start, end)
            at = end
        built.keep(at, len(sent))
        text, offsets = built.build()
        return cls(sent, text, offsets)

    def restore(self, result: Attribution) -> Attribution:
        """``result`` (offsets into ``text``) with every span in the text as sent."""
        offsets = self.offsets
        if offsets is None:
            return result

        def back(span: Span) -> Span:
            return Span.of(self.sent, *offsets.span(span.start, span.end))

        return map_spans(result, back)


def map_spans(result: Attribution, convert: Callable[[Span], Span]) -> Attribution:
    """``result`` with ``convert`` applied to every span in it: quotes, parts, cues, mentions and what each speaker was read from."""
    return replace(
        result,
        quotes=tuple(_quote(q, convert) for q in result.quotes),
        speakers=tuple(_entry(s, convert) for s in result.speakers),
    )


def _quote(quote: Quote, convert: Callable[[Span], Span]) -> Quote:
    speaker = quote.speaker
    return replace(
        quote,
        span=convert(quote.span),
        parts=tuple(convert(p) for p in quote.parts),
        cue=convert(quote.cue) if quote.cue is not None else None,
        speaker=_speaker(speaker, convert) if speaker is not None else None,
    )


def _speaker(speaker: Speaker, convert: Callable[[Span], Span]) -> Speaker:
    return replace(speaker, mention=convert(speaker.mention), **_facts(speaker, convert).facts())


def _maybe(span: Span | None, convert: Callable[[Span], Span]) -> Span | None:
    return convert(span) if span is not None else None


def _entry(entry: SpeakerEntry, convert: Callable[[Span], Span]) -> SpeakerEntry:
    return replace(entry, mentions=tuple(convert(m) for m in entry.mentions), **_facts(entry, convert).facts())


def _facts(facts: SourceFacts, convert: Callable[[Span], Span]) -> SourceFacts:
    """What the article says of a speaker (``SourceFacts``), its spans converted."""
    return replace(
        SourceFacts(**facts.facts()),
        title_mention=_maybe(facts.title_mention, convert),
        affiliation_mention=_maybe(facts.affiliation_mention, convert),
        anonymity=_maybe(facts.anonymity, convert),
        pronoun_mention=_maybe(facts.pronoun_mention, convert),
    )
