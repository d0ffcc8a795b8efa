from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product
from tests.catalog.helpers import errors, index_search

pytestmark = pytest.mark.django_db


def _skus(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["sku"] for row in response.json()["results"]]


def test_product_representation(anonymous_client: APIClient, make_product: Callable[..., Product]) -> None:
    product = make_product("RED-SHOE-1", name="Red shoe", price="59.90", attributes={"color": "red"})
    body = anonymous_client.get("/api/v1/products/RED-SHOE-1/").json()
    assert body == {
        "sku": "RED-SHOE-1",
        "name": "Red shoe",
        "slug": "red-shoe",
        "description": "",
        "category": product.category_id,
        "price": "59.90",
        "currency": "EUR",
        "attributes": {"color": "red"},
        "is_active": True,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }


def test_detail_etag_and_304(
    anonymous_client: APIClient, make_product: Callable[..., Product], django_assert_num_queries: Any
) -> None:
    make_product("A-1")
    with django_assert_num_queries(1):
        first = anonymous_client.get("/api/v1/products/A-1/")
    etag = first["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    with django_assert_num_queries(1):
        cached = anonymous_client.get("/api/v1/products/A-1/", HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304
    assert cached["ETag"] == etag
    assert not cached.content
    assert anonymous_client.get("/api/v1/products/A-1/", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert anonymous_client.get("/api/v1/products/A-1/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_unknown_and_inactive_products_are_not_found_by_the_public(
    anonymous_client: APIClient, staff_client: APIClient, make_product: Callable[..., Product]
) -> None:
    make_product("OFF-1", is_active=False)
    response = anonymous_client.get("/api/v1/products/OFF-1/")
    assert response.status_code == 404
    assert errors(response)[0]["code"] == "not_found"
    assert anonymous_client.get("/api/v1/products/NOPE/").status_code == 404
    assert staff_client.get("/api/v1/products/OFF-1/").status_code == 200


def test_list_filters(
    anonymous_client: APIClient, make_product: Callable[..., Product], make_category: Callable[..., Category]
) -> None:
    shoes = make_category("Shoes")
    boots = make_category("Boots", parent=shoes)
    garden = make_category("Garden")
    make_product("SHOE", category=shoes, price="50.00", stock=3, attributes={"color": "red", "size": 42})
    make_product("BOOT", category=boots, price="120.00", attributes={"color": "black", "size": "42"})
    make_product("RAKE", category=garden, price="15.50", currency="USD", stock=1, attributes={"color": "red"})
    make_product("GONE", category=shoes, is_active=False)

    def skus(**params: Any) -> set[str]:
        return set(_skus(anonymous_client.get("/api/v1/products/", params)))

    assert skus() == {"SHOE", "BOOT", "RAKE"}
    assert skus(category=shoes.pk) == {"SHOE", "BOOT"}  # with the descendants
    assert skus(category=boots.pk) == {"BOOT"}
    assert skus(category=999_999) == set()
    assert skus(price_min="50") == {"SHOE", "BOOT"}
    assert skus(price_max="50.00") == {"SHOE", "RAKE"}
    assert skus(price_min="16", price_max="100") == {"SHOE"}
    assert skus(currency="USD") == {"RAKE"}
    assert skus(in_stock="true") == {"SHOE", "RAKE"}
    assert skus(in_stock="false") == {"BOOT"}
    assert skus(**{"attr.color": "red"}) == {"SHOE", "RAKE"}
    assert skus(**{"attr.size": "42"}) == {"SHOE", "BOOT"}  # the number and the string
    assert skus(**{"attr.color": ["black", "red"]}) == {"SHOE", "BOOT", "RAKE"}
    assert skus(**{"attr.color": "red", "attr.size": "42"}) == {"SHOE"}
    assert skus(attributes='{"color": "red", "size": 42}') == {"SHOE"}
    assert skus(attributes='{"size": "42"}') == {"BOOT"}


def test_updated_since(anonymous_client: APIClient, make_product: Callable[..., Product]) -> None:
    old = make_product("OLD")
    Product.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))
    make_product("NEW")
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert _skus(anonymous_client.get("/api/v1/products/", {"updated_since": since})) == ["NEW"]


def test_inactive_products_are_for_staff_only(
    anonymous_client: APIClient, staff_client: APIClient, make_product: Callable[..., Product]
) -> None:
    make_product("ON")
    make_product("OFF", is_active=False)
    assert _skus(anonymous_client.get("/api/v1/products/", {"is_active": "false"})) == ["ON"]
    assert _skus(staff_client.get("/api/v1/products/")) == ["ON"]
    assert _skus(staff_client.get("/api/v1/products/", {"is_active": "false"})) == ["OFF"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", ["B", "C", "A"]),
        ("-name", ["A", "C", "B"]),
        ("price", ["C", "A", "B"]),
        ("-price", ["B", "A", "C"]),
        ("updated_at", ["A", "B", "C"]),
        ("-updated_at", ["C", "B", "A"]),
    ],
)
def test_orderings(
    anonymous_client: APIClient, make_product: Callable[..., Product], ordering: str, expected: list[str]
) -> None:
    make_product("A", name="Zebra", price="20.00")
    make_product("B", name="Aardvark", price="30.00")
    make_product("C", name="Moose", price="10.00")
    assert _skus(anonymous_client.get("/api/v1/products/", {"ordering": ordering})) == expected


