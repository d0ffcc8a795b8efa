from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.products_partial_update_attributes_error_component import (
        ProductsPartialUpdateAttributesErrorComponent,
    )
    from ..models.products_partial_update_category_error_component import ProductsPartialUpdateCategoryErrorComponent
    from ..models.products_partial_update_currency_error_component import ProductsPartialUpdateCurrencyErrorComponent
    from ..models.products_partial_update_description_error_component import (
        ProductsPartialUpdateDescriptionErrorComponent,
    )
    from ..models.products_partial_update_is_active_error_component import ProductsPartialUpdateIsActiveErrorComponent
    from ..models.products_partial_update_key_error_component import ProductsPartialUpdateKEYErrorComponent
    from ..models.products_partial_update_name_error_component import ProductsPartialUpdateNameErrorComponent
    from ..models.products_partial_update_non_field_errors_error_component import (
        ProductsPartialUpdateNonFieldErrorsErrorComponent,
    )
    from ..models.products_partial_update_price_error_component import ProductsPartialUpdatePriceErrorComponent
    from ..models.products_partial_update_slug_error_component import ProductsPartialUpdateSlugErrorComponent


T = TypeVar("T", bound="ProductsPartialUpdateValidationError")


@_attrs_define
class ProductsPartialUpdateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ProductsPartialUpdateAttributesErrorComponent | ProductsPartialUpdateCategoryErrorComponent |
            ProductsPartialUpdateCurrencyErrorComponent | ProductsPartialUpdateDescriptionErrorComponent |
            ProductsPartialUpdateIsActiveErrorComponent | ProductsPartialUpdateKEYErrorComponent |
            ProductsPartialUpdateNameErrorComponent | ProductsPartialUpdateNonFieldErrorsErrorComponent |
            ProductsPartialUpdatePriceErrorComponent | ProductsPartialUpdateSlugErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ProductsPartialUpdateAttributesErrorComponent
        | ProductsPartialUpdateCategoryErrorComponent
        | ProductsPartialUpdateCurrencyErrorComponent
        | ProductsPartialUpdateDescriptionErrorComponent
        | ProductsPartialUpdateIsActiveErrorComponent
        | ProductsPartialUpdateKEYErrorComponent
        | ProductsPartialUpdateNameErrorComponent
        | ProductsPartialUpdateNonFieldErrorsErrorComponent
        | ProductsPartialUpdatePriceErrorComponent
        | ProductsPartialUpdateSlugErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.products_partial_update_attributes_error_component import (
            ProductsPartialUpdateAttributesErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_category_error_component import (
            ProductsPartialUpdateCategoryErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_currency_error_component import (
            ProductsPartialUpdateCurrencyErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_description_error_component import (
            ProductsPartialUpdateDescriptionErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_is_active_error_component import (
            ProductsPartialUpdateIsActiveErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_name_error_component import ProductsPartialUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.products_partial_update_non_field_errors_error_component import (
            ProductsPartialUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_price_error_component import ProductsPartialUpdatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_partial_update_slug_error_component import ProductsPartialUpdateSlugErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ProductsPartialUpdateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateNameErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateSlugErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateDescriptionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateCategoryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdatePriceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateCurrencyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateAttributesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsPartialUpdateIsActiveErrorComponent):
                errors_item = errors_item_data.to_dict()
            else:
                errors_item = errors_item_data.to_dict()

            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.products_partial_update_attributes_error_component import (
            ProductsPartialUpdateAttributesErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_category_error_component import (
            ProductsPartialUpdateCategoryErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_currency_error_component import (
            ProductsPartialUpdateCurrencyErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_description_error_component import (
            ProductsPartialUpdateDescriptionErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_is_active_error_component import (
            ProductsPartialUpdateIsActiveErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_key_error_component import ProductsPartialUpdateKEYErrorComponent  # noqa: PLC0415
        from ..models.products_partial_update_name_error_component import ProductsPartialUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.products_partial_update_non_field_errors_error_component import (
            ProductsPartialUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.products_partial_update_price_error_component import ProductsPartialUpdatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_partial_update_slug_error_component import ProductsPartialUpdateSlugErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ProductsPartialUpdateAttributesErrorComponent
                | ProductsPartialUpdateCategoryErrorComponent
                | ProductsPartialUpdateCurrencyErrorComponent
                | ProductsPartialUpdateDescriptionErrorComponent
                | ProductsPartialUpdateIsActiveErrorComponent
                | ProductsPartialUpdateKEYErrorComponent
                | ProductsPartialUpdateNameErrorComponent
                | ProductsPartialUpdateNonFieldErrorsErrorComponent
                | ProductsPartialUpdatePriceErrorComponent
                | ProductsPartialUpdateSlugErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_0 = (
                        ProductsPartialUpdateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_1 = (
                        ProductsPartialUpdateNameErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_2 = (
                        ProductsPartialUpdateSlugErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_3 = (
                        ProductsPartialUpdateDescriptionErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_4 = (
                        ProductsPartialUpdateCategoryErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_5 = (
                        ProductsPartialUpdatePriceErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_6 = (
                        ProductsPartialUpdateCurrencyErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_7 = (
                        ProductsPartialUpdateAttributesErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_partial_update_error_type_8 = (
                        ProductsPartialUpdateIsActiveErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_partial_update_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_partial_update_error_type_9 = (
                    ProductsPartialUpdateKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_products_partial_update_error_type_9

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        products_partial_update_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        products_partial_update_validation_error.additional_properties = d
        return products_partial_update_validation_error

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
