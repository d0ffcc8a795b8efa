"""What every orders view shares: domain refusals as HTTP errors, and who may call."""

from __future__ import annotations

import uuid
from typing import Any

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from common.auth.authentication import TokenUser
from common.views import DomainErrorAPIView
from orders_service.orders.api.errors import api_exception
from orders_service.orders.exceptions import OrderError
from orders_service.orders.models import Order, OrderStatus


class OrdersAPIView(DomainErrorAPIView, GenericAPIView):  # type: ignore[type-arg]
    """A view whose services' and selectors' refusals answer in the standard error shape."""

    def map_domain_error(self, exc: Exception) -> APIException | None:
        return api_exception(exc) if isinstance(exc, OrderError) else None


def customer_id(user: TokenUser) -> uuid.UUID:
    assert user.id is not None  # IsPerson
    return uuid.UUID(user.id)


def cancel_answer(order: Order, data: Any) -> Response:
    """A cancel's answer: 200 once the order is cancelled, 202 while its cancellation is in
    flight (recorded, catalog's answer still owed; recovery finishes it)."""
    code = status.HTTP_202_ACCEPTED if order.status == OrderStatus.CANCELLING else status.HTTP_200_OK
    return Response(data, status=code)
