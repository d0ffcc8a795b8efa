from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product
from tests.catalog.helpers import errors, index_search

pytestmark = pytest.mark.django_db

ROWS = 23


@pytest.fixture
def catalog(make_product: Callable[..., Product], make_category: Callable[..., Category]) -> dict[str, Any]:
    shoes = make_category("Shoes")
    other = make_category("Other")
    # Few distinct names and prices: most rows tie on the sort key, which the id must break.
    for number in range(ROWS):
        make_product(
            f"SHOE-{number:03d}",
            name=f"Shoe {number % 4}",
            price=f"{10 + number % 3}.00",
            category=shoes,
            attributes={"color": "red" if number % 2 else "blue"},
            description="comfortable leather shoe" if number % 3 else "leather",
        )
    for number in range(5):
        make_product(f"OTHER-{number}", category=other)
    index_search()
    return {"shoes": shoes}


def _walk(client: APIClient, params: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Follow `next` to the end, then `previous` back to the start; the SKUs seen each way."""
    forward: list[str] = []
    url: str | None = "/api/v1/products/"
    query: dict[str, Any] | None = params
    pages: list[list[str]] = []
    last: dict[str, Any] = {}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        last = response.json()
        page = [row["sku"] for row in last["results"]]
        pages.append(page)
        forward.extend(page)
        url, query = last["next"], None
    backward: list[str] = list(pages[-1])
    url = last["previous"]
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        backward = [row["sku"] for row in body["results"]] + backward
        url = body["previous"]
    return forward, backward


@pytest.mark.parametrize("ordering", ["name", "-name", "price", "-price", "updated_at", "-updated_at"])
def test_walks_every_row_exactly_once_in_order_for_each_ordering(
    anonymous_client: APIClient, catalog: dict[str, Any], ordering: str
) -> None:
    params = {"ordering": ordering, "category": catalog["shoes"].pk, "page_size": 4}
    forward, backward = _walk(anonymous_client, params)
    expected = [
        row["sku"] for row in anonymous_client.get("/api/v1/products/", {**params, "page_size": 200}).json()["results"]
    ]
    assert len(expected) == ROWS
    assert forward == expected
    assert backward == expected
    tiebreak = "-id" if ordering.startswith("-") else "id"
    assert forward == list(
        Product.objects.filter(sku__in=expected).order_by(ordering, tiebreak).values_list("sku", flat=True)
    )


def test_walks_with_filters_and_search_by_relevance(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    params = {"q": "leather shoe", "attr.color": "red", "page_size": "3"}
    forward, backward = _walk(anonymous_client, params)
    everything = anonymous_client.get("/api/v1/products/", {**params, "page_size": "200"}).json()["results"]
    assert forward == backward == [row["sku"] for row in everything]
    assert len(forward) == len(set(forward)) == 11  # the red ones of the shoes


def test_first_and_last_pages_have_no_link_outwards(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    first = anonymous_client.get("/api/v1/products/", {"page_size": 200}).json()
    assert first["previous"] is None
    assert first["next"] is None
    small = anonymous_client.get("/api/v1/products/", {"page_size": 27}).json()
    assert small["next"] is not None
    last = anonymous_client.get(small["next"]).json()
    assert last["results"]
    assert last["next"] is None
    assert (first["next_cursor"], last["next_cursor"]) == (None, None)


def test_next_cursor_is_the_cursor_of_the_next_link(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    params = {"ordering": "-price", "page_size": "3"}
    first = anonymous_client.get("/api/v1/products/", params).json()
    assert [first["next_cursor"]] == parse_qs(urlsplit(first["next"]).query)["cursor"]
    by_cursor = anonymous_client.get("/api/v1/products/", {**params, "cursor": first["next_cursor"]}).json()
    assert by_cursor == anonymous_client.get(first["next"]).json()


def test_links_keep_the_filters_and_ordering(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    body = anonymous_client.get(
        "/api/v1/products/", {"ordering": "-price", "attr.color": "red", "page_size": "2"}
    ).json()
    query = parse_qs(urlsplit(body["next"]).query)
    assert query["ordering"] == ["-price"]
    assert query["attr.color"] == ["red"]
    assert query["page_size"] == ["2"]
    assert "cursor" in query


def test_page_size_is_capped_and_defaults_to_50(
    anonymous_client: APIClient, make_product: Callable[..., Product]
) -> None:
    Product.objects.bulk_create(
        Product(
            sku=f"BULK-{n:04d}",
            name=f"Bulk {n:04d}",
            slug="bulk",
            category_id=make_product().category_id,
            price=1,
            currency="EUR",
        )
        for n in range(210)
    )
    assert len(anonymous_client.get("/api/v1/products/").json()["results"]) == 50
    assert len(anonymous_client.get("/api/v1/products/", {"page_size": 10_000}).json()["results"]) == 200


def test_a_cursor_belongs_to_its_ordering(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    next_url = anonymous_client.get("/api/v1/products/", {"ordering": "price", "page_size": "2"}).json()["next"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]
    response = anonymous_client.get("/api/v1/products/", {"ordering": "name", "cursor": cursor})
    assert response.status_code == 400
    assert errors(response)[0] == {
        "code": "invalid_cursor",
        "detail": "This cursor belongs to another ordering.",
        "attr": "cursor",
    }


def _cursor(payload: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("ordering", "cursor"),
    [
        ("name", "not base64 !!"),
        ("name", "%%%"),
        ("name", base64.urlsafe_b64encode(b"\xff\xfe").decode()),
        ("name", _cursor([1, 2])),
        ("name", _cursor({"o": "name", "d": "n"})),
        ("name", _cursor({"o": "name", "d": "x", "v": ["a", 1]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a"]})),
        ("name", _cursor({"o": "name", "d": "n", "v": [1, 1]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a", "1"]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a", 2**70]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a\u0000", 1]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a" * 5000, 1]})),
        ("name", _cursor({"o": "name", "d": "n", "v": ["a", True]})),
        ("name", "eyJvIjoibmFtZSIsImQiOiJuIiwidiI6W05hTiwxXX0"),  # {"o":"name","d":"n","v":[NaN,1]}
        ("name", "A" * 3000),
        ("price", _cursor({"o": "price", "d": "n", "v": ["1e999999", 1]})),
        ("price", _cursor({"o": "price", "d": "n", "v": ["NaN", 1]})),
        ("price", _cursor({"o": "price", "d": "n", "v": ["12345678901234.5", 1]})),
        ("updated_at", _cursor({"o": "updated_at", "d": "n", "v": ["2020-01-01T00:00:00", 1]})),
        ("updated_at", _cursor({"o": "updated_at", "d": "n", "v": ["yesterday", 1]})),
        ("relevance", _cursor({"o": "relevance", "d": "n", "v": ["0.5", 1]})),
    ],
)
def test_bad_cursors_answer_400(
    anonymous_client: APIClient, catalog: dict[str, Any], ordering: str, cursor: str
) -> None:
    params = {"cursor": cursor, "ordering": ordering}
    if ordering == "relevance":
        params["q"] = "leather"
    response = anonymous_client.get("/api/v1/products/", params)
    assert response.status_code == 400, response.content
    assert errors(response)[0]["attr"] == "cursor"


def test_relevance_cursor_with_a_float_rank(anonymous_client: APIClient, catalog: dict[str, Any]) -> None:
    next_url = anonymous_client.get("/api/v1/products/", {"q": "leather", "page_size": "1"}).json()["next"]
    token = parse_qs(urlsplit(next_url).query)["cursor"][0]
    payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    assert payload["o"] == "relevance"
    assert isinstance(payload["v"][0], float)
    assert anonymous_client.get(next_url).status_code == 200


@pytest.mark.parametrize("page_size", ["0", "-1", "abc", "1.5", "9" * 30])
def test_bad_page_sizes_answer_400(anonymous_client: APIClient, page_size: str) -> None:
    response = anonymous_client.get("/api/v1/products/", {"page_size": page_size})
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "page_size"


@pytest.mark.parametrize(
    ("ordering", "index"),
    [
        ("name", "product_name_id_idx"),
        ("-price", "product_price_id_idx"),
        ("updated_at", "product_updated_at_id_idx"),
    ],
)
def test_a_page_after_a_cursor_is_one_index_range_scan(catalog: dict[str, Any], ordering: str, index: str) -> None:
    from django.db import connection

    from catalog_service.catalog.selectors.products import ProductFilters, ProductOrdering, product_list
    from common.pagination import RowCompare

    listing = product_list(filters=ProductFilters(), ordering=ProductOrdering(ordering))
    first = listing.queryset.order_by(*listing.keyset.columns).first()
    assert first is not None
    from django.db.models import F, Value

    boundary = RowCompare(
        [F(column) for column in listing.keyset.columns],
        [Value(getattr(first, column)) for column in listing.keyset.columns],
        "<" if listing.keyset.descending else ">",
    )
    page = listing.queryset.filter(boundary).order_by(
        *[F(c).desc() if listing.keyset.descending else F(c).asc() for c in listing.keyset.columns]
    )[:10]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    plan = page.explain()
    assert index in plan, plan
    # The row-value comparison is the index condition, not a filter applied row by row.
    assert "Index Cond" in plan, plan
