"""What every accounts view shares: domain refusals as HTTP errors, and who the caller is."""

from __future__ import annotations

from rest_framework.exceptions import APIException, AuthenticationFailed, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request

from accounts_service.accounts.api.errors import api_exception
from accounts_service.accounts.exceptions import AccountsError
from accounts_service.accounts.models import User
from accounts_service.accounts.selectors.users import user_get_active
from common.auth.authentication import token_user
from common.views import DomainErrorAPIView


class AccountsAPIView(DomainErrorAPIView):
    # An APIView whose services' and selectors' refusals answer in the standard error shape (no
    # docstring: drf-spectacular would make it the description of every undescribed operation).

    def map_domain_error(self, exc: Exception) -> APIException | None:
        return api_exception(exc) if isinstance(exc, AccountsError) else None


class PublicAPIView(AccountsAPIView):
    """An endpoint for callers without a token (signing in, registering, resetting a password).

    No authentication runs, so a stale Authorization header cannot get in the way.
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)

    def get_authenticate_header(self, request: Request) -> str:
        # Without it DRF would turn the 401 of refused credentials into a 403.
        return 'Bearer realm="mercato"'


def current_user(request: Request, *, with_groups: bool = False) -> User:
    """The database row of the person whose token this is, as long as they are still active.

    Access tokens are stateless and outlive a deactivation by up to their lifetime; the
    endpoints that act on the row refuse such a token here.
    """
    user_id = token_user(request).id
    if user_id is None:
        raise PermissionDenied("This needs a user's token, not a service's.")
    user = user_get_active(user_id=user_id, with_groups=with_groups)
    if user is None:
        raise AuthenticationFailed("The account of this token is no longer active.")
    return user
