from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """
    Attributes:
        sku (str):
        name (str): As catalog named the product; empty while pending.
        quantity (int):
        unit_price (None | str): As catalog priced it when it held the stock.
        line_total (None | str):
    """

    sku: str
    name: str
    quantity: int
    unit_price: None | str
    line_total: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        name = self.name

        quantity = self.quantity

        unit_price: None | str
        unit_price = self.unit_price

        line_total: None | str
        line_total = self.line_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "name": name,
                "quantity": quantity,
                "unit_price": unit_price,
                "line_total": line_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku = d.pop("sku")

        name = d.pop("name")

        quantity = d.pop("quantity")

        def _parse_unit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        def _parse_line_total(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_total = _parse_line_total(d.pop("line_total"))

        order_line = cls(
            sku=sku,
            name=name,
            quantity=quantity,
            unit_price=unit_price,
            line_total=line_total,
        )

        order_line.additional_properties = d
        return order_line

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
