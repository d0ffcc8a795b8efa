from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.products_list_attributes_error_component import ProductsListAttributesErrorComponent
    from ..models.products_list_category_error_component import ProductsListCategoryErrorComponent
    from ..models.products_list_currency_error_component import ProductsListCurrencyErrorComponent
    from ..models.products_list_cursor_error_component import ProductsListCursorErrorComponent
    from ..models.products_list_in_stock_error_component import ProductsListInStockErrorComponent
    from ..models.products_list_is_active_error_component import ProductsListIsActiveErrorComponent
    from ..models.products_list_non_field_errors_error_component import ProductsListNonFieldErrorsErrorComponent
    from ..models.products_list_ordering_error_component import ProductsListOrderingErrorComponent
    from ..models.products_list_page_size_error_component import ProductsListPageSizeErrorComponent
    from ..models.products_list_price_max_error_component import ProductsListPriceMaxErrorComponent
    from ..models.products_list_price_min_error_component import ProductsListPriceMinErrorComponent
    from ..models.products_list_q_error_component import ProductsListQErrorComponent
    from ..models.products_list_updated_since_error_component import ProductsListUpdatedSinceErrorComponent


T = TypeVar("T", bound="ProductsListValidationError")


@_attrs_define
class ProductsListValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ProductsListAttributesErrorComponent | ProductsListCategoryErrorComponent |
            ProductsListCurrencyErrorComponent | ProductsListCursorErrorComponent | ProductsListInStockErrorComponent |
            ProductsListIsActiveErrorComponent | ProductsListNonFieldErrorsErrorComponent |
            ProductsListOrderingErrorComponent | ProductsListPageSizeErrorComponent | ProductsListPriceMaxErrorComponent |
            ProductsListPriceMinErrorComponent | ProductsListQErrorComponent | ProductsListUpdatedSinceErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ProductsListAttributesErrorComponent
        | ProductsListCategoryErrorComponent
        | ProductsListCurrencyErrorComponent
        | ProductsListCursorErrorComponent
        | ProductsListInStockErrorComponent
        | ProductsListIsActiveErrorComponent
        | ProductsListNonFieldErrorsErrorComponent
        | ProductsListOrderingErrorComponent
        | ProductsListPageSizeErrorComponent
        | ProductsListPriceMaxErrorComponent
        | ProductsListPriceMinErrorComponent
        | ProductsListQErrorComponent
        | ProductsListUpdatedSinceErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.products_list_attributes_error_component import ProductsListAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_list_category_error_component import ProductsListCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_list_currency_error_component import ProductsListCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_list_in_stock_error_component import ProductsListInStockErrorComponent  # noqa: PLC0415
        from ..models.products_list_is_active_error_component import ProductsListIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_list_non_field_errors_error_component import ProductsListNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_list_ordering_error_component import ProductsListOrderingErrorComponent  # noqa: PLC0415
        from ..models.products_list_page_size_error_component import ProductsListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.products_list_price_max_error_component import ProductsListPriceMaxErrorComponent  # noqa: PLC0415
        from ..models.products_list_price_min_error_component import ProductsListPriceMinErrorComponent  # noqa: PLC0415
        from ..models.products_list_q_error_component import ProductsListQErrorComponent  # noqa: PLC0415
        from ..models.products_list_updated_since_error_component import ProductsListUpdatedSinceErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ProductsListCategoryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListPriceMinErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListPriceMaxErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListCurrencyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListInStockErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListIsActiveErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListUpdatedSinceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListAttributesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListQErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListOrderingErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ProductsListPageSizeErrorComponent):
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
        from ..models.products_list_attributes_error_component import ProductsListAttributesErrorComponent  # noqa: PLC0415
        from ..models.products_list_category_error_component import ProductsListCategoryErrorComponent  # noqa: PLC0415
        from ..models.products_list_currency_error_component import ProductsListCurrencyErrorComponent  # noqa: PLC0415
        from ..models.products_list_cursor_error_component import ProductsListCursorErrorComponent  # noqa: PLC0415
        from ..models.products_list_in_stock_error_component import ProductsListInStockErrorComponent  # noqa: PLC0415
        from ..models.products_list_is_active_error_component import ProductsListIsActiveErrorComponent  # noqa: PLC0415
        from ..models.products_list_non_field_errors_error_component import ProductsListNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.products_list_ordering_error_component import ProductsListOrderingErrorComponent  # noqa: PLC0415
        from ..models.products_list_page_size_error_component import ProductsListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.products_list_price_max_error_component import ProductsListPriceMaxErrorComponent  # noqa: PLC0415
        from ..models.products_list_price_min_error_component import ProductsListPriceMinErrorComponent  # noqa: PLC0415
        from ..models.products_list_q_error_component import ProductsListQErrorComponent  # noqa: PLC0415
        from ..models.products_list_updated_since_error_component import ProductsListUpdatedSinceErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ProductsListAttributesErrorComponent
                | ProductsListCategoryErrorComponent
                | ProductsListCurrencyErrorComponent
                | ProductsListCursorErrorComponent
                | ProductsListInStockErrorComponent
                | ProductsListIsActiveErrorComponent
                | ProductsListNonFieldErrorsErrorComponent
                | ProductsListOrderingErrorComponent
                | ProductsListPageSizeErrorComponent
                | ProductsListPriceMaxErrorComponent
                | ProductsListPriceMinErrorComponent
                | ProductsListQErrorComponent
                | ProductsListUpdatedSinceErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_0 = ProductsListCategoryErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_1 = ProductsListNonFieldErrorsErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_list_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_2 = ProductsListPriceMinErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_3 = ProductsListPriceMaxErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_4 = ProductsListCurrencyErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_5 = ProductsListInStockErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_6 = ProductsListIsActiveErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_7 = ProductsListUpdatedSinceErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_products_list_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_8 = ProductsListAttributesErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_9 = ProductsListQErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_10 = ProductsListOrderingErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_products_list_error_type_11 = ProductsListPageSizeErrorComponent.from_dict(data)

                    return componentsschemas_products_list_error_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_list_error_type_12 = ProductsListCursorErrorComponent.from_dict(data)

                return componentsschemas_products_list_error_type_12

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        products_list_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        products_list_validation_error.additional_properties = d
        return products_list_validation_error

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
