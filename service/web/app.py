"""The app factory: settings -> logs and metrics -> engine -> access -> routes -> error handlers.

``gunicorn -c python:service.web.gunicorn_conf "service.web.app:create_app()"`` serves it; tests
call ``create_app`` with their own settings and, often, their own pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from spacy.language import Language

from service.web import access, telemetry
from service.config import Settings
from service.web.errors import register_error_handlers
from service.nlp import check_model, default_model_name
from service.web.loader import EngineLoader
from service.web.routes import bp


def create_app(overrides: Mapping[str, Any] | None = None, nlp: Language | None = None) -> Flask:
    """Build the service.

    ``overrides`` replaces settings by field name (``{"max_chars": 10}``);
    ``nlp`` is a pipeline to use instead of loading ``QUOTES_SPACY_MODEL``.
    """
    settings = Settings.from_env().with_overrides(overrides or {})
    telemetry.configure_logging(settings.log_level)
    metrics = telemetry.Metrics()

    app = Flask(__name__)
    # No debug mode, whatever FLASK_DEBUG says: every error is a problem
    # document, and the interactive debugger is never one step away.
    app.debug = False
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
    app.extensions["quotes.metrics"] = metrics

    telemetry.install(app, metrics)  # first: every later hook and error has a request id
    access.install(app, settings)
    app.register_blueprint(bp)
    register_error_handlers(app)
    return app
