from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.products_update_attributes_error_component import ProductsUpdateAttributesErrorComponent
    from ..models.products_update_category_error_component import ProductsUpdateCategoryErrorComponent
    from ..models.products_update_currency_error_component import ProductsUpdateCurrencyErrorComponent
    from ..models.products_update_description_error_component import ProductsUpdateDescriptionErrorComponent
    from ..models.products_update_is_active_error_component import ProductsUpdateIsActiveErrorComponent
    from ..models.products_update_key_error_component import ProductsUpdateKEYErrorComponent
    from ..models.products_update_name_error_component import ProductsUpdateNameErrorComponent
    from ..models.products_update_non_field_errors_error_component import ProductsUpdateNonFieldErrorsErrorComponent
    from ..models.products_update_price_error_component import ProductsUpdatePriceErrorComponent
    from ..models.products_update_slug_error_component import ProductsUpdateSlugErrorComponent


T = TypeVar("T", bound="ProductsUpdateValidationError")


@_attrs_define
class ProductsUpdateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ProductsUpdateAttributesErrorComponent | ProductsUpdateCategoryErrorComponent |
            ProductsUpdateCurrencyErrorComponent | ProductsUpdateDescriptionErrorComponent |
            ProductsUpdateIsActiveErrorComponent | ProductsUpdateKEYErrorComponent | ProductsUpdateNameErrorComponent |
            ProductsUpdateNonFieldErrorsErrorComponent | ProductsUpdatePriceErrorComponent |
            ProductsUpdateSlugErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ProductsUpdateAttributesErrorComponent
        | ProductsUpdateCategoryErrorComponent
        | ProductsUpdateCurrencyErrorComponent
        | ProductsUpdateDescriptionErrorComponent
        | ProductsUpdateIsActiveErrorComponent
        | ProductsUpdateKEYErrorComponent
        | ProductsUpdateNameErrorComponent
        | ProductsUpdateNonFieldErrorsErrorComponent
        | ProductsUpdatePriceErrorComponent
        | ProductsUpdateSlugErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.products_update_attributes_error_component import ProductsUpdateAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_update_category_error_component import ProductsUpdateCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_update_currency_error_component import ProductsUpdateCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_update_description_error_component import ProductsUpdateDescriptionErrorComponent  # noqa: PLC0415
        from ..models.products_update_is_active_error_component import ProductsUpdateIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_update_name_error_component import ProductsUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.products_update_non_field_errors_error_component import ProductsUpdateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_update_price_error_component import ProductsUpdatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_update_slug_error_component import ProductsUpdateSlugErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ProductsUpdateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateNameErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateSlugErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateDescriptionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateCategoryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdatePriceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateCurrencyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateAttributesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsUpdateIsActiveErrorComponent):
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
        from ..models.products_update_attributes_error_component import ProductsUpdateAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_update_category_error_component import ProductsUpdateCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_update_currency_error_component import ProductsUpdateCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_update_description_error_component import ProductsUpdateDescriptionErrorComponent  # noqa: PLC0415
        from ..models.products_update_is_active_error_component import ProductsUpdateIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_update_key_error_component import ProductsUpdateKEYErrorComponent  # noqa: PLC0415
        from ..models.products_update_name_error_component import ProductsUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.products_update_non_field_errors_error_component import ProductsUpdateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_update_price_error_component import ProductsUpdatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_update_slug_error_component import ProductsUpdateSlugErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ProductsUpdateAttributesErrorComponent
                | ProductsUpdateCategoryErrorComponent
                | ProductsUpdateCurrencyErrorComponent
                | ProductsUpdateDescriptionErrorComponent
                | ProductsUpdateIsActiveErrorComponent
                | ProductsUpdateKEYErrorComponent
                | ProductsUpdateNameErrorComponent
                | ProductsUpdateNonFieldErrorsErrorComponent
                | ProductsUpdatePriceErrorComponent
                | ProductsUpdateSlugErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_0 = (
                        ProductsUpdateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_update_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_1 = ProductsUpdateNameErrorComponent.from_dict(data)

                    return componentsschemas_products_update_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_2 = ProductsUpdateSlugErrorComponent.from_dict(data)

                    return componentsschemas_products_update_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_3 = ProductsUpdateDescriptionErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_update_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_4 = ProductsUpdateCategoryErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_update_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_5 = ProductsUpdatePriceErrorComponent.from_dict(data)

                    return componentsschemas_products_update_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_6 = ProductsUpdateCurrencyErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_update_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_7 = ProductsUpdateAttributesErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_update_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_update_error_type_8 = ProductsUpdateIsActiveErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_update_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_update_error_type_9 = ProductsUpdateKEYErrorComponent.from_dict(data)

                return componentsschemas_products_update_error_type_9

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        products_update_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        products_update_validation_error.additional_properties = d
        return products_update_validation_error

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
