"""The schema hooks shared by every service (common/schema.py)."""

import re
import sys
from typing import Any

import pytest
import yaml

from common.devstack import REPO_ROOT
from common.schema import NOT_BLANK_NO_NUL_PATTERN, TRIMMED_WHITESPACE, attr_placeholders_as_patterns


def _components(**schemas: Any) -> dict[str, Any]:
    return {"components": {"schemas": schemas}}


def test_an_attr_with_placeholders_is_documented_as_the_pattern_real_errors_match() -> None:
    item = {"properties": {"attr": {"enum": ["lines.INDEX.sku"], "type": "string"}}}
    extra_key = {"properties": {"attr": {"enum": ["shipping_address.KEY"], "type": "string"}}}
    plain = {"properties": {"attr": {"enum": ["reference"], "type": "string"}}}
    errors = {
        "oneOf": [{"$ref": "#/a"}, {"$ref": "#/b"}, {"$ref": "#/c"}],
        "discriminator": {"propertyName": "attr", "mapping": {"lines.INDEX.sku": "#/a", "reference": "#/c"}},
    }
    result = attr_placeholders_as_patterns(_components(item=item, extra_key=extra_key, plain=plain, errors=errors))
    schemas = result["components"]["schemas"]

    item_pattern = schemas["item"]["properties"]["attr"]["pattern"]
    assert re.match(item_pattern, "lines.12.sku")
    assert not re.match(item_pattern, "lines.INDEX.sku")
    assert not re.match(item_pattern, "lines.1.quantity")
    assert "enum" not in schemas["item"]["properties"]["attr"]
    assert re.match(schemas["extra_key"]["properties"]["attr"]["pattern"], "shipping_address.a.b\n")
    # A JSON key can be empty: an unknown "" inside the address is refused as "shipping_address."
    # (found by fuzzing: the 400 did not match its documented pattern).
    assert re.match(schemas["extra_key"]["properties"]["attr"]["pattern"], "shipping_address.")
    assert schemas["plain"]["properties"]["attr"] == {"enum": ["reference"], "type": "string"}
    # No real attr is "lines.INDEX.sku": the choice between the errors is by their schemas alone.
    assert "discriminator" not in schemas["errors"]
    assert schemas["errors"]["anyOf"] == [{"$ref": "#/a"}, {"$ref": "#/b"}, {"$ref": "#/c"}]


def test_a_required_text_pattern_trims_what_drf_trims() -> None:
    # DRF trims with str.strip(); the schema must call blank exactly what it then refuses.
    whitespace = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    in_class = {chr(code) for code in range(sys.maxunicode + 1) if re.fullmatch(f"[{TRIMMED_WHITESPACE}]", chr(code))}
    assert in_class == whitespace
    for char in whitespace:
        assert not re.search(NOT_BLANK_NO_NUL_PATTERN, char * 3)
        assert re.search(NOT_BLANK_NO_NUL_PATTERN, f"{char}x{char}")
    assert re.search(NOT_BLANK_NO_NUL_PATTERN, "\ufeff")  # text to Python, though ECMA's \s has it
    assert not re.search(NOT_BLANK_NO_NUL_PATTERN, "x\x00")


def _request_components(schema: dict[str, Any]) -> set[str]:
    """The components a request body of ``schema`` names, and those they name, transitively."""
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.rsplit("/", 1)[-1] not in found:
                name = ref.rsplit("/", 1)[-1]
                found.add(name)
                visit(schema["components"]["schemas"][name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for item in schema["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                visit(operation["requestBody"])
    return found


@pytest.mark.parametrize("service", ["accounts", "catalog", "orders"])
def test_every_request_body_object_forbids_additional_properties(service: str) -> None:
    # common.serializers.StrictSerializer refuses an unknown key: the committed schema says so, so
    # that generated clients and schemathesis know it (tests/e2e/test_unknown_fields.py proves it).
    schema = yaml.safe_load((REPO_ROOT / f"{service}_service" / "openapi.yaml").read_text())
    components = schema["components"]["schemas"]
    objects = sorted(name for name in _request_components(schema) if "properties" in components[name])
    assert objects
    assert [name for name in objects if components[name].get("additionalProperties") is not False] == []
