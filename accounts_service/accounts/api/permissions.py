from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from common.auth.authentication import TokenUser


class IsPerson(BasePermission):
    """A person's token: the /users/me/ endpoints mean nothing to a service client."""

    message = "This needs a user's token, not a service's."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return isinstance(request.user, TokenUser) and request.user.id is not None
