from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(make_category: Callable[..., Category]) -> dict[str, Category]:
    clothing = make_category("Clothing", slug="clothing")
    shoes = make_category("Shoes", parent=clothing, slug="shoes")
    boots = make_category("Boots", parent=shoes, slug="boots")
    shirts = make_category("Shirts", parent=clothing, slug="shirts")
    garden = make_category("Garden", slug="garden")
    return {"clothing": clothing, "shoes": shoes, "boots": boots, "shirts": shirts, "garden": garden}


def test_list_is_the_flat_tree_in_depth_first_order_with_parent_and_depth(
    anonymous_client: APIClient, tree: dict[str, Category], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        response = anonymous_client.get("/api/v1/categories/")
    assert response.status_code == 200
    rows = [(c["slug"], c["parent"], c["depth"]) for c in response.json()]
    assert rows == [
        ("clothing", None, 1),
        ("shoes", tree["clothing"].pk, 2),
        ("boots", tree["shoes"].pk, 3),
        ("shirts", tree["clothing"].pk, 2),
        ("garden", None, 1),
    ]


def test_list_of_a_subtree_and_down_to_a_depth(anonymous_client: APIClient, tree: dict[str, Category]) -> None:
    subtree = anonymous_client.get("/api/v1/categories/", {"parent": tree["clothing"].pk}).json()
    assert [c["slug"] for c in subtree] == ["shoes", "boots", "shirts"]
    roots = anonymous_client.get("/api/v1/categories/", {"max_depth": 1}).json()
    assert [c["slug"] for c in roots] == ["clothing", "garden"]
    assert anonymous_client.get("/api/v1/categories/", {"parent": 999_999}).json() == []


def test_the_subtree_filter_uses_the_path_index(tree: dict[str, Category]) -> None:
    # The path is C-collated, so LIKE 'prefix%' is an index range (with enough rows to matter).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM catalog_category WHERE path LIKE %s", [tree["clothing"].path + "%"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index" in plan, plan
    assert "Index Cond" in plan, plan


def test_retrieve_with_etag_and_304(anonymous_client: APIClient, tree: dict[str, Category]) -> None:
    response = anonymous_client.get(f"/api/v1/categories/{tree['boots'].pk}/")
    assert response.status_code == 200
    assert response.json()["parent"] == tree["shoes"].pk
    etag = response["ETag"]
    again = anonymous_client.get(f"/api/v1/categories/{tree['boots'].pk}/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert anonymous_client.get("/api/v1/categories/999999/").status_code == 404


def test_staff_create_update_and_delete(staff_client: APIClient, tree: dict[str, Category]) -> None:
    created = staff_client.post(
        "/api/v1/categories/", {"name": "Sandals", "slug": "sandals", "parent": tree["shoes"].pk}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["parent"], body["depth"]) == (tree["shoes"].pk, 3)

    renamed = staff_client.patch(
        f"/api/v1/categories/{body['id']}/", {"name": "Summer sandals"}, format="json", HTTP_IF_MATCH=created["ETag"]
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Summer sandals"
    stale = staff_client.patch(
        f"/api/v1/categories/{body['id']}/", {"name": "Late"}, format="json", HTTP_IF_MATCH=created["ETag"]
    )
    assert stale.status_code == 412
    assert errors(stale)[0]["code"] == "precondition_failed"

    deleted = staff_client.delete(f"/api/v1/categories/{body['id']}/", HTTP_IF_MATCH=renamed["ETag"])
    assert deleted.status_code == 204
    assert not Category.objects.filter(pk=body["id"]).exists()


def test_moving_a_category_moves_its_subtree_and_changes_their_etags(
    staff_client: APIClient, anonymous_client: APIClient, tree: dict[str, Category]
) -> None:
    boots_etag = anonymous_client.get(f"/api/v1/categories/{tree['boots'].pk}/")["ETag"]
    moved = staff_client.patch(f"/api/v1/categories/{tree['shoes'].pk}/", {"parent": tree["garden"].pk}, format="json")
    assert moved.status_code == 200, moved.content
    assert (moved.json()["parent"], moved.json()["depth"]) == (tree["garden"].pk, 2)
    boots = anonymous_client.get(f"/api/v1/categories/{tree['boots'].pk}/", HTTP_IF_NONE_MATCH=boots_etag)
    assert boots.status_code == 200
    assert boots.json()["depth"] == 3
    garden = anonymous_client.get("/api/v1/categories/", {"parent": tree["garden"].pk}).json()
    assert [c["slug"] for c in garden] == ["shoes", "boots"]

    to_root = staff_client.patch(f"/api/v1/categories/{tree['shoes'].pk}/", {"parent": None}, format="json")
    assert (to_root.json()["parent"], to_root.json()["depth"]) == (None, 1)


def test_a_category_cannot_move_under_itself(staff_client: APIClient, tree: dict[str, Category]) -> None:
    response = staff_client.patch(
        f"/api/v1/categories/{tree['clothing'].pk}/", {"parent": tree["boots"].pk}, format="json"
    )
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "parent"


def test_duplicate_slug_is_a_conflict(staff_client: APIClient, tree: dict[str, Category]) -> None:
    response = staff_client.post("/api/v1/categories/", {"name": "Again", "slug": "shoes"}, format="json")
    assert response.status_code == 409
    assert errors(response) == [{"code": "slug_taken", "detail": "Another category has this slug.", "attr": "slug"}]


def test_unknown_parent_is_a_validation_error(staff_client: APIClient) -> None:
    response = staff_client.post("/api/v1/categories/", {"name": "X", "slug": "x", "parent": 424242}, format="json")
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "parent"


def test_delete_refuses_categories_in_use(
    staff_client: APIClient, tree: dict[str, Category], make_product: Callable[..., Any]
) -> None:
    with_children = staff_client.delete(f"/api/v1/categories/{tree['clothing'].pk}/")
    assert with_children.status_code == 409
    assert errors(with_children)[0]["code"] == "category_in_use"
    make_product(category=tree["boots"])
    with_products = staff_client.delete(f"/api/v1/categories/{tree['boots'].pk}/")
    assert with_products.status_code == 409


def test_writes_need_staff(anonymous_client: APIClient, customer_client: APIClient, tree: dict[str, Category]) -> None:
    body = {"name": "X", "slug": "x"}
    assert anonymous_client.post("/api/v1/categories/", body, format="json").status_code == 401
    assert customer_client.post("/api/v1/categories/", body, format="json").status_code == 403
    assert customer_client.delete(f"/api/v1/categories/{tree['garden'].pk}/").status_code == 403
