from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product, StockLevel
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(category: Category) -> dict[str, Any]:
    return {
        "sku": "TSHIRT-RED-M",
        "name": "Red T-shirt",
        "category": category.pk,
        "price": "19.99",
        "currency": "EUR",
        "attributes": {"color": "red", "size": "M"},
    }


def test_create(staff_client: APIClient, body: dict[str, Any]) -> None:
    response = staff_client.post("/api/v1/products/", body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["slug"] == "red-t-shirt"
    assert created["price"] == "19.99"
    assert created["is_active"] is True
    assert response["Location"] == "/api/v1/products/TSHIRT-RED-M/"
    assert response["ETag"]
    # Every product has its stock row, at zero, from the start.
    stock = StockLevel.objects.get(product__sku="TSHIRT-RED-M")
    assert (stock.on_hand, stock.reserved) == (0, 0)


def test_duplicate_sku_is_a_conflict(staff_client: APIClient, body: dict[str, Any]) -> None:
    assert staff_client.post("/api/v1/products/", body, format="json").status_code == 201
    response = staff_client.post("/api/v1/products/", body, format="json")
    assert response.status_code == 409
    assert errors(response)[0] | {"detail": ""} == {"code": "sku_taken", "attr": "sku", "detail": ""}


def test_unknown_category_is_a_validation_error(staff_client: APIClient, body: dict[str, Any]) -> None:
    response = staff_client.post("/api/v1/products/", {**body, "category": 999_999}, format="json")
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "category"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", "-1.00"),
        ("price", "1.001"),
        ("price", "12345678901.00"),
        ("price", "NaN"),
        ("currency", "eur"),
        ("currency", "EURO"),
        ("sku", "has space"),
        ("sku", "-leading-dash"),
        ("sku", "x" * 65),
        ("attributes", ["not", "an", "object"]),
        ("attributes", {"nul": "a\u0000b"}),
        ("attributes", {"deep": {"a": {"b": {"c": {"d": {"e": 1}}}}}}),
        ("name", ""),
        ("name", "x" * 256),
        ("category", "shoes"),
    ],
)
def test_create_validation(staff_client: APIClient, body: dict[str, Any], field: str, value: Any) -> None:
    response = staff_client.post("/api/v1/products/", {**body, field: value}, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["type"] == "validation_error"
    assert errors(response)[0]["attr"] == field


def test_patch_put_and_if_match(
    staff_client: APIClient, make_product: Callable[..., Product], make_category: Callable[..., Category]
) -> None:
    make_product("P-1", name="Old name", attributes={"a": 1})
    etag = staff_client.get("/api/v1/products/P-1/")["ETag"]

    patched = staff_client.patch("/api/v1/products/P-1/", {"price": "5.00"}, format="json", HTTP_IF_MATCH=etag)
    assert patched.status_code == 200, patched.content
    assert (patched.json()["price"], patched.json()["name"]) == ("5.00", "Old name")
    assert patched["ETag"] != etag

    stale = staff_client.patch("/api/v1/products/P-1/", {"price": "6.00"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert errors(stale) == [
        {
            "code": "precondition_failed",
            "detail": "The resource has changed since you read it; read it again and retry.",
            "attr": None,
        }
    ]
    assert Product.objects.get(sku="P-1").price == 5

    other = make_category("Other")
    replaced = staff_client.put(
        "/api/v1/products/P-1/",
        {"name": "New name", "category": other.pk, "price": "7.50", "currency": "USD"},
        format="json",
        HTTP_IF_MATCH=patched["ETag"],
    )
    assert replaced.status_code == 200, replaced.content
    product = replaced.json()
    # PUT replaces: what was not given takes its default.
    assert (product["name"], product["slug"], product["attributes"], product["category"]) == (
        "New name",
        "new-name",
        {},
        other.pk,
    )
    # Without If-Match the write is unconditional; "*" matches any version.
    assert staff_client.patch("/api/v1/products/P-1/", {"name": "N"}, format="json").status_code == 200
    assert (
        staff_client.patch("/api/v1/products/P-1/", {"name": "M"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    )
    garbage = staff_client.patch("/api/v1/products/P-1/", {"name": "O"}, format="json", HTTP_IF_MATCH="garbage")
    assert garbage.status_code == 412


def test_sku_cannot_change(staff_client: APIClient, make_product: Callable[..., Product]) -> None:
    make_product("KEEP")
    # The SKU is the product's address: a body naming another is refused by name, not ignored.
    response = staff_client.patch("/api/v1/products/KEEP/", {"sku": "OTHER"}, format="json")
    assert response.status_code == 400, response.content
    assert [(e["code"], e["attr"]) for e in response.json()["errors"]] == [("not_allowed", "sku")]
    assert staff_client.get("/api/v1/products/KEEP/").status_code == 200
    assert staff_client.get("/api/v1/products/OTHER/").status_code == 404


def test_delete(staff_client: APIClient, make_product: Callable[..., Product]) -> None:
    make_product("FRESH")
    make_product("STOCKED", stock=3)
    etag = staff_client.get("/api/v1/products/FRESH/")["ETag"]
    assert staff_client.delete("/api/v1/products/FRESH/", HTTP_IF_MATCH='"stale"').status_code == 412
    assert staff_client.delete("/api/v1/products/FRESH/", HTTP_IF_MATCH=etag).status_code == 204
    assert staff_client.get("/api/v1/products/FRESH/").status_code == 404
    # Stock history is an audit trail: the product stays, to be deactivated instead.
    in_use = staff_client.delete("/api/v1/products/STOCKED/")
    assert in_use.status_code == 409
    assert errors(in_use)[0]["code"] == "product_in_use"
    assert staff_client.delete("/api/v1/products/NOPE/").status_code == 404


def test_writes_need_staff(
    anonymous_client: APIClient,
    customer_client: APIClient,
    service_client: Callable[..., APIClient],
    body: dict[str, Any],
    make_product: Callable[..., Product],
) -> None:
    make_product("P-1")
    assert anonymous_client.post("/api/v1/products/", body, format="json").status_code == 401
    assert customer_client.post("/api/v1/products/", body, format="json").status_code == 403
    assert service_client().patch("/api/v1/products/P-1/", {"name": "x"}, format="json").status_code == 403
    assert customer_client.delete("/api/v1/products/P-1/").status_code == 403
    response = anonymous_client.post("/api/v1/products/", body, format="json", HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401
    assert errors(response)[0]["code"] == "authentication_failed"
