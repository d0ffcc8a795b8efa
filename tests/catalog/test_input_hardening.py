"""Malformed input anywhere answers 4xx in the standard error shape, never a 500."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(make_product: Callable[..., Product]) -> Product:
    return make_product("P-1", stock=5)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "shoe\x00"},
        {"q": "x" * 201},
        {"category": "shoes"},
        {"category": "9" * 40},
        {"category": "-1"},
        {"price_min": "1e9999"},
        {"price_min": "NaN"},
        {"price_min": "abc"},
        {"price_max": "-5"},
        {"price_min": "10", "price_max": "5"},
        {"currency": "euro"},
        {"in_stock": "perhaps"},
        {"updated_since": "yesterday"},
        {"updated_since": "2026-13-45T99:00:00Z"},
        {"ordering": "sku"},
        {"ordering": "-relevance"},
        {"attributes": "{not json"},
        {"attributes": "[1, 2]"},
        {"attributes": '{"a": NaN}'},
        {"attributes": "x" * 2001},
        # Deeper than Python's json recurses (it raised RecursionError, a 500), and one level
        # over the limit of every JSON the services read (common.request_limits).
        {"attributes": '{"a": ' + "[" * 995 + "]" * 995 + "}"},  # 1,997 characters
        {"attributes": '{"a": ' + "[" * 32 + "]" * 32 + "}"},
        {"updated_since": "0001-01-01T00:00:00Z"},
        {"updated_since": "9999-12-31T23:59:59-14:00"},
        {"attr.": "x"},
        {"attr.bad key": "x"},
        {"attr.color": "red\x00"},
        {"attr.color": "x" * 201},
        {"cursor": "\x00"},
        {"page_size": "0"},
    ],
)
def test_bad_list_parameters(anonymous_client: APIClient, product: Product, params: dict[str, str]) -> None:
    response = anonymous_client.get("/api/v1/products/", params)
    assert response.status_code == 400, (params, response.content)
    assert response.json()["type"] == "validation_error"
    assert errors(response)


def test_too_many_attribute_filters(anonymous_client: APIClient, product: Product) -> None:
    params = {f"attr.k{number}": "v" for number in range(21)}
    response = anonymous_client.get("/api/v1/products/", params)
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "attr"


@pytest.mark.parametrize("params", [{"parent": "x"}, {"parent": "9" * 30}, {"max_depth": "0"}, {"max_depth": "1000"}])
def test_bad_category_parameters(anonymous_client: APIClient, params: dict[str, str]) -> None:
    response = anonymous_client.get("/api/v1/categories/", params)
    assert response.status_code == 400
    assert errors(response)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/products/bad%00sku/",
        "/api/v1/products/has%20space/",
        "/api/v1/products/" + "x" * 300 + "/",
        "/api/v1/products/%E2%98%83/",
        "/api/v1/categories/99999999999999999999999/",
        "/api/v1/categories/-1/",
        "/api/v1/reservations/not-a-uuid/",
        "/api/v1/products/bad%00sku/stock-adjustments/",
    ],
)
def test_unroutable_identifiers_are_404(staff_client: APIClient, path: str) -> None:
    response = staff_client.get(path)
    assert response.status_code == 404
    assert errors(response)[0]["code"] == "not_found"


def test_large_but_valid_category_id_is_404(anonymous_client: APIClient) -> None:
    assert anonymous_client.get("/api/v1/categories/999999999999999999/").status_code == 404


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/api/v1/products/", "post"),
        ("/api/v1/products/P-1/", "patch"),
        ("/api/v1/products/P-1/", "put"),
        ("/api/v1/categories/", "post"),
        ("/api/v1/products/P-1/stock-adjustments/", "post"),
        ("/api/v1/stock/availability/", "post"),
    ],
)
@pytest.mark.parametrize(
    "payload",
    [b"{not json", b'{"name": "\\u0000"}', b"[]", b'"string"', b"123", b'{"price": 1e999999}', b"\xff\xfe"],
)
def test_malformed_bodies(staff_client: APIClient, product: Product, path: str, method: str, payload: bytes) -> None:
    response = getattr(staff_client, method)(path, payload, content_type="application/json")
    assert 400 <= response.status_code < 500, (path, payload, response.content)
    assert errors(response)


def test_non_json_content_type_is_415(staff_client: APIClient) -> None:
    response = staff_client.post("/api/v1/products/", "sku=X", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert errors(response)[0]["code"] == "unsupported_media_type"


@pytest.mark.parametrize(
    "change",
    [
        {"price": 10**40},
        {"price": "1" * 100},
        {"price": [1]},
        {"price": {"amount": 1}},
        {"price": True},
        {"category": 2**70},
        {"category": True},
        {"is_active": "sometimes"},
        {"name": None},
        {"name": ["a"]},
        {"description": "x" * 20_001},
        {"attributes": {"k": "x" * 20_000}},
        {"attributes": {f"k{n}": n for n in range(101)}},
        {"attributes": "string"},
    ],
)
def test_wrong_types_and_sizes_in_product_writes(
    staff_client: APIClient, product: Product, change: dict[str, Any]
) -> None:
    response = staff_client.patch("/api/v1/products/P-1/", change, format="json")
    assert response.status_code == 400, (change, response.content)
    assert errors(response)[0]["attr"] == next(iter(change))


def test_nul_bytes_in_category_writes(staff_client: APIClient, category: Category) -> None:
    response = staff_client.post("/api/v1/categories/", {"name": "a\x00", "slug": "x"}, format="json")
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "name"


@pytest.mark.parametrize("header", ["", "W/", '"', "*,", "\x00"])
def test_odd_conditional_headers_do_not_crash(staff_client: APIClient, product: Product, header: str) -> None:
    read = staff_client.get("/api/v1/products/P-1/", HTTP_IF_NONE_MATCH=header)
    assert read.status_code in {200, 304}
    write = staff_client.patch("/api/v1/products/P-1/", {"name": "n"}, format="json", HTTP_IF_MATCH=header)
    assert write.status_code in {200, 412}


@pytest.mark.parametrize(
    "body",
    [
        {"skus": "A"},
        {"skus": []},
        {"skus": [None]},
        {"skus": ["a\x00"]},
        {"skus": [{"sku": "A"}]},
        {},
    ],
)
def test_bad_availability_queries(anonymous_client: APIClient, body: dict[str, Any]) -> None:
    response = anonymous_client.post("/api/v1/stock/availability/", body, format="json")
    assert response.status_code == 400, response.content
    assert errors(response)[0]["attr"].startswith("skus")
