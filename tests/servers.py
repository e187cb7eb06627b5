"""Start the real service (gunicorn, the project's config) on a free loopback port, for tests."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from service.server import free_port, gunicorn_command, is_ready

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120



@contextmanager
def running_server(**environ: str) -> Iterator[str]:
    """gunicorn serving the app until the block ends; yields its base URL once /readyz says ready.

    ``environ`` adds to (or overrides) the environment: ``WEB_CONCURRENCY``,
    ``QUOTES_*`` settings. One worker unless told otherwise.
    """
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1", **environ}
    # The server's log goes to a file: a pipe nobody reads fills up and stalls
    # the server once it has logged a few hundred requests.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(gunicorn_command(), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"gunicorn exited with {process.returncode}: {log.read().decode(errors='replace')[-2000:]}")
            if is_ready(base):
                break
            if time.monotonic() > deadline:
                pytest.fail("gunicorn did not become ready")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
