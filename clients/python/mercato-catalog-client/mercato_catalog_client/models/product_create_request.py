from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductCreateRequest")


@_attrs_define
class ProductCreateRequest:
    """PUT replaces every field but the SKU (absent optional fields take their defaults); PATCH
    changes the fields given.

        Attributes:
            name (str):
            category (int): The category's id.
            price (str):
            currency (str): ISO 4217 code, e.g. `EUR`.
            sku (str): The product's identity; it cannot change later.
            slug (str | Unset): Derived from the name when empty or absent.
            description (str | Unset):  Default: ''.
            attributes (Any | Unset):
            is_active (bool | Unset):  Default: True.
    """

    name: str
    category: int
    price: str
    currency: str
    sku: str
    slug: str | Unset = UNSET
    description: str | Unset = ""
    attributes: Any | Unset = UNSET
    is_active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        category = self.category

        price = self.price

        currency = self.currency

        sku = self.sku

        slug: str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        description = self.description

        attributes = self.attributes

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "category": category,
                "price": price,
                "currency": currency,
                "sku": sku,
            }
        )
        if slug is not UNSET:
            field_dict["slug"] = slug
        if description is not UNSET:
            field_dict["description"] = description
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        category = d.pop("category")

        price = d.pop("price")

        currency = d.pop("currency")

        sku = d.pop("sku")

        def _parse_slug(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        description = d.pop("description", UNSET)

        attributes = d.pop("attributes", UNSET)

        is_active = d.pop("is_active", UNSET)

        product_create_request = cls(
            name=name,
            category=category,
            price=price,
            currency=currency,
            sku=sku,
            slug=slug,
            description=description,
            attributes=attributes,
            is_active=is_active,
        )

        return product_create_request
