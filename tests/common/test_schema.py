"""The schema hooks shared by every service (common/schema.py)."""

import re
import sys
from typing import Any

import pytest
import yaml

from common.openapi_errors import shared_error_components
from common.schema import NOT_BLANK_NO_NUL_PATTERN, TRIMMED_WHITESPACE
from devtools.devstack import REPO_ROOT

# The error components every schema shares (common/openapi_errors.py): the two response shapes,
# their type enums, their item and its code enum.
SHARED_ERROR_COMPONENTS = [
    "ValidationErrorResponse",
    "ValidationErrorResponseTypeEnum",
    "ValidationError",
    "ValidationErrorCodeEnum",
    "ErrorResponse",
    "ErrorResponseTypeEnum",
    "Error",
    "ErrorCodeEnum",
]


def _error_response(item: str, type_enum: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "type": {"$ref": f"#/components/schemas/{type_enum}"},
            "errors": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
        },
        "required": ["errors", "type"],
    }


def _error(code: Any, attr: Any = None, **extra: Any) -> dict[str, Any]:
    attr_schema = {"type": "string", "nullable": True} if attr is None else {"type": "string", "enum": [attr]}
    return {"type": "object", "properties": {"attr": attr_schema, "code": code, "detail": {"type": "string"}, **extra}}


def _operation(**responses: str) -> dict[str, Any]:
    return {
        "responses": {
            status: {
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                "description": "",
            }
            for status, name in responses.items()
        }
    }


def test_every_error_response_refers_to_one_shared_shape_per_kind() -> None:
    document: dict[str, Any] = {
        "paths": {
            "/a/": {
                "post": _operation(
                    **{
                        "201": "Thing",
                        "400": "ACreateErrorResponse400",
                        "404": "ErrorResponse404",
                        "409": "AConflictResponse",
                    }
                )
            },
            "/b/": {"get": _operation(**{"200": "Thing", "400": "BListValidationError", "404": "ErrorResponse404"})},
        },
        "components": {
            "schemas": {
                "Thing": {"type": "object", "properties": {"status": {"$ref": "#/components/schemas/StatusEnum"}}},
                "StatusEnum": {"type": "string", "enum": ["new"]},
                "ACreateErrorResponse400": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ACreateValidationError"},
                        {"$ref": "#/components/schemas/ParseErrorResponse"},
                    ]
                },
                "ACreateValidationError": _error_response("ACreateError", "ValidationErrorEnum"),
                "ACreateError": {"anyOf": [{"$ref": "#/components/schemas/ACreateLinesINDEXSkuErrorComponent"}]},
                "ACreateLinesINDEXSkuErrorComponent": _error(
                    {"type": "string", "enum": ["blank", "required"]}, "lines.INDEX.sku"
                ),
                "ParseErrorResponse": _error_response("ParseError", "ClientErrorEnum"),
                "ParseError": _error({"$ref": "#/components/schemas/ParseErrorCodeEnum"}),
                "ParseErrorCodeEnum": {"type": "string", "enum": ["parse_error"]},
                "BListValidationError": _error_response("BListCursorErrorComponent", "ValidationErrorEnum"),
                "BListCursorErrorComponent": _error({"type": "string", "enum": ["invalid_cursor"]}, "cursor"),
                "ErrorResponse404": _error_response("Error404", "ClientErrorEnum"),
                "Error404": _error({"$ref": "#/components/schemas/ErrorCode404Enum"}),
                "ErrorCode404Enum": {"type": "string", "enum": ["not_found"]},
                "AConflictResponse": _error_response("AConflict", "ClientErrorEnum"),
                "AConflict": _error(
                    {"type": "string", "enum": ["short"]}, sku={"type": "string", "description": "The short SKU."}
                ),
                "ValidationErrorEnum": {"type": "string", "enum": ["validation_error"]},
                "ClientErrorEnum": {"type": "string", "enum": ["client_error"]},
            }
        },
    }
    result = shared_error_components(document)
    schemas = result["components"]["schemas"]
    # Only the success's components and the two shared shapes are left.
    assert sorted(schemas) == sorted(["Thing", "StatusEnum", *SHARED_ERROR_COMPONENTS])
    a, b = result["paths"]["/a/"]["post"]["responses"], result["paths"]["/b/"]["get"]["responses"]

    def shape(response: dict[str, Any]) -> str:
        return str(response["content"]["application/json"]["schema"]["$ref"]).rsplit("/", 1)[-1]

    assert [shape(a["400"]), shape(b["400"])] == ["ValidationErrorResponse"] * 2
    assert [shape(a["404"]), shape(a["409"]), shape(b["404"])] == ["ErrorResponse"] * 3
    assert a["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Thing"}
    # Every documented code stays in the schema: on the shared shape, and per operation.
    assert schemas["ValidationErrorCodeEnum"]["enum"] == ["blank", "invalid_cursor", "parse_error", "required"]
    assert schemas["ValidationErrorResponseTypeEnum"]["enum"] == ["client_error", "validation_error"]
    assert schemas["ErrorCodeEnum"]["enum"] == ["not_found", "short"]
    assert schemas["Error"]["properties"]["sku"] == {"type": "string", "description": "The short SKU."}
    assert "sku" not in schemas["Error"]["required"]
    assert "- `lines.<index>.sku`: `blank`, `required`" in a["400"]["description"]
    assert "- `null`: `parse_error`" in a["400"]["description"]
    assert "`parse_error`" not in b["400"]["description"]
    assert a["409"]["description"] == "Codes: `short`."


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


