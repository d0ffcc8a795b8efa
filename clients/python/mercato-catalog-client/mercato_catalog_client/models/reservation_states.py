from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reservation_state import ReservationState


T = TypeVar("T", bound="ReservationStates")


@_attrs_define
class ReservationStates:
    """
    Attributes:
        results (list[ReservationState]): The reservations found, in the order asked.
        unknown (list[UUID]): Ids that are no reservation of yours (or none at all).
    """

    results: list[ReservationState]
    unknown: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        unknown = []
        for unknown_item_data in self.unknown:
            unknown_item = str(unknown_item_data)
            unknown.append(unknown_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
                "unknown": unknown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_state import ReservationState  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ReservationState.from_dict(results_item_data)

            results.append(results_item)

        unknown = []
        _unknown = d.pop("unknown")
        for unknown_item_data in _unknown:
            unknown_item = UUID(unknown_item_data)

            unknown.append(unknown_item)

        reservation_states = cls(
            results=results,
            unknown=unknown,
        )

        reservation_states.additional_properties = d
        return reservation_states

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
