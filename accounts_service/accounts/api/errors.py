"""Error bodies drf-standardized-errors has no serializer for, in the same shape as the others."""

from django.db import models
from rest_framework import serializers

from common.openapi_errors import ClientErrorResponseSerializer, ErrorSerializer


class ErrorCode409Enum(models.TextChoices):
    CONFLICT = "conflict"


class Error409Serializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=ErrorCode409Enum.choices)


class ErrorResponse409Serializer(ClientErrorResponseSerializer):
    errors = Error409Serializer(many=True)
