"""PrebuiltFields (common/serializers.py): a request serializer's fields built once per process,
validating exactly as DRF's per-instance fields do."""

from __future__ import annotations

import copy
import threading
from typing import Any

import pytest
from rest_framework import serializers

from common.fields import StrictCharField
from common.serializers import PrebuiltFields, StrictSerializer


class LineSerializer(StrictSerializer):
    sku = StrictCharField(max_length=8)
    quantity = serializers.IntegerField(min_value=1)


class AddressSerializer(StrictSerializer):
    city = StrictCharField(max_length=20)
    region = StrictCharField(required=False, default="")


class Plain(StrictSerializer):
    lines = serializers.ListField(child=LineSerializer(), min_length=1)
    address = AddressSerializer(required=False)
    note = StrictCharField(required=False, default="none")

    def validate_lines(self, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len({line["sku"] for line in lines}) != len(lines):
            raise serializers.ValidationError("twice", "unique")
        return lines


class Prebuilt(PrebuiltFields, Plain):
    """The same serializer, its fields built once."""


BODIES = [
    {"lines": [{"sku": "A", "quantity": 2}], "address": {"city": "Berlin"}},
    {"lines": [{"sku": "A", "quantity": 2}]},
    {"lines": [{"sku": "A", "quantity": 1}, {"sku": "A", "quantity": 1}]},
    {"lines": [{"sku": "TOO-LONG-SKU", "quantity": 0}, {"sku": 5}]},
    {"lines": [], "address": {"city": "x" * 21, "zip": "1"}},
    {"lines": [{"sku": "A", "quantity": 1, "price": "1"}], "extra": 1},
    {"address": "Berlin"},
    {"lines": "A"},
    [],
    "text",
    {},
]


def outcome(serializer: serializers.Serializer[Any]) -> Any:
    if serializer.is_valid():
        return ("valid", serializer.validated_data)
    return ("invalid", serializer.errors)


@pytest.mark.parametrize("body", BODIES)
def test_it_validates_as_a_serializer_with_its_own_fields(body: Any) -> None:
    for _ in range(2):  # the first builds the shared fields, the second uses them
        assert outcome(Prebuilt(data=copy.deepcopy(body))) == outcome(Plain(data=copy.deepcopy(body)))


def test_instances_share_one_set_of_fields_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = Prebuilt(data={}), Prebuilt(data={})
    assert first.fields is second.fields
    built: list[str] = []
    deepcopy = copy.deepcopy

    def counting(value: Any, *args: Any) -> Any:
        built.append(type(value).__name__)
        return deepcopy(value, *args)

    monkeypatch.setattr(copy, "deepcopy", counting)
    body = {"lines": [{"sku": "A", "quantity": 2}], "address": {"city": "Berlin"}}
    serializer = Prebuilt(data=body)
    assert serializer.is_valid(), serializer.errors
    assert built == []  # no field copied for this request, nested ones included
    assert Plain(data=body).is_valid()
    assert built  # the ordinary way copies them per instance


@pytest.mark.parametrize(
    "kwargs",
    [{"partial": True}, {"context": {"request": None}}, {"instance": {"note": "x"}}],
    ids=["partial", "context", "instance"],
)
def test_an_instance_unlike_the_template_builds_its_own_fields(kwargs: dict[str, Any]) -> None:
    shared = Prebuilt(data={}).fields
    own = Prebuilt(data={"note": "n"}, **kwargs)
    assert own.fields is not shared
    assert own.fields["note"].parent is own


def test_threads_validating_at_once_get_their_own_answers() -> None:
    results: dict[int, Any] = {}

    def place(n: int) -> None:
        serializer = Prebuilt(data={"lines": [{"sku": f"S{n}", "quantity": n + 1}], "note": str(n)})
        for _ in range(50):
            assert serializer.is_valid(), serializer.errors
            serializer = Prebuilt(data={"lines": [{"sku": f"S{n}", "quantity": n + 1}], "note": str(n)})
        serializer.is_valid()
        results[n] = serializer.validated_data

    threads = [threading.Thread(target=place, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: {"lines": [{"sku": f"S{n}", "quantity": n + 1}], "note": str(n)} for n in range(8)}
