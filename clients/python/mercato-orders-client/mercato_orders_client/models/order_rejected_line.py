from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderRejectedLine")


@_attrs_define
class OrderRejectedLine:
    """
    Attributes:
        sku (str):
        requested (int | Unset): insufficient_stock only.
        available (int | Unset): insufficient_stock only.
    """

    sku: str
    requested: int | Unset = UNSET
    available: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        requested = self.requested

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
            }
        )
        if requested is not UNSET:
            field_dict["requested"] = requested
        if available is not UNSET:
            field_dict["available"] = available

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku = d.pop("sku")

        requested = d.pop("requested", UNSET)

        available = d.pop("available", UNSET)

        order_rejected_line = cls(
            sku=sku,
            requested=requested,
            available=available,
        )

        order_rejected_line.additional_properties = d
        return order_rejected_line

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
