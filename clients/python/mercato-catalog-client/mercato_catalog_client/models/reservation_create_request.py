from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reservation_create_line_request import ReservationCreateLineRequest


T = TypeVar("T", bound="ReservationCreateRequest")


@_attrs_define
class ReservationCreateRequest:
    """
    Attributes:
        reference (str): The caller's reference, e.g. its order id.
        lines (list[ReservationCreateLineRequest]):
        ttl_seconds (int | Unset): How long the hold lasts unless committed or released. Default: 900.
        commit (bool | Unset): true: sell the stock at once, the hold and its commit in one transaction (the reservation
            answered is `committed`), for a caller that needs no hold in between. Not part of the request's identity:
            repeating a plain hold with `commit` under its key commits that hold if it is still held, and answers it as it
            is otherwise. Default: False.
    """

    reference: str
    lines: list[ReservationCreateLineRequest]
    ttl_seconds: int | Unset = 900
    commit: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        ttl_seconds = self.ttl_seconds

        commit = self.commit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
                "lines": lines,
            }
        )
        if ttl_seconds is not UNSET:
            field_dict["ttl_seconds"] = ttl_seconds
        if commit is not UNSET:
            field_dict["commit"] = commit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_create_line_request import ReservationCreateLineRequest  # noqa: PLC0415

        d = dict(src_dict)
        reference = d.pop("reference")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReservationCreateLineRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        ttl_seconds = d.pop("ttl_seconds", UNSET)

        commit = d.pop("commit", UNSET)

        reservation_create_request = cls(
            reference=reference,
            lines=lines,
            ttl_seconds=ttl_seconds,
            commit=commit,
        )

        return reservation_create_request
