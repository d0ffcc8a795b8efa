from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressWriteRequest")


@_attrs_define
class AddressWriteRequest:
    """The fields a user writes; the default is chosen with set-default, the owner is the caller.

    Attributes:
        recipient (str):
        line1 (str):
        city (str):
        postal_code (str):
        country (str): ISO 3166-1 alpha-2 code, e.g. DE.
        label (str | Unset): The user's name for it, e.g. Home.
        line2 (str | Unset):
        region (str | Unset): State, province or county.
        phone (str | Unset):
    """

    recipient: str
    line1: str
    city: str
    postal_code: str
    country: str
    label: str | Unset = UNSET
    line2: str | Unset = UNSET
    region: str | Unset = UNSET
    phone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient

        line1 = self.line1

        city = self.city

        postal_code = self.postal_code

        country = self.country

        label = self.label

        line2 = self.line2

        region = self.region

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recipient": recipient,
                "line1": line1,
                "city": city,
                "postal_code": postal_code,
                "country": country,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if region is not UNSET:
            field_dict["region"] = region
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipient = d.pop("recipient")

        line1 = d.pop("line1")

        city = d.pop("city")

        postal_code = d.pop("postal_code")

        country = d.pop("country")

        label = d.pop("label", UNSET)

        line2 = d.pop("line2", UNSET)

        region = d.pop("region", UNSET)

        phone = d.pop("phone", UNSET)

        address_write_request = cls(
            recipient=recipient,
            line1=line1,
            city=city,
            postal_code=postal_code,
            country=country,
            label=label,
            line2=line2,
            region=region,
            phone=phone,
        )

        return address_write_request
