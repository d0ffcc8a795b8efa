from typing import Any

from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes

# The statuses drf-standardized-errors knows when to document on its own (it has a serializer
# for each and decides per view from its parsers, permissions, throttles, ...).
_DOCUMENTED_BY_INFERENCE = frozenset({"400", "401", "403", "404", "405", "406", "415", "429", "500"})


class AutoSchema(StandardizedErrorsAutoSchema):
    """Documents the standardized error responses on every operation of every service.

    Any other allowed status (409, 412, 422) is documented only where a view declares it
    (``extend_schema(responses=...)``): drf-standardized-errors would otherwise add it to every
    operation, with a warning each, since it cannot know which operations answer it.
    """

    def _should_add_error_response(self, responses: dict[str, Any], status_code: str) -> bool:
        if status_code not in _DOCUMENTED_BY_INFERENCE:
            return False
        return bool(super()._should_add_error_response(responses, status_code))

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
        return [] if requirements == [{}] else requirements
