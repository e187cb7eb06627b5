"""Bytes to text, once for every entry: UTF-8 for text, HTML in the charset it declares.

A text (a request body, a ``.txt`` file, a Parquet column of bytes) is
UTF-8; a byte order mark before it belongs to the encoding, not to the text,
and is dropped. HTML is decoded as a browser decodes it (the HTML standard's
"encoding sniffing", without the guessing): a byte order mark first, then the
charset the transport declares (a ``Content-Type`` header), then one the
document declares in its first 1024 bytes (``<meta charset>`` or ``<meta
http-equiv="Content-Type" content="...; charset=...">``), else UTF-8. Bytes
that are not of the charset are a ``/problems/invalid-body`` naming the first
one, a charset Python does not know a ``/problems/unsupported-media-type``.
"""

from __future__ import annotations

import codecs
import re

from service.intake.problems import Problem, ProblemError

BYTE_ORDER_MARK = "\ufeff"
UTF8 = "utf-8"
BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, UTF8), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""The byte order marks HTML honours, before anything declared (the HTML standard, "BOM sniff")."""
PRESCAN_BYTES = 1024
"""How far into a document a ``<meta>`` declaring its charset is looked for (the HTML standard's prescan)."""
META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""",
    re.IGNORECASE,
)
"""``<meta charset="iso-8859-1">`` and ``<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">``
alike; a near miss: ``<p>charset=latin1</p>`` is no ``meta``."""
AS_WINDOWS_1252 = frozenset({"ascii", "latin-1", "iso8859-1"})
"""Python's names for the labels a browser reads as windows-1252 (the Encoding Standard): a page
declared ``iso-8859-1`` that holds 0x93 and 0x94 means “ and ”, as every browser shows it."""
UTF16_NAMES = frozenset({"utf-16", "utf-16-le", "utf-16-be"})
"""A ``<meta>`` that declares UTF-16 is read as UTF-8 (the Encoding Standard): it was read as ASCII to be seen."""
C1_UNDEFINED_IN_CP1252 = {0xDC00 + byte: byte for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
"""The five bytes windows-1252 leaves undefined, which a browser shows as the C1 controls of the same
number; ``surrogateescape`` hands them over as U+DC81..., put back here."""


def decode_text(raw: bytes, what: str) -> str:
    """``raw`` as UTF-8 text, without a byte order mark; ``what`` names it in the problem (``"The body"``)."""
    return decode(raw, UTF8, what)


def decode(raw: bytes, charset: str, what: str) -> str:
    """``raw`` in ``charset`` (a label Python knows), without a leading byte order mark."""
    codec = _codec(charset, what)
    try:
        if codec == "cp1252":
            text = raw.decode(codec, "surrogateescape").translate(C1_UNDEFINED_IN_CP1252)
        else:
            text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        named = "UTF-8" if codec == "utf-8" else charset
        raise ProblemError(
            Problem.INVALID_BODY,
            f"{what} is not valid {named}: byte 0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded.",
        ) from None
    return text.removeprefix(BYTE_ORDER_MARK)


def decode_html(raw: bytes, declared: str | None, what: str) -> str:
    """An HTML document's text: by its byte order mark, else ``declared`` (the transport's charset),
    else its ``<meta>``, else UTF-8 (the module docstring)."""
    for mark, codec in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return decode(raw[len(mark) :], codec, what)
    return decode(raw, declared or meta_charset(raw) or UTF8, what)


def meta_charset(raw: bytes) -> str | None:
    """The charset a document's first ``PRESCAN_BYTES`` declare in a ``<meta>``, or None.

    >>> meta_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    """
    found = META_CHARSET.search(raw, 0, PRESCAN_BYTES)
    if found is None:
        return None
    label = found.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label  # refused by ``decode``, naming it
    return UTF8 if name in UTF16_NAMES else label


def _codec(charset: str, what: str) -> str:
    """Python's codec for a charset label, as a browser reads the label."""
    try:
        name = codecs.lookup(charset.strip()).name
    except LookupError:
        raise ProblemError(
            Problem.UNSUPPORTED_MEDIA_TYPE,
            f"{what} declares charset={charset}, which is not a character encoding this service knows; "
            "declare another (UTF-8 is best).",
        ) from None
    return "cp1252" if name in AS_WINDOWS_1252 else name
