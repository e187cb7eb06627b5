"""Request bodies: from bytes to a Python value by content type, then validated by a schema.

JSON (``application/json``) is parsed strictly as UTF-8; a plain-text body
(``text/plain``) is the article itself, UTF-8 whether or not a charset says
so; an HTML body (``text/html``) the article as HTML, in the charset the
header or the document declares (``service.intake.encoding``, UTF-8 when
none does). Everything else is a 415, bad bytes or bad JSON a 400, each with
a detail that says what to send. The body size limit (413) is enforced by
werkzeug before the body is read.

A batch's size is checked before anything else is (``check_batch_size``:
how many documents, how many characters in each and in all), so that a body
of a million items costs no more than reading it. The schemas
(``QuoteRequestSchema``, ``BatchRequestSchema``) then check every field at
once, so that a batch's bad documents are listed (the first
``MAX_ERRORS_LISTED``, and how many there are); whether an article is text at
all is the door's own check (``door.text_problem``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flask import Request
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates, validates_schema
from werkzeug.exceptions import RequestEntityTooLarge

from service.intake.door import UNPAIRED_SURROGATE, Form, check_length, not_a_string_message, null_message, text_problem
from service.intake.encoding import decode, decode_html
from service.intake.offsets import OffsetUnit
from service.intake.problems import Problem, ProblemError
from service.web.errors import MAX_ERRORS_LISTED

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html",)
UTF8_NAMES = frozenset({"utf-8", "utf8"})
THE_BODY = "The body"


def read_body(request: Request, *, allow_text: bool) -> Any:
    """The request's JSON value, ``{"text": body}`` for a plain-text article, ``{"html": body}`` for HTML."""
    mimetype = request.mimetype
    charset = request.mimetype_params.get("charset")
    if mimetype in JSON_TYPES or (mimetype.startswith("application/") and mimetype.endswith("+json")):
        return parse_json(decode(_raw(request), _utf8(charset), THE_BODY))
    if allow_text and mimetype in TEXT_TYPES:
        return {"text": decode(_raw(request), _utf8(charset), THE_BODY)}
    if allow_text and mimetype in HTML_TYPES:
        return {"html": decode_html(_raw(request), charset, THE_BODY)}
    accepted = "application/json" + (", text/plain; charset=utf-8 or text/html" if allow_text else "")
    sent = f"Content-Type {request.content_type!r}" if request.content_type else "no Content-Type"
    raise ProblemError(
        Problem.UNSUPPORTED_MEDIA_TYPE, f"Got {sent}; send {accepted} (with curl: -H 'Content-Type: application/json')."
    )


def _utf8(charset: str | None) -> str:
    """JSON and plain text are UTF-8: a charset that says otherwise is a 415."""
    if charset is not None and charset.lower() not in UTF8_NAMES:
        raise ProblemError(Problem.UNSUPPORTED_MEDIA_TYPE, f"charset={charset.lower()} is not supported; encode the body as UTF-8.")
    return "utf-8"


def _raw(request: Request) -> bytes:
    """The body's bytes: all of them (a body shorter than its ``Content-Length`` is a 400), within the limit (413)."""
    declared = request.content_length
    limit = request.max_content_length
    if declared is None and limit is not None:
        # A body sent without its length (chunked) is read up to the limit and
        # one byte more, straight from the server's stream: the limit itself is
        # allowed, one byte over it is not, exactly as with a Content-Length.
        stream = request.environ["wsgi.input"]
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise RequestEntityTooLarge()
        return bytes(raw)
    raw = request.get_data(cache=False)
    if declared is not None and len(raw) < declared:
        raise ProblemError(
            Problem.INVALID_BODY,
            f"The body ended after {len(raw)} of the {declared} bytes its Content-Length declares: it was cut short. Send it whole.",
        )
    return raw


