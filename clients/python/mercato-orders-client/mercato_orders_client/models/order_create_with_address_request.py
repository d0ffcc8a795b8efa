from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order_line_create_request import OrderLineCreateRequest
    from ..models.order_shipping_address_input_request import OrderShippingAddressInputRequest


T = TypeVar("T", bound="OrderCreateWithAddressRequest")


@_attrs_define
class OrderCreateWithAddressRequest:
    """
    Attributes:
        lines (list[OrderLineCreateRequest]): Each SKU once.
        shipping_address (OrderShippingAddressInputRequest):
    """

    lines: list[OrderLineCreateRequest]
    shipping_address: OrderShippingAddressInputRequest

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        shipping_address = self.shipping_address.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
                "shipping_address": shipping_address,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_create_request import OrderLineCreateRequest  # noqa: PLC0415
        from ..models.order_shipping_address_input_request import OrderShippingAddressInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineCreateRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        shipping_address = OrderShippingAddressInputRequest.from_dict(d.pop("shipping_address"))

        order_create_with_address_request = cls(
            lines=lines,
            shipping_address=shipping_address,
        )

        return order_create_with_address_request