def _schema(service: str) -> dict[str, Any]:
    return dict(yaml.safe_load((REPO_ROOT / f"{service}_service" / "openapi.yaml").read_text()))


def _operations(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    ]


@pytest.mark.parametrize("service", ["accounts", "catalog", "orders"])
def test_the_committed_schemas_share_their_error_shapes(service: str) -> None:
    schema = _schema(service)
    errors = {
        f"{where} {status}": response["content"]
        for where, operation in _operations(schema)
        for status, response in operation["responses"].items()
        if status[0] in "45"
    }
    assert errors

    def expected(status: str) -> str:
        return "ValidationErrorResponse" if status == "400" else "ErrorResponse"

    wrong = {
        where: content
        for where, content in errors.items()
        if content
        != {
            "application/json": {
                **content.get("application/json", {}),
                "schema": {"$ref": f"#/components/schemas/{expected(where.rsplit(' ', 1)[1])}"},
            }
        }
    }
    assert wrong == {}
    error_components = sorted(
        name for name in schema["components"]["schemas"] if "Error" in name and "Import" not in name
    )
    assert error_components == sorted(SHARED_ERROR_COMPONENTS)


@pytest.mark.parametrize("service", ["accounts", "catalog", "orders"])
def test_every_list_answers_one_page_shape(service: str) -> None:
    schema = _schema(service)
    components = schema["components"]["schemas"]
    pages = [name for name in components if name.startswith("Paginated")]
    assert pages
    for name in pages:
        page = components[name]
        assert page["required"] == ["next", "next_cursor", "previous", "results"], name
        assert all(page["properties"][field]["nullable"] for field in ("next", "next_cursor", "previous")), name


def test_public_catalog_reads_document_the_token_as_optional() -> None:
    schema = _schema("catalog")
    optional = {where for where, operation in _operations(schema) if operation.get("security") == [{}, {"jwtAuth": []}]}
    assert optional == {
        "GET /api/v1/categories/",
        "GET /api/v1/categories/{category_id}/",
        "GET /api/v1/products/",
        "GET /api/v1/products/{sku}/",
        "GET /api/v1/stock/availability/",
        "POST /api/v1/stock/availability/",
    }


def test_the_sales_report_names_its_grouping_exactly() -> None:
    components = _schema("orders")["components"]["schemas"]
    assert components["SalesReport"]["properties"]["group_by"] == {"$ref": "#/components/schemas/GroupByEnum"}
    assert components["GroupByEnum"]["enum"] == ["day", "month", "sku"]
