"""Error bodies drf-standardized-errors has no serializer for, in the same shape as the others."""

from typing import Any

from django.db import models
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from rest_framework import serializers


class ErrorCode409Enum(models.TextChoices):
    CONFLICT = "conflict"


class Error409Serializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=ErrorCode409Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse409Serializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    # The field of the error shape; the stubs know only Serializer.errors, the validation result.
    errors = Error409Serializer(many=True)  # type: ignore[assignment]
