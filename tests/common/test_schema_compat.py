"""The breaking-change check of the committed schemas (scripts/schema_compat.py, make schema-compat)."""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.schema_compat import SERVICES, breaking_changes, check

Schema = dict[str, Any]


def base_schema() -> Schema:
    """A small schema in drf-spectacular's shapes: components by $ref, nested models by allOf."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "1.0.0"},
        "paths": {
            "/api/v1/orders/": {
                "get": {
                    "operationId": "orders_list",
                    "parameters": [
                        {"in": "query", "name": "status", "schema": {"$ref": "#/components/schemas/StatusEnum"}},
                        {"in": "query", "name": "page_size", "schema": {"type": "integer", "maximum": 200}},
                    ],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
                                }
                            }
                        },
                        "401": {"content": {"application/json": {"schema": {"type": "object"}}}},
                    },
                },
                "post": {
                    "operationId": "orders_create",
                    "parameters": [{"in": "header", "name": "Idempotency-Key", "required": True, "schema": {}}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/OrderCreateRequest"}}
                        },
                    },
                    "responses": {
                        "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}
                    },
                },
            },
            "/api/v1/orders/{id}/": {
                "get": {
                    "operationId": "orders_retrieve",
                    "responses": {
                        "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "StatusEnum": {"type": "string", "enum": ["pending", "confirmed", "cancelled"]},
                "Order": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "status": {"$ref": "#/components/schemas/StatusEnum"},
                        "total": {"type": "string", "nullable": True},
                        "lines": {"type": "array", "items": {"$ref": "#/components/schemas/OrderLine"}},
                        "address": {"allOf": [{"$ref": "#/components/schemas/Address"}], "description": "Where."},
                        "note": {"type": "string"},
                    },
                    "required": ["id", "status", "total", "lines", "address"],
                },
                "OrderLine": {
                    "type": "object",
                    "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer"}},
                    "required": ["sku", "quantity"],
                },
                "Address": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
                    "required": ["city", "country"],
                },
                "OrderCreateRequest": {
                    "type": "object",
                    "properties": {
                        "lines": {
                            "type": "array",
                            "maxItems": 100,
                            "items": {
                                "type": "object",
                                "properties": {
                                    "sku": {"type": "string", "maxLength": 64},
                                    "quantity": {"type": "integer", "minimum": 1},
                                },
                                "required": ["sku", "quantity"],
                            },
                        },
                        "coupon": {"type": "string", "nullable": True},
                    },
                    "required": ["lines"],
                },
            }
        },
    }


def changed(edit: Callable[[Schema], object]) -> list[str]:
    old = base_schema()
    new = copy.deepcopy(old)
    edit(new)
    return breaking_changes(old, new)


def schemas(document: Schema) -> dict[str, Schema]:
    result: dict[str, Schema] = document["components"]["schemas"]
    return result


def test_an_unchanged_schema_has_no_breaking_change() -> None:
    assert changed(lambda new: None) == []


BREAKING: dict[str, tuple[Callable[[Schema], object], str]] = {
    "operation removed": (
        lambda new: new["paths"]["/api/v1/orders/{id}/"].pop("get"),
        "GET /api/v1/orders/{id}/: operation removed",
    ),
    "path removed": (
        lambda new: new["paths"].pop("/api/v1/orders/{id}/"),
        "GET /api/v1/orders/{id}/: operation removed",
    ),
    "success status removed": (
        lambda new: new["paths"]["/api/v1/orders/"]["post"]["responses"].update(
            {"202": new["paths"]["/api/v1/orders/"]["post"]["responses"].pop("201")}
        ),
        "POST /api/v1/orders/: response 201 removed",
    ),
    "response field removed": (
        lambda new: schemas(new)["Order"]["properties"].pop("note"),
        "GET /api/v1/orders/: response 200 application/json[]: field note removed",
    ),
    "nested response field removed": (
        lambda new: schemas(new)["OrderLine"]["properties"].pop("quantity"),
        "GET /api/v1/orders/: response 200 application/json[].lines[]: field quantity removed",
    ),
    "response field behind allOf removed": (
        lambda new: schemas(new)["Address"]["properties"].pop("country"),
        "GET /api/v1/orders/: response 200 application/json[].address: field country removed",
    ),
    "response field made optional": (
        lambda new: schemas(new)["Order"]["required"].remove("status"),
        "GET /api/v1/orders/: response 200 application/json[]: field status may now be missing",
    ),
    "response field type changed": (
        lambda new: schemas(new)["OrderLine"]["properties"].update(quantity={"type": "string"}),
        "GET /api/v1/orders/: response 200 application/json[].lines[].quantity: type integer became string",
    ),
    "response field made nullable": (
        lambda new: schemas(new)["Order"]["properties"]["id"].update(nullable=True),
        "GET /api/v1/orders/: response 200 application/json[].id: may now be null",
    ),
    "new required request field": (
        lambda new: (
            schemas(new)["OrderCreateRequest"]["properties"].update(channel={"type": "string"}),
            schemas(new)["OrderCreateRequest"]["required"].append("channel"),
        ),
        "POST /api/v1/orders/: request application/json: field channel new and required",
    ),
    "optional request field made required": (
        lambda new: schemas(new)["OrderCreateRequest"]["required"].append("coupon"),
        "POST /api/v1/orders/: request application/json: field coupon now required",
    ),
    "new required parameter": (
        lambda new: new["paths"]["/api/v1/orders/"]["get"]["parameters"].append(
            {"in": "query", "name": "region", "required": True, "schema": {"type": "string"}}
        ),
        "GET /api/v1/orders/: query parameter region: new and required",
    ),
    "request type narrowed": (
        lambda new: schemas(new)["OrderCreateRequest"]["properties"]["lines"]["items"]["properties"].update(
            quantity={"type": "string"}
        ),
        "POST /api/v1/orders/: request application/json.lines[].quantity: type integer became string",
    ),
    "request upper bound tightened": (
        lambda new: schemas(new)["OrderCreateRequest"]["properties"]["lines"]["items"]["properties"]["sku"].update(
            maxLength=32
        ),
        "POST /api/v1/orders/: request application/json.lines[].sku: maxLength tightened to 32",
    ),
    "request lower bound added": (
        lambda new: schemas(new)["OrderCreateRequest"]["properties"]["lines"].update(minItems=2),
        "POST /api/v1/orders/: request application/json.lines: minItems tightened to 2",
    ),
    "request pattern added": (
        lambda new: schemas(new)["OrderCreateRequest"]["properties"]["lines"]["items"]["properties"]["sku"].update(
            pattern="^[A-Z]+$"
        ),
        "POST /api/v1/orders/: request application/json.lines[].sku: pattern now ^[A-Z]+$",
    ),
    "request null refused": (
        lambda new: schemas(new)["OrderCreateRequest"]["properties"]["coupon"].pop("nullable"),
        "POST /api/v1/orders/: request application/json.coupon: null no longer accepted",
    ),
    "parameter enum value removed": (
        lambda new: schemas(new)["StatusEnum"]["enum"].remove("cancelled"),
        "GET /api/v1/orders/: query parameter status: enum narrowed to ['pending', 'confirmed']",
    ),
    "parameter bound tightened": (
        lambda new: new["paths"]["/api/v1/orders/"]["get"]["parameters"][1]["schema"].update(maximum=100),
        "GET /api/v1/orders/: query parameter page_size: maximum tightened to 100",
    ),
    "response enum value added": (
        lambda new: schemas(new)["StatusEnum"]["enum"].append("refunded"),
        "GET /api/v1/orders/: response 200 application/json[].status: enum widened to "
        "['pending', 'confirmed', 'cancelled', 'refunded']",
    ),
    "header parameter now required": (
        lambda new: new["paths"]["/api/v1/orders/"]["get"]["parameters"].append(
            {"in": "header", "name": "If-None-Match", "required": True, "schema": {"type": "string"}}
        ),
        "GET /api/v1/orders/: header parameter if-none-match: new and required",
    ),
}


@pytest.mark.parametrize("kind", sorted(BREAKING))
def test_each_breaking_kind_is_reported(kind: str) -> None:
    edit, expected = BREAKING[kind]
    assert expected in changed(edit)


def test_additive_and_widening_changes_are_not_breaking() -> None:
    def edit(new: Schema) -> None:
        new["paths"]["/api/v1/products/"] = {"get": {"operationId": "products_list", "responses": {"200": {}}}}
        new["paths"]["/api/v1/orders/"]["get"]["parameters"].append(
            {"in": "query", "name": "q", "schema": {"type": "string"}}
        )
        new["paths"]["/api/v1/orders/"]["get"]["responses"]["400"] = {"content": {}}
        schemas(new)["Order"]["properties"]["currency"] = {"type": "string"}
        schemas(new)["Order"]["required"].append("note")  # an optional response field now always sent
        schemas(new)["OrderCreateRequest"]["properties"]["gift"] = {"type": "boolean"}
        request_line = schemas(new)["OrderCreateRequest"]["properties"]["lines"]
        request_line.update(maxItems=500)
        request_line["items"]["properties"]["sku"].pop("maxLength")
        request_line["items"]["properties"]["quantity"] = {"type": "number", "minimum": 0}
        status_filter = new["paths"]["/api/v1/orders/"]["get"]["parameters"][0]
        status_filter["schema"] = {"type": "string", "enum": ["pending", "confirmed", "cancelled", "refunded"]}
        schemas(new)["Order"]["properties"]["total"].pop("nullable")  # never null any more
        new["paths"]["/api/v1/orders/"]["get"]["responses"].pop("401")  # errors are not compared

    assert changed(edit) == []


def test_a_recursive_model_is_compared_without_looping() -> None:
    old = base_schema()
    schemas(old)["Address"]["properties"]["parent"] = {"$ref": "#/components/schemas/Address"}
    new = copy.deepcopy(old)
    schemas(new)["Address"]["properties"].pop("city")
    found = breaking_changes(old, new)
    assert "GET /api/v1/orders/: response 200 application/json[].address: field city removed" in found
    # The allOf-wrapped address and its $ref'd parent are walked; the parent's parent is the same
    # pair of components again, where the walk stops.
    assert found[1:] == ["GET /api/v1/orders/: response 200 application/json[].address.parent: field city removed"]


# --- against git history: the baseline a fresh clone, a branch or a release tag gives -----


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def commit_schemas(repo: Path, schema: Schema, message: str) -> None:
    for service in SERVICES:
        path = repo / f"{service}_service" / "openapi.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(schema))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.com")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "README.md").write_text("x\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def results(repo: Path) -> list[tuple[bool, str]]:
    return list(check(repo))


def without_retrieve() -> Schema:
    schema = base_schema()
    del schema["paths"]["/api/v1/orders/{id}/"]
    return schema


def test_a_first_commit_has_nothing_to_compare(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.com")
    git(tmp_path, "config", "user.name", "Test")
    commit_schemas(tmp_path, base_schema(), "schemas")
    outcome = results(tmp_path)
    assert all(passed for passed, _ in outcome)
    assert "no earlier commit" in outcome[0][1]


def test_the_first_commit_touching_a_schema_passes(repo: Path) -> None:
    commit_schemas(repo, base_schema(), "schemas")
    outcome = results(repo)
    assert all(passed for passed, _ in outcome)
    assert "nothing to break" in outcome[0][1]


def test_a_breaking_commit_on_main_fails_against_the_previous_one(repo: Path) -> None:
    commit_schemas(repo, base_schema(), "schemas")
    commit_schemas(repo, without_retrieve(), "drop retrieve")
    outcome = results(repo)
    assert not any(passed for passed, _ in outcome)
    assert "GET /api/v1/orders/{id}/: operation removed" in outcome[0][1]
    assert "(1.0.0)" in outcome[0][1]


def test_a_raised_version_lets_a_breaking_change_pass(repo: Path) -> None:
    commit_schemas(repo, base_schema(), "schemas")
    raised = without_retrieve()
    raised["info"]["version"] = "2.0.0"
    commit_schemas(repo, raised, "drop retrieve in 2.0.0")
    outcome = results(repo)
    assert all(passed for passed, _ in outcome)
    assert "version raised" in outcome[0][1]


def test_a_branch_is_compared_with_main_where_it_forked(repo: Path) -> None:
    commit_schemas(repo, base_schema(), "schemas")
    git(repo, "checkout", "-q", "-b", "feature")
    commit_schemas(repo, without_retrieve(), "drop retrieve")
    (repo / "README.md").write_text("y\n")
    git(repo, "commit", "-q", "-am", "a later commit on the branch")
    outcome = results(repo)
    assert not any(passed for passed, _ in outcome)
    assert "where this work forked" in outcome[0][1]


def test_the_last_release_tag_is_the_baseline(repo: Path) -> None:
    commit_schemas(repo, base_schema(), "schemas")
    git(repo, "tag", "v1.0.0")
    widened = base_schema()
    schemas(widened)["Order"]["properties"]["currency"] = {"type": "string"}
    commit_schemas(repo, widened, "add currency")
    commit_schemas(repo, base_schema(), "drop currency again")  # breaking against HEAD^, not against v1.0.0
    outcome = results(repo)
    assert all(passed for passed, _ in outcome)
    assert "the last release tag v1.0.0" in outcome[0][1]
