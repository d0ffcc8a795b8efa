"""Serializers of query parameters, which read an empty parameter as a value, not as absent."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from rest_framework import serializers


class QueryParametersSerializer(serializers.Serializer[Any]):
    """Reads ``request.query_params`` (one value per parameter, the last one given).

    DRF reads a query string as it reads an HTML form, where an empty input means "not filled
    in": ``?updated_since=`` would then filter nothing, silently. Here it is the empty string,
    which each field refuses unless it allows blanks (``?q=`` is still no search).
    ``initial_data`` stays the QueryDict, for parameters read beside the fields.
    """

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.dict() if isinstance(data, QueryDict) else data)
