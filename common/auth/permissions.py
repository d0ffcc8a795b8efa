"""Permissions over the TokenUser (docs/identity.md). They compose with DRF's ``|`` and ``&``:
``permission_classes = [IsStaff | require_scope("accounts.users:read")]``.

An anonymous request never reaches them as a 403: DRF answers 401 first, because
JWTAuthentication names the Bearer scheme.
"""

from __future__ import annotations

import functools

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from common.auth.authentication import TokenUser


class IsPerson(BasePermission):
    """A person's token, staff or not; never a service's, which has no user id (``TokenUser.id``).

    For the endpoints about the caller themself: their profile, addresses, orders.
    """

    message = "This needs a user's token, not a service's."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return isinstance(user, TokenUser) and user.id is not None


class IsStaff(BasePermission):
    """A staff member's token (``is_staff``); never a service's."""

    message = "Only staff may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "is_staff", False))


@functools.cache
def require_scope(scope: str) -> type[BasePermission]:
    """A permission class granting requests whose token carries ``scope``.

    Cached, so ``require_scope(s)`` is one class per scope (equal in comparisons and reprs).
    """

    class HasScope(BasePermission):
        message = f"This needs the scope {scope}."

        def has_permission(self, request: Request, view: APIView) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and scope in getattr(user, "scopes", frozenset()))

    HasScope.__name__ = HasScope.__qualname__ = f"RequireScope[{scope}]"
    return HasScope
