"""The accounts' domain refusals as HTTP errors in the standard shape, and the serializers that
document the error bodies drf-standardized-errors has none for (409)."""

from __future__ import annotations

from django.db import models
from rest_framework import exceptions, serializers, status

from accounts_service.accounts import exceptions as domain
from common.openapi_errors import ClientErrorResponseSerializer, ErrorSerializer


class ErrorCode409Enum(models.TextChoices):
    CONFLICT = "conflict"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = ErrorCode409Enum.CONFLICT


def api_exception(exc: domain.AccountsError) -> exceptions.APIException:  # noqa: PLR0911  (one per refusal)
    """The HTTP error a domain refusal answers."""
    match exc:
        case domain.LockedOut():
            return exceptions.Throttled(
                wait=exc.retry_after_seconds, detail="Too many failed sign-in attempts; try again later."
            )
        case domain.InvalidCredentials():
            # Unknown address, wrong password and inactive user alike, so it tells nobody which.
            return exceptions.AuthenticationFailed("Invalid email or password.")
        case domain.InvalidRefreshToken():
            return exceptions.AuthenticationFailed("The refresh token is invalid, expired or revoked.")
        case domain.InvalidClient():
            return exceptions.AuthenticationFailed("Invalid client credentials.")
        case domain.InvalidScope():
            return exceptions.ValidationError(
                {"scope": [f"Not granted to this client: {' '.join(sorted(exc.scopes))}."]}, code="invalid_scope"
            )
        case domain.WrongPassword():
            return exceptions.ValidationError({"current_password": ["The current password is wrong."]}, code="invalid")
        case domain.CannotDeactivateSelf():
            return Conflict("You cannot deactivate yourself.")
        case domain.ServiceClientExists():
            return Conflict("A service client of this name exists already.")
    raise TypeError(f"unmapped domain error {type(exc).__name__}")  # pragma: no cover


class Error409Serializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=ErrorCode409Enum.choices)


class ErrorResponse409Serializer(ClientErrorResponseSerializer):
    errors = Error409Serializer(many=True)
