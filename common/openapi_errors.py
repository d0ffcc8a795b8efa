"""Bases for documenting the error bodies drf-standardized-errors has no serializer for (409, 412,
422, 503, ...), in its standard shape: ``{"type": ..., "errors": [{"code", "detail", "attr"}]}``.

A service subclasses them with its own error codes (and any extra fields); the component names
are the subclasses' own, so each service's schema keeps its own error names. The bases have no
docstrings: drf-spectacular would inherit one as every subclass's description. ::

    class ConflictErrorSerializer(ErrorSerializer):
        code = serializers.ChoiceField(choices=ConflictErrorCode.choices)

    class ConflictErrorResponseSerializer(ClientErrorResponseSerializer):
        errors = ConflictErrorSerializer(many=True)
"""

from __future__ import annotations

from typing import Any

from drf_standardized_errors.openapi_serializers import ClientErrorEnum, ServerErrorEnum
from rest_framework import serializers


# One error of the standard shape. A subclass narrows ``code`` to its enum; redeclared in a
# subclass, a field keeps its place, so the documented order is always code, detail, attr.
class ErrorSerializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=())
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


# A 4xx body; a subclass declares ``errors`` with its own ``ErrorSerializer``.
class ClientErrorResponseSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    # The field of the error shape; the stubs know only Serializer.errors, the validation result.
    errors = ErrorSerializer(many=True)  # type: ignore[assignment]


# A 5xx body; a subclass declares ``errors`` with its own ``ErrorSerializer``.
class ServerErrorResponseSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ServerErrorEnum.choices)
    errors = ErrorSerializer(many=True)  # type: ignore[assignment]


# What gunicorn answers itself, before any view runs (common/gunicorn_conf.py writes these in the
# standard shape): a request line over its limit, and header fields over theirs. Any operation
# can draw them, so every operation documents them (common/schema.py).
class ContentTooLargeErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("content_too_large", "content_too_large")])


# A body over its limit (common/request_limits.py): any operation can draw it, whatever it reads.
class ErrorResponse413Serializer(ClientErrorResponseSerializer):
    errors = ContentTooLargeErrorSerializer(many=True)


class UriTooLongErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("uri_too_long", "uri_too_long")])


class ErrorResponse414Serializer(ClientErrorResponseSerializer):
    errors = UriTooLongErrorSerializer(many=True)


class HeaderFieldsTooLargeErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("request_header_fields_too_large", "request_header_fields_too_large")])


class ErrorResponse431Serializer(ClientErrorResponseSerializer):
    errors = HeaderFieldsTooLargeErrorSerializer(many=True)
