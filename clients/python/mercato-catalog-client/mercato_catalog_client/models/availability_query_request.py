from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AvailabilityQueryRequest")


@_attrs_define
class AvailabilityQueryRequest:
    """
    Attributes:
        skus (list[str]):
    """

    skus: list[str]

    def to_dict(self) -> dict[str, Any]:
        skus = self.skus

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skus": skus,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skus = cast(list[str], d.pop("skus"))

        availability_query_request = cls(
            skus=skus,
        )

        return availability_query_request
