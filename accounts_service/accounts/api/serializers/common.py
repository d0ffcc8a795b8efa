from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.fields import get_error_detail

from accounts_service.accounts.models import User
from common.fields import StrictCharField

# Long enough for any passphrase, short enough that hashing it is no denial of service.
PASSWORD_MAX_LENGTH = 128
# Codes of Django's password validators (AUTH_PASSWORD_VALIDATORS), documented in the schema.
PASSWORD_ERROR_CODES = [
    "password_too_similar",
    "password_too_short",
    "password_too_common",
    "password_entirely_numeric",
]


def password_field(**kwargs: Any) -> StrictCharField:
    return StrictCharField(
        write_only=True,
        trim_whitespace=False,
        max_length=PASSWORD_MAX_LENGTH,
        style={"input_type": "password"},
        **kwargs,
    )


def check_password_rules(*, field: str, password: str, user: User) -> None:
    """Django's password validators, answered as a validation error on ``field`` with their codes."""
    try:
        validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise serializers.ValidationError({field: get_error_detail(exc)}) from exc


class AcceptedSerializer(serializers.Serializer[Any]):
    detail = StrictCharField()
