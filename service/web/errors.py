"""Errors to HTTP: one body for every failure, RFC 9457 problem details.

A ``ProblemError`` (``service.intake.problems``, the root of every error
raised on purpose) answers with its problem's status, type and title;
werkzeug's HTTP errors (404, 405, 413) and anything unexpected (500) are
turned into the same shape. A traceback never reaches the client, and the
request's text never reaches the body or the log.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, Response, current_app, g, json, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from service.intake.problems import Problem, ProblemError

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any) -> Response:
    """A problem-details response."""
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    if request:
        body["instance"] = request.path
        body["request_id"] = g.get("request_id")
    body.update({k: v for k, v in extra.items() if v is not None})
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)


def _from_problem(error: ProblemError) -> Response:
    kind = error.problem
    response = problem(kind.status, kind.title, error.detail, kind.type, errors=error.errors, **error.members)
    response.headers.update(error.headers)
    return response


def _from_http(error: HTTPException) -> Response:
    status = error.code or 500
    if isinstance(error, RequestEntityTooLarge):
        return _from_problem(ProblemError(Problem.PAYLOAD_TOO_LARGE, _body_limit_detail()))
    detail = _http_detail(status)
    response = problem(status, error.name, detail)
    for name, value in error.get_headers():
        if name.lower() == "allow":
            response.headers[name] = value
    return response


def _body_limit_detail() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    return f"The request body is larger than {limit} bytes (QUOTES_MAX_BODY_BYTES). Send less text, or split a batch."


def _http_detail(status: int) -> str:
    if status == 404:
        return f"There is nothing at {request.path}. The API is described at GET /openapi.yaml."
    if status == 405:
        return f"{request.method} is not allowed on {request.path}; see the Allow header for what is."
    return "The request could not be handled."


def _from_unexpected(error: Exception) -> Response:
    # The stack goes to the log, without the exception's message (it may quote
    # the text); the client gets no detail at all.
    log.error(
        "unhandled error",
        extra={
            "request_id": g.get("request_id"),
            "route": request.url_rule.rule if request.url_rule is not None else request.path,
            "error": type(error).__name__,
            "stack": "".join(traceback.format_tb(error.__traceback__)),
        },
    )
    internal = Problem.INTERNAL_ERROR
    return problem(internal.status, internal.title, "The service failed to handle this request. It has been logged.", internal.type)


def register_error_handlers(app: Flask) -> None:
    """Make every error answer with problem details."""
    app.register_error_handler(ProblemError, _from_problem)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(Exception, _from_unexpected)
