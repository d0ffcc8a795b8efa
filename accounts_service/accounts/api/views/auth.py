"""Signing in and out, registering, service tokens and password resets: /api/v1/auth/."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_serializers import ErrorResponse401Serializer
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.parsers import FormParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts_service.accounts.api.serializers.auth import (
    ClientCredentialsSerializer,
    CredentialsSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    RegistrationSerializer,
    ServiceTokenSerializer,
    TokenPairSerializer,
    TokenRefreshSerializer,
)
from accounts_service.accounts.api.serializers.common import PASSWORD_ERROR_CODES, AcceptedSerializer
from accounts_service.accounts.api.throttling import ScopedRateThrottle
from accounts_service.accounts.api.views.base import PublicAPIView
from accounts_service.accounts.services.service_clients import service_token_obtain
from accounts_service.accounts.services.tokens import refresh_token_revoke, refresh_token_rotate, token_pair_obtain
from accounts_service.accounts.services.users import password_reset_request, user_register, user_set_password
from accounts_service.accounts.tokens import IssuedTokenPair
from common.auth.relay import RELAY_HEADER, RELAY_SCOPE
from common.request_limits import JSONParser

REGISTER_ACCEPTED = (
    "Registration accepted. If the address can be registered, the account is ready; "
    "a message has been sent to the address either way."
)
RESET_ACCEPTED = "If an active account has this address, a message with a reset link has been sent to it."


def _pair(pair: IssuedTokenPair) -> Response:
    body = TokenPairSerializer(
        {
            "access_token": pair.access_token,
            "refresh_token": pair.refresh_token,
            "token_type": pair.token_type,
            "expires_in": pair.expires_in,
        }
    ).data
    # Tokens must not linger in shared caches (RFC 6749, 5.1).
    return Response(body, headers={"Cache-Control": "no-store"})


@extend_validation_errors(PASSWORD_ERROR_CODES, field_name="password")
class RegisterView(PublicAPIView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "register"

    @extend_schema(
        operation_id="auth_register",
        tags=["auth"],
        summary="Register a user",
        description=(
            "Creates the account and answers 202. The answer is the same when the address is already "
            "registered (its owner is told by mail instead), so it does not reveal who has an account."
        ),
        request=RegistrationSerializer,
        responses={202: AcceptedSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = RegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_register(**serializer.validated_data)
        return Response(AcceptedSerializer({"detail": REGISTER_ACCEPTED}).data, status=status.HTTP_202_ACCEPTED)


class TokenObtainView(PublicAPIView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "token"

    @extend_schema(
        operation_id="auth_token",
        tags=["auth"],
        summary="Sign in: obtain an access and refresh token",
        description=(
            "401 for an unknown address, a wrong password or an inactive account alike. After "
            "`AXES_FAILURE_LIMIT` failures for one address from one client address, every attempt, even "
            "with the right password, answers 429 until `AXES_COOLOFF_TIME` has passed. The client "
            "address is the caller's (behind `NUM_PROXIES` trusted proxies, the one they saw), or the "
            f"one in `{RELAY_HEADER}` when the call carries a service token with the scope `{RELAY_SCOPE}`."
        ),
        parameters=[
            OpenApiParameter(
                RELAY_HEADER,
                str,
                OpenApiParameter.HEADER,
                required=False,
                description=(
                    "For services that sign people in on their behalf (catalog's and orders' admin): the "
                    "IP address of the person's browser, which the attempt then counts against. Honoured only "
                    f"with `Authorization: Bearer <service token with {RELAY_SCOPE}>`; ignored otherwise."
                ),
            )
        ],
        request=CredentialsSerializer,
        responses={200: TokenPairSerializer, 401: ErrorResponse401Serializer},
    )
    def post(self, request: Request) -> Response:
        serializer = CredentialsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # The Django request: django-axes reads the client from it and flags a lockout on it.
        pair = token_pair_obtain(request=request._request, **serializer.validated_data)
        return _pair(pair)


class TokenRefreshView(PublicAPIView):
    @extend_schema(
        operation_id="auth_token_refresh",
        tags=["auth"],
        summary="Exchange a refresh token for a new pair",
        description=(
            "The refresh token is spent: presenting it again is refused and revokes every refresh token "
            "of the same sign-in."
        ),
        request=TokenRefreshSerializer,
        responses={200: TokenPairSerializer, 401: ErrorResponse401Serializer},
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pair = refresh_token_rotate(token=serializer.validated_data["refresh_token"])
        return _pair(pair)


class LogoutView(PublicAPIView):
    @extend_schema(
        operation_id="auth_logout",
        tags=["auth"],
        summary="Sign out: revoke a refresh token",
        description="Revokes the refresh token and every other of the same sign-in. Idempotent.",
        request=TokenRefreshSerializer,
        responses={204: OpenApiResponse(description="Revoked (or already unusable).")},
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        refresh_token_revoke(token=serializer.validated_data["refresh_token"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_validation_errors(["invalid_scope"], field_name="scope")
class ServiceTokenView(PublicAPIView):
    # OAuth 2 clients send the client credentials grant as a form; JSON works too.
    parser_classes = (
        JSONParser,
        FormParser,
    )
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "service_token"

    @extend_schema(
        operation_id="auth_service_token",
        tags=["auth"],
        summary="Obtain a service token (client credentials)",
        description=(
            "For registered service clients. `scope` must be a subset of the client's scopes "
            "(400 `invalid_scope` otherwise); without it the token carries all of them. The same "
            "fields are also taken as a form (`application/x-www-form-urlencoded`, as OAuth 2 "
            "libraries send the grant, RFC 6749 4.4.2), with the same answers."
        ),
        # Only the JSON body is documented: with two media types for one body, the stock
        # openapi-python-client (0.29.1) generates a module that does not import (issue #17).
        request={"application/json": ClientCredentialsSerializer},
        responses={200: ServiceTokenSerializer, 401: ErrorResponse401Serializer},
    )
    def post(self, request: Request) -> Response:
        serializer = ClientCredentialsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        token = service_token_obtain(
            client_id=data["client_id"], client_secret=data["client_secret"], scope=data.get("scope")
        )
        body = ServiceTokenSerializer(
            {
                "access_token": token.access_token,
                "token_type": token.token_type,
                "expires_in": token.expires_in,
                "scope": token.scope,
            }
        ).data
        return Response(body, headers={"Cache-Control": "no-store"})


class PasswordResetRequestView(PublicAPIView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "password_reset"

    @extend_schema(
        operation_id="auth_password_reset",
        tags=["auth"],
        summary="Ask for a password reset link",
        description="Always 202, whether or not the address has an account.",
        request=PasswordResetSerializer,
        responses={202: AcceptedSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordResetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        password_reset_request(email=serializer.validated_data["email"])
        return Response(AcceptedSerializer({"detail": RESET_ACCEPTED}).data, status=status.HTTP_202_ACCEPTED)


@extend_validation_errors(PASSWORD_ERROR_CODES, field_name="new_password")
class PasswordResetConfirmView(PublicAPIView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "password_reset_confirm"

    @extend_schema(
        operation_id="auth_password_reset_confirm",
        tags=["auth"],
        summary="Set a new password with a mailed reset link",
        description="The link works once. Setting the password signs out every session of the user.",
        request=PasswordResetConfirmSerializer,
        responses={204: OpenApiResponse(description="Password changed.")},
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user_set_password(user=data["user"], password=data["new_password"])
        return Response(status=status.HTTP_204_NO_CONTENT)
