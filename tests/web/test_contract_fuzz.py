"""schemathesis against ``openapi.yaml`` and the app, in process: no 5xx, and every answer as the contract says.

schemathesis writes requests from the contract, valid and invalid (wrong
types, missing and unknown fields, other media types and methods), sends them
to the Flask app over WSGI and checks each answer: no server error, a
documented status, the documented media type, a body of the documented schema
and documented headers. The app runs on a blank pipeline with small limits, so
413s come cheap. Examples are derandomized (the same requests every run) and
bounded in number.
"""

from __future__ import annotations

import pytest
import schemathesis
import spacy
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.web.app import create_app
from tests.web.contract import SPEC_PATH, assert_conforms

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def contract(*modes: GenerationMode) -> schemathesis.BaseSchema:
    """``openapi.yaml`` as schemathesis reads it, generating requests of the given kinds."""
    schema = schemathesis.openapi.from_path(SPEC_PATH)
    schema.config.generation.update(modes=list(modes))
    return schema


# Loaded at import, as schemathesis needs to generate the tests; the app itself
# comes from a fixture (``schemathesis.pytest.from_fixture`` would build it
# lazily, but it reads a pytest attribute that pytest 9 no longer has).
EVERY_REQUEST = contract(GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
VALID_REQUESTS = contract(GenerationMode.POSITIVE)


@pytest.fixture(scope="module")
def fuzz_app() -> Flask:
    return create_app(
        {"max_chars": 2000, "max_body_bytes": 20_000, "batch_max_documents": 5, "batch_max_chars": 5000},
        nlp=spacy.blank("en"),
    )


@EVERY_REQUEST.exclude(path="/v1/quotes/batch").exclude(path="/openapi.yaml").parametrize()
@FUZZ
def test_every_answer_is_as_the_contract_says(case: schemathesis.Case, fuzz_app: Flask) -> None:
    case.call_and_validate(app=fuzz_app, checks=CHECKS)


@EVERY_REQUEST.include(path="/v1/quotes/batch").parametrize()
@FUZZ
def test_every_batch_answer_is_as_the_contract_says(case: schemathesis.Case, fuzz_app: Flask) -> None:
    case.call_and_validate(app=fuzz_app, checks=CHECKS)


@VALID_REQUESTS.include(path="/v1/quotes/batch").parametrize()
@FUZZ
def test_every_answer_to_a_valid_batch_is_as_the_contract_says(case: schemathesis.Case, fuzz_app: Flask) -> None:
    """The batch endpoint on requests that hold ``documents``, while the test above fails on one that does not."""
    case.call_and_validate(app=fuzz_app, checks=CHECKS)


@EVERY_REQUEST.include(path="/openapi.yaml").parametrize()
@FUZZ
def test_the_contract_describes_itself(case: schemathesis.Case, fuzz_app: Flask) -> None:
    case.call_and_validate(app=fuzz_app, checks=CHECKS)


def test_a_batch_without_documents_is_a_422_naming_the_field(fuzz_app: Flask) -> None:
    """What schemathesis found, as a plain reproducer."""
    response = fuzz_app.test_client().post("/v1/quotes/batch", json={})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=422)
    assert [e["field"] for e in response.get_json()["errors"]] == ["documents"]
