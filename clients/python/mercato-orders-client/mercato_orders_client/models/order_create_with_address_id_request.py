from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order_line_create_request import OrderLineCreateRequest


T = TypeVar("T", bound="OrderCreateWithAddressIdRequest")


@_attrs_define
class OrderCreateWithAddressIdRequest:
    """
    Attributes:
        lines (list[OrderLineCreateRequest]): Each SKU once.
        shipping_address_id (UUID): One of your addresses on accounts.
    """

    lines: list[OrderLineCreateRequest]
    shipping_address_id: UUID

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        shipping_address_id = str(self.shipping_address_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
                "shipping_address_id": shipping_address_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_create_request import OrderLineCreateRequest  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineCreateRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        shipping_address_id = UUID(d.pop("shipping_address_id"))

        order_create_with_address_id_request = cls(
            lines=lines,
            shipping_address_id=shipping_address_id,
        )

        return order_create_with_address_id_request
