"""The HTTP boundary: marshmallow schemas that mirror ``openapi.yaml``.

Requests are ``load``-ed (validated) here, responses ``dump``-ed from the
engine's frozen results. ``tests/test_openapi.py`` holds both to the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates, validates_schema

from service.attribution import Attribution, QuoteType, Rule, SpeakerKind
from service.offsets import OffsetUnit

TEXT_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "null": "`text` may not be null: send the article as a string.",
    "invalid": "`text` must be a string holding the article.",
}
HTML_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "null": "`html` may not be null: send the article's HTML as a string.",
    "invalid": "`html` must be a string holding the article's HTML.",
}
ARTICLE_MISSING = "Missing: send the article as the `text` field (or as HTML, in the `html` field)."
ARTICLE_TWICE = "Both `text` and `html` are given: send the article once, as one or the other."


SCHEMA_ERRORS = {
    "unknown": "Unknown field: the accepted fields are listed in GET /openapi.yaml.",
    "type": "The body must be a JSON object.",
}


def check_text(value: str, field: str = "text") -> None:
    """A text (or its HTML) must hold something to read, and be valid Unicode."""
    if not value.strip():
        raise ValidationError(f"`{field}` is empty or only spaces: send the article's {'text' if field == 'text' else 'HTML'}.")
    for index, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise ValidationError(
                f"`{field}` holds an unpaired surrogate (U+{ord(char):04X}) at index {index}, which is not valid Unicode."
            )


OFFSETS_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "unknown": "`offsets` must be `codepoints` (the default) or `utf16`.",
}


def offsets_field() -> fields.Enum[OffsetUnit]:
    return fields.Enum(OffsetUnit, by_value=True, load_default=None, error_messages=OFFSETS_ERRORS)


ANY_LANGUAGE_ERRORS: dict[str, str | list[Any] | dict[Any, Any]] = {
    "invalid": "`any_language` must be true or false.",
}


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, nothing else (marshmallow would take ``1``, ``"yes"``...)."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


def any_language_field() -> StrictBoolean:
    """Analyse the text even when it is confidently not English (``service.language``)."""
    return StrictBoolean(load_default=None, error_messages=ANY_LANGUAGE_ERRORS)


class ArticleSchema(Schema):
    """An article, as text or as HTML: exactly one of the two."""

    error_messages = SCHEMA_ERRORS

    class Meta:
        unknown = RAISE

    text = fields.String(error_messages=TEXT_ERRORS)
    html = fields.String(error_messages=HTML_ERRORS)

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        check_text(value)

    @validates("html")
    def _html(self, value: str, **_: Any) -> None:
        check_text(value, "html")

    @validates_schema
    def _one_article(self, data: Mapping[str, Any], **_: Any) -> None:
        if "text" not in data and "html" not in data:
            raise ValidationError(ARTICLE_MISSING, "text")
        if "text" in data and "html" in data:
            raise ValidationError(ARTICLE_TWICE, "html")


class QuoteRequestSchema(ArticleSchema):
    offsets = offsets_field()
    any_language = any_language_field()


class BatchDocumentSchema(ArticleSchema):
    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        error_messages={"required": "Missing: give each document an `id`.", "invalid": "`id` must be a string."},
    )


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
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    mention = fields.Nested(SpanSchema)
    title = fields.String(allow_none=True)
    affiliation = fields.String(allow_none=True)
    title_mention = fields.Nested(SpanSchema, allow_none=True)
    affiliation_mention = fields.Nested(SpanSchema, allow_none=True)
    kind = fields.Enum(SpeakerKind, by_value=True, allow_none=True)


class QuoteSchema(Schema):
    id = fields.String()
    text = fields.String(attribute="span.text")
    start = fields.Integer(attribute="span.start")
    end = fields.Integer(attribute="span.end")
    type = fields.Enum(QuoteType, by_value=True)
    parts = fields.List(fields.Nested(SpanSchema))
    cue = fields.Nested(SpanSchema, allow_none=True)
    speaker = fields.Nested(SpeakerSchema, allow_none=True)
    rule = fields.Enum(Rule, by_value=True)
    confidence = fields.Float()


class SpeakerEntrySchema(Schema):
    id = fields.String()
    name = fields.String()
    title = fields.String(allow_none=True)
    affiliation = fields.String(allow_none=True)
    mentions = fields.List(fields.Nested(SpanSchema))
    quotes = fields.List(fields.Integer())
    title_mention = fields.Nested(SpanSchema, allow_none=True)
    affiliation_mention = fields.Nested(SpanSchema, allow_none=True)
    kind = fields.Enum(SpeakerKind, by_value=True, allow_none=True)


class ModelSchema(Schema):
    name = fields.String()
    version = fields.String()


class LanguageSchema(Schema):
    code = fields.String()
    name = fields.String()
    confidence = fields.Float()


class QuoteResponseSchema(Schema):
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))
    language = fields.Nested(LanguageSchema, allow_none=True)
    offsets = fields.Enum(OffsetUnit, by_value=True)
    model = fields.Nested(ModelSchema)
    text = fields.String()
    """Only for an article sent as HTML: the text it shows, which the offsets count in."""


class Described(Protocol):
    """A pipeline's name and version (``service.nlp.ModelInfo``, ``service.client.Model``)."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...


def answer(
    attribution: Attribution, model: Described, offsets: OffsetUnit = OffsetUnit.CODEPOINTS, language: Any = None
) -> dict[str, Any]:
    """An engine result as ``POST /v1/quotes`` answers it (``QuoteResponseSchema``), for callers outside the web layer.

    ``attribution``'s offsets must already be in ``offsets`` (``service.offsets.in_units``); ``language``
    is what ``service.language.identify`` found (a ``DetectedLanguage``, or None).
    """
    body: dict[str, Any] = QuoteResponseSchema().dump(
        {"quotes": attribution.quotes, "speakers": attribution.speakers, "language": language, "offsets": offsets, "model": model}
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
        fields = ("id", "quotes", "speakers", "language", "offsets", "model", "error")

    id = fields.String()
    error = fields.Nested(ArticleErrorSchema, allow_none=True)


class BatchDocumentResultSchema(Schema):
    id = fields.String()
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))
    language = fields.Nested(LanguageSchema, allow_none=True)
    text = fields.String()


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


def with_sources(shown: Any, source: Any) -> Any:
    """A dumped answer whose every span (each quote, part, cue and mention) gains ``source``.

    ``shown`` counts offsets in the text an HTML article shows, ``source`` is
    the same answer dumped with its offsets in the HTML (``markup.in_source``):
    each span of ``shown`` gets ``{"start", "end"}`` from its twin.
    """
    if isinstance(shown, dict):
        if "start" in shown and "end" in shown:
            shown["source"] = {"start": source["start"], "end": source["end"]}
        for key, theirs in source.items():
            if key in shown and isinstance(theirs, dict | list):
                with_sources(shown[key], theirs)
    elif isinstance(shown, list):
        for mine, theirs in zip(shown, source):
            with_sources(mine, theirs)
    return shown
