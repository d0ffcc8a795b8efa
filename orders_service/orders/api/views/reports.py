"""Staff reports: sales aggregated in SQL, and a streamed CSV export of orders."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from common.auth.permissions import IsStaff
from common.csv_cells import csv_row
from common.query_params import document_query_errors
from common.replicas import reads_from_replica
from orders_service.orders.api.filters import OrderExportQuerySerializer, SalesReportQuerySerializer
from orders_service.orders.api.serializers.reports import (
    SalesReportRowSerializer,
    SalesReportSerializer,
)
from orders_service.orders.api.views.base import OrdersAPIView
from orders_service.orders.selectors.orders import EXPORT_COLUMNS, orders_export_rows
from orders_service.orders.selectors.reports import sales_report

TAGS = ["reports"]


@document_query_errors(SalesReportQuerySerializer)
@reads_from_replica
class SalesReportView(OrdersAPIView):
    permission_classes = (IsStaff,)
    serializer_class = SalesReportSerializer
    pagination_class = None

    @extend_schema(
        operation_id="reports_sales",
        tags=TAGS,
        summary="Sales per day, month or SKU, per currency (staff)",
        description=(
            "Orders confirmed in the date range (UTC days, both included) that stand (confirmed or "
            "fulfilled; cancelled ones are out): their number, units and revenue, per currency. Per SKU: "
            "the best sellers by revenue, at most `limit` rows."
        ),
        parameters=[SalesReportQuerySerializer],
        responses=SalesReportSerializer,
    )
    def get(self, request: Request) -> Response:
        params = SalesReportQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        date_from, date_to = params.bounds()
        data = params.validated_data
        rows = sales_report(date_from=date_from, date_to=date_to, group_by=data["group_by"], limit=data["limit"])
        return Response(
            {
                "date_from": data["date_from"],
                "date_to": data["date_to"],
                "group_by": data["group_by"].value,
                "results": SalesReportRowSerializer(rows, many=True).data,
            }
        )


class CSVRenderer(BaseRenderer):
    """Lets a client ask for text/csv; the body itself is streamed by the view."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        raise NotImplementedError("the export streams its body")  # pragma: no cover


class _Echo:
    """A file-like object whose write() hands back what it was given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows: Iterator[tuple[Any, ...]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        # The customer's email is their own text: a spreadsheet must not run it (common.csv_cells).
        yield writer.writerow(csv_row(row))


@document_query_errors(OrderExportQuerySerializer)
@reads_from_replica
class OrderExportView(OrdersAPIView):
    permission_classes = (IsStaff,)
    renderer_classes = (JSONRenderer, CSVRenderer)
    pagination_class = None

    @extend_schema(
        operation_id="reports_orders_export",
        tags=TAGS,
        summary="Export orders as CSV (staff)",
        description=(
            "Orders placed in the date range (UTC days, both included), oldest first, streamed from the "
            f"database at constant memory. Columns: {', '.join(EXPORT_COLUMNS)}."
        ),
        parameters=[OrderExportQuerySerializer],
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file.")},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        params = OrderExportQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        response = StreamingHttpResponse(
            _csv_lines(orders_export_rows(filters=params.to_filters())), content_type="text/csv; charset=utf-8"
        )
        data = params.validated_data
        response["Content-Disposition"] = f'attachment; filename="orders-{data["date_from"]}-{data["date_to"]}.csv"'
        return response

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        # Errors are JSON in the standard shape, whatever the client accepted.
        if isinstance(response, Response):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = "application/json"
        return super().finalize_response(request, response, *args, **kwargs)
