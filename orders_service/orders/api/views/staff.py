"""The staff API: every order, filtered; one order, its history; fulfilment and cancellation."""

from __future__ import annotations

import uuid

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from common.auth.authentication import token_user
from common.auth.permissions import IsStaff
from common.pagination import CursorPagination
from common.query_params import document_query_errors
from common.replicas import reads_from_replica
from orders_service.orders.api.errors import OrdersConflictErrorResponseSerializer
from orders_service.orders.api.filters import StaffOrderListFilterSerializer
from orders_service.orders.api.serializers.staff import (
    OrderStatusChangeSerializer,
    OrderTransitionSerializer,
    StaffOrderSerializer,
)
from orders_service.orders.api.views.base import OrdersAPIView, cancel_answer
from orders_service.orders.models import Order, OrderStatusChange
from orders_service.orders.selectors.orders import order_get, order_history, order_list
from orders_service.orders.services.transitions import order_cancel, order_fulfil

TAGS = ["staff"]


@document_query_errors(StaffOrderListFilterSerializer)
@reads_from_replica
class StaffOrderListView(OrdersAPIView):
    permission_classes = (IsStaff,)
    queryset = Order.objects.none()  # read by drf-spectacular only; get() asks the selector
    serializer_class = StaffOrderSerializer

    @extend_schema(
        operation_id="staff_orders_list",
        tags=TAGS,
        summary="Every order (staff)",
        description="Newest first, cursor-paginated (no total count); `sku` matches orders with a line of it.",
        parameters=[StaffOrderListFilterSerializer],
        responses=StaffOrderSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        params = StaffOrderListFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = self.paginate_queryset(order_list(filters=params.to_filters()))
        return self.get_paginated_response(StaffOrderSerializer(page, many=True).data)


@reads_from_replica
class StaffOrderDetailView(OrdersAPIView):
    permission_classes = (IsStaff,)
    serializer_class = StaffOrderSerializer

    @extend_schema(operation_id="staff_orders_retrieve", tags=TAGS, summary="One order (staff)")
    def get(self, request: Request, order_id: uuid.UUID) -> Response:
        return Response(StaffOrderSerializer(order_get(order_id=order_id)).data)


class HistoryPagination(CursorPagination):
    ordering = ("at", "id")  # type: ignore[assignment]


@reads_from_replica
class StaffOrderHistoryView(OrdersAPIView):
    permission_classes = (IsStaff,)
    queryset = OrderStatusChange.objects.none()  # read by drf-spectacular only; get() asks the selector
    serializer_class = OrderStatusChangeSerializer
    pagination_class = HistoryPagination

    @extend_schema(
        operation_id="staff_orders_history",
        tags=TAGS,
        summary="An order's status history (staff)",
        description="Oldest first: from, to, when, who and why.",
        responses=OrderStatusChangeSerializer(many=True),
    )
    def get(self, request: Request, order_id: uuid.UUID) -> Response:
        page = self.paginate_queryset(order_history(order_id=order_id))
        return self.get_paginated_response(OrderStatusChangeSerializer(page, many=True).data)


class StaffOrderFulfilView(OrdersAPIView):
    permission_classes = (IsStaff,)
    serializer_class = StaffOrderSerializer

    @extend_schema(
        operation_id="staff_orders_fulfil",
        tags=TAGS,
        summary="Mark a confirmed order fulfilled (staff)",
        description=(
            "confirmed → fulfilled. Fulfilling a fulfilled order answers it unchanged. 409 "
            "`order_cancellation_in_flight` while the order is `cancelling` (its stock may already be back on "
            "sale); 409 `order_state_conflict` from any other status."
        ),
        request=OrderTransitionSerializer,
        responses={200: StaffOrderSerializer, 409: OrdersConflictErrorResponseSerializer},
    )
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        body = OrderTransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order_fulfil(order_id=order_id, actor=token_user(request).principal, reason=body.validated_data["reason"])
        return Response(StaffOrderSerializer(order_get(order_id=order_id)).data)


class StaffOrderCancelView(OrdersAPIView):
    permission_classes = (IsStaff,)
    serializer_class = StaffOrderSerializer

    @extend_schema(
        operation_id="staff_orders_cancel",
        tags=TAGS,
        summary="Cancel a confirmed order (staff)",
        description=(
            "As the customer's cancel: 200 `cancelled` once catalog took the stock back, 202 `cancelling` when "
            "catalog gave no definite answer (recovery finishes it), 409 otherwise."
        ),
        request=OrderTransitionSerializer,
        responses={
            200: OpenApiResponse(StaffOrderSerializer, description="Cancelled: the stock is back in the catalog."),
            202: OpenApiResponse(StaffOrderSerializer, description="Cancelling: recorded, finished by recovery."),
            409: OrdersConflictErrorResponseSerializer,
        },
    )
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        body = OrderTransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order_cancel(order_id=order_id, actor=token_user(request).principal, reason=body.validated_data["reason"])
        order = order_get(order_id=order_id)
        return cancel_answer(order, StaffOrderSerializer(order).data)
