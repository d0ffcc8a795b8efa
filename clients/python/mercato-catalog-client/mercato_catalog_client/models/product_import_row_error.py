from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProductImportRowError")


@_attrs_define
class ProductImportRowError:
    """
    Attributes:
        line (int): The line of the file where the rejected record starts (1 = first line).
        sku (str): The record's SKU as given, when it had one.
        field (None | str): The field at fault; null when the whole record is.
        code (str):
        message (str):
    """

    line: int
    sku: str
    field: None | str
    code: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        sku = self.sku

        field: None | str
        field = self.field

        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "sku": sku,
                "field": field,
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        sku = d.pop("sku")

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        code = d.pop("code")

        message = d.pop("message")

        product_import_row_error = cls(
            line=line,
            sku=sku,
            field=field,
            code=code,
            message=message,
        )

        product_import_row_error.additional_properties = d
        return product_import_row_error

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
