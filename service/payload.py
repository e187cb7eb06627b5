"""Request bodies: from bytes to a Python value, by content type.

JSON (``application/json``) is parsed strictly as UTF-8; a plain-text body
(``text/plain``) is the article itself, and an HTML body (``text/html``) the
article as HTML, both UTF-8 whether or not a charset says so. Everything else
is a 415, bad bytes or bad JSON a 400, each with a detail that says what to
send.
The body size limit (413) is enforced by werkzeug before the body is read.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Request

from service.errors import InvalidBody, UnsupportedMediaType

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html",)
UTF8_NAMES = frozenset({"utf-8", "utf8"})
BYTE_ORDER_MARK = "\ufeff"


def read_body(request: Request, *, allow_text: bool) -> Any:
    """The request's JSON value, ``{"text": body}`` for a plain-text article, ``{"html": body}`` for HTML."""
    mimetype = request.mimetype
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if mimetype in JSON_TYPES or (mimetype.startswith("application/") and mimetype.endswith("+json")):
        _require_utf8(charset)
        return parse_json(_decoded(request))
    if allow_text and mimetype in TEXT_TYPES:
        _require_utf8(charset)
        return {"text": _decoded(request)}
    if allow_text and mimetype in HTML_TYPES:
        _require_utf8(charset)
        return {"html": _decoded(request)}
    accepted = "application/json" + (", text/plain; charset=utf-8 or text/html; charset=utf-8" if allow_text else "")
    sent = f"Content-Type {request.content_type!r}" if request.content_type else "no Content-Type"
    raise UnsupportedMediaType(f"Got {sent}; send {accepted} (with curl: -H 'Content-Type: application/json').")


def _require_utf8(charset: str) -> None:
    if charset not in UTF8_NAMES:
        raise UnsupportedMediaType(f"charset={charset} is not supported; encode the body as UTF-8.")


def _decoded(request: Request) -> str:
    raw = request.get_data(cache=False)
    if request.content_length is None and request.max_content_length is not None:
        # A body sent without its length (chunked) is cut at the limit, not
        # refused: one more byte tells whether it went on (werkzeug then
        # raises the 413 itself).
        if len(raw) >= request.max_content_length:
            request.stream.read(1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidBody(
            f"The body is not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded."
        ) from None
    # A byte order mark belongs to the encoding, not to the text.
    return text[1:] if text.startswith(BYTE_ORDER_MARK) else text


def parse_json(text: str) -> Any:
    """Parse JSON text; malformed or absurdly nested input is a 400."""
    if not text.strip():
        raise InvalidBody('The body is empty; send a JSON object such as {"text": "..."}.')
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidBody(f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    except RecursionError:
        raise InvalidBody("The body's JSON is nested too deeply.") from None
