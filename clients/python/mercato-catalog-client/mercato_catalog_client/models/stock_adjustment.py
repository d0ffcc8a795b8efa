from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StockAdjustment")


@_attrs_define
class StockAdjustment:
    """
    Attributes:
        sku (str):
        movement_id (int): The stock movement that records the adjustment.
        delta_on_hand (int):
        on_hand (int):
        reserved (int):
        available (int):
    """

    sku: str
    movement_id: int
    delta_on_hand: int
    on_hand: int
    reserved: int
    available: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        movement_id = self.movement_id

        delta_on_hand = self.delta_on_hand

        on_hand = self.on_hand

        reserved = self.reserved

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "movement_id": movement_id,
                "delta_on_hand": delta_on_hand,
                "on_hand": on_hand,
                "reserved": reserved,
                "available": available,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku = d.pop("sku")

        movement_id = d.pop("movement_id")

        delta_on_hand = d.pop("delta_on_hand")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        available = d.pop("available")

        stock_adjustment = cls(
            sku=sku,
            movement_id=movement_id,
            delta_on_hand=delta_on_hand,
            on_hand=on_hand,
            reserved=reserved,
            available=available,
        )

        stock_adjustment.additional_properties = d
        return stock_adjustment

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
