"""Every index of the products table serves a query, shown by that query's plan.

Every imported or written row pays for each index (measured: 5-15% of an import's write time
each, docs/catalog-bulk.md, "The indexes of catalog_product"), so an index no query uses is
dropped. The plans are read with sequential scans off: the test tables hold a few rows, where a
scan is always cheapest, and what matters is that the query *can* use the index.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from catalog_service.catalog.models import SEARCH_WAITING, Category, Product
from catalog_service.catalog.selectors.products import (
    AttributeMatch,
    ProductFilters,
    ProductOrdering,
    product_list,
    search_matches,
    search_query,
)

pytestmark = pytest.mark.django_db


def _listed(ordering: ProductOrdering, **filters: object) -> QuerySet[Product]:
    """A first page of the product list, as the keyset pagination reads it."""
    listing = product_list(filters=ProductFilters(**filters), ordering=ordering)  # type: ignore[arg-type]
    return listing.queryset.order_by(*listing.keyset.columns)[:21]


# index -> (the query that uses it, where it runs)
PRODUCT_INDEXES: dict[str, tuple[Callable[[Category], QuerySet[Product]], str]] = {
    "catalog_product_pkey": (lambda c: Product.objects.filter(pk=1), "a product by id; every keyset's tie-breaker"),
    # In the C collation (Product.sku), one index for every SKU query: see the test below.
    "product_sku_unique": (
        lambda c: Product.objects.filter(sku__startswith="SKU-0"),
        "the identity (the product detail, reservations, the import's ON CONFLICT); the admin's "
        "search by SKU prefix (LIKE 'ABC-%') and its ordering by SKU",
    ),
    "catalog_product_category_id_35bf920b": (
        lambda c: Product.objects.filter(category_id=c.pk),
        "the category subtree filter (category_id IN the subtree); a category's delete check",
    ),
    "product_name_id_idx": (
        lambda c: _listed(ProductOrdering.NAME),
        "the list ordered by name (the default)",
    ),
    "product_price_id_idx": (
        lambda c: _listed(ProductOrdering.PRICE, price_min=Decimal(5)),
        "the list ordered by price; the price range filters",
    ),
    "product_currency_price_id_idx": (
        lambda c: _listed(ProductOrdering.PRICE, currency="EUR"),
        "the currency filter ordered by price; the admin's currency choices (a loose index scan)",
    ),
    "product_updated_at_id_idx": (
        lambda c: _listed(ProductOrdering.UPDATED_AT, updated_since=timezone.now() - datetime.timedelta(days=1)),
        "the list ordered by updated_at (the admin's default); updated_since",
    ),
    "product_attributes_gin": (
        lambda c: _listed(ProductOrdering.NAME, attributes=(AttributeMatch(any_of=({"color": "c7"},)),)),
        "attribute containment filters (attr.<key>, attributes)",
    ),
    "product_search_vector_gin": (
        lambda c: Product.objects.filter(search_matches(search_query("4242"))),
        "full-text search (the API's q, the export's q, the admin's word search)",
    ),
    "product_search_waiting_idx": (
        lambda c: Product.objects.filter(SEARCH_WAITING).order_by("updated_at")[:2000],
        "the search indexer's batches, oldest first; how fresh search is (count, oldest)",
    ),
}


def test_the_products_table_has_exactly_these_indexes() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Product._meta.db_table])
        indexes = {name for (name,) in cursor.fetchall()}
    assert indexes == set(PRODUCT_INDEXES)


@pytest.fixture
def varied_products(category: Category) -> None:
    """5,000 products with the spread of a real catalog, and fresh statistics.

    With a handful of rows every plan costs about the same and the planner's pick among the
    indexes is a coin toss (a lookup by id once went through the price index); with a few
    thousand rows, each filter as selective as in a shop (one colour in a thousand, three currencies,
    1% of products waiting for the search indexer) the plan is the one a big table gets.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {Product._meta.db_table} (sku, name, slug, description, category_id, price, currency,
                    attributes, is_active, created_at, updated_at, search_vector, search_indexed_at)
                SELECT 'SKU-' || lpad(n::text, 5, '0'), 'Product ' || n, 'product-' || n, '', %s, n %% 1000,
                    (ARRAY['EUR', 'USD', 'GBP'])[n %% 3 + 1], jsonb_build_object('color', 'c' || n %% 1000), true,
                    now() - n * interval '1 minute', now() - n * interval '1 minute',
                    to_tsvector('english', 'Product ' || n),
                    CASE WHEN n %% 100 = 0 THEN NULL ELSE now() - n * interval '1 minute' END
                FROM generate_series(1, 5000) AS n""",
            [category.pk],
        )
        cursor.execute(f"ANALYZE {Product._meta.db_table}")


@pytest.mark.parametrize("index", sorted(PRODUCT_INDEXES))
@pytest.mark.usefixtures("varied_products")
def test_each_index_serves_its_query(index: str, category: Category) -> None:
    sql, params = PRODUCT_INDEXES[index][0](category).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan


@pytest.mark.parametrize(
    "query",
    [
        Product.objects.filter(sku="SKU-00001"),
        Product.objects.filter(sku__startswith="SKU-0"),
        Product.objects.order_by("sku")[:10],
        Product.objects.order_by("-sku")[:10],
    ],
    ids=["equal", "prefix", "ordered", "ordered backwards"],
)
def test_the_sku_index_serves_every_sku_query(query: QuerySet[Product], make_product: Callable[..., Product]) -> None:
    make_product()
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "product_sku_unique" in plan, plan
