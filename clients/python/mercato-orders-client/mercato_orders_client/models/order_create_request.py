from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_create_request import OrderLineCreateRequest
    from ..models.order_shipping_address_input_request import OrderShippingAddressInputRequest


T = TypeVar("T", bound="OrderCreateRequest")


@_attrs_define
class OrderCreateRequest:
    """
    Attributes:
        lines (list[OrderLineCreateRequest]): Each SKU once.
        shipping_address_id (UUID | Unset): One of your addresses on accounts; or give `shipping_address` instead.
        shipping_address (OrderShippingAddressInputRequest | Unset):
    """

    lines: list[OrderLineCreateRequest]
    shipping_address_id: UUID | Unset = UNSET
    shipping_address: OrderShippingAddressInputRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        shipping_address_id: str | Unset = UNSET
        if not isinstance(self.shipping_address_id, Unset):
            shipping_address_id = str(self.shipping_address_id)

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
        if shipping_address_id is not UNSET:
            field_dict["shipping_address_id"] = shipping_address_id
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address

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

        _shipping_address_id = d.pop("shipping_address_id", UNSET)
        shipping_address_id: UUID | Unset
        if isinstance(_shipping_address_id, Unset):
            shipping_address_id = UNSET
        else:
            shipping_address_id = UUID(_shipping_address_id)

        _shipping_address = d.pop("shipping_address", UNSET)
        shipping_address: OrderShippingAddressInputRequest | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = OrderShippingAddressInputRequest.from_dict(_shipping_address)

        order_create_request = cls(
            lines=lines,
            shipping_address_id=shipping_address_id,
            shipping_address=shipping_address,
        )

        return order_create_request
