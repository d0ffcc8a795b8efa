"""Bulk product export (staff): the product list's filters, streamed as CSV, NDJSON or Parquet."""

from __future__ import annotations

import dataclasses

from django.db import router
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request

from catalog_service.catalog.api.filters import ExportFormatSerializer, ProductListFilterSerializer
from catalog_service.catalog.api.views.base import CatalogAPIView
from catalog_service.catalog.bulk.export import CONTENT_TYPES, ExportFormat, export_sql, export_stream
from catalog_service.catalog.models import Product
from catalog_service.catalog.selectors.products import product_list
from common.auth.permissions import IsStaff
from common.query_params import document_query_errors
from common.replicas import reads_from_replica

EXPORTED = (
    "The products: CSV with a header line (file_format=csv), one JSON object per line (ndjson), or a Parquet "
    "file (parquet)."
)


# catalog.selectors.products refuses ordering by relevance without a search.
@document_query_errors(ProductListFilterSerializer, also={"ordering": {"invalid"}})
@document_query_errors(ExportFormatSerializer)
@reads_from_replica
class ProductExportView(CatalogAPIView):
    # A bulk read of the whole catalog, inactive products included: staff only.
    permission_classes = (IsStaff,)

    @extend_schema(
        operation_id="products_export",
        tags=["products"],
        summary="Export products as CSV, NDJSON or Parquet (staff)",
        description=(
            "Streams every product matching the filters (those of the product list, inactive products "
            "included unless `is_active=true`), in the import's columns: an export can be imported as it is. "
            "Ordered like the list (`ordering`), by id when none is given. Constant memory on the server, "
            "whatever the size. Parquet has the same columns, typed (price a decimal(12, 2), is_active a "
            "boolean, stock a nullable 32-bit integer, attributes the JSON object's text), zstd-compressed, "
            "in row groups of 10,000 rows."
        ),
        parameters=[ExportFormatSerializer, ProductListFilterSerializer],
        # CSV and NDJSON are UTF-8 text, so strings: a client reads them as text, not as bytes.
        # Parquet is binary.
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV with a header line."),
            (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR, description="One JSON object per line."),
            (200, "application/vnd.apache.parquet"): OpenApiResponse(
                OpenApiTypes.BINARY, description="A Parquet file, one row group per 10,000 products."
            ),
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        export = ExportFormatSerializer(data=request.query_params)
        export.is_valid(raise_exception=True)
        file_format = ExportFormat(export.validated_data["file_format"])
        params = ProductListFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        filters, ordering = params.to_filters(include_inactive_requested=True)
        if params.validated_data.get("is_active") is None:
            # Unlike the list, an export without is_active is the whole catalog: a backup or a
            # round trip through a spreadsheet must not lose the inactive products.
            filters = dataclasses.replace(filters, is_active=None)
        listing = product_list(filters=filters, ordering=ordering, include_inactive=True)
        if ordering is None and not filters.q:
            # Primary key order: the cheapest full scan, and stable.
            order: tuple[str, ...] = ("id",)
        else:
            prefix = "-" if listing.keyset.descending else ""
            order = tuple(prefix + column for column in listing.keyset.columns)
        sql, sql_params = export_sql(listing.queryset, ordering=order, file_format=file_format)
        # COPY runs past Django's router, while the response streams: the router's choice for this
        # request is taken now.
        using = router.db_for_read(Product)
        response = StreamingHttpResponse(export_stream(sql, sql_params, file_format=file_format, using=using))
        response["Content-Type"] = CONTENT_TYPES[file_format]
        response["Content-Disposition"] = f'attachment; filename="products.{file_format.value}"'
        response["Cache-Control"] = "no-store"
        return response
