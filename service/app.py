"""The app factory: settings -> engine -> routes -> error handlers.

``gunicorn -c python:service.gunicorn_conf "service.app:create_app()"`` serves it; tests
call ``create_app`` with their own settings and, often, their own pipeline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, g
from spacy.language import Language

from service.config import Settings
from service.errors import register_error_handlers
from service.nlp import EngineLoader, check_model, default_model_name
from service.routes import bp


def create_app(overrides: Mapping[str, Any] | None = None, nlp: Language | None = None) -> Flask:
    """Build the service.

    ``overrides`` replaces settings by field name (``{"max_chars": 10}``);
    ``nlp`` is a pipeline to use instead of loading ``QUOTES_SPACY_MODEL``.
    """
    settings = Settings.from_env().with_overrides(overrides or {})
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    # Keep the fields in the order the contract lists them, and the text readable.
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    loader = EngineLoader(settings.spacy_model or default_model_name())
    if nlp is not None:
        loader.use(nlp)
    else:
        check_model(loader.model)
        loader.start(background=settings.load_async)
    app.extensions["quotes.settings"] = settings
    app.extensions["quotes.engine"] = loader

    app.register_blueprint(bp)
    register_error_handlers(app)
    app.before_request(_start_clock)
    app.after_request(_security_headers)
    return app


def _start_clock() -> None:
    g.request_started = time.perf_counter()


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
