from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conflict_error_code_enum import ConflictErrorCodeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="InsufficientStockError")


@_attrs_define
class InsufficientStockError:
    """
    Attributes:
        code (ConflictErrorCodeEnum): * `sku_taken` - Sku Taken
            * `slug_taken` - Slug Taken
            * `category_in_use` - Category In Use
            * `product_in_use` - Product In Use
            * `insufficient_stock` - Insufficient Stock
            * `reservation_state_conflict` - Reservation State Conflict
            * `reservation_expired` - Reservation Expired
            * `idempotency_request_in_flight` - Idempotency Request In Flight
        detail (str):
        attr (None | str): `lines.<index>.quantity` of the short line.
        sku (str | Unset): The short SKU (insufficient_stock only).
        requested (int | Unset): The quantity asked for.
        available (int | Unset): The quantity that could be held.
    """

    code: ConflictErrorCodeEnum
    detail: str
    attr: None | str
    sku: str | Unset = UNSET
    requested: int | Unset = UNSET
    available: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        attr: None | str
        attr = self.attr

        sku = self.sku

        requested = self.requested

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "attr": attr,
            }
        )
        if sku is not UNSET:
            field_dict["sku"] = sku
        if requested is not UNSET:
            field_dict["requested"] = requested
        if available is not UNSET:
            field_dict["available"] = available

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = ConflictErrorCodeEnum(d.pop("code"))

        detail = d.pop("detail")

        def _parse_attr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attr = _parse_attr(d.pop("attr"))

        sku = d.pop("sku", UNSET)

        requested = d.pop("requested", UNSET)

        available = d.pop("available", UNSET)

        insufficient_stock_error = cls(
            code=code,
            detail=detail,
            attr=attr,
            sku=sku,
            requested=requested,
            available=available,
        )

        insufficient_stock_error.additional_properties = d
        return insufficient_stock_error

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
