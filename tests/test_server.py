"""The real thing: gunicorn with the project's config on a free loopback port, spoken to with requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from tests.contract import assert_conforms
from service.server import free_port, is_ready
from tests.servers import running_server

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
