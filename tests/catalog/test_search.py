from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from catalog_service.catalog.models import Product
from tests.catalog.helpers import errors, index_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(make_product: Callable[..., Product]) -> None:
    make_product("BOOT-1", name="Leather hiking boots", description="Waterproof boots for long walks.")
    make_product("SHOE-1", name="Running shoes", description="Light shoes; not boots.")
    make_product("SOCK-1", name="Wool socks", description="Warm socks for hiking.")
    make_product("HAT-1", name="Sun hat", description="Wide brim.")
    index_search()


def _skus(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["sku"] for row in response.json()["results"]]


def test_search_is_ranked_by_relevance(anonymous_client: APIClient, products: None) -> None:
    # A match in the name (weight A) ranks above one in the description (weight B); stemming
    # finds "boots" for "boot".
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": "boot"})) == ["BOOT-1", "SHOE-1"]
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": "hiking"})) == ["BOOT-1", "SOCK-1"]


def test_web_search_syntax(anonymous_client: APIClient, products: None) -> None:
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": "boots -running"})) == ["BOOT-1"]
    assert set(_skus(anonymous_client.get("/api/v1/products/", {"q": "hat or socks"}))) == {"HAT-1", "SOCK-1"}
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": '"sun hat"'})) == ["HAT-1"]
    # Only stop words or punctuation: nothing to match, and no error either.
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": "the"})) == []
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": '")(!&|:*'})) == []


def test_search_combines_with_filters_and_other_orderings(anonymous_client: APIClient, products: None) -> None:
    response = anonymous_client.get("/api/v1/products/", {"q": "boots", "ordering": "name"})
    assert _skus(response) == ["BOOT-1", "SHOE-1"]
    assert _skus(anonymous_client.get("/api/v1/products/", {"q": "boots", "price_min": "100"})) == []


def test_a_search_in_an_unknown_category_finds_nothing(anonymous_client: APIClient, products: None) -> None:
    response = anonymous_client.get("/api/v1/products/", {"q": "boots", "category": "191979320603"})
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []


def test_relevance_needs_a_search(anonymous_client: APIClient) -> None:
    response = anonymous_client.get("/api/v1/products/", {"ordering": "relevance"})
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "ordering"


def test_search_uses_the_gin_index(products: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM catalog_product WHERE search_vector @@ websearch_to_tsquery('english', %s)",
            ["boots"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "product_search_vector_gin" in plan, plan


def test_attribute_filter_uses_the_gin_index(products: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM catalog_product WHERE attributes @> %s::jsonb", ['{"color": "red"}'])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "product_attributes_gin" in plan, plan
