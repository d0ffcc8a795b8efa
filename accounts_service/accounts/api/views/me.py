"""The signed-in user: their profile and password, /api/v1/users/me/."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts_service.accounts.api.serializers.common import PASSWORD_ERROR_CODES
from accounts_service.accounts.api.serializers.users import (
    PasswordChangeSerializer,
    ProfileUpdateSerializer,
    UserSerializer,
)
from accounts_service.accounts.api.views.base import AccountsAPIView, current_user
from accounts_service.accounts.services.users import user_change_password, user_update
from common.auth.permissions import IsPerson


class MeView(AccountsAPIView):
    permission_classes = (IsPerson,)

    @extend_schema(
        operation_id="users_me_retrieve",
        tags=["me"],
        summary="The signed-in user's profile",
        responses=UserSerializer,
    )
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(current_user(request, with_groups=True)).data)

    @extend_schema(
        operation_id="users_me_partial_update",
        tags=["me"],
        summary="Change the signed-in user's profile",
        description="Only `full_name` can be changed; any other key in the body is ignored.",
        request=ProfileUpdateSerializer,
        responses=UserSerializer,
    )
    def patch(self, request: Request) -> Response:
        user = current_user(request, with_groups=True)
        serializer = ProfileUpdateSerializer(user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "full_name" in serializer.validated_data:
            user = user_update(user=user, full_name=serializer.validated_data["full_name"])
        return Response(UserSerializer(user).data)


@extend_validation_errors(PASSWORD_ERROR_CODES, field_name="new_password")
class PasswordChangeView(AccountsAPIView):
    permission_classes = (IsPerson,)

    @extend_schema(
        operation_id="users_me_password",
        tags=["me"],
        summary="Change the signed-in user's password",
        description="Needs the current password. Signs out every session (refresh tokens are revoked).",
        request=PasswordChangeSerializer,
        responses={204: OpenApiResponse(description="Password changed.")},
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        serializer = PasswordChangeSerializer(data=request.data, context={"user": user})
        serializer.is_valid(raise_exception=True)
        user_change_password(
            user=user,
            current_password=serializer.validated_data["current_password"],
            new_password=serializer.validated_data["new_password"],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
