"""The data generator: a category tree and products, deterministic, re-runnable; and seed_demo."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from catalog_service.catalog.bulk.generator import products_generate
from catalog_service.catalog.bulk.vocabulary import DEPARTMENTS, SHELVES
from catalog_service.catalog.models import Category, Product, StockLevel, StockMovement
from catalog_service.catalog.selectors.search_index import search_freshness

pytestmark = pytest.mark.django_db

CATEGORIES = len(DEPARTMENTS) * (1 + 5 * (1 + len(SHELVES)))


def test_generates_products_with_stock_in_a_category_tree() -> None:
    result = products_generate(count=200)

    assert (result.created, result.skipped, result.categories) == (200, 0, 300)
    assert Category.objects.count() == CATEGORIES == 372
    assert Category.objects.filter(depth=3).count() == 300
    products = Product.objects.all()
    assert products.count() == 200
    assert sorted(products.values_list("sku", flat=True))[:2] == ["GEN-00000000", "GEN-00000001"]
    # Products sit on the leaves, with realistic-looking values.
    assert not products.exclude(category__depth=3).exists()
    product = products.get(sku="GEN-00000007")
    assert product.name.endswith(" 7")
    assert product.description
    assert {"brand", "color", "material"} <= set(product.attributes)
    assert product.currency in {"EUR", "USD", "GBP"}
    assert product.price >= 0
    # Every product has a stock row; stock is recorded as movements.
    assert StockLevel.objects.count() == 200
    assert StockMovement.objects.filter(delta_on_hand__gt=0).count() == StockLevel.objects.filter(on_hand__gt=0).count()
    assert products.filter(is_active=False).count() < 40


def test_generating_again_skips_what_exists_and_start_extends() -> None:
    products_generate(count=50)
    first = dict(Product.objects.values_list("sku", "updated_at"))

    again = products_generate(count=50)
    assert (again.created, again.skipped) == (0, 50)
    assert dict(Product.objects.values_list("sku", "updated_at")) == first

    more = products_generate(count=50, start=25)
    assert (more.created, more.skipped) == (25, 25)
    assert Product.objects.count() == 75
    assert Category.objects.count() == CATEGORIES


def test_the_same_seed_gives_the_same_products() -> None:
    products_generate(count=5, seed=7)
    columns = ("sku", "name", "description", "price", "currency", "attributes", "is_active", "stock__on_hand")
    first = list(Product.objects.order_by("sku").values_list(*columns))
    StockMovement.objects.all().delete()
    Product.objects.all().delete()

    # Product n is the same whatever range generates it.
    products_generate(count=2, seed=7)
    products_generate(count=3, start=2, seed=7)
    assert list(Product.objects.order_by("sku").values_list(*columns)) == first


def test_generate_products_command() -> None:
    out = io.StringIO()
    call_command("generate_products", "30", "--start", "100", "--no-progress", stdout=out)
    assert "30 products created" in out.getvalue()
    assert Product.objects.filter(sku="GEN-00000100").exists()
    assert Product.objects.filter(sku="GEN-00000129").exists()


def test_seed_demo_creates_the_admin_and_products_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_ADMIN_EMAIL", "admin@example.com")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password")
    monkeypatch.setenv("DEMO_PRODUCTS", "40")
    out: Any = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert get_user_model().objects.get(username="admin@example.com").is_superuser
    assert Product.objects.count() == 40
    # Searchable when seed_demo returns: the dev runner is ready with its demo data found.
    assert search_freshness().waiting == 0
    assert "indexed 40 demo products for search" in out.getvalue()
    call_command("seed_demo", stdout=(out := io.StringIO()))
    assert "already exists" in out.getvalue()
    assert "products exist" in out.getvalue()
    assert Product.objects.count() == 40
