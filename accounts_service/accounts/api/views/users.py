"""Users as staff and services see them, /api/v1/users/."""

import uuid

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts_service.accounts.api.errors import ErrorResponse409Serializer
from accounts_service.accounts.api.filters import UserFilter
from accounts_service.accounts.api.serializers.users import UserSerializer, user_data
from accounts_service.accounts.api.views.base import AccountsAPIView
from accounts_service.accounts.models import User
from accounts_service.accounts.selectors.users import user_get, user_list, user_row
from accounts_service.accounts.services.users import user_deactivate, user_reactivate
from common.auth.authentication import token_user
from common.auth.permissions import IsStaff, require_scope
from common.replicas import reads_from_replica

USERS_READ_SCOPE = "accounts.users:read"


def _user(user_id: uuid.UUID) -> User:
    user = user_get(user_id=user_id)
    if user is None:
        raise NotFound
    return user


@reads_from_replica
class UserListView(AccountsAPIView, ListAPIView[User]):
    permission_classes = (IsStaff,)
    serializer_class = UserSerializer
    filterset_class = UserFilter
    # Keyset on the (date_joined, id) index; the id only orders users who joined in the same instant.
    ordering = ("-date_joined", "-id")

    def get_queryset(self) -> QuerySet[User]:
        return user_list()

    @extend_schema(
        operation_id="users_list",
        tags=["users"],
        summary="List and search users (staff)",
        description=(
            "Newest first, cursor-paginated. `q` matches the start of the email address or whole words of the name."
        ),
    )
    def get(self, request: Request) -> Response:
        return self.list(request)


class UserDetailView(AccountsAPIView, GenericAPIView[User]):
    permission_classes = (IsStaff | require_scope(USERS_READ_SCOPE),)
    serializer_class = UserSerializer

    @extend_schema(
        operation_id="users_retrieve",
        tags=["users"],
        summary="One user (staff, or a service with accounts.users:read)",
    )
    def get(self, request: Request, user_id: uuid.UUID) -> Response:
        # The columns and group names in one query, answered as UserSerializer would.
        row = user_row(user_id=user_id)
        if row is None:
            raise NotFound
        return Response(user_data(row))


class UserDeactivateView(AccountsAPIView, GenericAPIView[User]):
    permission_classes = (IsStaff,)
    serializer_class = UserSerializer

    @extend_schema(
        operation_id="users_deactivate",
        tags=["users"],
        summary="Deactivate a user (staff)",
        description=(
            "The user can no longer sign in or refresh; their refresh tokens are revoked at once and their "
            "access tokens expire within minutes. Staff cannot deactivate themselves (409)."
        ),
        request=None,
        responses={200: UserSerializer, 409: ErrorResponse409Serializer},
    )
    def post(self, request: Request, user_id: uuid.UUID) -> Response:
        user = user_deactivate(user=_user(user_id), actor_id=token_user(request).id)
        return Response(UserSerializer(user).data)


class UserReactivateView(AccountsAPIView, GenericAPIView[User]):
    permission_classes = (IsStaff,)
    serializer_class = UserSerializer

    @extend_schema(
        operation_id="users_reactivate",
        tags=["users"],
        summary="Reactivate a user (staff)",
        request=None,
        responses=UserSerializer,
    )
    def post(self, request: Request, user_id: uuid.UUID) -> Response:
        return Response(UserSerializer(user_reactivate(user=_user(user_id))).data)
