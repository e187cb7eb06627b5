"""The HTTP boundary: marshmallow schemas that mirror ``openapi.yaml``.

Requests are ``load``-ed (validated) here, responses ``dump``-ed from the
engine's frozen results. ``tests/test_openapi.py`` holds both to the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates, validates_schema

from service.attribution.model import Attribution, QuoteType
from service.offsets import OffsetUnit

TEXT_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "required": "Missing: send the article as the `text` field.",
    "null": "`text` may not be null: send the article as a string.",
    "invalid": "`text` must be a string holding the article.",
}


SCHEMA_ERRORS = {
    "unknown": "Unknown field: the accepted fields are listed in GET /openapi.yaml.",
    "type": "The body must be a JSON object.",
}


def check_text(value: str) -> None:
    """A text must hold something to read, and be valid Unicode."""
    if not value.strip():
        raise ValidationError("`text` is empty or only spaces: send the article's text.")
    for index, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise ValidationError(
                f"`text` holds an unpaired surrogate (U+{ord(char):04X}) at index {index}, which is not valid Unicode."
            )


OFFSETS_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "unknown": "`offsets` must be `codepoints` (the default) or `utf16`.",
}


def offsets_field() -> fields.Enum[OffsetUnit]:
    return fields.Enum(OffsetUnit, by_value=True, load_default=None, error_messages=OFFSETS_ERRORS)


class QuoteRequestSchema(Schema):
    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    text = fields.String(required=True, error_messages=TEXT_ERRORS)
    offsets = offsets_field()

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        check_text(value)


class BatchDocumentSchema(Schema):
    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        error_messages={"required": "Missing: give each document an `id`.", "invalid": "`id` must be a string."},
    )
    text = fields.String(required=True, error_messages=TEXT_ERRORS)

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        check_text(value)


class BatchRequestSchema(Schema):
    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    offsets = offsets_field()
    documents = fields.List(
        fields.Nested(BatchDocumentSchema),
        required=True,
        validate=validate.Length(min=1, error="Send at least one document."),
        # No braces in messages: marshmallow formats them.
        error_messages={"required": "Missing: send `documents`, a list of objects with `id` and `text`."},
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


def field_errors(messages: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten marshmallow's nested messages into ``[{field, message}]`` with dotted paths."""
    if isinstance(messages, list | tuple):
        return [{"field": prefix or "_body", "message": str(m)} for m in messages]
    out: list[dict[str, str]] = []
    for key, value in messages.items():
        name = "_body" if key == "_schema" else str(key)
        path = name if not prefix else f"{prefix}.{name}" if name != "_body" else prefix
        out.extend(field_errors(value, path))
    return out


# --- responses -----------------------------------------------------------------


class SpanSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class SpeakerSchema(Schema):
    id = fields.String()
    name = fields.String()
    mention = fields.Nested(SpanSchema)
    title = fields.String(allow_none=True)
    affiliation = fields.String(allow_none=True)


class QuoteSchema(Schema):
    id = fields.String()
    text = fields.String(attribute="span.text")
    start = fields.Integer(attribute="span.start")
    end = fields.Integer(attribute="span.end")
    type = fields.Enum(QuoteType, by_value=True)
    parts = fields.List(fields.Nested(SpanSchema))
    cue = fields.Nested(SpanSchema, allow_none=True)
    speaker = fields.Nested(SpeakerSchema, allow_none=True)
    rule = fields.String()
    confidence = fields.Float()


class SpeakerEntrySchema(Schema):
    id = fields.String()
    name = fields.String()
    title = fields.String(allow_none=True)
    affiliation = fields.String(allow_none=True)
    mentions = fields.List(fields.Nested(SpanSchema))
    quotes = fields.List(fields.Integer())


class ModelSchema(Schema):
    name = fields.String()
    version = fields.String()


class QuoteResponseSchema(Schema):
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))
    offsets = fields.Enum(OffsetUnit, by_value=True)
    model = fields.Nested(ModelSchema)


class Described(Protocol):
    """A pipeline's name and version (``service.nlp.ModelInfo``, ``service.client.Model``)."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...


def answer(attribution: Attribution, model: Described, offsets: OffsetUnit = OffsetUnit.CODEPOINTS) -> dict[str, Any]:
    """An engine result as ``POST /v1/quotes`` answers it (``QuoteResponseSchema``), for callers outside the web layer.

    ``attribution``'s offsets must already be in ``offsets`` (``service.offsets.in_units``).
    """
    body: dict[str, Any] = QuoteResponseSchema().dump(
        {"quotes": attribution.quotes, "speakers": attribution.speakers, "offsets": offsets, "model": model}
    )
    return body


class ArticleErrorSchema(Schema):
    """Why an article of an archive was not analysed, as a problem of the API says it (``type``, ``title``, ``detail``)."""

    type = fields.String()
    title = fields.String()
    detail = fields.String()


class ArticleResultSchema(QuoteResponseSchema):
    """One article of an archive (``quotes batch``, the Spark job): its id, the API's answer, and ``error``.

    ``error`` is null when the article was analysed; otherwise it says why not,
    and ``quotes`` and ``speakers`` are null.
    """

    class Meta:
        fields = ("id", "quotes", "speakers", "offsets", "model", "error")

    id = fields.String()
    error = fields.Nested(ArticleErrorSchema, allow_none=True)


class BatchDocumentResultSchema(Schema):
    id = fields.String()
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))


class BatchResponseSchema(Schema):
    documents = fields.List(fields.Nested(BatchDocumentResultSchema))
    offsets = fields.Enum(OffsetUnit, by_value=True)
    model = fields.Nested(ModelSchema)


class VersionsSchema(Schema):
    service = fields.String()
    spacy = fields.String()
    python = fields.String()


class LimitsSchema(Schema):
    max_chars = fields.Integer()
    max_body_bytes = fields.Integer()
    batch_max_documents = fields.Integer()
    batch_max_chars = fields.Integer()
    request_timeout = fields.Float()


class ReadySchema(Schema):
    status = fields.String()
    model = fields.Nested(ModelSchema)
    versions = fields.Nested(VersionsSchema)
    limits = fields.Nested(LimitsSchema)
