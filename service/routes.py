"""Thin views: read the body, validate it, call the engine, serialise."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, jsonify, request
from marshmallow import Schema, ValidationError

from service import language
from service.attribution import Attribution, Timing
from service.attribution.pipeline import DeadlineExceeded, QuoteExtractor
from service.config import Settings
from service.errors import NotReady, PayloadTooLarge, TookTooLong, UnsupportedLanguage, ValidationFailed
from service.language import DetectedLanguage
from service.markup import Rendered, in_source, render
from service.nlp import EngineLoader, State, versions
from service.offsets import OffsetUnit, in_units
from service.payload import read_body
from service.schemas import (
    ANY_LANGUAGE_ERRORS,
    OFFSETS_ERRORS,
    BatchDocumentResultSchema,
    BatchRequestSchema,
    BatchResponseSchema,
    LanguageSchema,
    QuoteRequestSchema,
    QuoteResponseSchema,
    ReadySchema,
    field_errors,
    with_sources,
)
from service.telemetry import METRICS_MEDIA_TYPE, Metrics, record_work

OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")
PAGE_PATH = Path(__file__).with_name("static") / "index.html"
RETRY_AFTER_SECONDS = "5"
BOOLEAN_WORDS = {"true": True, "false": False}
T = TypeVar("T")

bp = Blueprint("quotes", __name__)

quote_request = QuoteRequestSchema()
batch_request = BatchRequestSchema()
quote_response = QuoteResponseSchema()
batch_response = BatchResponseSchema()
batch_document = BatchDocumentResultSchema()
ready_response = ReadySchema()
language_body = LanguageSchema()


def _settings() -> Settings:
    settings: Settings = current_app.extensions["quotes.settings"]
    return settings


def _loader() -> EngineLoader:
    loader: EngineLoader = current_app.extensions["quotes.engine"]
    return loader


def _extractor() -> QuoteExtractor:
    loader = _loader()
    if loader.extractor is None:
        raise _not_ready(loader)
    return loader.extractor


def _not_ready(loader: EngineLoader) -> NotReady:
    if loader.state is State.FAILED:
        return NotReady(f"The spaCy pipeline {loader.model!r} failed to load: {loader.error}. See the service log.")
    return NotReady(
        f"The spaCy pipeline {loader.model!r} is still loading; retry shortly.",
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def _analyse(texts: list[str]) -> list[Attribution]:
    """Run the engine within the request's time limit, and count what it did."""
    extractor = _extractor()
    timeout = _settings().request_timeout
    try:
        results = extractor.extract_many(texts, deadline=time.monotonic() + timeout)
    except DeadlineExceeded:
        raise TookTooLong(
            f"The analysis took longer than {timeout:g} s (QUOTES_REQUEST_TIMEOUT) and was stopped. "
            "Send a shorter text, or fewer documents at once."
        ) from None
    metrics: Metrics = current_app.extensions["quotes.metrics"]
    record_work(metrics, sum(map(len, texts)), len(texts), [q.type.value for r in results for q in r.quotes])
    return results


def _load(schema: Schema, body: Any) -> dict[str, Any]:
    try:
        data: dict[str, Any] = schema.load(body)
    except ValidationError as exc:
        errors = field_errors(exc.messages)
        raise ValidationFailed(_summary(errors), errors=errors) from None
    return data


def _summary(errors: list[dict[str, str]]) -> str:
    """The first invalid field in words, and how many more there are: a detail that stands on its own."""
    first = errors[0]
    where = "" if first["field"] == "_body" else f"{first['field']}: "
    more = f" ({len(errors) - 1} more in `errors`)" if len(errors) > 1 else ""
    return f"{where}{first['message']}{more}"


def _check_length(text: str, field: str) -> None:
    limit = _settings().max_chars
    if len(text) > limit:
        raise PayloadTooLarge(
            f"`{field}` has {len(text)} characters; the limit is {limit} (QUOTES_MAX_CHARS). Split the text.",
            errors=[{"field": field, "message": f"longer than {limit} characters"}],
        )


