from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from accounts_service.accounts import keys
from accounts_service.accounts.api.serializers.jwks import JWKSetSerializer
from accounts_service.accounts.api.views.base import AccountsAPIView


class JWKSView(AccountsAPIView):
    """GET /.well-known/jwks.json: the public keys that verify accounts' tokens."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="jwks",
        tags=["keys"],
        summary="The public signing keys (JWK Set)",
        description=(
            "Every key accounts accepts: the current signing key first, then previous ones kept for rotation. "
            "Verifiers pick the key whose `kid` the token header names."
        ),
        responses=JWKSetSerializer,
    )
    def get(self, request: Request) -> Response:
        return Response(JWKSetSerializer(keys.jwks()).data)
