from rest_framework.exceptions import APIException, AuthenticationFailed, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from accounts_service.accounts import selectors
from accounts_service.accounts.models import User
from common.auth.authentication import token_user


class PublicAPIView(APIView):
    """An endpoint for callers without a token (signing in, registering, resetting a password).

    No authentication runs, so a stale Authorization header cannot get in the way.
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)

    def get_authenticate_header(self, request: Request) -> str:
        # Without it DRF would turn the 401 of refused credentials into a 403.
        return 'Bearer realm="mercato"'


class Conflict(APIException):
    status_code = 409
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


def current_user(request: Request, *, with_groups: bool = False) -> User:
    """The database row of the person whose token this is, as long as they are still active.

    Access tokens are stateless and outlive a deactivation by up to their lifetime; the
    endpoints that act on the row refuse such a token here.
    """
    user_id = token_user(request).id
    if user_id is None:
        raise PermissionDenied("This needs a user's token, not a service's.")
    user = selectors.user_get_active(user_id=user_id, with_groups=with_groups)
    if user is None:
        raise AuthenticationFailed("The account of this token is no longer active.")
    return user
