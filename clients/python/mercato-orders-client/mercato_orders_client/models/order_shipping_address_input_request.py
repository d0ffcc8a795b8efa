from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderShippingAddressInputRequest")


@_attrs_define
class OrderShippingAddressInputRequest:
    """
    Attributes:
        recipient (str):
        line1 (str):
        city (str):
        postal_code (str):
        country (str): ISO 3166-1 alpha-2 code, e.g. DE.
        line2 (str | Unset):  Default: ''.
        region (str | Unset):  Default: ''.
        phone (str | Unset):  Default: ''.
    """

    recipient: str
    line1: str
    city: str
    postal_code: str
    country: str
    line2: str | Unset = ""
    region: str | Unset = ""
    phone: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient

        line1 = self.line1

        city = self.city

        postal_code = self.postal_code

        country = self.country

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

        line2 = d.pop("line2", UNSET)

        region = d.pop("region", UNSET)

        phone = d.pop("phone", UNSET)

        order_shipping_address_input_request = cls(
            recipient=recipient,
            line1=line1,
            city=city,
            postal_code=postal_code,
            country=country,
            line2=line2,
            region=region,
            phone=phone,
        )

        return order_shipping_address_input_request
