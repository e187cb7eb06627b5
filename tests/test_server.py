"""The real thing: gunicorn with the project's config on a free loopback port, spoken to with requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.contract import assert_conforms

pytestmark = [pytest.mark.server, pytest.mark.model]

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "service.app:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not become ready")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        if process.stderr:
            process.stderr.close()


def test_gunicorn_serves_attributed_quotes(server: str) -> None:
    text = (
        "“We are ready for the storm,” said Omar Haddad, a spokesman for the Coastal Guard Agency. "
        "“Every boat is back in port,” he added."
    )
    response = requests.post(f"{server}/v1/quotes", json={"text": text}, timeout=30)
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    quotes = response.json()["quotes"]
    assert [q["speaker"]["name"] for q in quotes] == ["Omar Haddad", "Omar Haddad"]
    assert quotes[0]["speaker"]["affiliation"] == "Coastal Guard Agency"
    assert quotes[1]["speaker"]["mention"]["text"] == "he"


def test_gunicorn_answers_errors_as_problems_and_stays_up(server: str) -> None:
    bad = requests.post(f"{server}/v1/quotes", data=b"{not json", headers={"Content-Type": "application/json"}, timeout=10)
    assert bad.status_code == 400 and bad.headers["Content-Type"] == "application/problem+json"
    assert requests.get(f"{server}/readyz", timeout=10).status_code == 200
