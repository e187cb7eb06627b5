"""Thin views: read the body, validate it, call the engine, serialise."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, jsonify, request

from service.attribution import Attribution, Timing
from service.attribution.pipeline import DeadlineExceeded, QuoteExtractor
from service.config import Settings
from service.intake import door
from service.intake.door import Admitted, Form, Sent
from service.intake.offsets import OffsetUnit
from service.intake.problems import Problem, ProblemError
from service.intake.schemas import BatchDocumentResultSchema, BatchResponseSchema, QuoteResponseSchema, ReadySchema
from service.nlp import versions
from service.web.loader import EngineLoader, State
from service.web.payload import (
    ANY_LANGUAGE_ERRORS,
    OFFSETS_ERRORS,
    BatchRequestSchema,
    QuoteRequestSchema,
    load,
    read_body,
    validation_failed,
)
from service.web.telemetry import METRICS_MEDIA_TYPE, Metrics, record_work

OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")
PAGE_PATH = Path(__file__).with_name("static") / "index.html"
RETRY_AFTER_SECONDS = "5"
BOOLEAN_WORDS = {"true": True, "false": False}
INSIST = "send `any_language: true` (or ?any_language=true)"
T = TypeVar("T")

bp = Blueprint("quotes", __name__)

quote_request = QuoteRequestSchema()
batch_request = BatchRequestSchema()
quote_response = QuoteResponseSchema()
batch_response = BatchResponseSchema()
batch_document = BatchDocumentResultSchema()
ready_response = ReadySchema()


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


def _not_ready(loader: EngineLoader) -> ProblemError:
    if loader.state is State.FAILED:
        return ProblemError(
            Problem.NOT_READY, f"The spaCy pipeline {loader.model!r} failed to load: {loader.error}. See the service log."
        )
    return ProblemError(
        Problem.NOT_READY,
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
        raise ProblemError(
            Problem.TIMEOUT,
            f"The analysis took longer than {timeout:g} s (QUOTES_REQUEST_TIMEOUT) and was stopped. "
            "Send a shorter text, or fewer documents at once."
        ) from None
    metrics: Metrics = current_app.extensions["quotes.metrics"]
    record_work(metrics, sum(map(len, texts)), len(texts), [q.type.value for r in results for q in r.quotes])
    return results


def _read(data: dict[str, Any], field_prefix: str = "") -> door.Read:
    """The article of a request (or of a batch's document) through the door's reading and checks."""
    form = Form.HTML if "html" in data else Form.TEXT
    return door.read(Sent(data[form.value], form, field_prefix + form.value), _settings().max_chars)


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
        raise validation_failed([{"field": name, "message": invalid}]) from None
    from_body: T | None = data.get(name)
    if from_query is not None and from_body is not None and from_query != from_body:
        raise validation_failed([{"field": name, "message": f"given as both ?{name}= and a field, with different values."}])
    return from_body if from_body is not None else from_query


def _identified(articles: list[door.Read], any_language: bool, *, batch: bool) -> list[Admitted]:
    """Each article with its language; an ``unsupported-language`` problem when one is confidently
    not English and the caller did not insist (a batch is refused whole, as for any bad document)."""
    _extractor()  # the classifier is loaded with the model: until then, a 503 rather than a guess
    admitted = [door.identify(article) for article in articles]
    refused = door.refused(admitted)
    if refused and not any_language:
        raise door.language_refusal(refused, INSIST, batch=batch)
    return admitted


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
    data = load(quote_request, read_body(request, allow_text=True))
    unit = _offset_unit(data)
    any_language = _any_language(data)
    article = _read(data)
    started = time.perf_counter()
    [admitted] = _identified([article], any_language, batch=False)
    language_seconds = time.perf_counter() - started
    [result] = _analyse([admitted.text])
    body = door.answer(result, admitted, unit, quote_response, language=admitted.language, offsets=unit, model=_loader().info)
    return _results(body, [result.timing], language_seconds)


@bp.post("/v1/quotes/batch")
def extract_quotes_batch() -> Response:
    data = load(batch_request, read_body(request, allow_text=False))
    unit = _offset_unit(data)
    any_language = _any_language(data)
    documents = data["documents"]
    settings = _settings()
    if len(documents) > settings.batch_max_documents:
        raise ProblemError(
            Problem.PAYLOAD_TOO_LARGE,
            f"The batch has {len(documents)} documents; the limit is {settings.batch_max_documents} "
            "(QUOTES_BATCH_MAX_DOCUMENTS). Split it.",
        )
    articles = [_read(document, f"documents.{index}.") for index, document in enumerate(documents)]
    total = sum(len(d.get("text", d.get("html", ""))) for d in documents)
    if total > settings.batch_max_chars:
        raise ProblemError(
            Problem.PAYLOAD_TOO_LARGE,
            f"The batch holds {total} characters; the limit is {settings.batch_max_chars} "
            "(QUOTES_BATCH_MAX_CHARS). Split it.",
        )
    started = time.perf_counter()
    admitted = _identified(articles, any_language, batch=True)
    language_seconds = time.perf_counter() - started
    results = _analyse([article.text for article in admitted])
    body: dict[str, Any] = batch_response.dump({"documents": [], "offsets": unit, "model": _loader().info})
    body["documents"] = [
        door.answer(result, article, unit, batch_document, id=document["id"], language=article.language)
        for document, article, result in zip(documents, admitted, results)
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
