"""The customer API: place an order, list and read one's own orders, cancel one."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from common.auth.authentication import token_user
from common.auth.permissions import IsPerson
from common.idempotency import (
    IDEMPOTENCY_HEADER,
    IdempotencyContext,
    Performed,
    idempotency_key,
    idempotent_response,
)
from common.query_params import document_query_errors
from common.replicas import reads_from_replica
from orders_service.orders.api.errors import (
    OrdersConflictErrorResponseSerializer,
    OrdersUnavailableErrorResponseSerializer,
    OrdersUnprocessableErrorResponseSerializer,
)
from orders_service.orders.api.filters import OrderListFilterSerializer
from orders_service.orders.api.schema import (
    IDEMPOTENCY_KEY_PARAMETER,
    REPLAYED_PARAMETER,
    RETRY_AFTER_PARAMETER,
)
from orders_service.orders.api.serializers.orders import (
    ORDER_CREATE_REQUEST,
    OrderCreateSerializer,
    OrderSerializer,
    order_data,
)
from orders_service.orders.api.views.base import OrdersAPIView, cancel_answer, customer_id
from orders_service.orders.models import IdempotencyRecord, Order, OrderStatus
from orders_service.orders.selectors.orders import order_get_for_customer, order_list_for_customer
from orders_service.orders.services.placement import Customer, order_place
from orders_service.orders.services.transitions import order_cancel

TAGS = ["orders"]

PLACE_DESCRIPTION = """\
Places an order for the lines given, all or nothing, through the reservation saga
(docs/orders.md): the order is recorded `pending`, catalog holds the stock, the lines are priced
as catalog returned them, the stock is committed and the order `confirmed`.

- **201**: the order reached a final status: `confirmed`, or `rejected` with `rejection` saying
  why (`insufficient_stock` naming each short SKU with what was requested and available,
  `unknown_sku`, ...).
- **202**: no definite answer from a service the saga needs (timeout, error, outage): the order
  is recorded and stays `pending`; it is settled by the recovery job within minutes. Read it
  with `GET /api/v1/orders/{id}/`.
- **503** with `Retry-After`: catalog or accounts is known to be down (its circuit breaker is
  open) or your address book cannot be read: nothing was recorded; retry with the same key.

`Idempotency-Key` is required. The same key with the same body answers the first response
again (status and body, header `Idempotent-Replayed: true`), for at least 24 hours; with a
different body it is 422; while the first request is still running it is 409 (`Retry-After`).

