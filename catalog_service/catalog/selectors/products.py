"""Reads of products: the filtered, searchable, keyset-paginated list and one product by SKU."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypedDict, cast

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorExact
from django.db import router
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from catalog_service.catalog.exceptions import InvalidInput, NotFound
from catalog_service.catalog.models import SEARCH_CONFIG, Category, Product, StockLevel, search_document
from common.pagination import Keyset
from common.prepared import PreparedValuesQuery


class ProductOrdering(enum.StrEnum):
    NAME = "name"
    NAME_DESC = "-name"
    PRICE = "price"
    PRICE_DESC = "-price"
    UPDATED_AT = "updated_at"
    UPDATED_AT_DESC = "-updated_at"
    RELEVANCE = "relevance"  # best match first; only with a search


# Every keyset ends with the primary key, which makes it unique, and runs in one direction,
# which makes it a single row-value comparison over one of the (column, id) indexes.
KEYSETS: dict[ProductOrdering, Keyset] = {
    ordering: Keyset(
        name=ordering.value, columns=(ordering.value.lstrip("-"), "id"), descending=ordering.startswith("-")
    )
    for ordering in ProductOrdering
    if ordering is not ProductOrdering.RELEVANCE
}
KEYSETS[ProductOrdering.RELEVANCE] = Keyset(name="relevance", columns=("rank", "id"), descending=True)


@dataclass(frozen=True)
class AttributeMatch:
    """One attribute condition: the product's attributes contain any of these objects."""

    any_of: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ProductFilters:
    category_id: int | None = None  # that category and its descendants
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    currency: str | None = None
    in_stock: bool | None = None
    is_active: bool | None = True  # None: active and inactive
    updated_since: datetime.datetime | None = None
    attributes: tuple[AttributeMatch, ...] = ()
    q: str | None = None  # full-text search, web-search syntax


class ProductRow(TypedDict):
    """A product as its read endpoints show it: its columns, no model instance."""

    id: int
    sku: str
    name: str
    slug: str
    description: str
    category_id: int
    price: Decimal
    currency: str
    attributes: dict[str, Any]
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime


# The columns of a product the API shows (catalog.api.serializers.products.product_data).
PRODUCT_COLUMNS = tuple(ProductRow.__annotations__)


@dataclass(frozen=True)
class ProductListing:
    """A list query ready for keyset pagination: the rows and the keyset they are ordered by."""

    queryset: QuerySet[Product, Any]
    keyset: Keyset

    def as_rows(self) -> ProductListing:
        """The same listing as dicts of ``PRODUCT_COLUMNS`` (and the keyset's columns), for reads
        that only show them: no model instance per row, which profiling put at a sixth of a
        100-row page's CPU (docs/performance.md)."""
        columns = dict.fromkeys((*PRODUCT_COLUMNS, *self.keyset.columns))
        return ProductListing(self.queryset.values(*columns), self.keyset)


def product_list(
    *, filters: ProductFilters, ordering: ProductOrdering | None = None, include_inactive: bool = False
) -> ProductListing:
    """Products matching ``filters``, ordered by ``ordering`` (relevance when searching, else name).

    Without ``include_inactive`` (staff only), inactive products are never listed, whatever
    ``filters.is_active`` says.
    """
    if ordering is ProductOrdering.RELEVANCE and not filters.q:
        raise InvalidInput("Ordering by relevance needs a search (q).", field="ordering")
    ordering = ordering or (ProductOrdering.RELEVANCE if filters.q else ProductOrdering.NAME)

    # The search vector is only matched against, never shown: it stays in the database.
    products = Product.objects.defer("search_vector", "search_indexed_at")
    is_active = filters.is_active if include_inactive else True
    if is_active is not None:
        products = products.filter(is_active=is_active)
    if filters.category_id is not None:
        products = _in_category_tree(products, filters.category_id)
    if filters.price_min is not None:
        products = products.filter(price__gte=filters.price_min)
    if filters.price_max is not None:
        products = products.filter(price__lte=filters.price_max)
    if filters.currency is not None:
        products = products.filter(currency=filters.currency)
    if filters.updated_since is not None:
        products = products.filter(updated_at__gte=filters.updated_since)
    if filters.in_stock is not None:
        # Served by the partial index over stock rows with something available.
        available = Exists(StockLevel.objects.filter(product_id=OuterRef("pk"), on_hand__gt=F("reserved")))
        products = products.filter(available if filters.in_stock else ~available)
    for match in filters.attributes:
        # JSON containment (@>) is what the jsonb_path_ops GIN index answers.
        condition = Q()
        for candidate in match.any_of:
            condition |= Q(attributes__contains=candidate)
        products = products.filter(condition)
    if filters.q:
        query = search_query(filters.q)
        # ts_rank is a real; as double precision it round-trips exactly through a cursor.
        products = products.filter(search_matches(query)).annotate(
            rank=Cast(SearchRank(F("search_vector"), query), FloatField())
        )
    return ProductListing(products, KEYSETS[ordering])


def search_query(text: str) -> SearchQuery:
    """Web-search syntax ("quoted phrases", or, -excluded), in the stored vector's configuration."""
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def search_matches(query: SearchQuery) -> Q:
    """The products ``query`` finds: those whose stored vector matches (product_search_vector_gin),
    less any changed since it was indexed whose current text no longer does.

    The vector is set behind the write (services/search_index.py), so it may describe an older
    version of the product: a product renamed from "oak chair" to "pine chair" keeps matching
    "oak" in its vector until the job runs. Such a product is rechecked against its current
    text, which costs one vector computation per matching changed product (none when search is
    current). So a search never shows a product whose current name or description does not
    match; a product's new words are found once the job has indexed them (normally within
    seconds), and a product changed in another way (a price) stays found meanwhile.
    """
    current = Q(search_indexed_at=F("updated_at"))
    return Q(search_vector=query) & (current | Q(SearchVectorExact(search_document(), query)))


def _in_category_tree(products: QuerySet[Product], category_id: int) -> QuerySet[Product]:
    category_path = Category.objects.filter(pk=category_id).values_list("path", flat=True).first()
    if category_path is None:
        # No such category, so no product in it. Said in SQL rather than with none(): the rest
        # of the query still applies (a search's rank is the relevance keyset's column), and
        # the export runs the query's SQL itself (none() has none).
        return products.filter(category_id=category_id)
    # The subtree's ids come from an index range scan of the C-collated path.
    return products.filter(category_id__in=Category.objects.filter(path__startswith=category_path).values("pk"))


# The product detail's query, compiled once per process: building and compiling it was the
# largest cost of the endpoint (docs/performance.md, "The ladder"). The SKU is unique, so no
# ORDER BY is needed to take the one row.
_PRODUCT_BY_SKU = {
    include_inactive: PreparedValuesQuery(
        lambda sku, include_inactive=include_inactive: Product.objects.filter(
            sku=sku, **({} if include_inactive else {"is_active": True})
        ).values(*PRODUCT_COLUMNS)[:1],
        "sku",
    )
    for include_inactive in (False, True)
}


def product_get(*, sku: str, include_inactive: bool = False) -> ProductRow:
    """One product's ``PRODUCT_COLUMNS``, by SKU; inactive ones only with ``include_inactive``."""
    # Its SQL runs as written, past Django's router: ask the router where reads go (a replica in
    # a replica-read request, common/replicas.py).
    rows = _PRODUCT_BY_SKU[include_inactive].rows(sku=sku, using=router.db_for_read(Product))
    if not rows:
        raise NotFound(f"No product with SKU {sku!r}.")
    return cast(ProductRow, rows[0])
