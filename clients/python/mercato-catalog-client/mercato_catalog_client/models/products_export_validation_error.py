from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.products_export_attributes_error_component import ProductsExportAttributesErrorComponent
    from ..models.products_export_category_error_component import ProductsExportCategoryErrorComponent
    from ..models.products_export_currency_error_component import ProductsExportCurrencyErrorComponent
    from ..models.products_export_file_format_error_component import ProductsExportFileFormatErrorComponent
    from ..models.products_export_in_stock_error_component import ProductsExportInStockErrorComponent
    from ..models.products_export_is_active_error_component import ProductsExportIsActiveErrorComponent
    from ..models.products_export_non_field_errors_error_component import ProductsExportNonFieldErrorsErrorComponent
    from ..models.products_export_ordering_error_component import ProductsExportOrderingErrorComponent
    from ..models.products_export_price_max_error_component import ProductsExportPriceMaxErrorComponent
    from ..models.products_export_price_min_error_component import ProductsExportPriceMinErrorComponent
    from ..models.products_export_q_error_component import ProductsExportQErrorComponent
    from ..models.products_export_updated_since_error_component import ProductsExportUpdatedSinceErrorComponent


T = TypeVar("T", bound="ProductsExportValidationError")


@_attrs_define
class ProductsExportValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ProductsExportAttributesErrorComponent | ProductsExportCategoryErrorComponent |
            ProductsExportCurrencyErrorComponent | ProductsExportFileFormatErrorComponent |
            ProductsExportInStockErrorComponent | ProductsExportIsActiveErrorComponent |
            ProductsExportNonFieldErrorsErrorComponent | ProductsExportOrderingErrorComponent |
            ProductsExportPriceMaxErrorComponent | ProductsExportPriceMinErrorComponent | ProductsExportQErrorComponent |
            ProductsExportUpdatedSinceErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ProductsExportAttributesErrorComponent
        | ProductsExportCategoryErrorComponent
        | ProductsExportCurrencyErrorComponent
        | ProductsExportFileFormatErrorComponent
        | ProductsExportInStockErrorComponent
        | ProductsExportIsActiveErrorComponent
        | ProductsExportNonFieldErrorsErrorComponent
        | ProductsExportOrderingErrorComponent
        | ProductsExportPriceMaxErrorComponent
        | ProductsExportPriceMinErrorComponent
        | ProductsExportQErrorComponent
        | ProductsExportUpdatedSinceErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.products_export_attributes_error_component import ProductsExportAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_export_category_error_component import ProductsExportCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_export_currency_error_component import ProductsExportCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_export_file_format_error_component import ProductsExportFileFormatErrorComponent  # noqa: PLC0415
        from ..models.products_export_in_stock_error_component import ProductsExportInStockErrorComponent  # noqa: PLC0415
        from ..models.products_export_is_active_error_component import ProductsExportIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_export_non_field_errors_error_component import ProductsExportNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_export_price_max_error_component import ProductsExportPriceMaxErrorComponent  # noqa: PLC0415
        from ..models.products_export_price_min_error_component import ProductsExportPriceMinErrorComponent  # noqa: PLC0415
        from ..models.products_export_q_error_component import ProductsExportQErrorComponent  # noqa: PLC0415
        from ..models.products_export_updated_since_error_component import ProductsExportUpdatedSinceErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ProductsExportNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportFileFormatErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportCategoryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportPriceMinErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportPriceMaxErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportCurrencyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportInStockErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportIsActiveErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportUpdatedSinceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportAttributesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsExportQErrorComponent):
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
        from ..models.products_export_attributes_error_component import ProductsExportAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_export_category_error_component import ProductsExportCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_export_currency_error_component import ProductsExportCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_export_file_format_error_component import ProductsExportFileFormatErrorComponent  # noqa: PLC0415
        from ..models.products_export_in_stock_error_component import ProductsExportInStockErrorComponent  # noqa: PLC0415
        from ..models.products_export_is_active_error_component import ProductsExportIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_export_non_field_errors_error_component import ProductsExportNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_export_ordering_error_component import ProductsExportOrderingErrorComponent  # noqa: PLC0415
        from ..models.products_export_price_max_error_component import ProductsExportPriceMaxErrorComponent  # noqa: PLC0415
        from ..models.products_export_price_min_error_component import ProductsExportPriceMinErrorComponent  # noqa: PLC0415
        from ..models.products_export_q_error_component import ProductsExportQErrorComponent  # noqa: PLC0415
        from ..models.products_export_updated_since_error_component import ProductsExportUpdatedSinceErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ProductsExportAttributesErrorComponent
                | ProductsExportCategoryErrorComponent
                | ProductsExportCurrencyErrorComponent
                | ProductsExportFileFormatErrorComponent
                | ProductsExportInStockErrorComponent
                | ProductsExportIsActiveErrorComponent
                | ProductsExportNonFieldErrorsErrorComponent
                | ProductsExportOrderingErrorComponent
                | ProductsExportPriceMaxErrorComponent
                | ProductsExportPriceMinErrorComponent
                | ProductsExportQErrorComponent
                | ProductsExportUpdatedSinceErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_0 = (
                        ProductsExportNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_products_export_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_1 = ProductsExportFileFormatErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_2 = ProductsExportCategoryErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_3 = ProductsExportPriceMinErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_4 = ProductsExportPriceMaxErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_5 = ProductsExportCurrencyErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_6 = ProductsExportInStockErrorComponent.from_dict(data)

                    return componentsschemas_products_export_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_7 = ProductsExportIsActiveErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_8 = ProductsExportUpdatedSinceErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_9 = ProductsExportAttributesErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_export_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_export_error_type_10 = ProductsExportQErrorComponent.from_dict(data)

                    return componentsschemas_products_export_error_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_export_error_type_11 = ProductsExportOrderingErrorComponent.from_dict(data)

                return componentsschemas_products_export_error_type_11

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        products_export_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        products_export_validation_error.additional_properties = d
        return products_export_validation_error

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
