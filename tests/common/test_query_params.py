"""Query parameters given empty are values, not absent parameters (common/query_params.py)."""

from typing import Any

from django.http import QueryDict
from rest_framework import serializers

from common.fields import StrictCharField
from common.query_params import QueryParametersSerializer


class Params(QueryParametersSerializer):
    since = serializers.DateTimeField(required=False)
    status = serializers.ChoiceField(choices=["open", "closed"], required=False)
    q = StrictCharField(required=False, allow_blank=True)


def errors(query: str) -> dict[str, Any]:
    params = Params(data=QueryDict(query))
    params.is_valid()
    return {name: [error.code for error in found] for name, found in params.errors.items()}


def test_an_empty_value_is_refused_unless_the_field_allows_blanks() -> None:
    assert errors("since=&status=") == {"since": ["invalid"], "status": ["invalid_choice"]}
    assert errors("q=") == {}


def test_absent_and_given_values_read_as_before() -> None:
    params = Params(data=QueryDict("since=2026-01-01T00:00:00Z&status=open&status=closed"))
    assert params.is_valid(), params.errors
    assert params.validated_data["status"] == "closed"  # the last one given
    assert errors("") == {}
