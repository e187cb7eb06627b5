"""Thin views: read the body, validate it, call the engine, serialise, all within the request's time.

A request's time (``QUOTES_REQUEST_TIMEOUT``, more for a large batch:
``Settings.request_seconds``) runs from the view's start: reading and
parsing the body, validating it, waiting for the engine (one analysis at a
time per process, ``EngineLoader.turn``), the engine itself and the answer's
serialisation all count, and running out of it at any step is a 503
``/problems/timeout``.
"""

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
    check_batch_size,
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


def _start_clock(chars: int = 0) -> None:
    """The request's deadline: its time (for ``chars`` characters) from now, or, given later, from its start."""
    started = g.setdefault("deadline_started", time.monotonic())
    g.allowed_seconds = _settings().request_seconds(chars)
    g.deadline = started + g.allowed_seconds


def _in_time() -> None:
    """A ``/problems/timeout`` when the request's time has run out (checked between its steps)."""
    if time.monotonic() > g.deadline:
        raise _out_of_time()


def _out_of_time() -> ProblemError:
    return ProblemError(
        Problem.TIMEOUT,
        f"The request took longer than its {g.allowed_seconds:g} s (QUOTES_REQUEST_TIMEOUT, per {_settings().max_chars} characters) "
        "and was stopped. Send a shorter text, or fewer documents at once.",
    )


def _analyse(articles: list[door.Read], any_language: bool, *, batch: bool) -> tuple[list[Admitted], list[Attribution], float]:
    """Each article's language (refused when confidently not English), then the engine, in this request's
    turn and time; what it did is counted. Returns the articles, their results and the seconds spent on languages."""
    loader = _loader()
    with loader.turn(g.deadline) as granted:
        if not granted:
            raise _out_of_time()
        started = time.perf_counter()
        admitted = _identified(articles, any_language, batch=batch)
        language_seconds = time.perf_counter() - started
        texts = [article.text for article in admitted]
        try:
            results = _extractor().extract_many(texts, deadline=g.deadline)
        except DeadlineExceeded:
            raise _out_of_time() from None
    metrics: Metrics = current_app.extensions["quotes.metrics"]
    record_work(metrics, sum(map(len, texts)), len(texts), [q.type.value for r in results for q in r.quotes])
    return admitted, results, language_seconds


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
    _start_clock()
    data = load(quote_request, read_body(request, allow_text=True))
    _in_time()
    unit = _offset_unit(data)
    any_language = _any_language(data)
    article = _read(data)
    _in_time()
    [admitted], [result], language_seconds = _analyse([article], any_language, batch=False)
    body = door.answer(result, admitted, unit, quote_response, language=admitted.language, offsets=unit, model=_loader().info)
    _in_time()
    return _results(body, [result.timing], language_seconds)


@bp.post("/v1/quotes/batch")
def extract_quotes_batch() -> Response:
    _start_clock()
    settings = _settings()
    raw = read_body(request, allow_text=False)
    # The batch's size first: nothing in it is validated before it is known to be within the limits.
    chars = check_batch_size(raw, settings.batch_max_documents, settings.max_chars, settings.batch_max_chars)
    _start_clock(chars)
    _in_time()
    data = load(batch_request, raw)
    unit = _offset_unit(data)
    any_language = _any_language(data)
    documents = data["documents"]
    articles = []
    for index, document in enumerate(documents):
        articles.append(_read(document, f"documents.{index}."))
        _in_time()
    admitted, results, language_seconds = _analyse(articles, any_language, batch=True)
    body: dict[str, Any] = batch_response.dump({"documents": [], "offsets": unit, "model": _loader().info})
    body["documents"] = []
    for document, article, result in zip(documents, admitted, results):
        body["documents"].append(door.answer(result, article, unit, batch_document, id=document["id"], language=article.language))
        _in_time()
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
