from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unprocessable_error_code_enum import UnprocessableErrorCodeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="UnprocessableError")


@_attrs_define
class UnprocessableError:
    """
    Attributes:
        code (UnprocessableErrorCodeEnum): * `unknown_sku` - Unknown Sku
            * `idempotency_key_reused` - Idempotency Key Reused
        detail (str):
        attr (None | str): `lines.<index>.sku` of an unknown SKU.
        sku (str | Unset): The unknown SKU (unknown_sku only).
    """

    code: UnprocessableErrorCodeEnum
    detail: str
    attr: None | str
    sku: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        attr: None | str
        attr = self.attr

        sku = self.sku

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = UnprocessableErrorCodeEnum(d.pop("code"))

        detail = d.pop("detail")

        def _parse_attr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attr = _parse_attr(d.pop("attr"))

        sku = d.pop("sku", UNSET)

        unprocessable_error = cls(
            code=code,
            detail=detail,
            attr=attr,
            sku=sku,
        )

        unprocessable_error.additional_properties = d
        return unprocessable_error

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
