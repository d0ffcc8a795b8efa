from typing import Any

from django.conf import settings
from drf_spectacular.plumbing import force_instance, is_patched_serializer
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes
from rest_framework import serializers
from rest_framework.settings import api_settings

from common.auth.authentication import JWTAuthentication
from common.idempotency import IDEMPOTENCY_HEADER, KEY_PATTERN, REPLAYED_HEADER
from common.openapi_errors import ErrorResponse503VerifyingTokensSerializer
from common.pagination import CursorPagination, KeysetPagination
from common.serializers import UNKNOWN_FIELD_CODE

NO_NUL_PATTERN = "^[^\\x00]*$"
# The characters str.strip() removes (so DRF's trimming), as a regex class body: the schema's
# ECMA \s is not the same set (it has U+FEFF, and lacks U+001C-U+001F and U+0085).
TRIMMED_WHITESPACE = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
)
NOT_BLANK_NO_NUL_PATTERN = f"^[{TRIMMED_WHITESPACE}]*[^{TRIMMED_WHITESPACE}\\x00][^\\x00]*$"
# The statuses drf-standardized-errors knows when to document on its own (it has a serializer
# for each and decides per view from its parsers, permissions, throttles, ...), the two that
# gunicorn answers for any request before a view runs (414, 431; see common/gunicorn_conf.py),
# 413, which any request with a body over its limit draws (common/request_limits.py), and 503,
# which any request that loses its database draws (common/exception_handler.py).
_DOCUMENTED_BY_INFERENCE = frozenset(
    {"400", "401", "403", "404", "405", "406", "413", "414", "415", "429", "431", "500", "503"}
)


def idempotency_key_parameter(*, required: bool, description: str) -> OpenApiParameter:
    """The ``Idempotency-Key`` request header of a POST that takes one (common/idempotency.py)."""
    return OpenApiParameter(
        IDEMPOTENCY_HEADER,
        str,
        OpenApiParameter.HEADER,
        required=required,
        pattern=KEY_PATTERN.pattern,
        description=description,
    )


def replayed_parameter(*statuses: int) -> OpenApiParameter:
    """The ``Idempotent-Replayed`` response header of the statuses a replay answers with."""
    return OpenApiParameter(
        REPLAYED_HEADER, str, OpenApiParameter.HEADER, response=list(statuses), description="`true` on a replay."
    )