def test_list_query_count_does_not_grow_with_the_page(
    anonymous_client: APIClient,
    make_product: Callable[..., Product],
    make_category: Callable[..., Category],
    django_assert_num_queries: Any,
) -> None:
    shoes = make_category("Shoes")
    for number in range(30):
        make_product(f"P-{number:03d}", category=shoes, stock=1, attributes={"color": "red"})
    index_search()
    params = {"category": shoes.pk, "in_stock": "true", "attr.color": "red", "q": "product"}
    for page_size in (1, 30):
        # The category's path, how fresh search is (Search-Indexed-Through), then the page:
        # nothing per row.
        with django_assert_num_queries(3):
            response = anonymous_client.get("/api/v1/products/", {**params, "page_size": page_size})
        assert len(response.json()["results"]) == page_size
    with django_assert_num_queries(1):
        anonymous_client.get("/api/v1/products/", {"page_size": 30})


def test_list_uses_no_count(anonymous_client: APIClient, make_product: Callable[..., Product]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_product()
    with CaptureQueriesContext(connection) as captured:
        anonymous_client.get("/api/v1/products/")
    assert not any("COUNT(" in query["sql"].upper() for query in captured.captured_queries)


def test_availability_of_many_skus_in_one_query(
    anonymous_client: APIClient, make_product: Callable[..., Product], django_assert_num_queries: Any
) -> None:
    make_product("A", stock=5)
    make_product("B")
    make_product("C", stock=2, is_active=False)
    with django_assert_num_queries(1):
        response = anonymous_client.post(
            "/api/v1/stock/availability/", {"skus": ["B", "A", "NOPE", "C", "A"]}, format="json"
        )
    assert response.status_code == 200
    assert response.json() == {
        "results": [{"sku": "B", "available": 0}, {"sku": "A", "available": 5}],
        "unknown": ["NOPE", "C"],
    }
    by_get = anonymous_client.get("/api/v1/stock/availability/?sku=A&sku=B")
    assert by_get.json()["results"] == [{"sku": "A", "available": 5}, {"sku": "B", "available": 0}]


def test_availability_is_capped(anonymous_client: APIClient) -> None:
    too_many = [f"S{number}" for number in range(201)]
    response = anonymous_client.post("/api/v1/stock/availability/", {"skus": too_many}, format="json")
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "skus"


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ("", "sku"),
        ("?" + "&".join(f"sku=S{number}" for number in range(201)), "sku"),
        ("?sku=A&sku=no%20space", "sku.1"),
    ],
)
def test_availability_get_errors_name_its_parameter(anonymous_client: APIClient, query: str, attr: str) -> None:
    response = anonymous_client.get(f"/api/v1/stock/availability/{query}")
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in errors(response)] == [attr]


