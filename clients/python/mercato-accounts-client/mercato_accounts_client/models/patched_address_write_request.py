from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedAddressWriteRequest")


@_attrs_define
class PatchedAddressWriteRequest:
    """The fields a user writes; the default is chosen with set-default, the owner is the caller.

    Attributes:
        label (str | Unset): The user's name for it, e.g. Home.
        recipient (str | Unset):
        line1 (str | Unset):
        line2 (str | Unset):
        city (str | Unset):
        region (str | Unset): State, province or county.
        postal_code (str | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 code, e.g. DE.
        phone (str | Unset):
    """

    label: str | Unset = UNSET
    recipient: str | Unset = UNSET
    line1: str | Unset = UNSET
    line2: str | Unset = UNSET
    city: str | Unset = UNSET
    region: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    country: str | Unset = UNSET
    phone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        recipient = self.recipient

        line1 = self.line1

        line2 = self.line2

        city = self.city

        region = self.region

        postal_code = self.postal_code

        country = self.country

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if city is not UNSET:
            field_dict["city"] = city
        if region is not UNSET:
            field_dict["region"] = region
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if country is not UNSET:
            field_dict["country"] = country
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        recipient = d.pop("recipient", UNSET)

        line1 = d.pop("line1", UNSET)

        line2 = d.pop("line2", UNSET)

        city = d.pop("city", UNSET)

        region = d.pop("region", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        country = d.pop("country", UNSET)

        phone = d.pop("phone", UNSET)

        patched_address_write_request = cls(
            label=label,
            recipient=recipient,
            line1=line1,
            line2=line2,
            city=city,
            region=region,
            postal_code=postal_code,
            country=country,
            phone=phone,
        )

        return patched_address_write_request