def _article(data: dict[str, Any], field_prefix: str = "") -> tuple[str, Rendered | None]:
    """The text to analyse (an HTML article's rendered), within the limits; and the rendering, if HTML."""
    if "html" not in data:
        _check_length(data["text"], field_prefix + "text")
        return data["text"], None
    field = field_prefix + "html"
    _check_length(data["html"], field)
    rendered = render(data["html"])
    if not rendered.text.strip():
        message = "holds no text to read once its tags, comments and scripts are left out: send the article's body."
        raise ValidationFailed(f"{field}: `html` {message}", errors=[{"field": field, "message": f"`html` {message}"}])
    return rendered.text, rendered


def _answer(schema: Schema, result: Attribution, text: str, rendered: Rendered | None, unit: OffsetUnit, **more: Any) -> dict[str, Any]:
    """A result's quotes and speakers dumped through ``schema``, offsets in ``unit``, with ``more`` fields.

    For an article sent as HTML, also the text it shows, and each span's
    offsets in the HTML source as its ``source``.
    """
    shown = in_units(result, text, unit)
    body: dict[str, Any] = schema.dump({"quotes": shown.quotes, "speakers": shown.speakers, **more})
    if rendered is not None:
        body["text"] = text
        source = in_units(in_source(result, rendered), rendered.source, unit)
        with_sources(body, schema.dump({"quotes": source.quotes, "speakers": source.speakers}))
    return body


def _offset_unit(data: dict[str, Any]) -> OffsetUnit:
    """The unit asked for in the body (``offsets``) or the query (``?offsets=``); code points by default."""
    return _option(data, "offsets", OffsetUnit, str(OFFSETS_ERRORS["unknown"])) or OffsetUnit.CODEPOINTS


def _any_language(data: dict[str, Any]) -> bool:
    """Whether the caller insists on an analysis whatever the language (``any_language``, body or query)."""
    return _option(data, "any_language", BOOLEAN_WORDS.__getitem__, str(ANY_LANGUAGE_ERRORS["invalid"])) or False


def _option(data: dict[str, Any], name: str, parse: Callable[[str], T], invalid: str) -> T | None:
    """An option given as a body field or as ``?name=`` (the same value if both); None when neither."""
    raw = request.args.get(name)
    try:
        from_query = parse(raw) if raw is not None else None
    except (KeyError, ValueError):
        errors = [{"field": name, "message": invalid}]
        raise ValidationFailed(_summary(errors), errors=errors) from None
    from_body: T | None = data.get(name)
    if from_query is not None and from_body is not None and from_query != from_body:
        errors = [{"field": name, "message": f"given as both ?{name}= and a field, with different values."}]
        raise ValidationFailed(_summary(errors), errors=errors)
    return from_body if from_body is not None else from_query


def _languages(texts: list[str], fields: list[str], any_language: bool) -> list[DetectedLanguage | None]:
    """Each text's language; an ``UnsupportedLanguage`` problem when one is confidently not
    English and the caller did not insist (a batch is refused whole, as for any bad document)."""
    _extractor()  # the classifier is loaded with the model: until then, a 503 rather than a guess
    found = [language.identify(text) for text in texts]
    refused = [
        (field, detected)
        for field, detected in zip(fields, found)
        if detected is not None and language.confidently_not_english(detected)
    ]
    if refused and not any_language:
        raise _unsupported(refused, batch=fields != ["text"])
    return found


INSIST = "send `any_language: true` (or ?any_language=true)"


def _unsupported(refused: list[tuple[str, DetectedLanguage]], *, batch: bool) -> UnsupportedLanguage:
    """The problem that says which language was found, that the service reads English, and how to insist."""
    if not batch:
        [(_, found)] = refused
        return UnsupportedLanguage(
            f"The text appears to be {found.name} (confidence {found.confidence:.2f}); this service reads "
            f"English only, and would attribute its quotes wrongly. To analyse it anyway, {INSIST}.",
            members={"language": language_body.dump(found)},
        )
    errors = [
        {"field": field, "message": f"appears to be {found.name} (confidence {found.confidence:.2f}), not English."}
        for field, found in refused
    ]
    field, first = refused[0]
    more = f" ({len(refused) - 1} more in `errors`)" if len(refused) > 1 else ""
    return UnsupportedLanguage(
        f"{field} appears to be {first.name}{more}; this service reads English only. The batch is checked "
        f"whole, so nothing was analysed: leave such documents out, or {INSIST} to analyse them anyway.",
        errors=errors,
    )


