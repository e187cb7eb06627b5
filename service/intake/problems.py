"""The one table of problem types: why an article, or a request, was not answered.

Every entry says a failure with one of these: the HTTP API as an RFC 9457
problem (``service.web.errors`` adds the status and the request's id), and
``quotes batch`` and the Spark job as an article's ``error`` (``type``,
``title``, ``detail``). One slug per condition, whatever the entry: an
article longer than ``QUOTES_MAX_CHARS`` is ``/problems/payload-too-large``
whether it came in a request or from an archive.

``ProblemError`` is the root of every error raised on purpose; anything
else that escapes is a bug, never "no quotes found".
"""

from __future__ import annotations

from enum import Enum
from typing import Any

PROBLEM_PREFIX = "/problems/"


class Problem(Enum):
    """A kind of failure: its slug (in ``/problems/<slug>``), HTTP status and title, as ``openapi.yaml`` lists them."""

    INVALID_BODY = ("invalid-body", 400, "Request body is not valid")
    """Bytes that cannot be read: not UTF-8 (or not the charset declared), or JSON that is not well-formed."""
    UNAUTHORIZED = ("unauthorized", 401, "API key required")
    REQUEST_TIMEOUT = ("request-timeout", 408, "Request not received in time")
    """The client did not send its whole request within ``GUNICORN_READ_TIMEOUT`` seconds (the HTTP API only)."""
    PAYLOAD_TOO_LARGE = ("payload-too-large", 413, "Request is too large")
    """An article over ``QUOTES_MAX_CHARS``, a body or a batch over its limits."""
    UNSUPPORTED_MEDIA_TYPE = ("unsupported-media-type", 415, "Unsupported content type")
    """A content type or a charset the service does not read."""
    VALIDATION_FAILED = ("validation-failed", 422, "Request fields are not valid")
    """No text where the article should be (missing, null, not a string, empty, not valid Unicode,
    HTML that shows nothing), an unknown field, a bad option."""
    UNSUPPORTED_LANGUAGE = ("unsupported-language", 422, "Language not supported")
    """Confidently in a language other than English (``service.intake.language``)."""
    NOT_READY = ("not-ready", 503, "Service is not ready")
    TIMEOUT = ("timeout", 503, "Request took too long")
    INTERNAL_ERROR = ("internal-error", 500, "Internal server error")

    def __init__(self, slug: str, status: int, title: str) -> None:
        self.slug = slug
        self.status = status
        self.title = title

    @property
    def type(self) -> str:
        """The problem's ``type``: ``/problems/<slug>``."""
        return PROBLEM_PREFIX + self.slug


class ProblemError(Exception):
    """A failure said as a ``Problem``, with a detail that says how to fix it.

    ``errors`` (``[{field, message}]``) names the fields at fault; ``members``
    are extension members of the problem body (RFC 9457, section 3.2), such as
    the ``language`` found; ``headers`` are for the HTTP answer only.
    """

    def __init__(
        self,
        problem: Problem,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        members: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.members = members or {}

    @classmethod
    def on_field(cls, problem: Problem, field: str, message: str) -> ProblemError:
        """A problem with one field at fault: its detail names the field, ``errors`` holds the message."""
        return cls(problem, f"{field}: {message}", errors=[{"field": field, "message": message}])
