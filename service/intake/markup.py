"""HTML as editors write it, turned into the text a browser shows, with the way back to the source.

``render(html)`` gives the text of an article body the way a browser's
``innerText`` would for the elements' default styles, and an ``OffsetMap``
(``service.attribution.normalise``) from every offset of that text to the
HTML source, so that a span found in the text can be highlighted in the DOM
(by text offset) or in the source (by source offset):

- block elements (``p``, headings, lists and their items, ``blockquote``,
  ``div``, table rows, ...) end a line; a ``p`` leaves a blank line after it;
- ``br`` is a line break; table cells are kept apart by a space;
- runs of spaces, tabs and line breaks collapse to one space, and none is
  kept at the start or end of a line (except inside ``pre``);
- character references are decoded as HTML5 says, the legacy ones without a
  semicolon included (``html.unescape``); ``&nbsp;`` stays a no-break space,
  which the engine reads as a space;
- ``q`` is shown with its quotation marks (“...”, ‘...’ inside another), as
  browsers draw it: those marks are what the quote finder reads;
- comments, declarations, and the contents of ``head``, ``script``,
  ``style``, ``template``, ``noscript``, ``iframe``, ``svg`` and the like,
  and of any element with the ``hidden`` attribute, are left out.

Why the standard library's ``html.parser``: it is the one maintained HTML
parser that tells where in the source each piece of text stands (lxml and
html5lib build trees and keep no character offsets for text), it tolerates
the malformed HTML editors produce, and it adds no dependency. Two of its
weaknesses are mended here. It reads an unfinished construct (``<!--`` or
``<a href="`` with no end) at the end of the input once per construct, which
is quadratic on hostile input; since the whole document is fed at once, an
unfinished construct runs to the end of the input and is dropped, as HTML5
does, in one step. And it raises on an unknown ``<![...`` section, which
HTML5 reads as a bogus comment, as here. Where a character reference stands
inside a run of text is found with the pattern ``html.unescape`` itself uses.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from service.attribution import Attribution, Span
from service.attribution.normalise import MappedText, OffsetMap, map_spans

PARAGRAPH_ELEMENTS = frozenset({"p"})
"""Elements with a blank line after them (innerText's "required line break count" of 2)."""
BLOCK_ELEMENTS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu
    nav ol p plaintext pre search section summary table tbody tfoot thead tr ul xmp
    """.split()
)
"""Elements a browser shows as blocks (the HTML standard's rendering section): each ends a line."""
CELL_ELEMENTS = frozenset({"td", "th"})
LINE_BREAK = "br"
PREFORMATTED = frozenset({"pre", "listing", "plaintext", "xmp", "textarea"})
QUOTE_ELEMENT = "q"
QUOTE_MARKS = (("“", "”"), ("‘", "’"))
"""What a browser draws around a ``q``: double marks outside, single inside."""
UNRENDERED = frozenset(
    """
    head title script style template noscript iframe object embed svg math canvas audio video
    textarea select datalist noembed noframes
    """.split()
)
"""Elements whose contents are not shown as text."""
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that have no end tag, hence no contents."""
COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
"""HTML's ASCII whitespace: what collapses to one space. A no-break space does not."""
START, HIDDEN_START, END, TEXT, RAW_TEXT, CONSTRUCT = "start", "hidden start", "end", "text", "raw text", "construct"
"""The parser's events: tags, text, the contents of ``script`` and ``style``, and the start of any markup."""
CHARACTER_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
"""Where a character reference stands: the pattern ``html.unescape`` finds them with."""
HTML_ELEMENTS = BLOCK_ELEMENTS | CELL_ELEMENTS | UNRENDERED | VOID_ELEMENTS | frozenset(
    """
    a abbr b bdi bdo big body button cite code data del dfn em font i ins kbd label mark meter nobr
    output picture progress q rp rt ruby s samp slot small span strike strong sub sup time tt u var
    """.split()
)
"""The elements of HTML (the standard's index, with the obsolete ones editors still write): a tag
named by one is markup; one named otherwise (``<tweet>`` in a corpus) is part of the text."""
HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
"""A start or end tag, its name captured: ``<p>``, ``</em>``, ``<a href="...">``, ``<br/>``."""
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference written out whole (``&rdquo;``, ``&#8220;``); ``AT&T`` is none."""


@dataclass(frozen=True)
class Rendered:
    """An HTML source, the text it shows, and the way from the text back to the source."""

    source: str
    text: str
    offsets: OffsetMap

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the text's ``[start, end)`` stands in the HTML source."""
        return self.offsets.span(start, end)


@dataclass(frozen=True)
class MarkupFound:
    """HTML found in a text: the first piece (a tag or a character reference), where it starts, and how many in all."""

    first: str
    start: int
    count: int


def markup_in(text: str) -> MarkupFound | None:
    """The HTML markup in ``text``, if any: tags of HTML elements and character references.

    ``<p>“We are ready,” she said.</p>`` holds two; ``<tweet>We are ready</tweet>``,
    a corpus's own tags, holds none, nor does ``AT&T`` or ``3 < 4 > 2``.
    """
    found = [m for m in HTML_TAG.finditer(text) if m.group(1).lower() in HTML_ELEMENTS]
    found += [m for m in ENTITY.finditer(text) if html.unescape(m.group()) != m.group()]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return MarkupFound(first.group(), first.start(), len(found))


def in_source(result: Attribution, rendered: Rendered) -> Attribution:
    """``result``, found in ``rendered.text``, with every span in the HTML source instead."""

    def back(span: Span) -> Span:
        return Span.of(rendered.source, *rendered.source_span(span.start, span.end))

    return map_spans(result, back)


def render(source: str) -> Rendered:
    """The text ``source`` shows in a browser, and its offset map to ``source`` (see the module docstring)."""
    parser = _Events()
    parser.feed(source)
    parser.close()
    text = _Renderer(source)
    for (start, kind, tag), end in zip(parser.events, parser.ends(len(source))):
        text.event(kind, tag, start, end)
    return text.build()


# --- the parse: events with their source positions -------------------------------------------


class _Events(HTMLParser):
    """``HTMLParser`` that records each event with where it starts in the source.

    An event ends where the next one starts: every construct records a mark
    where it begins, so that a construct the parser reports nothing for (an
    empty ``</>``, a dropped unfinished tag) still ends the text before it.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, str, str]] = []
        """(where it starts, kind, tag name or "") of each event, in order."""
        self._line_starts: list[int] = [0]

    def feed(self, data: str) -> None:
        self._line_starts.extend(m.end() for m in re.finditer("\n", data))
        super().feed(data)

    def ends(self, length: int) -> list[int]:
        """Where each event ends: where the next one starts further on, or ``length``."""
        out = [length] * len(self.events)
        following = length
        for k in range(len(self.events) - 1, -1, -1):
            start = self.events[k][0]
            out[k] = following
            if start < following:
                following = start
        return out

    def _at(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _record(self, kind: str, tag: str = "") -> None:
        self.events.append((self._at(), kind, tag))

    # Handlers: what the renderer needs.

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(HIDDEN_START if any(name == "hidden" for name, _ in attrs) else START, tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<br/>" is a start tag, and so is "<p/>", as HTML5 reads it.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._record(END, tag)

    def handle_data(self, data: str) -> None:
        # The text is read from the source between this event and the next,
        # so that each character reference keeps its place.
        self._record(RAW_TEXT if self.cdata_elem else TEXT)

    # Constructs: each marks where it starts, and one left unfinished runs to the end.

    def parse_starttag(self, i: int) -> int:
        self._record(CONSTRUCT)
        return self._finished(super().parse_starttag(i), i)

    def parse_endtag(self, i: int) -> int:
        self._record(CONSTRUCT)
        return self._finished(super().parse_endtag(i), i)

    def parse_comment(self, i: int, report: bool = True) -> int:
        self._record(CONSTRUCT)
        return self._to_end_if_unfinished(super().parse_comment(i, report))

    def parse_html_declaration(self, i: int) -> int:
        self._record(CONSTRUCT)
        return self._to_end_if_unfinished(super().parse_html_declaration(i))

    def parse_pi(self, i: int) -> int:
        self._record(CONSTRUCT)
        return self._to_end_if_unfinished(super().parse_pi(i))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        position = self.lineno, self.offset
        try:
            return self._to_end_if_unfinished(super().parse_marked_section(i, report))
        except AssertionError:  # "<![foo[": not CDATA, so a bogus comment up to the next ">"
            # The standard library moves its position past "<![" before it raises,
            # and moves it again over what this returns: without this, every later
            # offset into the source would be three characters too far.
            self.lineno, self.offset = position
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1

    def _to_end_if_unfinished(self, end: int) -> int:
        """A construct with no end before the end of the input runs to it (the whole input is fed at once)."""
        return len(self.rawdata) if end < 0 else end

    def _finished(self, end: int, i: int) -> int:
        """A tag the parser cannot finish: dropped up to the next ">" (or the end of the input)."""
        if end >= 0:
            return end
        close = self.rawdata.find(">", i + 1)
        return len(self.rawdata) if close < 0 else close + 1


# --- the rendering -------------------------------------------------------------------------


class _OpenElements:
    """The open elements whose contents are not shown, innermost last, as a stack that finds a name at once.

    An end tag closes the innermost element of its name and all opened inside
    it; a list searched from its end for that name would take quadratic time on
    ``<template>`` followed by 16,000 ``<a>`` and 12,000 ``</b>`` (each end tag
    looked through every open ``<a>``). Here each name keeps where it stands.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.places: dict[str, list[int]] = {}

    def __bool__(self) -> bool:
        return bool(self.names)

    def push(self, name: str) -> None:
        self.places.setdefault(name, []).append(len(self.names))
        self.names.append(name)

    def close(self, name: str) -> None:
        """Close the innermost ``name`` and every element opened inside it; nothing when none is open."""
        places = self.places.get(name)
        if not places:
            return
        cut = places[-1]
        for inner in self.names[cut:]:
            self.places[inner].pop()
        del self.names[cut:]


class _Renderer:
    """Builds the shown text from the parser's events (the module docstring's rules)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.built = MappedText(source)
        self.hiding = _OpenElements()
        """Open elements whose contents are not shown."""
        self.preformatted = 0
        self.quotes = 0
        self.space: tuple[int, int] | None = None
        """The collapsible whitespace since the last word, not yet shown."""
        self.breaks = 0
        self.breaks_from: tuple[int, int] = (0, 0)
        """How many line breaks the next word needs, and the tags that asked for them."""

    def event(self, kind: str, tag: str, start: int, end: int) -> None:
        if kind in (START, HIDDEN_START):
            self._start(tag, kind == HIDDEN_START, start, end)
        elif kind == END:
            self._end(tag, start, end)
        elif kind == TEXT and not self.hiding:
            self._text(start, end)

    def build(self) -> Rendered:
        text, offsets = self.built.build()
        return Rendered(self.source, text, offsets)

    # Tags.

    def _start(self, tag: str, hidden: bool, start: int, end: int) -> None:
        if self.hiding or tag in UNRENDERED or (hidden and tag not in VOID_ELEMENTS):
            if tag not in VOID_ELEMENTS:
                self.hiding.push(tag)
            return
        if tag == LINE_BREAK:
            self._flush_breaks()
            self.space = None
            self.built.put("\n", start, end)
        elif tag in BLOCK_ELEMENTS:
            self._line_break(2 if tag in PARAGRAPH_ELEMENTS else 1, start, end)
        elif tag in CELL_ELEMENTS:
            self.space = self.space or (start, end)
        elif tag == QUOTE_ELEMENT:
            self._word(QUOTE_MARKS[self.quotes % 2][0], start, end)
            self.quotes += 1
        if tag in PREFORMATTED:
            self.preformatted += 1

    def _end(self, tag: str, start: int, end: int) -> None:
        if self.hiding:
            self.hiding.close(tag)
            return
        if tag in BLOCK_ELEMENTS:
            self._line_break(2 if tag in PARAGRAPH_ELEMENTS else 1, start, end)
        elif tag == QUOTE_ELEMENT and self.quotes:
            self.quotes -= 1
            self._word(QUOTE_MARKS[self.quotes % 2][1], start, end)
        if tag in PREFORMATTED and self.preformatted:
            self.preformatted -= 1

    def _line_break(self, count: int, start: int, end: int) -> None:
        """A block starts or ends here: the next word goes on a new line (``count`` of them)."""
        self.space = None
        if not self.breaks:
            self.breaks_from = (start, end)
        self.breaks = max(self.breaks, count)
        self.breaks_from = (self.breaks_from[0], end)

    def _flush_breaks(self) -> None:
        if self.breaks and self.built.length:
            self.built.put("\n" * self.breaks, *self.breaks_from)
        self.breaks = 0

    # Text.

    def _text(self, start: int, end: int) -> None:
        """The source's text in ``[start, end)``, its character references decoded."""
        at = start
        for ref in CHARACTER_REFERENCE.finditer(self.source, start, end):
            self._run(at, ref.start())
            decoded = html.unescape(ref.group())
            if decoded == ref.group():
                self._run(ref.start(), ref.end())  # no reference after all: "AT&T"
            elif COLLAPSIBLE.fullmatch(decoded) and not self.preformatted:
                self._whitespace(ref.start(), ref.end())
            else:
                self._word(decoded, ref.start(), ref.end())
            at = ref.end()
        self._run(at, end)

    def _run(self, start: int, end: int) -> None:
        """Source text with no character reference in it."""
        if start >= end:
            return
        if self.preformatted:
            self._word(None, start, end)
            return
        at = start
        for gap in COLLAPSIBLE.finditer(self.source, start, end):
            if gap.start() > at:
                self._word(None, at, gap.start())
            self._whitespace(gap.start(), gap.end())
            at = gap.end()
        if at < end:
            self._word(None, at, end)

    def _whitespace(self, start: int, end: int) -> None:
        if self.space is None:
            self.space = (start, end)

    def _word(self, text: str | None, start: int, end: int) -> None:
        """Show ``text`` standing for ``source[start:end]`` (the source itself when None), after what it needs before it."""
        if self.breaks:
            self._flush_breaks()
        elif self.space is not None and self.built.last() not in ("", "\n"):
            self.built.put(" ", *self.space)
        self.space = None
        if text is None:
            self.built.keep(start, end)
        else:
            self.built.put(text, start, end)