def _results(body: dict[str, Any], timings: list[Timing], language_seconds: float) -> Response:
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    parse = sum(t.parse for t in timings)
    attribution = sum(t.attribution for t in timings)
    total = time.perf_counter() - g.request_started
    response.headers["Server-Timing"] = (
        f"language;dur={language_seconds * 1000:.1f}, parse;dur={parse * 1000:.1f}, "
        f"attribution;dur={attribution * 1000:.1f}, total;dur={total * 1000:.1f}"
    )
    return response


@bp.post("/v1/quotes")
def extract_quotes() -> Response:
    data = _load(quote_request, read_body(request, allow_text=True))
    unit = _offset_unit(data)
    any_language = _any_language(data)
    text, rendered = _article(data)
    started = time.perf_counter()
    [found] = _languages([text], ["html" if rendered else "text"], any_language)
    language_seconds = time.perf_counter() - started
    [result] = _analyse([text])
    body = _answer(quote_response, result, text, rendered, unit, language=found, offsets=unit, model=_loader().info)
    return _results(body, [result.timing], language_seconds)


@bp.post("/v1/quotes/batch")
def extract_quotes_batch() -> Response:
    data = _load(batch_request, read_body(request, allow_text=False))
    unit = _offset_unit(data)
    any_language = _any_language(data)
    documents = data["documents"]
    settings = _settings()
    if len(documents) > settings.batch_max_documents:
        raise PayloadTooLarge(
            f"The batch has {len(documents)} documents; the limit is {settings.batch_max_documents} "
            "(QUOTES_BATCH_MAX_DOCUMENTS). Split it."
        )
    articles = [_article(document, f"documents.{index}.") for index, document in enumerate(documents)]
    total = sum(len(d.get("text", d.get("html", ""))) for d in documents)
    if total > settings.batch_max_chars:
        raise PayloadTooLarge(
            f"The batch holds {total} characters; the limit is {settings.batch_max_chars} "
            "(QUOTES_BATCH_MAX_CHARS). Split it."
        )
    texts = [text for text, _ in articles]
    fields = [f"documents.{index}.{'html' if rendered else 'text'}" for index, (_, rendered) in enumerate(articles)]
    started = time.perf_counter()
    found = _languages(texts, fields, any_language)
    language_seconds = time.perf_counter() - started
    results = _analyse(texts)
    body: dict[str, Any] = batch_response.dump({"documents": [], "offsets": unit, "model": _loader().info})
    body["documents"] = [
        _answer(batch_document, result, text, rendered, unit, id=document["id"], language=language_found)
        for document, (text, rendered), result, language_found in zip(documents, articles, results, found)
    ]
    return _results(body, [r.timing for r in results], language_seconds)


@bp.get("/healthz")
def health() -> Response:
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def ready() -> Response:
    loader = _loader()
    if loader.state is not State.READY:
        raise _not_ready(loader)
    # LimitsSchema reads its fields off the settings themselves.
    body = {"status": "ready", "model": loader.info, "versions": versions(), "limits": _settings()}
    return jsonify(ready_response.dump(body))


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics, summed over every worker."""
    registry: Metrics = current_app.extensions["quotes.metrics"]
    load_seconds = _loader().load_seconds
    if load_seconds is not None:
        registry.model_load.set(load_seconds)
    return Response(registry.exposition(), mimetype=None, content_type=METRICS_MEDIA_TYPE)


@bp.get("/")
def page() -> Response:
    """The newsroom page: paste an article, see its quotes (``static/index.html``)."""
    return Response(PAGE_PATH.read_bytes(), mimetype="text/html")


@bp.get("/openapi.yaml")
def openapi() -> Response:
    return Response(OPENAPI_PATH.read_bytes(), mimetype="application/yaml")
