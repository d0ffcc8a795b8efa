from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.order_status_enum import OrderStatusEnum

T = TypeVar("T", bound="OrderStatusChange")


@_attrs_define
class OrderStatusChange:
    """
    Attributes:
        from_status (BlankEnum | OrderStatusEnum): Empty: created.

            * `pending` - pending
            * `confirmed` - confirmed
            * `cancelling` - cancelling
            * `rejected` - rejected
            * `cancelled` - cancelled
            * `fulfilled` - fulfilled
        to_status (OrderStatusEnum): * `pending` - pending
            * `confirmed` - confirmed
            * `cancelling` - cancelling
            * `rejected` - rejected
            * `cancelled` - cancelled
            * `fulfilled` - fulfilled
        at (datetime.datetime):
        actor (str): `user:<uuid>`, `service:<name>`, `system:<job>` or `admin:<name>`.
        reason (str):
    """

    from_status: BlankEnum | OrderStatusEnum
    to_status: OrderStatusEnum
    at: datetime.datetime
    actor: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_status: str
        if isinstance(self.from_status, OrderStatusEnum):
            from_status = self.from_status.value
        else:
            from_status = self.from_status.value

        to_status = self.to_status.value

        at = self.at.isoformat()

        actor = self.actor

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_status": from_status,
                "to_status": to_status,
                "at": at,
                "actor": actor,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_status(data: object) -> BlankEnum | OrderStatusEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = OrderStatusEnum(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            from_status_type_1 = BlankEnum(data)

            return from_status_type_1

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = OrderStatusEnum(d.pop("to_status"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        reason = d.pop("reason")

        order_status_change = cls(
            from_status=from_status,
            to_status=to_status,
            at=at,
            actor=actor,
            reason=reason,
        )

        order_status_change.additional_properties = d
        return order_status_change

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
