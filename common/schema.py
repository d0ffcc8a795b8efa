from typing import Any

from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema

# The statuses drf-standardized-errors knows when to document on its own (it has a serializer
# for each and decides per view from its parsers, permissions, throttles, ...), and the two that
# gunicorn answers for any request before a view runs (414, 431; see common/gunicorn_conf.py).
_DOCUMENTED_BY_INFERENCE = frozenset({"400", "401", "403", "404", "405", "406", "414", "415", "429", "431", "500"})


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

    def _get_extra_validation_errors(self) -> dict[str, set[str]]:
        # A paginated list refuses a page size that is not a positive integer
        # (common.pagination.page_size); drf-standardized-errors knows only filters and bodies.
        extra: dict[str, set[str]] = dict(super()._get_extra_validation_errors())
        paginator = self._get_paginator() if self.method == "GET" and self._is_list_view() else None
        page_size_param = getattr(paginator, "page_size_query_param", None)
        if page_size_param:
            extra.setdefault(page_size_param, set()).add("invalid")
        return extra
