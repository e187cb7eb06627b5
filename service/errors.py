"""One error body for every failure: RFC 9457 problem details.

``ProblemError`` is the root of every error the service raises on purpose;
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

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ProblemError(Exception):
    """An error with an HTTP status and a message that says how to fix it."""

    status = 500
    slug = "internal-error"
    title = "Internal server error"

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        members: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.members = members or {}
        """Extension members of the problem body (RFC 9457, section 3.2), beside ``errors``."""

    @property
    def type(self) -> str:
        return f"/problems/{self.slug}"


class InvalidBody(ProblemError):
    status, slug, title = 400, "invalid-body", "Request body is not valid"


class PayloadTooLarge(ProblemError):
    status, slug, title = 413, "payload-too-large", "Request is too large"


class UnsupportedMediaType(ProblemError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported content type"


class ValidationFailed(ProblemError):
    status, slug, title = 422, "validation-failed", "Request fields are not valid"


class UnsupportedLanguage(ProblemError):
    status, slug, title = 422, "unsupported-language", "Language not supported"


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "API key required"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="quotes"'})


class NotReady(ProblemError):
    status, slug, title = 503, "not-ready", "Service is not ready"


class TookTooLong(ProblemError):
    status, slug, title = 503, "timeout", "Request took too long"


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any) -> Response:
    """A problem-details response."""
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    if request:
        body["instance"] = request.path
        body["request_id"] = g.get("request_id")
    body.update({k: v for k, v in extra.items() if v is not None})
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)


def _from_problem(error: ProblemError) -> Response:
    response = problem(error.status, error.title, error.detail, error.type, errors=error.errors, **error.members)
    response.headers.update(error.headers)
    return response


def _from_http(error: HTTPException) -> Response:
    status = error.code or 500
    if isinstance(error, RequestEntityTooLarge):
        return _from_problem(PayloadTooLarge(_body_limit_detail()))
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
    return problem(500, ProblemError.title, "The service failed to handle this request. It has been logged.", "/problems/internal-error")


def register_error_handlers(app: Flask) -> None:
    """Make every error answer with problem details."""
    app.register_error_handler(ProblemError, _from_problem)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(Exception, _from_unexpected)
