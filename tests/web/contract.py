"""Hold responses to ``openapi.yaml``: status documented, media type and body as specified."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import TestResponse

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_URI = "urn:quotes:openapi"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT202012))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_spec(method: str, path: str, status: int) -> dict[str, Any]:
    """The documented response of an operation for a status (or its ``default``)."""
    responses = spec()["paths"][path][method.lower()]["responses"]
    found = responses.get(str(status)) or responses.get("default")
    assert found is not None, f"{method} {path} does not document status {status}"
    return _resolve(found)


def validate_body(schema_pointer: str, body: Any) -> None:
    """Validate ``body`` against the schema at a JSON pointer into the spec."""
    validator = Draft202012Validator({"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=_registry())
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def assert_conforms(response: TestResponse | Any, method: str, path: str, *, status: int | None = None) -> None:
    """The response's status, media type and body are as ``openapi.yaml`` says."""
    code = response.status_code
    if status is not None:
        assert code == status, response.text if hasattr(response, "text") else code
    documented = response_spec(method, path, code)
    media_type = response.headers["Content-Type"].split(";")[0].strip()
    content = documented.get("content", {})
    assert media_type in content, f"{method} {path} {code}: {media_type} is not among {sorted(content)}"
    if media_type.endswith("json"):
        schema = content[media_type]["schema"]
        body = json.loads(response.content if hasattr(response, "content") else response.get_data())
        if "$ref" in schema:
            validate_body(schema["$ref"].removeprefix("#"), body)
        else:
            pointer = _pointer_of(schema, method, path, code, media_type)
            validate_body(pointer, body)


def _pointer_of(schema: dict[str, Any], method: str, path: str, code: int, media_type: str) -> str:
    """The JSON pointer of an inline response schema."""
    responses = spec()["paths"][path][method.lower()]["responses"]
    key = str(code) if str(code) in responses else "default"
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"/paths/{escaped}/{method.lower()}/responses/{key}/content/{media_type.replace('/', '~1')}/schema"
