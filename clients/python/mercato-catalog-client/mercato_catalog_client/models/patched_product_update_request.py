from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedProductUpdateRequest")


@_attrs_define
class PatchedProductUpdateRequest:
    """PUT replaces every field but the SKU (absent optional fields take their defaults); PATCH
    changes the fields given.

        Attributes:
            name (str | Unset):
            slug (str | Unset): Derived from the name when empty or absent.
            description (str | Unset):
            category (int | Unset): The category's id.
            price (str | Unset):
            currency (str | Unset): ISO 4217 code, e.g. `EUR`.
            attributes (Any | Unset):
            is_active (bool | Unset):
    """

    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    description: str | Unset = UNSET
    category: int | Unset = UNSET
    price: str | Unset = UNSET
    currency: str | Unset = UNSET
    attributes: Any | Unset = UNSET
    is_active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug: str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        description = self.description

        category = self.category

        price = self.price

        currency = self.currency

        attributes = self.attributes

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if description is not UNSET:
            field_dict["description"] = description
        if category is not UNSET:
            field_dict["category"] = category
        if price is not UNSET:
            field_dict["price"] = price
        if currency is not UNSET:
            field_dict["currency"] = currency
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_slug(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        description = d.pop("description", UNSET)

        category = d.pop("category", UNSET)

        price = d.pop("price", UNSET)

        currency = d.pop("currency", UNSET)

        attributes = d.pop("attributes", UNSET)

        is_active = d.pop("is_active", UNSET)

        patched_product_update_request = cls(
            name=name,
            slug=slug,
            description=description,
            category=category,
            price=price,
            currency=currency,
            attributes=attributes,
            is_active=is_active,
        )

        return patched_product_update_request