@pytest.mark.parametrize(
    "fields",
    [
        {"price": "0.00", "attributes": {}},
        {"price": "1.5", "description": "Line\u2028break, \u00e9t\u00e9, \U0001f600"},
        {"price": "99999999.99", "attributes": {"size": 42, "tags": ["a", None], "nested": {"x": {"y": 1.25}}}},
        {"price": "10", "is_active": False},
    ],
)
def test_read_endpoints_answer_what_product_serializer_says(
    staff_client: APIClient, make_product: Callable[..., Product], fields: dict[str, Any]
) -> None:
    """The read endpoints build their rows without the serializer (product_data); the
    serializer still describes them in the schema, so both must give the same output."""
    from catalog_service.catalog.api.serializers.products import ProductSerializer
    from catalog_service.catalog.versions import entity_tag

    product = make_product(**fields)
    # A timestamp with microseconds, written in another zone.
    Product.objects.filter(pk=product.pk).update(
        updated_at=datetime.datetime(
            2026, 3, 1, 23, 59, 59, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=5))
        )
    )
    product.refresh_from_db()
    expected = json.loads(json.dumps(ProductSerializer(product).data))

    detail = staff_client.get(f"/api/v1/products/{product.sku}/")
    assert detail.status_code == 200, detail.content
    assert detail.json() == expected
    assert list(detail.json()) == list(expected)  # the same order of keys
    assert detail["ETag"] == entity_tag(pk=product.pk, updated_at=product.updated_at)
    listing = staff_client.get("/api/v1/products/?is_active=false" if not product.is_active else "/api/v1/products/")
    assert listing.json()["results"] == [expected]


def test_read_endpoints_build_no_model_instances(
    anonymous_client: APIClient, make_product: Callable[..., Product]
) -> None:
    """A product page is built from the rows' columns: building a model instance per row was a
    sixth of a 100-row page's CPU (docs/performance.md, "The ladder")."""
    from django.db.models.signals import pre_init

    skus = [make_product().sku for _ in range(3)]
    built: list[type] = []

    def count(sender: type, **kwargs: Any) -> None:
        built.append(sender)

    pre_init.connect(count, sender=Product)
    try:
        assert len(anonymous_client.get("/api/v1/products/").json()["results"]) == 3
        assert anonymous_client.get(f"/api/v1/products/{skus[0]}/").status_code == 200
    finally:
        pre_init.disconnect(count, sender=Product)
    assert built == []


def test_product_detail_compiles_no_sql_per_request(
    anonymous_client: APIClient, make_product: Callable[..., Product], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detail's query is compiled once per process (common.prepared): building and compiling
    it was the endpoint's largest cost (docs/performance.md, "The ladder")."""
    from django.db.models.sql.compiler import SQLCompiler

    product = make_product()
    assert anonymous_client.get(f"/api/v1/products/{product.sku}/").status_code == 200
    compiled: list[str] = []
    original = SQLCompiler.as_sql

    def as_sql(self: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(self.query.model))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", as_sql)
    assert anonymous_client.get(f"/api/v1/products/{product.sku}/").json()["sku"] == product.sku
    assert anonymous_client.get("/api/v1/products/NO-SUCH-SKU/").status_code == 404
    assert compiled == []


def test_prepared_query_answers_what_the_queryset_does(make_product: Callable[..., Product]) -> None:
    from common.prepared import PreparedValuesQuery

    product = make_product(attributes={"a": [1, {"b": None}]}, price="3.10")
    # Columns named at run time, as the selectors name them: rows are dict[str, Any], not a TypedDict.
    columns: tuple[str, ...] = ("sku", "price", "attributes")
    query = PreparedValuesQuery(lambda sku: Product.objects.filter(sku=sku).values(*columns), "sku")
    assert query.rows(sku=product.sku) == list(Product.objects.filter(sku=product.sku).values(*columns))
    assert query.rows(sku="NONE") == []
    # A parameter that does not reach the SQL unchanged cannot be a stand-in.
    with pytest.raises(TypeError, match="exact lookup"):
        PreparedValuesQuery(lambda name: Product.objects.filter(name__icontains=name).values(*columns), "name").rows(
            name="x"
        )
    with pytest.raises(TypeError, match="expected the parameters"):
        query.rows(sku=1)  # type: ignore[arg-type]