Only `lines` and one of `shipping_address_id` / `shipping_address` may be given: any other field
(`status`, `total`, prices, `customer_id`, ...) is refused with a 400 naming it.
"""


def _answer(order: Order) -> tuple[int, Any, dict[str, str]]:
    code = status.HTTP_202_ACCEPTED if order.status == OrderStatus.PENDING else status.HTTP_201_CREATED
    # order_data: OrderSerializer's answer, built without its fields (tests/orders/test_order_data.py).
    return code, order_data(order), {"Location": f"/api/v1/orders/{order.pk}/"}


@extend_validation_errors(["required", "invalid"], field_name=IDEMPOTENCY_HEADER, methods=["post"])
@extend_validation_errors(["does_not_exist"], field_name="shipping_address_id", methods=["post"])
# OrderCreateSerializer.validate: neither or both of the address fields.
@extend_validation_errors(["shipping_address_required"], field_name="non_field_errors", methods=["post"])
# OrderCreateSerializer.validate_lines: a SKU given twice.
@extend_validation_errors(["unique"], field_name="lines", methods=["post"])
@document_query_errors(OrderListFilterSerializer)
@reads_from_replica
class OrderListCreateView(OrdersAPIView):
    permission_classes = (IsPerson,)
    queryset = Order.objects.none()  # read by drf-spectacular only; get() asks the selector
    serializer_class = OrderSerializer

    @extend_schema(
        operation_id="orders_list",
        tags=TAGS,
        summary="Your orders",
        description="Newest first, cursor-paginated (no total count).",
        parameters=[OrderListFilterSerializer],
        responses=OrderSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        params = OrderListFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        orders = order_list_for_customer(customer_id=customer_id(token_user(request)), filters=params.to_filters())
        page = self.paginate_queryset(orders)
        return self.get_paginated_response(OrderSerializer(page, many=True).data)

    @extend_schema(
        operation_id="orders_create",
        tags=TAGS,
        summary="Place an order",
        description=PLACE_DESCRIPTION,
        parameters=[IDEMPOTENCY_KEY_PARAMETER, REPLAYED_PARAMETER, RETRY_AFTER_PARAMETER],
        request=ORDER_CREATE_REQUEST,
        responses={
            201: OpenApiResponse(OrderSerializer, description="Confirmed, or rejected (see `rejection`)."),
            202: OpenApiResponse(OrderSerializer, description="Recorded, still pending: settled by recovery."),
            409: OrdersConflictErrorResponseSerializer,
            422: OrdersUnprocessableErrorResponseSerializer,
            503: OrdersUnavailableErrorResponseSerializer,
        },
    )
    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = OrderCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = token_user(request)
        customer = Customer(id=customer_id(user), principal=user.principal, bearer_token=str(request.auth))

        def place(idempotency: IdempotencyContext) -> Performed:
            outcome = order_place(customer=customer, request=body.to_request(), idempotency=idempotency, answer=_answer)
            if outcome.stored is not None:  # stored with the order's final status
                stored = outcome.stored
                return Performed(
                    stored.status, stored.body, stored.headers, record_id=outcome.idempotency_record_id, completed=True
                )
            return Performed(*_answer(outcome.order), record_id=outcome.idempotency_record_id)

        def answer_for_order(order_id: str) -> tuple[int, Any, dict[str, str]]:
            # The order as it is now: the request that placed it died before answering.
            return _answer(order_get_for_customer(customer_id=customer.id, order_id=uuid.UUID(order_id)))

        return idempotent_response(
            IdempotencyRecord,
            request,
            principal=user.principal,
            key=key,
            perform=place,
            answer_for_resource=answer_for_order,
            # order_place claims the key before anything else, except reading an address from
            # the customer's address book on accounts: a repeat must be answered without it.
            look_up_first=body.validated_data.get("shipping_address_id") is not None,
        )


@reads_from_replica
class OrderDetailView(OrdersAPIView):
    permission_classes = (IsPerson,)
    serializer_class = OrderSerializer

    @extend_schema(
        operation_id="orders_retrieve",
        tags=TAGS,
        summary="One of your orders",
        description="Anyone else's order is 404, as if it did not exist.",
    )
    def get(self, request: Request, order_id: uuid.UUID) -> Response:
        order = order_get_for_customer(customer_id=customer_id(token_user(request)), order_id=order_id)
        return Response(OrderSerializer(order).data)


CANCEL_DESCRIPTION = """\
confirmed → cancelling → cancelled. The cancellation is recorded (`cancelling`) before catalog
is asked to take the stock back, so it is never lost:

- **200**: catalog took the stock back; the order is `cancelled`. Cancelling a cancelled order
  answers it unchanged.
- **202**: catalog gave no definite answer (timeout, error, outage): the order is `cancelling`,
  cannot be fulfilled any more, and the recovery job finishes the cancellation within minutes
  (the same idempotent return). Poll `GET /api/v1/orders/{id}/`, or send the cancel again: it
  retries now and answers 200 or 202 the same way.
- **409** `order_state_conflict`: the order is neither confirmed nor being cancelled;
  `stock_return_refused`: catalog refused to take the stock back (the order stays `confirmed`).
"""


class OrderCancelView(OrdersAPIView):
    permission_classes = (IsPerson,)
    serializer_class = OrderSerializer

    @extend_schema(
        operation_id="orders_cancel",
        tags=TAGS,
        summary="Cancel one of your confirmed orders",
        description=CANCEL_DESCRIPTION,
        request=None,
        responses={
            200: OpenApiResponse(OrderSerializer, description="Cancelled: the stock is back in the catalog."),
            202: OpenApiResponse(OrderSerializer, description="Cancelling: recorded, finished by recovery."),
            409: OrdersConflictErrorResponseSerializer,
        },
    )
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        user = token_user(request)
        order_cancel(
            order_id=order_id, actor=user.principal, reason="cancelled by the customer", customer_id=customer_id(user)
        )
        order = order_get_for_customer(customer_id=customer_id(user), order_id=order_id)
        return cancel_answer(order, OrderSerializer(order).data)
