from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status_enum import OrderStatusEnum

if TYPE_CHECKING:
    from ..models.order_line import OrderLine
    from ..models.order_rejection import OrderRejection
    from ..models.order_shipping_address import OrderShippingAddress


T = TypeVar("T", bound="StaffOrder")


@_attrs_define
class StaffOrder:
    """
    Attributes:
        id (UUID):
        status (OrderStatusEnum): * `pending` - pending
            * `confirmed` - confirmed
            * `cancelling` - cancelling
            * `rejected` - rejected
            * `cancelled` - cancelled
            * `fulfilled` - fulfilled
        customer_id (UUID):
        customer_email (str): Copied from accounts; empty until then.
        customer_name (str): Copied from accounts; empty until then.
        shipping_address (OrderShippingAddress):
        currency (None | str): ISO 4217; null while pending.
        total (None | str): Null until catalog has priced the lines.
        units (int):
        lines (list[OrderLine]):
        rejection (None | OrderRejection): Why; null unless rejected.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        confirmed_at (datetime.datetime | None):
        reservation_id (None | UUID): The catalog reservation of its stock.
        recovery_attempts (int): How often recovery has retried it.
    """

    id: UUID
    status: OrderStatusEnum
    customer_id: UUID
    customer_email: str
    customer_name: str
    shipping_address: OrderShippingAddress
    currency: None | str
    total: None | str
    units: int
    lines: list[OrderLine]
    rejection: None | OrderRejection
    created_at: datetime.datetime
    updated_at: datetime.datetime
    confirmed_at: datetime.datetime | None
    reservation_id: None | UUID
    recovery_attempts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_rejection import OrderRejection  # noqa: PLC0415

        id = str(self.id)

        status = self.status.value

        customer_id = str(self.customer_id)

        customer_email = self.customer_email

        customer_name = self.customer_name

        shipping_address = self.shipping_address.to_dict()

        currency: None | str
        currency = self.currency

        total: None | str
        total = self.total

        units = self.units

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        rejection: dict[str, Any] | None
        if isinstance(self.rejection, OrderRejection):
            rejection = self.rejection.to_dict()
        else:
            rejection = self.rejection

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        reservation_id: None | str
        if isinstance(self.reservation_id, UUID):
            reservation_id = str(self.reservation_id)
        else:
            reservation_id = self.reservation_id

        recovery_attempts = self.recovery_attempts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "customer_id": customer_id,
                "customer_email": customer_email,
                "customer_name": customer_name,
                "shipping_address": shipping_address,
                "currency": currency,
                "total": total,
                "units": units,
                "lines": lines,
                "rejection": rejection,
                "created_at": created_at,
                "updated_at": updated_at,
                "confirmed_at": confirmed_at,
                "reservation_id": reservation_id,
                "recovery_attempts": recovery_attempts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line import OrderLine  # noqa: PLC0415
        from ..models.order_rejection import OrderRejection  # noqa: PLC0415
        from ..models.order_shipping_address import OrderShippingAddress  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = OrderStatusEnum(d.pop("status"))

        customer_id = UUID(d.pop("customer_id"))

        customer_email = d.pop("customer_email")

        customer_name = d.pop("customer_name")

        shipping_address = OrderShippingAddress.from_dict(d.pop("shipping_address"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        def _parse_total(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total = _parse_total(d.pop("total"))

        units = d.pop("units")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_rejection(data: object) -> None | OrderRejection:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rejection_type_1 = OrderRejection.from_dict(data)

                return rejection_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderRejection, data)

        rejection = _parse_rejection(d.pop("rejection"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        def _parse_reservation_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reservation_id_type_0 = UUID(data)

                return reservation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reservation_id = _parse_reservation_id(d.pop("reservation_id"))

        recovery_attempts = d.pop("recovery_attempts")

        staff_order = cls(
            id=id,
            status=status,
            customer_id=customer_id,
            customer_email=customer_email,
            customer_name=customer_name,
            shipping_address=shipping_address,
            currency=currency,
            total=total,
            units=units,
            lines=lines,
            rejection=rejection,
            created_at=created_at,
            updated_at=updated_at,
            confirmed_at=confirmed_at,
            reservation_id=reservation_id,
            recovery_attempts=recovery_attempts,
        )

        staff_order.additional_properties = d
        return staff_order

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
