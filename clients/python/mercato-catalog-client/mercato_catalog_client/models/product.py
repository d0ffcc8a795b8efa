from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_attributes import ProductAttributes


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        sku (str):
        name (str):
        slug (str):
        description (str):
        category (int): The category's id.
        price (str): A decimal string, in `currency`.
        currency (str): ISO 4217 code.
        attributes (ProductAttributes): Free-form attributes, e.g. `{"color": "red"}`.
        is_active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    sku: str
    name: str
    slug: str
    description: str
    category: int
    price: str
    currency: str
    attributes: ProductAttributes
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        name = self.name

        slug = self.slug

        description = self.description

        category = self.category

        price = self.price

        currency = self.currency

        attributes = self.attributes.to_dict()

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "name": name,
                "slug": slug,
                "description": description,
                "category": category,
                "price": price,
                "currency": currency,
                "attributes": attributes,
                "is_active": is_active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_attributes import ProductAttributes  # noqa: PLC0415

        d = dict(src_dict)
        sku = d.pop("sku")

        name = d.pop("name")

        slug = d.pop("slug")

        description = d.pop("description")

        category = d.pop("category")

        price = d.pop("price")

        currency = d.pop("currency")

        attributes = ProductAttributes.from_dict(d.pop("attributes"))

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        product = cls(
            sku=sku,
            name=name,
            slug=slug,
            description=description,
            category=category,
            price=price,
            currency=currency,
            attributes=attributes,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
        )

        product.additional_properties = d
        return product

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
