"""``openapi.yaml`` is the one contract: valid, served as is, and matched by the code."""

from __future__ import annotations

from flask.testing import FlaskClient
from openapi_spec_validator import validate

from service.attribution import Pronoun, SpeakerKind
from service.attribution.rules import Rule
from service.intake.schemas import QuoteSchema, SpeakerEntrySchema, SpeakerSchema
from service.web.routes import OPENAPI_PATH
from tests.web.contract import SPEC_PATH, spec


def test_spec_is_valid_openapi_31() -> None:
    validate(spec())


def test_service_serves_the_top_level_spec(client: FlaskClient) -> None:
    assert OPENAPI_PATH.resolve() == SPEC_PATH
    assert client.get("/openapi.yaml").data == SPEC_PATH.read_bytes()


def test_rule_names_in_spec_are_the_rules_in_code() -> None:
    documented = spec()["components"]["schemas"]["Quote"]["properties"]["rule"]["enum"]
    assert documented == [rule.value for rule in Rule]


def test_speaker_kinds_and_pronouns_in_spec_are_the_enums_in_code() -> None:
    schemas = spec()["components"]["schemas"]
    assert schemas["SpeakerKind"]["enum"] == [kind.value for kind in SpeakerKind] + [None]
    assert schemas["SpeakerPronoun"]["enum"] == [pronoun.value for pronoun in Pronoun] + [None]


def test_response_schemas_have_the_fields_the_spec_lists() -> None:
    schemas = spec()["components"]["schemas"]
    for name, schema in (("Quote", QuoteSchema), ("Speaker", SpeakerSchema), ("SpeakerEntry", SpeakerEntrySchema)):
        fields = list(schema().fields)
        assert [field for field in fields if field in schemas[name]["required"]] == schemas[name]["required"], name
        assert set(fields) <= set(schemas[name]["properties"]), name


def test_the_served_file_is_a_link_to_the_contract_not_a_copy() -> None:
    # One source of truth: service/web/openapi.yaml points at the top-level file (the wheel
    # holds its contents, tests/test_wheel.py).
    assert OPENAPI_PATH.is_symlink() and OPENAPI_PATH.resolve() == SPEC_PATH
