"""How the service is served: gunicorn with the project's config, one command for all.

``make run``, the Dockerfile, ``quotes serve``, the tests and the benchmarks
start the same thing.
"""

from __future__ import annotations

import socket
import sys
import urllib.error
import urllib.request

GUNICORN_CONFIG = "python:service.gunicorn_conf"
APP = "service.app:create_app()"


def gunicorn_command(python: str = sys.executable) -> list[str]:
    """The argv that serves the app with gunicorn (``HOST``, ``PORT``, ``WEB_CONCURRENCY`` from the environment)."""
    return [python, "-m", "gunicorn", "-c", GUNICORN_CONFIG, APP]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` now, for a server started next (tests, benchmarks)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def is_ready(url: str, timeout: float = 2) -> bool:
    """Whether the service at ``url`` answers ``/readyz`` with 200 (model loaded and warmed)."""
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False
