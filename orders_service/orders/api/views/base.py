"""What every orders view shares: domain refusals as HTTP errors, and who may call."""

from __future__ import annotations

import uuid
from typing import Any

from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.auth.authentication import TokenUser
from orders_service.orders.api.errors import api_exception
from orders_service.orders.exceptions import OrderError
from orders_service.orders.models import Order, OrderStatus


class IsCustomer(BasePermission):
    """A person's token (any user: staff shop too); never a service's, which has no customer id."""

    message = "Only a signed-in person can do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return isinstance(user, TokenUser) and user.id is not None


class OrdersAPIView(GenericAPIView):  # type: ignore[type-arg]
    """A view whose services' and selectors' refusals answer in the standard error shape."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, OrderError):
            exc = api_exception(exc)
        return super().handle_exception(exc)


def customer_id(user: TokenUser) -> uuid.UUID:
    assert user.id is not None  # IsCustomer
    return uuid.UUID(user.id)


def cancel_answer(order: Order, data: Any) -> Response:
    """A cancel's answer: 200 once the order is cancelled, 202 while its cancellation is in
    flight (recorded, catalog's answer still owed; recovery finishes it)."""
    code = status.HTTP_202_ACCEPTED if order.status == OrderStatus.CANCELLING else status.HTTP_200_OK
    return Response(data, status=code)
