from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.products_create_attributes_error_component import ProductsCreateAttributesErrorComponent
    from ..models.products_create_category_error_component import ProductsCreateCategoryErrorComponent
    from ..models.products_create_currency_error_component import ProductsCreateCurrencyErrorComponent
    from ..models.products_create_description_error_component import ProductsCreateDescriptionErrorComponent
    from ..models.products_create_is_active_error_component import ProductsCreateIsActiveErrorComponent
    from ..models.products_create_key_error_component import ProductsCreateKEYErrorComponent
    from ..models.products_create_name_error_component import ProductsCreateNameErrorComponent
    from ..models.products_create_non_field_errors_error_component import ProductsCreateNonFieldErrorsErrorComponent
    from ..models.products_create_price_error_component import ProductsCreatePriceErrorComponent
    from ..models.products_create_sku_error_component import ProductsCreateSkuErrorComponent
    from ..models.products_create_slug_error_component import ProductsCreateSlugErrorComponent


T = TypeVar("T", bound="ProductsCreateValidationError")


@_attrs_define
class ProductsCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ProductsCreateAttributesErrorComponent | ProductsCreateCategoryErrorComponent |
            ProductsCreateCurrencyErrorComponent | ProductsCreateDescriptionErrorComponent |
            ProductsCreateIsActiveErrorComponent | ProductsCreateKEYErrorComponent | ProductsCreateNameErrorComponent |
            ProductsCreateNonFieldErrorsErrorComponent | ProductsCreatePriceErrorComponent | ProductsCreateSkuErrorComponent
            | ProductsCreateSlugErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ProductsCreateAttributesErrorComponent
        | ProductsCreateCategoryErrorComponent
        | ProductsCreateCurrencyErrorComponent
        | ProductsCreateDescriptionErrorComponent
        | ProductsCreateIsActiveErrorComponent
        | ProductsCreateKEYErrorComponent
        | ProductsCreateNameErrorComponent
        | ProductsCreateNonFieldErrorsErrorComponent
        | ProductsCreatePriceErrorComponent
        | ProductsCreateSkuErrorComponent
        | ProductsCreateSlugErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.products_create_attributes_error_component import ProductsCreateAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_create_category_error_component import ProductsCreateCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_create_currency_error_component import ProductsCreateCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_create_description_error_component import ProductsCreateDescriptionErrorComponent  # noqa: PLC0415
        from ..models.products_create_is_active_error_component import ProductsCreateIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_create_name_error_component import ProductsCreateNameErrorComponent  # noqa: PLC0415
        from ..models.products_create_non_field_errors_error_component import ProductsCreateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_create_price_error_component import ProductsCreatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_create_sku_error_component import ProductsCreateSkuErrorComponent  # noqa: PLC0415
        from ..models.products_create_slug_error_component import ProductsCreateSlugErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ProductsCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateNameErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateSlugErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateDescriptionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateCategoryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreatePriceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateCurrencyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateAttributesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateIsActiveErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsCreateSkuErrorComponent):
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
        from ..models.products_create_attributes_error_component import ProductsCreateAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_create_category_error_component import ProductsCreateCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_create_currency_error_component import ProductsCreateCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_create_description_error_component import ProductsCreateDescriptionErrorComponent  # noqa: PLC0415
        from ..models.products_create_is_active_error_component import ProductsCreateIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_create_key_error_component import ProductsCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.products_create_name_error_component import ProductsCreateNameErrorComponent  # noqa: PLC0415
        from ..models.products_create_non_field_errors_error_component import ProductsCreateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_create_price_error_component import ProductsCreatePriceErrorComponent  # noqa: PLC0415
        from ..models.products_create_sku_error_component import ProductsCreateSkuErrorComponent  # noqa: PLC0415
        from ..models.products_create_slug_error_component import ProductsCreateSlugErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ProductsCreateAttributesErrorComponent
                | ProductsCreateCategoryErrorComponent
                | ProductsCreateCurrencyErrorComponent
                | ProductsCreateDescriptionErrorComponent
                | ProductsCreateIsActiveErrorComponent
                | ProductsCreateKEYErrorComponent
                | ProductsCreateNameErrorComponent
                | ProductsCreateNonFieldErrorsErrorComponent
                | ProductsCreatePriceErrorComponent
                | ProductsCreateSkuErrorComponent
                | ProductsCreateSlugErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_0 = (
                        ProductsCreateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_1 = ProductsCreateNameErrorComponent.from_dict(data)

                    return componentsschemas_products_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_2 = ProductsCreateSlugErrorComponent.from_dict(data)

                    return componentsschemas_products_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_3 = ProductsCreateDescriptionErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_create_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_4 = ProductsCreateCategoryErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_create_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_5 = ProductsCreatePriceErrorComponent.from_dict(data)

                    return componentsschemas_products_create_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_6 = ProductsCreateCurrencyErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_create_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_7 = ProductsCreateAttributesErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_create_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_8 = ProductsCreateIsActiveErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_create_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_create_error_type_9 = ProductsCreateSkuErrorComponent.from_dict(data)

                    return componentsschemas_products_create_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_create_error_type_10 = ProductsCreateKEYErrorComponent.from_dict(data)

                return componentsschemas_products_create_error_type_10

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        products_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        products_create_validation_error.additional_properties = d
        return products_create_validation_error

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