class AutoSchema(StandardizedErrorsAutoSchema):
    """Documents the standardized error responses on every operation of every service.

    Any other allowed status (409, 412, 422) is documented only where a view declares it
    (``extend_schema(responses=...)``): drf-standardized-errors would otherwise add it to every
    operation, with a warning each, since it cannot know which operations answer it.
    """

    def _should_add_error_response(self, responses: dict[str, Any], status_code: str) -> bool:
        if status_code not in _DOCUMENTED_BY_INFERENCE:
            return False
        if status_code == "503" and status_code not in responses:
            return True
        return bool(super()._should_add_error_response(responses, status_code))

    def _get_error_response_serializer(self, status_code: str) -> Any:
        if status_code == "503" and self._verifies_fetched_tokens():
            return ErrorResponse503VerifyingTokensSerializer
        return super()._get_error_response_serializer(status_code)

    def _verifies_fetched_tokens(self) -> bool:
        """Whether the operation reads bearer tokens, verified with keys fetched over HTTP (a 503
        when they cannot be had), rather than with the service's own (accounts')."""
        return bool(settings.JWT_KEYS_OVER_HTTP) and any(
            isinstance(authenticator, JWTAuthentication) for authenticator in self.view.get_authenticators()
        )

    def _determine_fields_with_error_codes(self) -> list[Any]:
        # A request body per media type (``extend_schema(request={media_type: serializer})``, e.g.
        # JSON and a form under distinct component names) is one set of input fields: the 400
        # documents each field once. drf-standardized-errors expects a single serializer here.
        request = self.get_request_serializer() if self.method in ("PUT", "PATCH", "POST") else None
        if not isinstance(request, dict):
            return list(super()._determine_fields_with_error_codes())
        fields = get_serializer_fields_with_error_codes(get_flat_serializer_fields(list(request.values())))
        return list({field.name: field for field in reversed(fields)}.values())[::-1]

    def get_auth(self) -> list[Any]:
        # An endpoint no authentication runs on (``authentication_classes = ()`` and AllowAny,
        # e.g. registering or signing in) lists no security requirement rather than ``[{}]``
        # ("anonymous, as one alternative"): generated clients read any requirement as needing a
        # token, and would make a caller who has none yet pretend to have one.
        requirements = list(super().get_auth())
        if requirements == [{}]:
            return []
        # A read anyone may make, with a token or without (the public catalog): anonymous first,
        # so that the optional token reads as optional (``[{}, {"jwtAuth": []}]``).
        if {} in requirements:
            return [{}, *(requirement for requirement in requirements if requirement)]
        return requirements

    def _get_request_for_media_type(self, serializer: Any, direction: str = "request") -> tuple[Any, bool]:
        schema, required = super()._get_request_for_media_type(serializer, direction)  # type: ignore[no-untyped-call]
        # A body that is one of several objects (a PolymorphicProxySerializer, e.g. placing an
        # order) is required when each of them has a required field; drf-spectacular looks for
        # required fields on the oneOf itself, which has none, and would call the body optional.
        proxy = force_instance(serializer)  # type: ignore[no-untyped-call]
        if schema is not None and isinstance(proxy, PolymorphicProxySerializer):
            alternatives = proxy.serializers.values() if isinstance(proxy.serializers, dict) else proxy.serializers
            required = all(
                any(field.required for field in force_instance(alternative).fields.values())  # type: ignore[no-untyped-call]
                for alternative in alternatives
            )
        return schema, bool(required)

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_basic_serializer(serializer, direction)  # type: ignore[no-untyped-call]
        if is_patched_serializer(serializer, direction):
            # A partial update leaves an absent field as it is. A default would say that leaving
            # it out resets it, and generated clients send the default with every PATCH.
            for field in schema["properties"].values():
                field.pop("default", None)
        return schema

    def _map_serializer_field(self, field: Any, direction: str, bypass_extensions: bool = False) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_serializer_field(field, direction, bypass_extensions)  # type: ignore[no-untyped-call]
        if isinstance(field, serializers.DecimalField) and "pattern" in schema:
            schema["pattern"] = _decimal_pattern(field)
        return schema

    def _map_serializer(self, serializer: Any, direction: str, bypass_extensions: bool = False) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_serializer(serializer, direction, bypass_extensions)  # type: ignore[no-untyped-call]
        # A serializer that refuses keys it does not know (common.serializers.StrictSerializer)
        # says so: generated clients then have no catch-all for extra keys either.
        if direction == "request" and getattr(serializer, "refuses_unknown_fields", False):
            schema["additionalProperties"] = False
        # Every DRF CharField refuses NUL (PostgreSQL cannot store it): documented where no
        # pattern or format says more already.
        for name, field in getattr(serializer, "fields", {}).items():
            field_schema = schema.get("properties", {}).get(field.field_name or name)
            if (
                direction == "request"
                and isinstance(field, serializers.CharField)
                and isinstance(field_schema, dict)
                and field_schema.get("type") == "string"
                and not {"pattern", "format", "enum", "readOnly"} & field_schema.keys()
            ):
                # A required text is trimmed first (DRF): it needs more than spaces.
                needs_text = not field.allow_blank and field.trim_whitespace
                field_schema["pattern"] = NOT_BLANK_NO_NUL_PATTERN if needs_text else NO_NUL_PATTERN
        return schema

    def _get_extra_validation_errors(self) -> dict[str, set[str]]:
        # A paginated list refuses a page size that is not a positive integer
        # (common.pagination.page_size); drf-standardized-errors knows only filters and bodies.
        extra: dict[str, set[str]] = dict(super()._get_extra_validation_errors())
        listed = self.method == "GET" and self._is_list_view()
        paginator = self._get_paginator() if listed else None  # type: ignore[no-untyped-call]
        page_size_param = getattr(paginator, "page_size_query_param", None)
        if page_size_param:
            extra.setdefault(page_size_param, set()).add("invalid")
        # Both paginators refuse a malformed cursor with a 400.
        if isinstance(paginator, KeysetPagination | CursorPagination):
            extra.setdefault(paginator.cursor_query_param, set()).add("invalid_cursor")
        # A nested object (or list item) given as null is refused under its own name ("lines.3"),
        # which drf-standardized-errors leaves out: it documents only the object's inner errors.
        body: Any = self.get_request_serializer() if self.method in ("POST", "PUT", "PATCH") else None
        if isinstance(body, dict):  # one serializer per media type: the same input fields
            body = list(body.values())
        inner = "." + api_settings.NON_FIELD_ERRORS_KEY
        for data_field in get_flat_serializer_fields(body) if body is not None else ():
            if data_field.name.endswith(inner) and not getattr(data_field.field, "allow_null", False):
                extra.setdefault(data_field.name.removesuffix(inner), set()).add("null")
            # A strict object (common.serializers) refuses any other key, named by its path
            # ("KEY", "shipping_address.KEY", "lines.INDEX.KEY"; the placeholders become patterns).
            if getattr(data_field.field, "refuses_unknown_fields", False):
                prefix = data_field.name.removesuffix(api_settings.NON_FIELD_ERRORS_KEY)
                extra.setdefault(prefix + "KEY", set()).add(UNKNOWN_FIELD_CODE)
        return extra


def _decimal_pattern(field: serializers.DecimalField) -> str:
    """The decimal strings the field takes. drf-spectacular's own pattern also admits "", "-"
    and ".", which the field refuses, and a minus sign where the minimum is not negative."""
    sign = "" if field.min_value is not None and field.min_value >= 0 else "-?"
    whole = rf"\d{{1,{field.max_whole_digits}}}" if field.max_whole_digits else "0"
    fraction = rf"\d{{1,{field.decimal_places}}}" if field.decimal_places else None
    if fraction is None:
        return f"^{sign}{whole}$"
    return rf"^{sign}(?:{whole}(?:\.{fraction})?|\.{fraction})$"
