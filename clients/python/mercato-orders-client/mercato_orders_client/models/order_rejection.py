from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rejection_reason_enum import RejectionReasonEnum

if TYPE_CHECKING:
    from ..models.order_rejected_line import OrderRejectedLine


T = TypeVar("T", bound="OrderRejection")


@_attrs_define
class OrderRejection:
    """
    Attributes:
        reason (RejectionReasonEnum): * `insufficient_stock` - insufficient stock
            * `unknown_sku` - unknown SKU
            * `reservation_expired` - reservation expired
            * `reservation_refused` - reservation refused
            * `mixed_currencies` - mixed currencies
            * `customer_unknown` - customer unknown
            * `customer_inactive` - customer inactive
        detail (str):
        lines (list[OrderRejectedLine]): The short SKUs (with quantities) or the unknown ones.
    """

    reason: RejectionReasonEnum
    detail: str
    lines: list[OrderRejectedLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        detail = self.detail

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
                "detail": detail,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_rejected_line import OrderRejectedLine  # noqa: PLC0415

        d = dict(src_dict)
        reason = RejectionReasonEnum(d.pop("reason"))

        detail = d.pop("detail")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderRejectedLine.from_dict(lines_item_data)

            lines.append(lines_item)

        order_rejection = cls(
            reason=reason,
            detail=detail,
            lines=lines,
        )

        order_rejection.additional_properties = d
        return order_rejection

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
