"""API keys, CORS and the headers every response carries."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.web.access import key_is_valid
from service.web.app import create_app
from service.config import ConfigError, Settings
from tests.web.contract import assert_conforms

KEY = "k" * 20
OTHER_KEY = "o" * 24
TEXT = {"text": "“The bridge will reopen,” said Ana Ruiz."}


@pytest.fixture
def keyed(blank_nlp: Language) -> FlaskClient:
    return create_app({"api_keys": (KEY, OTHER_KEY)}, nlp=blank_nlp).test_client()


@pytest.fixture
def cors(blank_nlp: Language) -> FlaskClient:
    return create_app({"cors_origins": ("https://cms.example.org",)}, nlp=blank_nlp).test_client()


def test_without_keys_configured_no_key_is_needed(client: FlaskClient) -> None:
    assert client.post("/v1/quotes", json=TEXT).status_code == 200


def test_a_request_without_a_key_is_401_problem(keyed: FlaskClient) -> None:
    response = keyed.post("/v1/quotes", json=TEXT)
    assert_conforms(response, "POST", "/v1/quotes", status=401)
    body = response.get_json()
    assert body["type"] == "/problems/unauthorized" and "API key" in body["detail"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_key_is_401(keyed: FlaskClient) -> None:
    response = keyed.post("/v1/quotes", json=TEXT, headers={"Authorization": "Bearer " + "x" * 20})
    assert response.status_code == 401 and "not valid" in response.get_json()["detail"]


@pytest.mark.parametrize(
    "headers", [{"Authorization": f"Bearer {KEY}"}, {"X-API-Key": OTHER_KEY}, {"authorization": f"bearer {KEY}"}]
)
def test_a_valid_key_in_either_header_is_let_in(keyed: FlaskClient, headers: dict[str, str]) -> None:
    assert keyed.post("/v1/quotes", json=TEXT, headers=headers).status_code == 200
    assert keyed.post("/v1/quotes/batch", json={"documents": [{"id": "a", **TEXT}]}, headers=headers).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.yaml", "/"])
def test_health_metrics_contract_and_page_stay_open(keyed: FlaskClient, path: str) -> None:
    assert keyed.get(path).status_code == 200


def test_keys_are_compared_whole() -> None:
    assert key_is_valid(KEY, (OTHER_KEY, KEY))
    assert not key_is_valid(KEY[:-1], (KEY,))
    assert not key_is_valid(KEY + "x", (KEY,))
    assert not key_is_valid("", (KEY,))


def test_short_keys_and_bad_origins_are_refused_at_start_up() -> None:
    with pytest.raises(ConfigError, match="QUOTES_API_KEYS"):
        Settings.from_env({"QUOTES_API_KEYS": "short"})
    with pytest.raises(ConfigError, match="QUOTES_CORS_ORIGINS"):
        Settings.from_env({"QUOTES_CORS_ORIGINS": "cms.example.org/path"})
    assert Settings.from_env({"QUOTES_API_KEYS": f" {KEY} , {OTHER_KEY},"}).api_keys == (KEY, OTHER_KEY)


def test_an_allowed_origin_may_read_the_answer(cors: FlaskClient) -> None:
    response = cors.post("/v1/quotes", json=TEXT, headers={"Origin": "https://cms.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://cms.example.org"
    assert "Server-Timing" in response.headers["Access-Control-Expose-Headers"]
    assert "Origin" in response.headers["Vary"]


def test_another_origin_gets_no_cors_headers(cors: FlaskClient) -> None:
    response = cors.post("/v1/quotes", json=TEXT, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_no_origin_is_allowed_by_default(client: FlaskClient) -> None:
    response = client.post("/v1/quotes", json=TEXT, headers={"Origin": "https://cms.example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_preflight_is_answered_without_a_key(blank_nlp: Language) -> None:
    client = create_app(
        {"cors_origins": ("https://cms.example.org",), "api_keys": (KEY,)}, nlp=blank_nlp
    ).test_client()
    response = client.options(
        "/v1/quotes",
        headers={
            "Origin": "https://cms.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization",
        },
    )
    assert response.status_code == 200
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]


def test_any_origin_with_a_star(blank_nlp: Language) -> None:
    client = create_app({"cors_origins": ("*",)}, nlp=blank_nlp).test_client()
    response = client.post("/v1/quotes", json=TEXT, headers={"Origin": "https://anywhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", ["/", "/v1/quotes", "/nowhere"])
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
