import re
from typing import Any

from drf_spectacular.plumbing import is_patched_serializer
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes
from drf_standardized_errors.settings import package_settings

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

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_basic_serializer(serializer, direction)  # type: ignore[no-untyped-call]
        if is_patched_serializer(serializer, direction):
            # A partial update leaves an absent field as it is. A default would say that leaving
            # it out resets it, and generated clients send the default with every PATCH.
            for field in schema["properties"].values():
                field.pop("default", None)
        return schema


def indexed_error_attributes(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: the ``attr`` of an error in a list item or under a dict key, as a pattern.

    drf-standardized-errors documents it as the one-value enum ``lines.INDEX.quantity``, while
    the API answers ``lines.0.quantity``: a client checking the enum (generated ones do) cannot
    read the error at all. The pattern ``^lines\\.[0-9]+\\.quantity$`` says what is sent.
    """
    placeholders = {
        package_settings.LIST_INDEX_IN_API_SCHEMA: "[0-9]+",
        package_settings.DICT_KEY_IN_API_SCHEMA: ".+",
    }
    separator = package_settings.NESTED_FIELD_SEPARATOR
    for component in result.get("components", {}).get("schemas", {}).values():
        attr = component.get("properties", {}).get("attr", {})
        values = attr.get("enum") or []
        if len(values) != 1 or not set(str(values[0]).split(separator)) & placeholders.keys():
            continue
        parts = [placeholders.get(part, re.escape(part)) for part in values[0].split(separator)]
        attr.pop("enum")
        attr["pattern"] = "^" + re.escape(separator).join(parts) + "$"
        attr["description"] = f"`{values[0]}`, with the list index or dict key in place of the capitals."
    return result
