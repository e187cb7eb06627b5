"""How the service is served: gunicorn with the project's config, one command for all.

``make run``, the Dockerfile, ``quotes serve``, the tests and the benchmarks
start the same thing.
"""

from __future__ import annotations

import sys

GUNICORN_CONFIG = "python:service.gunicorn_conf"
APP = "service.app:create_app()"


def gunicorn_command(python: str = sys.executable) -> list[str]:
    """The argv that serves the app with gunicorn (``HOST``, ``PORT``, ``WEB_CONCURRENCY`` from the environment)."""
    return [python, "-m", "gunicorn", "-c", GUNICORN_CONFIG, APP]
