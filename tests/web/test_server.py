"""The real thing: gunicorn with the project's config on a free loopback port, spoken to with requests.

Also the harness every tool starts it with (``service.web.server.serving``):
ready when it yields, stopped when the block ends, its log in a file, and a
failed start said with the tail of that log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bench.common import procfs
from service.web.server import ServerDidNotStart, free_port, is_ready, readiness, serving
from tests.web.contract import assert_conforms
from tests.web.servers import running_server

pytestmark = [pytest.mark.server, pytest.mark.model]

@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as base:
        yield base


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


def test_is_ready_once_gunicorn_says_so_and_not_where_nothing_listens(server: str) -> None:
    assert is_ready(server)
    assert not is_ready(f"http://127.0.0.1:{free_port()}")
    ready = readiness(server)
    assert ready is not None and ready["status"] == "ready" and ready["model"]["name"]
    assert readiness(f"http://127.0.0.1:{free_port()}") is None


def test_serving_keeps_the_log_where_asked_and_stops_the_server(tmp_path: Path) -> None:
    log = tmp_path / "gunicorn.log"
    with serving({"WEB_CONCURRENCY": "1"}, log=log) as served:
        assert served.ready["model"] == requests.get(f"{served.url}/readyz", timeout=10).json()["model"]
        assert served.pid in procfs.children(os.getpid()) and procfs.children(served.pid)
    assert served.process.poll() is not None
    assert not is_ready(served.url)
    assert f"Listening at: {served.url}" in log.read_text(encoding="utf-8")


def test_a_server_that_cannot_start_is_said_with_the_tail_of_its_log() -> None:
    with pytest.raises(ServerDidNotStart, match=r"exited with \d+:\n(.|\n)*QUOTES_MAX_CHARS must be a positive integer"):
        with serving({"QUOTES_MAX_CHARS": "many"}):
            pytest.fail("a server with a setting it cannot read said it was ready")


def test_a_server_not_ready_in_time_is_stopped() -> None:
    before = set(procfs.children(os.getpid()))
    with pytest.raises(ServerDidNotStart, match="was not ready within 0 s"):
        with serving(startup_seconds=0):
            pytest.fail("ready at once")
    assert set(procfs.children(os.getpid())) <= before
