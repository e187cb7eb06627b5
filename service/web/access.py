"""Who may call, and from where: API keys, CORS and the headers every response carries.

- API keys (``QUOTES_API_KEYS``): when set, every ``/v1/*`` request needs
  ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``, compared in constant
  time; otherwise a 401 problem. Health, readiness, metrics, the contract and
  the page stay open: they hold no article text.
- CORS (``QUOTES_CORS_ORIGINS``): browser pages from the listed origins (a
  newsroom's editing system) may call the API; none by default.
- Every response says ``nosniff``, sends no referrer and may not be framed; the
  page may load only what the service itself serves.
"""

from __future__ import annotations

import hmac

from flask import Flask, Request, Response, request

from service.config import Settings
from service.intake.problems import Problem, ProblemError

PROTECTED_PREFIX = "/v1/"
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Content-Type, Authorization, X-API-Key, X-Request-ID"
EXPOSED_HEADERS = "Server-Timing, X-Request-ID, Retry-After"
PREFLIGHT_MAX_AGE = "600"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
}


def presented_key(req: Request) -> str | None:
    """The key a request carries, from ``Authorization: Bearer`` or ``X-API-Key``."""
    header = req.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return req.headers.get("X-API-Key") or None


def key_is_valid(presented: str, keys: tuple[str, ...]) -> bool:
    """Whether ``presented`` is one of ``keys``, in time that does not depend on which or where they differ."""
    given = presented.encode()
    matches = [hmac.compare_digest(given, key.encode()) for key in keys]
    return any(matches)


def unauthorized(detail: str) -> ProblemError:
    """A 401 that names the scheme to use (``WWW-Authenticate``)."""
    return ProblemError(Problem.UNAUTHORIZED, detail, headers={"WWW-Authenticate": 'Bearer realm="quotes"'})


def _is_preflight(req: Request) -> bool:
    return req.method == "OPTIONS" and "Access-Control-Request-Method" in req.headers


def install(app: Flask, settings: Settings) -> None:
    """Check keys before requests, add CORS and security headers after."""

    @app.before_request
    def require_key() -> None:
        if not settings.api_keys or not request.path.startswith(PROTECTED_PREFIX) or _is_preflight(request):
            return
        presented = presented_key(request)
        if presented is None:
            raise unauthorized("This endpoint needs an API key: send Authorization: Bearer <key> or X-API-Key: <key>.")
        if not key_is_valid(presented, settings.api_keys):
            raise unauthorized("The API key sent is not valid.")

    @app.after_request
    def add_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        origin = request.headers.get("Origin")
        if origin and (origin in settings.cors_origins or "*" in settings.cors_origins):
            response.headers["Access-Control-Allow-Origin"] = "*" if "*" in settings.cors_origins else origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            if _is_preflight(request):
                response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        response.vary.add("Origin")
        return response
