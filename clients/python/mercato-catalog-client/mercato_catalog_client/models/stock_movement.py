from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement_reason_enum import MovementReasonEnum

T = TypeVar("T", bound="StockMovement")


@_attrs_define
class StockMovement:
    """
    Attributes:
        id (int):
        delta_on_hand (int):
        delta_reserved (int):
        reason (MovementReasonEnum): * `restock` - Restock
            * `correction` - Inventory correction
            * `damaged` - Damaged
            * `lost` - Lost
            * `reservation_held` - Reservation held
            * `reservation_committed` - Reservation committed
            * `reservation_released` - Reservation released
            * `reservation_expired` - Reservation expired
            * `reservation_returned` - Reservation returned
            * `import` - Import
        note (str):
        actor (str): `user:<uuid>`, `service:<name>` or `system:<job>`.
        reference (str): A reservation id, or what the adjustment named.
        created_at (datetime.datetime):
    """

    id: int
    delta_on_hand: int
    delta_reserved: int
    reason: MovementReasonEnum
    note: str
    actor: str
    reference: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        delta_on_hand = self.delta_on_hand

        delta_reserved = self.delta_reserved

        reason = self.reason.value

        note = self.note

        actor = self.actor

        reference = self.reference

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "delta_on_hand": delta_on_hand,
                "delta_reserved": delta_reserved,
                "reason": reason,
                "note": note,
                "actor": actor,
                "reference": reference,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        delta_on_hand = d.pop("delta_on_hand")

        delta_reserved = d.pop("delta_reserved")

        reason = MovementReasonEnum(d.pop("reason"))

        note = d.pop("note")

        actor = d.pop("actor")

        reference = d.pop("reference")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        stock_movement = cls(
            id=id,
            delta_on_hand=delta_on_hand,
            delta_reserved=delta_reserved,
            reason=reason,
            note=note,
            actor=actor,
            reference=reference,
            created_at=created_at,
        )

        stock_movement.additional_properties = d
        return stock_movement

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
