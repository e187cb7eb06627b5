"""How the service is served: gunicorn with the project's config, one command for all.

``make run``, the Dockerfile, ``quotes serve``, the tests and the benchmarks
start the same thing. ``serving`` is the one harness that starts it for a
while and stops it again: the tests (``tests/web/servers.py``), the benchmark
(``bench.speed``), the soak (``bench.soak``) and the evaluation
(``bench.accuracy``) all use it, so that "the service, ready" means the same
in each.

It lives here, not in ``tests/`` or ``bench/``, because every one of those
callers already imports ``service`` (installed in the venv, so importable
from any script without path tricks), while the benchmark importing test code,
or the tests importing a script folder, would run the dependencies the wrong
way; and because this module already knows how the service is served (the
command, the port, readiness). It needs only the standard library, so the
runtime gains nothing by it, and nothing runs at import.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

GUNICORN_CONFIG = "python:service.web.gunicorn_conf"
APP = "service.web.app:create_app()"
HOST = "127.0.0.1"
# The checkout that holds this package: gunicorn is started there, so that
# ``python -m gunicorn`` imports this very ``service`` first.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Loading and warming the model takes seconds; two minutes allows a slow, busy machine.
STARTUP_SECONDS = 120.0
READY_POLL_SECONDS = 0.2
# gunicorn's graceful stop waits up to its graceful_timeout (30 s) for requests in flight.
STOP_SECONDS = 30.0
# Enough of the log to show a traceback, little enough to read in a test failure.
TAIL_CHARS = 2000


class ServerDidNotStart(RuntimeError):
    """gunicorn exited, or was not ready in time; the message ends with the tail of its log."""


def gunicorn_command(python: str = sys.executable) -> list[str]:
    """The argv that serves the app with gunicorn (``HOST``, ``PORT``, ``WEB_CONCURRENCY`` from the environment)."""
    return [python, "-m", "gunicorn", "-c", GUNICORN_CONFIG, APP]


def free_port(host: str = HOST) -> int:
    """A TCP port free on ``host`` now, for a server started next (tests, benchmarks)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def readiness(url: str, timeout: float = 2) -> dict[str, Any] | None:
    """The body of ``/readyz`` at ``url`` when it answers 200 (model loaded and warmed), else None."""
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=timeout) as response:
            if response.status != 200:
                return None
            body: dict[str, Any] = json.loads(response.read())
            return body
    except (urllib.error.URLError, OSError, ValueError):
        return None


def is_ready(url: str, timeout: float = 2) -> bool:
    """Whether the service at ``url`` answers ``/readyz`` with 200 (model loaded and warmed)."""
    return readiness(url, timeout) is not None


@dataclass(frozen=True)
class Served:
    """A gunicorn started by ``serving``, ready: where it answers, its master process, its log."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path
    """gunicorn's stdout and stderr: the file ``serving`` was given to keep, or a temporary one removed when the block ends."""
    ready: dict[str, Any]
    """What ``/readyz`` answered once ready: the model, the versions, the limits."""

    @property
    def pid(self) -> int:
        """The gunicorn master's pid (its workers are its children)."""
        return self.process.pid


@contextmanager
def serving(
    environ: Mapping[str, str] | None = None,
    *,
    log: Path | None = None,
    startup_seconds: float = STARTUP_SECONDS,
) -> Iterator[Served]:
    """gunicorn serving the app on a free loopback port until the block ends, yielded once ``/readyz`` says ready.

    ``environ`` adds to (or overrides) this process's environment:
    ``WEB_CONCURRENCY``, ``GUNICORN_*``, ``QUOTES_*``. The server's output
    goes to a file (``log``, kept, or a temporary one): a pipe nobody reads
    fills up and stalls the server once it has logged a few hundred requests.
    If gunicorn exits or is not ready within ``startup_seconds``, this raises
    ``ServerDidNotStart`` with the tail of that log. The server is stopped
    whatever happens in the block: SIGTERM (gunicorn's graceful stop), then
    SIGKILL if it lingers.
    """
    port = free_port()
    env = {**os.environ, **(environ or {}), "HOST": HOST, "PORT": str(port)}
    url = f"http://{HOST}:{port}"
    with _log_file(log) as output:
        process = subprocess.Popen(gunicorn_command(), cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            ready = _wait_ready(process, url, output, startup_seconds)
            yield Served(url, process, Path(output.name), ready)
        finally:
            stop(process)


@contextmanager
def _log_file(path: Path | None) -> Iterator[IO[bytes]]:
    """``path`` opened for the server's output, or a named temporary file removed when the block ends."""
    if path is None:
        with tempfile.NamedTemporaryFile(prefix="quotes-gunicorn-", suffix=".log") as temporary:
            yield temporary
    else:
        with path.open("wb") as kept:
            yield kept


def _wait_ready(process: subprocess.Popen[bytes], url: str, output: IO[bytes], seconds: float) -> dict[str, Any]:
    """Poll ``/readyz`` until it answers 200; raise with the log's tail if gunicorn exits or time runs out."""
    deadline = time.monotonic() + seconds
    while (ready := readiness(url)) is None:
        if process.poll() is not None:
            raise ServerDidNotStart(f"gunicorn exited with {process.returncode}:\n{tail(output)}")
        if time.monotonic() > deadline:
            raise ServerDidNotStart(f"gunicorn was not ready within {seconds:g} s:\n{tail(output)}")
        time.sleep(READY_POLL_SECONDS)
    return ready


def tail(output: IO[bytes], chars: int = TAIL_CHARS) -> str:
    """About the last ``chars`` characters gunicorn wrote to ``output``.

    Read through the file's name: seeking ``output`` itself would move the
    offset the server, which shares it, writes at.
    """
    with Path(output.name).open("rb") as log:
        size = log.seek(0, os.SEEK_END)
        log.seek(max(0, size - chars))
        return log.read().decode(errors="replace")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL if it lingers past ``STOP_SECONDS``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
