"""``GET /api/v1/auth/whoami/`` in every service: the caller as this service sees the token."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.auth.authentication import TokenUser, token_user
from common.fields import StrictCharField, StrictEmailField, StrictUUIDField


class _SortedStrings(serializers.ListField):
    """A list of strings in a stable order (scopes are a set)."""

    child = StrictCharField()

    def to_representation(self, data: Any) -> list[Any]:
        return super().to_representation(sorted(data))


class WhoAmISerializer(serializers.Serializer[TokenUser]):
    principal = StrictCharField(help_text="`user:<uuid>` for a person, `service:<name>` for a service.")
    id = StrictUUIDField(allow_null=True, help_text="The user's id; null for a service.")
    email = StrictEmailField(allow_blank=True, help_text="Empty for a service.")
    is_staff = serializers.BooleanField()
    groups = serializers.ListField(child=StrictCharField(), help_text="The user's staff groups on accounts.")
    scopes = _SortedStrings(help_text="The scopes of a service token.")


class WhoAmIView(APIView):
    # Answered from the token alone, like every authenticated request: no database query.

    @extend_schema(
        operation_id="auth_whoami",
        tags=["auth"],
        summary="Who the bearer token identifies",
        description="The caller as this service sees it: a way to check a token against the service called.",
        responses=WhoAmISerializer,
    )
    def get(self, request: Request) -> Response:
        return Response(WhoAmISerializer(token_user(request)).data)
