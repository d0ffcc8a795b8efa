"""Query parameters in every service: serializers that read an empty parameter as a value, not as
absent, and keep every date, instant and integer within what the code and PostgreSQL can compute
with; and ``document_query_errors``, which puts the 400s they answer in the schema.

A service declares its parameter serializers in ``<app>/api/filters.py``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Final, TypeVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import QueryDict
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import serializers

# The dates and instants (in UTC) a parameter may name. One day in from either end of Python's
# calendar (years 1 to 9999): a view may add a day (a "to" date, included, is the next day's
# midnight) or read a date at an offset of up to 14 hours, and either would leave the calendar
# (OverflowError, a 500) at its very ends. PostgreSQL's range is wider.
EARLIEST_DATE: Final = datetime.date(1, 1, 2)
LATEST_DATE: Final = datetime.date(9999, 12, 30)
EARLIEST_INSTANT: Final = datetime.datetime.combine(EARLIEST_DATE, datetime.time.min, tzinfo=datetime.UTC)
LATEST_INSTANT: Final = datetime.datetime.combine(LATEST_DATE, datetime.time.max, tzinfo=datetime.UTC)
RANGE_HELP: Final = f"From {EARLIEST_DATE} to {LATEST_DATE} (UTC)."
# An integer parameter nobody bounded is still a bigint at most: PostgreSQL's widest integer.
BIGINT_MIN: Final = -(2**63)
BIGINT_MAX: Final = 2**63 - 1

V = TypeVar("V")


class QueryParametersSerializer(serializers.Serializer[Any]):
    """Reads ``request.query_params`` (one value per parameter, the last one given).

    DRF reads a query string as it reads an HTML form, where an empty input means "not filled
    in": ``?updated_since=`` would then filter nothing, silently. Here it is the empty string,
    which each field refuses unless it allows blanks (``?q=`` is still no search).
    ``initial_data`` stays the QueryDict, for parameters read beside the fields.

    Every date and date-time field takes only EARLIEST_DATE to LATEST_DATE (a 400 ``min_value``
    or ``max_value`` naming the parameter), and every integer field without bounds of its own
    takes a bigint (bounds that the schema then documents), so no parameter can overflow in
    the arithmetic of a view or in PostgreSQL.
    """

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        for field in fields.values():
            _bound(field)
        return fields

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.dict() if isinstance(data, QueryDict) else data)


def _bound(field: serializers.Field[Any, Any, Any, Any]) -> None:
    if isinstance(field, serializers.DateTimeField):
        low: Any = EARLIEST_INSTANT
        high: Any = LATEST_INSTANT
    elif isinstance(field, serializers.DateField):
        low, high = EARLIEST_DATE, LATEST_DATE
    elif isinstance(field, serializers.IntegerField):
        # Read by drf-spectacular for the schema's minimum and maximum.
        if field.min_value is None:
            field.min_value = BIGINT_MIN
            field.validators.append(MinValueValidator(BIGINT_MIN))
        if field.max_value is None:
            field.max_value = BIGINT_MAX
            field.validators.append(MaxValueValidator(BIGINT_MAX))
        return
    else:
        return
    field.validators.extend([MinValueValidator(low), MaxValueValidator(high)])
    # The schema's description says it (JSON Schema has no minimum for a date string).
    field.help_text = f"{field.help_text or ''} {RANGE_HELP}".strip()


def document_query_errors(
    serializer_class: type[serializers.Serializer[Any]], *, also: dict[str, set[str]] | None = None
) -> Callable[[V], V]:
    """Document the 400 a view's query parameters can answer (drf-standardized-errors only
    derives it for request bodies and django-filter forms), with ``also`` the codes the view
    or its services add to a parameter's (one declaration per parameter is all that counts)."""
    fields = get_serializer_fields_with_error_codes(get_flat_serializer_fields(serializer_class()))

    def decorate(view: V) -> V:
        for field in fields:
            codes = sorted(field.error_codes | (also or {}).get(field.name, set()))
            view = extend_validation_errors(codes, field_name=field.name, methods=["get"])(view)  # type: ignore[type-var]
        return view

    return decorate
