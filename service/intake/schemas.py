"""The answer's shape: marshmallow schemas that mirror ``openapi.yaml``'s responses.

Every entry dumps the engine's frozen results through these (by way of
``service.intake.door.answer``): the API's answers, ``quotes extract --json``,
and an archive's rows (``ArticleResultSchema``, which ``service.archives.tables``
turns into the Parquet schema). ``tests/web/test_openapi.py`` holds them to the spec.
"""

from __future__ import annotations

from marshmallow import Schema, fields

from service.attribution import Pronoun, QuoteType, Rule, SpeakerKind
from service.intake.offsets import OffsetUnit


class SourceSchema(Schema):
    """Where a span of an article read from HTML stands in the HTML (``door.with_sources`` fills it in)."""

    start = fields.Integer()
    end = fields.Integer()


class SpanSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    source = fields.Nested(SourceSchema)


class SpeakerSchema(Schema):
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    mention = fields.Nested(SpanSchema)
    title = fields.String(allow_none=True)
    affiliation = fields.String(allow_none=True)
    title_mention = fields.Nested(SpanSchema, allow_none=True)
    affiliation_mention = fields.Nested(SpanSchema, allow_none=True)
    kind = fields.Enum(SpeakerKind, by_value=True, allow_none=True)
    anonymous = fields.Boolean()
    anonymity = fields.Nested(SpanSchema, allow_none=True)
    pronoun = fields.Enum(Pronoun, by_value=True, allow_none=True)
    pronoun_mention = fields.Nested(SpanSchema, allow_none=True)


class QuoteSchema(Schema):
    id = fields.String()
    text = fields.String(attribute="span.text")
    start = fields.Integer(attribute="span.start")
    end = fields.Integer(attribute="span.end")
    source = fields.Nested(SourceSchema)
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
    anonymous = fields.Boolean()
    anonymity = fields.Nested(SpanSchema, allow_none=True)
    pronoun = fields.Enum(Pronoun, by_value=True, allow_none=True)
    pronoun_mention = fields.Nested(SpanSchema, allow_none=True)


class ModelSchema(Schema):
    name = fields.String()
    version = fields.String()


class LanguageSchema(Schema):
    code = fields.String()
    name = fields.String()
    confidence = fields.Float()


class NoticeSchema(Schema):
    """A warning about how the article was read (``door.Notice``): ``markup-in-text``."""

    code = fields.String()
    message = fields.String()


class QuoteResponseSchema(Schema):
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))
    language = fields.Nested(LanguageSchema, allow_none=True)
    offsets = fields.Enum(OffsetUnit, by_value=True)
    model = fields.Nested(ModelSchema)
    text = fields.String()
    """Only for an article sent as HTML: the text it shows, which the offsets count in."""
    warnings = fields.List(fields.Nested(NoticeSchema))
    """Only when there is something to say about how the article was read."""


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
        fields = ("id", "quotes", "speakers", "language", "offsets", "model", "text", "warnings", "error")

    id = fields.String()
    error = fields.Nested(ArticleErrorSchema, allow_none=True)


class BatchDocumentResultSchema(Schema):
    id = fields.String()
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))
    language = fields.Nested(LanguageSchema, allow_none=True)
    text = fields.String()
    warnings = fields.List(fields.Nested(NoticeSchema))


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
