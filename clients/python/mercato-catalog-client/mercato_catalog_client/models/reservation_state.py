from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reservation_status_enum import ReservationStatusEnum

T = TypeVar("T", bound="ReservationState")


@_attrs_define
class ReservationState:
    """
    Attributes:
        id (UUID):
        status (ReservationStatusEnum): * `held` - Held
            * `committed` - Committed
            * `released` - Released
            * `expired` - Expired
            * `returned` - Returned
        reference (str):
        updated_at (datetime.datetime):
    """

    id: UUID
    status: ReservationStatusEnum
    reference: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        reference = self.reference

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "reference": reference,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReservationStatusEnum(d.pop("status"))

        reference = d.pop("reference")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reservation_state = cls(
            id=id,
            status=status,
            reference=reference,
            updated_at=updated_at,
        )

        reservation_state.additional_properties = d
        return reservation_state

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
