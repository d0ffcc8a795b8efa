"""The strict fields (common/fields.py): a JSON body keeps its types, in our serializers only."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from rest_framework import serializers

from common.fields import (
    StrictCharField,
    StrictDecimalField,
    StrictEmailField,
    StrictRegexField,
    StrictSlugField,
    StrictURLField,
    StrictUUIDField,
)
from common.serializers import StrictSerializer

UUID = "6f1c2b1e-8a0e-4a53-9d57-1d5b7a3c9e10"


@pytest.mark.parametrize(
    ("field", "good", "expected"),
    [
        (StrictCharField(), "0", "0"),
        (StrictRegexField(r"^[a-z]+$"), "abc", "abc"),
        (StrictEmailField(), "a@example.com", "a@example.com"),
        (StrictSlugField(), "a-b", "a-b"),
        (StrictURLField(), "https://example.com/", "https://example.com/"),
        (StrictDecimalField(max_digits=5, decimal_places=2), "9.50", Decimal("9.50")),
        (StrictUUIDField(), UUID, uuid.UUID(UUID)),
    ],
)
@pytest.mark.parametrize("sent", [0, 5, 9.5, True, False, [], {}])
def test_a_string_field_takes_a_string_and_refuses_any_other_json_type(
    field: serializers.Field[Any, Any, Any, Any], good: str, expected: Any, sent: Any
) -> None:
    assert field.run_validation(good) == expected
    with pytest.raises(serializers.ValidationError) as refusal:
        field.run_validation(sent)
    assert refusal.value.get_codes() == ["invalid"]


def test_a_strings_length_is_the_length_sent_before_trimming() -> None:
    field = StrictCharField(max_length=1)
    assert field.run_validation("x") == "x"
    with pytest.raises(serializers.ValidationError) as refusal:
        field.run_validation(" x")
    assert refusal.value.get_codes() == ["max_length"]


def test_a_decimal_documented_as_a_number_still_takes_one() -> None:
    assert StrictDecimalField(max_digits=5, decimal_places=2, coerce_to_string=False).run_validation(9.5) == Decimal(
        "9.50"
    )


class StrictGroupSerializer(StrictSerializer, serializers.ModelSerializer[Group]):
    class Meta:
        model = Group
        fields = ("name",)


class PlainGroupSerializer(serializers.ModelSerializer[Group]):
    class Meta:
        model = Group
        fields = ("name",)


@pytest.mark.django_db
def test_a_strict_model_serializers_fields_are_strict_and_other_serializers_are_left_alone() -> None:
    strict = StrictGroupSerializer(data={"name": 5})
    assert not strict.is_valid()
    assert strict.errors["name"][0].code == "invalid"
    # No process-wide patch: a serializer that is not ours (a third party's) keeps DRF's ways.
    plain = PlainGroupSerializer(data={"name": 5})
    assert plain.is_valid(), plain.errors
    assert plain.validated_data == {"name": "5"}
