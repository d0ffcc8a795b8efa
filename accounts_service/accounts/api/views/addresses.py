"""The signed-in user's shipping addresses, /api/v1/users/me/addresses/."""

import uuid
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts_service.accounts.api.serializers.addresses import AddressSerializer, AddressWriteSerializer
from accounts_service.accounts.api.views.base import AccountsAPIView, current_user
from accounts_service.accounts.models import Address
from accounts_service.accounts.selectors.addresses import address_get, address_list
from accounts_service.accounts.services.addresses import (
    address_create,
    address_delete,
    address_set_default,
    address_update,
)
from common.auth.permissions import IsPerson


def _own_address(request: Request, address_id: uuid.UUID) -> Address:
    # Someone else's address is a 404, exactly like one that does not exist.
    address = address_get(user_id=current_user(request).pk, address_id=address_id)
    if address is None:
        raise NotFound
    return address


class AddressListView(AccountsAPIView, ListAPIView[Address]):
    permission_classes = (IsPerson,)
    serializer_class = AddressSerializer
    ordering = ("-created_at", "-id")

    def get_queryset(self) -> QuerySet[Address]:
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular inspecting, no request user
            return Address.objects.none()
        return address_list(user_id=current_user(self.request).pk)

    @extend_schema(operation_id="users_me_addresses_list", tags=["me"], summary="The signed-in user's addresses")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        operation_id="users_me_addresses_create",
        tags=["me"],
        summary="Add an address",
        description="The first address becomes the default.",
        request=AddressWriteSerializer,
        responses={201: AddressSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = AddressWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        address = address_create(user=current_user(request), **serializer.validated_data)
        return Response(AddressSerializer(address).data, status=status.HTTP_201_CREATED)


class AddressDetailView(AccountsAPIView, GenericAPIView[Address]):
    permission_classes = (IsPerson,)
    serializer_class = AddressSerializer

    @extend_schema(operation_id="users_me_addresses_retrieve", tags=["me"], summary="One of the user's addresses")
    def get(self, request: Request, address_id: uuid.UUID) -> Response:
        return Response(AddressSerializer(_own_address(request, address_id)).data)

    @extend_schema(
        operation_id="users_me_addresses_partial_update",
        tags=["me"],
        summary="Change an address",
        request=AddressWriteSerializer(partial=True),
        responses=AddressSerializer,
    )
    def patch(self, request: Request, address_id: uuid.UUID) -> Response:
        address = _own_address(request, address_id)
        serializer = AddressWriteSerializer(address, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes: dict[str, Any] = serializer.validated_data
        address = address_update(address=address, **changes)
        return Response(AddressSerializer(address).data)

    @extend_schema(
        operation_id="users_me_addresses_destroy",
        tags=["me"],
        summary="Delete an address",
        responses={204: OpenApiResponse(description="Deleted.")},
    )
    def delete(self, request: Request, address_id: uuid.UUID) -> Response:
        address_delete(address=_own_address(request, address_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AddressSetDefaultView(AccountsAPIView, GenericAPIView[Address]):
    permission_classes = (IsPerson,)
    serializer_class = AddressSerializer

    @extend_schema(
        operation_id="users_me_addresses_set_default",
        tags=["me"],
        summary="Make an address the default",
        request=None,
        responses=AddressSerializer,
    )
    def post(self, request: Request, address_id: uuid.UUID) -> Response:
        address = address_set_default(address=_own_address(request, address_id))
        return Response(AddressSerializer(address).data)
