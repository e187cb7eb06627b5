"""``openapi.yaml`` is the one contract: valid, served as is, and matched by the code."""

from __future__ import annotations

from flask.testing import FlaskClient
from openapi_spec_validator import validate

from service.attribution.lexicon import RULE_CONFIDENCE
from service.attribution.quotes import DIRECT_RULES, UNATTRIBUTED, continuation
from service.attribution.speakers import SPEAKER_RULES
from service.routes import OPENAPI_PATH
from service.schemas import QuoteSchema, SpeakerEntrySchema, SpeakerSchema
from tests.contract import SPEC_PATH, spec


def test_spec_is_valid_openapi_31() -> None:
    validate(spec())


def test_service_serves_the_top_level_spec(client: FlaskClient) -> None:
    assert OPENAPI_PATH.resolve() == SPEC_PATH
    assert client.get("/openapi.yaml").data == SPEC_PATH.read_bytes()


def test_rule_names_in_spec_are_the_rules_in_code() -> None:
    documented = set(spec()["components"]["schemas"]["Quote"]["properties"]["rule"]["enum"])
    in_code = {rule.__name__ for rule in (*DIRECT_RULES, continuation)} | {name for name, _ in SPEAKER_RULES}
    in_code |= {"governed_fragment", UNATTRIBUTED}
    assert documented == in_code
    assert documented <= set(RULE_CONFIDENCE)


def test_response_schemas_list_the_fields_the_spec_requires() -> None:
    schemas = spec()["components"]["schemas"]
    for name, schema in (("Quote", QuoteSchema), ("Speaker", SpeakerSchema), ("SpeakerEntry", SpeakerEntrySchema)):
        assert list(schema().fields) == schemas[name]["required"], name
