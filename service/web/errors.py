"""Errors to HTTP: one body for every failure, RFC 9457 problem details.

A ``ProblemError`` (``service.intake.problems``, the root of every error
raised on purpose) answers with its problem's status, type and title;
werkzeug's HTTP errors (404, 405, 413) and anything unexpected (500) are
turned into the same shape. A traceback never reaches the client, and the
request's text never reaches the body or the log.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from service.intake.problems import Problem, ProblemError

PROBLEM_MEDIA_TYPE = "application/problem+json"
INTERNAL_DETAIL = "The service failed to handle this request. It has been logged."
"""What a 500 says, from the app or from the worker: the error is in the log, never in the answer."""
MAX_ERRORS_LISTED = 10
"""A problem's ``errors`` lists this many at most, and ``error_count`` says how many there were: a
batch of bad documents gets a small answer."""
log = logging.getLogger(__name__)


class ClientTooSlow(Exception):
    """The client did not send its whole request within the read timeout (``GUNICORN_READ_TIMEOUT``): a 408.

    Raised where the request is read from the client: by the worker
    (``service.web.worker``), and inside the app when it reads a body the
    worker left to it (chunked).
    """


def problem_document(status: int, title: str, detail: str, type_: str = "about:blank", **members: Any) -> bytes:
    """A problem's body, as UTF-8 JSON; members that are None are left out.

    A string that cannot be UTF-8 (a lone surrogate some client sent as a
    field's name) is written as a JSON escape rather than failing the answer.
    """
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    body.update({name: value for name, value in members.items() if value is not None})
    try:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(body).encode("ascii")


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any) -> Response:
    """A problem-details response."""
    members: dict[str, Any] = {"instance": request.path, "request_id": g.get("request_id")} if request else {}
    body = problem_document(status, title, detail, type_, **members, **extra)
    return Response(body, status=status, mimetype=PROBLEM_MEDIA_TYPE)


def _from_problem(error: ProblemError) -> Response:
    kind = error.problem
    listed = error.errors[:MAX_ERRORS_LISTED] if error.errors is not None else None
    count = len(error.errors) if error.errors is not None else None
    response = problem(kind.status, kind.title, error.detail, kind.type, errors=listed, error_count=count, **error.members)
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
    return problem(internal.status, internal.title, INTERNAL_DETAIL, internal.type)


def _from_too_slow(error: ClientTooSlow) -> Response:
    timeout = Problem.REQUEST_TIMEOUT
    return problem(timeout.status, timeout.title, "The request's body was not received whole in time: send it at once.", timeout.type)


def register_error_handlers(app: Flask) -> None:
    """Make every error answer with problem details."""
    app.register_error_handler(ProblemError, _from_problem)
    app.register_error_handler(ClientTooSlow, _from_too_slow)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(Exception, _from_unexpected)
