from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.adjustment_mode_enum import AdjustmentModeEnum
from ..models.adjustment_reason_enum import AdjustmentReasonEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="StockAdjustmentCreateRequest")


@_attrs_define
class StockAdjustmentCreateRequest:
    """
    Attributes:
        mode (AdjustmentModeEnum): * `set` - set
            * `add` - add
        quantity (int):
        reason (AdjustmentReasonEnum): * `restock` - Restock
            * `correction` - Inventory correction
            * `damaged` - Damaged
            * `lost` - Lost
        note (str | Unset):  Default: ''.
        reference (str | Unset): E.g. a delivery note. Default: ''.
    """

    mode: AdjustmentModeEnum
    quantity: int
    reason: AdjustmentReasonEnum
    note: str | Unset = ""
    reference: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        quantity = self.quantity

        reason = self.reason.value

        note = self.note

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
                "quantity": quantity,
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = AdjustmentModeEnum(d.pop("mode"))

        quantity = d.pop("quantity")

        reason = AdjustmentReasonEnum(d.pop("reason"))

        note = d.pop("note", UNSET)

        reference = d.pop("reference", UNSET)

        stock_adjustment_create_request = cls(
            mode=mode,
            quantity=quantity,
            reason=reason,
            note=note,
            reference=reference,
        )

        return stock_adjustment_create_request
