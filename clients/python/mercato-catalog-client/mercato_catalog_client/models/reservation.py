from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reservation_status_enum import ReservationStatusEnum

if TYPE_CHECKING:
    from ..models.reservation_line import ReservationLine


T = TypeVar("T", bound="Reservation")


@_attrs_define
class Reservation:
    """
    Attributes:
        id (UUID):
        status (ReservationStatusEnum): * `held` - Held
            * `committed` - Committed
            * `released` - Released
            * `expired` - Expired
            * `returned` - Returned
        reference (str):
        expires_at (datetime.datetime): When a held reservation expires unless committed first.
        lines (list[ReservationLine]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    status: ReservationStatusEnum
    reference: str
    expires_at: datetime.datetime
    lines: list[ReservationLine]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        reference = self.reference

        expires_at = self.expires_at.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "reference": reference,
                "expires_at": expires_at,
                "lines": lines,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_line import ReservationLine  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReservationStatusEnum(d.pop("status"))

        reference = d.pop("reference")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReservationLine.from_dict(lines_item_data)

            lines.append(lines_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reservation = cls(
            id=id,
            status=status,
            reference=reference,
            expires_at=expires_at,
            lines=lines,
            created_at=created_at,
            updated_at=updated_at,
        )

        reservation.additional_properties = d
        return reservation

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