def parse_json(text: str) -> Any:
    """Parse JSON text; malformed or absurdly nested input is a 400."""
    if not text.strip():
        raise ProblemError(Problem.INVALID_BODY, 'The body is empty; send a JSON object such as {"text": "..."}.')
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(
            Problem.INVALID_BODY, f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except RecursionError:
        raise ProblemError(Problem.INVALID_BODY, "The body's JSON is nested too deeply.") from None
    except ValueError:
        # Python reads at most 4,300 digits of an integer (sys.get_int_max_str_digits): no field takes one.
        raise ProblemError(Problem.INVALID_BODY, "The body holds a number too long to read (over 4,300 digits).") from None


def check_batch_size(body: Any, max_documents: int, max_chars: int, max_total_chars: int) -> int:
    """The characters of a batch's documents, once its size is checked: before any document is validated.

    A 413 when ``documents`` holds more than ``max_documents`` items, when a
    document's ``text`` or ``html`` is longer than ``max_chars``, or when they
    hold more than ``max_total_chars`` in all. What is not a batch at all is
    left to the schema.
    """
    documents = body.get("documents") if isinstance(body, dict) else None
    if not isinstance(documents, list):
        return 0
    if len(documents) > max_documents:
        raise ProblemError(
            Problem.PAYLOAD_TOO_LARGE,
            f"The batch has {len(documents)} documents; the limit is {max_documents} (QUOTES_BATCH_MAX_DOCUMENTS). Split it.",
        )
    total = 0
    for index, document in enumerate(documents):
        for form in Form:
            value = document.get(form.value) if isinstance(document, dict) else None
            if isinstance(value, str):
                check_length(value, f"documents.{index}.{form.value}", max_chars)
                total += len(value)
    if total > max_total_chars:
        raise ProblemError(
            Problem.PAYLOAD_TOO_LARGE,
            f"The batch holds {total} characters; the limit is {max_total_chars} (QUOTES_BATCH_MAX_CHARS). Split it.",
        )
    return total


def load(schema: Schema, body: Any) -> dict[str, Any]:
    """``body`` validated by ``schema``; every invalid field in one ``/problems/validation-failed``."""
    try:
        data: dict[str, Any] = schema.load(body)
    except ValidationError as exc:
        raise validation_failed(field_errors(exc.messages)) from None
    return data


def validation_failed(errors: list[dict[str, str]]) -> ProblemError:
    """The problem for invalid fields: the first in words, how many more there are, the first few listed."""
    first = errors[0]
    where = "" if first["field"] == "_body" else f"{first['field']}: "
    more = ""
    if len(errors) > MAX_ERRORS_LISTED:
        more = f" ({len(errors) - 1} more; `errors` lists the first {MAX_ERRORS_LISTED})"
    elif len(errors) > 1:
        more = f" ({len(errors) - 1} more in `errors`)"
    return ProblemError(Problem.VALIDATION_FAILED, f"{where}{first['message']}{more}", errors=errors)


def field_errors(messages: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten marshmallow's nested messages into ``[{field, message}]`` with dotted paths."""
    if isinstance(messages, list | tuple):
        return [{"field": prefix or "_body", "message": str(m)} for m in messages]
    out: list[dict[str, str]] = []
    for key, value in messages.items():
        name = "_body" if key == "_schema" else printable(str(key))
        path = name if not prefix else f"{prefix}.{name}" if name != "_body" else prefix
        out.extend(field_errors(value, path))
    return out


def printable(name: str) -> str:
    """A field's name as the client sent it, but a lone surrogate (no valid Unicode) written as its escape, ``\\udc80``."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


# --- the schemas -------------------------------------------------------------------------

ARTICLE_MISSING = "Missing: send the article as the `text` field (or as HTML, in the `html` field)."
ARTICLE_TWICE = "Both `text` and `html` are given: send the article once, as one or the other."
SCHEMA_ERRORS = {
    "unknown": "Unknown field: the accepted fields are listed in GET /openapi.yaml.",
    "type": "The body must be a JSON object.",
}
OFFSETS_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "unknown": "`offsets` must be `codepoints` (the default) or `utf16`.",
}
ANY_LANGUAGE_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "invalid": "`any_language` must be true or false.",
}


def article_field(form: Form) -> fields.String:
    """The ``text`` or ``html`` field, with the door's words for a value that is not a string."""
    name = form.value
    return fields.String(error_messages={"null": null_message(name, form), "invalid": not_a_string_message(name, form)})


def offsets_field() -> fields.Enum[OffsetUnit]:
    return fields.Enum(OffsetUnit, by_value=True, load_default=None, error_messages=OFFSETS_ERRORS)


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, nothing else (marshmallow would take ``1``, ``"yes"``...)."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


def any_language_field() -> StrictBoolean:
    """Analyse the text even when it is confidently not English (``service.intake.language``)."""
    return StrictBoolean(load_default=None, error_messages=ANY_LANGUAGE_ERRORS)


class ArticleSchema(Schema):
    """An article, as text or as HTML: exactly one of the two."""

    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    text = article_field(Form.TEXT)
    html = article_field(Form.HTML)

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        _is_text(value, Form.TEXT)

    @validates("html")
    def _html(self, value: str, **_: Any) -> None:
        _is_text(value, Form.HTML)

    @validates_schema
    def _one_article(self, data: Mapping[str, Any], **_: Any) -> None:
        if "text" not in data and "html" not in data:
            raise ValidationError(ARTICLE_MISSING, "text")
        if "text" in data and "html" in data:
            raise ValidationError(ARTICLE_TWICE, "html")


def _is_text(value: str, form: Form) -> None:
    problem = text_problem(value, form.value, form)
    if problem is not None:
        raise ValidationError(problem)


class QuoteRequestSchema(ArticleSchema):
    offsets = offsets_field()
    any_language = any_language_field()


class BatchDocumentSchema(ArticleSchema):
    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        error_messages={"required": "Missing: give each document an `id`.", "invalid": "`id` must be a string."},
    )

    @validates("id")
    def _id(self, value: str, **_: Any) -> None:
        # It is echoed in the answer, which is UTF-8: an unpaired surrogate cannot be.
        if UNPAIRED_SURROGATE.search(value):
            raise ValidationError("`id` holds an unpaired surrogate, which is not valid Unicode.")


class BatchRequestSchema(Schema):
    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    offsets = offsets_field()
    any_language = any_language_field()
    documents = fields.List(
        fields.Nested(BatchDocumentSchema),
        required=True,
        validate=validate.Length(min=1, error="Send at least one document."),
        # No braces in messages: marshmallow formats them.
        error_messages={"required": "Missing: send `documents`, a list of objects with `id` and `text` (or `html`)."},
    )

    @validates_schema
    def _unique_ids(self, data: Mapping[str, Any], **_: Any) -> None:
        seen: dict[str, int] = {}
        for index, document in enumerate(data.get("documents") or []):
            if document["id"] in seen:
                raise ValidationError(
                    f"id {document['id']!r} is used by documents {seen[document['id']]} and {index}; ids must be unique.",
                    f"documents.{index}.id",
                )
            seen[document["id"]] = index
