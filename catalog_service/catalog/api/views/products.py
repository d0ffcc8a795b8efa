from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.errors import (
    ConflictErrorResponseSerializer,
    PreconditionFailedErrorResponseSerializer,
)
from catalog_service.catalog.api.filters import ProductListFilterSerializer
from catalog_service.catalog.api.serializers.products import (
    ProductCreateSerializer,
    ProductSerializer,
    ProductUpdateSerializer,
    product_data,
    timestamp_text,
)
from catalog_service.catalog.api.views.base import (
    PublicReadStaffWriteView,
    if_match,
    is_staff,
    not_modified,
    with_etag,
)
from catalog_service.catalog.models import Product
from catalog_service.catalog.selectors.products import product_get, product_list
from catalog_service.catalog.selectors.search_index import search_indexed_through
from catalog_service.catalog.services.products import ProductChanges, product_create, product_delete, product_update
from catalog_service.catalog.versions import entity_tag
from common.pagination import KeysetPagination
from common.query_params import document_query_errors
from common.replicas import reads_from_replica

TAGS = ["products"]
ETAG_HEADER = OpenApiParameter("ETag", str, OpenApiParameter.HEADER, response=[200, 201], description="The version.")
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match", str, OpenApiParameter.HEADER, description="An ETag you hold: 304 while it is current."
)
IF_MATCH = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, description="The ETag you read: 412 if the product changed since."
)
SEARCH_INDEXED_THROUGH = "Search-Indexed-Through"
SEARCH_INDEXED_THROUGH_HEADER = OpenApiParameter(
    SEARCH_INDEXED_THROUGH,
    OpenApiTypes.DATETIME,
    OpenApiParameter.HEADER,
    response=[200],
    description=(
        "With a search (`q`) only: every product written before this time (compare a product's "
        "`updated_at`) is found by its current text; one written since may not be found yet by its "
        "new words. Search is indexed behind the write, normally within seconds."
    ),
)
# API field name -> service field name.
WRITABLE = {
    "name": "name",
    "slug": "slug",
    "description": "description",
    "category": "category_id",
    "price": "price",
    "currency": "currency",
    "attributes": "attributes",
    "is_active": "is_active",
}


def _etag(product: Product) -> str:
    return entity_tag(pk=product.pk, updated_at=product.updated_at)


def _created(product: Product) -> Response:
    response = Response(ProductSerializer(product).data, status=status.HTTP_201_CREATED)
    response["Location"] = f"/api/v1/products/{product.sku}/"
    return with_etag(response, _etag(product))


# catalog.selectors.products refuses ordering by relevance without a search.
@document_query_errors(ProductListFilterSerializer, also={"ordering": {"invalid"}})
# The services check the category exists (catalog.services.products).
@extend_validation_errors(["does_not_exist"], field_name="category", methods=["post"])
@reads_from_replica
class ProductListView(PublicReadStaffWriteView):
    # Read by drf-spectacular to document the page; get() paginates with it explicitly.
    pagination_class: type[KeysetPagination] = KeysetPagination

    @extend_schema(
        operation_id="products_list",
        tags=TAGS,
        summary="Search and filter products",
        description=(
            "Keyset-paginated: follow `next`/`previous`, which keep the filters and the ordering; "
            "no total count is computed. Only active products, unless staff ask for `is_active=false`."
        ),
        parameters=[ProductListFilterSerializer, SEARCH_INDEXED_THROUGH_HEADER],
        responses=ProductSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        params = ProductListFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        staff = is_staff(request)
        filters, ordering = params.to_filters(include_inactive_requested=staff)
        listing = product_list(filters=filters, ordering=ordering, include_inactive=staff).as_rows()
        paginator = self.pagination_class()
        # Read before the page: a product written between the two reads is at worst reported as
        # not indexed yet, never the other way round.
        indexed_through = search_indexed_through() if filters.q else None
        page = paginator.paginate(listing.queryset, request, keyset=listing.keyset)
        response = paginator.get_paginated_response([product_data(row) for row in page])
        if indexed_through is not None:
            response[SEARCH_INDEXED_THROUGH] = timestamp_text(indexed_through)
        return response

    @extend_schema(
        operation_id="products_create",
        tags=TAGS,
        summary="Create a product (staff)",
        description="Its stock starts at zero; add stock with a stock adjustment.",
        request=ProductCreateSerializer,
        parameters=[ETAG_HEADER],
        responses={201: ProductSerializer, 409: ConflictErrorResponseSerializer},
    )
    def post(self, request: Request) -> Response:
        body = ProductCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        product = product_create(
            sku=data["sku"], **{WRITABLE[field]: value for field, value in data.items() if field in WRITABLE}
        )
        return _created(product)


@extend_validation_errors(["does_not_exist"], field_name="category", methods=["put", "patch"])
@reads_from_replica
class ProductDetailView(PublicReadStaffWriteView):
    @extend_schema(
        operation_id="products_retrieve",
        tags=TAGS,
        summary="One product",
        description="Inactive products are found by staff only.",
        parameters=[IF_NONE_MATCH, ETAG_HEADER],
        responses={200: ProductSerializer, 304: OpenApiResponse(description="Not modified.")},
    )
    def get(self, request: Request, sku: str) -> Response:
        row = product_get(sku=sku, include_inactive=is_staff(request))
        etag = entity_tag(pk=row["id"], updated_at=row["updated_at"])
        return not_modified(request, etag) or with_etag(Response(product_data(row)), etag)

    @extend_schema(
        operation_id="products_update",
        tags=TAGS,
        summary="Replace a product (staff)",
        description="Every field but the SKU; absent optional fields take their defaults.",
        request=ProductUpdateSerializer,
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: ProductSerializer, 412: PreconditionFailedErrorResponseSerializer},
    )
    def put(self, request: Request, sku: str) -> Response:
        return self._update(request, sku, partial=False)

    @extend_schema(
        operation_id="products_partial_update",
        tags=TAGS,
        summary="Change a product (staff)",
        request=ProductUpdateSerializer(partial=True),
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: ProductSerializer, 412: PreconditionFailedErrorResponseSerializer},
    )
    def patch(self, request: Request, sku: str) -> Response:
        return self._update(request, sku, partial=True)

    @extend_schema(
        operation_id="products_destroy",
        tags=TAGS,
        summary="Delete a product (staff)",
        description=(
            "Only a product without stock history or reservations (409 otherwise: deactivate it with "
            "`is_active=false` instead)."
        ),
        parameters=[IF_MATCH],
        responses={204: None, 409: ConflictErrorResponseSerializer, 412: PreconditionFailedErrorResponseSerializer},
    )
    def delete(self, request: Request, sku: str) -> Response:
        product_delete(sku=sku, if_match=if_match(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request: Request, sku: str, *, partial: bool) -> Response:
        body = ProductUpdateSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        changes: dict[str, Any] = {WRITABLE[field]: value for field, value in body.validated_data.items()}
        if not partial:
            changes.setdefault("slug", "")  # a replacement without a slug derives it again
        product = product_update(sku=sku, changes=ProductChanges(**changes), if_match=if_match(request))
        return with_etag(Response(ProductSerializer(product).data), _etag(product))
