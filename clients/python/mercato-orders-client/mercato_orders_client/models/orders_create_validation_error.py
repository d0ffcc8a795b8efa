from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.orders_create_idempotency_key_error_component import OrdersCreateIdempotencyKeyErrorComponent
    from ..models.orders_create_key_error_component import OrdersCreateKEYErrorComponent
    from ..models.orders_create_lines_error_component import OrdersCreateLinesErrorComponent
    from ..models.orders_create_lines_index_error_component import OrdersCreateLinesINDEXErrorComponent
    from ..models.orders_create_lines_index_non_field_errors_error_component import (
        OrdersCreateLinesINDEXNonFieldErrorsErrorComponent,
    )
    from ..models.orders_create_lines_index_quantity_error_component import OrdersCreateLinesINDEXQuantityErrorComponent
    from ..models.orders_create_lines_index_sku_error_component import OrdersCreateLinesINDEXSkuErrorComponent
    from ..models.orders_create_lines_indexkey_error_component import OrdersCreateLinesINDEXKEYErrorComponent
    from ..models.orders_create_non_field_errors_error_component import OrdersCreateNonFieldErrorsErrorComponent
    from ..models.orders_create_shipping_address_city_error_component import (
        OrdersCreateShippingAddressCityErrorComponent,
    )
    from ..models.orders_create_shipping_address_country_error_component import (
        OrdersCreateShippingAddressCountryErrorComponent,
    )
    from ..models.orders_create_shipping_address_error_component import OrdersCreateShippingAddressErrorComponent
    from ..models.orders_create_shipping_address_id_error_component import OrdersCreateShippingAddressIdErrorComponent
    from ..models.orders_create_shipping_address_key_error_component import OrdersCreateShippingAddressKEYErrorComponent
    from ..models.orders_create_shipping_address_line_1_error_component import (
        OrdersCreateShippingAddressLine1ErrorComponent,
    )
    from ..models.orders_create_shipping_address_line_2_error_component import (
        OrdersCreateShippingAddressLine2ErrorComponent,
    )
    from ..models.orders_create_shipping_address_non_field_errors_error_component import (
        OrdersCreateShippingAddressNonFieldErrorsErrorComponent,
    )
    from ..models.orders_create_shipping_address_phone_error_component import (
        OrdersCreateShippingAddressPhoneErrorComponent,
    )
    from ..models.orders_create_shipping_address_postal_code_error_component import (
        OrdersCreateShippingAddressPostalCodeErrorComponent,
    )
    from ..models.orders_create_shipping_address_recipient_error_component import (
        OrdersCreateShippingAddressRecipientErrorComponent,
    )
    from ..models.orders_create_shipping_address_region_error_component import (
        OrdersCreateShippingAddressRegionErrorComponent,
    )


T = TypeVar("T", bound="OrdersCreateValidationError")


@_attrs_define
class OrdersCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[OrdersCreateIdempotencyKeyErrorComponent | OrdersCreateKEYErrorComponent |
            OrdersCreateLinesErrorComponent | OrdersCreateLinesINDEXErrorComponent | OrdersCreateLinesINDEXKEYErrorComponent
            | OrdersCreateLinesINDEXNonFieldErrorsErrorComponent | OrdersCreateLinesINDEXQuantityErrorComponent |
            OrdersCreateLinesINDEXSkuErrorComponent | OrdersCreateNonFieldErrorsErrorComponent |
            OrdersCreateShippingAddressCityErrorComponent | OrdersCreateShippingAddressCountryErrorComponent |
            OrdersCreateShippingAddressErrorComponent | OrdersCreateShippingAddressIdErrorComponent |
            OrdersCreateShippingAddressKEYErrorComponent | OrdersCreateShippingAddressLine1ErrorComponent |
            OrdersCreateShippingAddressLine2ErrorComponent | OrdersCreateShippingAddressNonFieldErrorsErrorComponent |
            OrdersCreateShippingAddressPhoneErrorComponent | OrdersCreateShippingAddressPostalCodeErrorComponent |
            OrdersCreateShippingAddressRecipientErrorComponent | OrdersCreateShippingAddressRegionErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        OrdersCreateIdempotencyKeyErrorComponent
        | OrdersCreateKEYErrorComponent
        | OrdersCreateLinesErrorComponent
        | OrdersCreateLinesINDEXErrorComponent
        | OrdersCreateLinesINDEXKEYErrorComponent
        | OrdersCreateLinesINDEXNonFieldErrorsErrorComponent
        | OrdersCreateLinesINDEXQuantityErrorComponent
        | OrdersCreateLinesINDEXSkuErrorComponent
        | OrdersCreateNonFieldErrorsErrorComponent
        | OrdersCreateShippingAddressCityErrorComponent
        | OrdersCreateShippingAddressCountryErrorComponent
        | OrdersCreateShippingAddressErrorComponent
        | OrdersCreateShippingAddressIdErrorComponent
        | OrdersCreateShippingAddressKEYErrorComponent
        | OrdersCreateShippingAddressLine1ErrorComponent
        | OrdersCreateShippingAddressLine2ErrorComponent
        | OrdersCreateShippingAddressNonFieldErrorsErrorComponent
        | OrdersCreateShippingAddressPhoneErrorComponent
        | OrdersCreateShippingAddressPostalCodeErrorComponent
        | OrdersCreateShippingAddressRecipientErrorComponent
        | OrdersCreateShippingAddressRegionErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_create_idempotency_key_error_component import OrdersCreateIdempotencyKeyErrorComponent  # noqa: PLC0415
        from ..models.orders_create_key_error_component import OrdersCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_error_component import OrdersCreateLinesErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_index_error_component import OrdersCreateLinesINDEXErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_index_non_field_errors_error_component import (
            OrdersCreateLinesINDEXNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_lines_index_quantity_error_component import (
            OrdersCreateLinesINDEXQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_lines_index_sku_error_component import OrdersCreateLinesINDEXSkuErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_indexkey_error_component import OrdersCreateLinesINDEXKEYErrorComponent  # noqa: PLC0415
        from ..models.orders_create_non_field_errors_error_component import OrdersCreateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.orders_create_shipping_address_city_error_component import (
            OrdersCreateShippingAddressCityErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_country_error_component import (
            OrdersCreateShippingAddressCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_error_component import OrdersCreateShippingAddressErrorComponent  # noqa: PLC0415
        from ..models.orders_create_shipping_address_id_error_component import (
            OrdersCreateShippingAddressIdErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_line_1_error_component import (
            OrdersCreateShippingAddressLine1ErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_line_2_error_component import (
            OrdersCreateShippingAddressLine2ErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_non_field_errors_error_component import (
            OrdersCreateShippingAddressNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_phone_error_component import (
            OrdersCreateShippingAddressPhoneErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_postal_code_error_component import (
            OrdersCreateShippingAddressPostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_recipient_error_component import (
            OrdersCreateShippingAddressRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_region_error_component import (
            OrdersCreateShippingAddressRegionErrorComponent,  # noqa: PLC0415
        )

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, OrdersCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesINDEXNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesINDEXSkuErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesINDEXQuantityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressIdErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressRecipientErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressLine1ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressLine2ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressCityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressRegionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressPostalCodeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressCountryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressPhoneErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateIdempotencyKeyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateKEYErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesINDEXErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateLinesINDEXKEYErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersCreateShippingAddressErrorComponent):
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
        from ..models.orders_create_idempotency_key_error_component import OrdersCreateIdempotencyKeyErrorComponent  # noqa: PLC0415
        from ..models.orders_create_key_error_component import OrdersCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_error_component import OrdersCreateLinesErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_index_error_component import OrdersCreateLinesINDEXErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_index_non_field_errors_error_component import (
            OrdersCreateLinesINDEXNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_lines_index_quantity_error_component import (
            OrdersCreateLinesINDEXQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_lines_index_sku_error_component import OrdersCreateLinesINDEXSkuErrorComponent  # noqa: PLC0415
        from ..models.orders_create_lines_indexkey_error_component import OrdersCreateLinesINDEXKEYErrorComponent  # noqa: PLC0415
        from ..models.orders_create_non_field_errors_error_component import OrdersCreateNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.orders_create_shipping_address_city_error_component import (
            OrdersCreateShippingAddressCityErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_country_error_component import (
            OrdersCreateShippingAddressCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_error_component import OrdersCreateShippingAddressErrorComponent  # noqa: PLC0415
        from ..models.orders_create_shipping_address_id_error_component import (
            OrdersCreateShippingAddressIdErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_key_error_component import (
            OrdersCreateShippingAddressKEYErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_line_1_error_component import (
            OrdersCreateShippingAddressLine1ErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_line_2_error_component import (
            OrdersCreateShippingAddressLine2ErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_non_field_errors_error_component import (
            OrdersCreateShippingAddressNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_phone_error_component import (
            OrdersCreateShippingAddressPhoneErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_postal_code_error_component import (
            OrdersCreateShippingAddressPostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_recipient_error_component import (
            OrdersCreateShippingAddressRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.orders_create_shipping_address_region_error_component import (
            OrdersCreateShippingAddressRegionErrorComponent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                OrdersCreateIdempotencyKeyErrorComponent
                | OrdersCreateKEYErrorComponent
                | OrdersCreateLinesErrorComponent
                | OrdersCreateLinesINDEXErrorComponent
                | OrdersCreateLinesINDEXKEYErrorComponent
                | OrdersCreateLinesINDEXNonFieldErrorsErrorComponent
                | OrdersCreateLinesINDEXQuantityErrorComponent
                | OrdersCreateLinesINDEXSkuErrorComponent
                | OrdersCreateNonFieldErrorsErrorComponent
                | OrdersCreateShippingAddressCityErrorComponent
                | OrdersCreateShippingAddressCountryErrorComponent
                | OrdersCreateShippingAddressErrorComponent
                | OrdersCreateShippingAddressIdErrorComponent
                | OrdersCreateShippingAddressKEYErrorComponent
                | OrdersCreateShippingAddressLine1ErrorComponent
                | OrdersCreateShippingAddressLine2ErrorComponent
                | OrdersCreateShippingAddressNonFieldErrorsErrorComponent
                | OrdersCreateShippingAddressPhoneErrorComponent
                | OrdersCreateShippingAddressPostalCodeErrorComponent
                | OrdersCreateShippingAddressRecipientErrorComponent
                | OrdersCreateShippingAddressRegionErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_0 = OrdersCreateNonFieldErrorsErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_orders_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_1 = OrdersCreateLinesErrorComponent.from_dict(data)

                    return componentsschemas_orders_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_2 = (
                        OrdersCreateLinesINDEXNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_3 = OrdersCreateLinesINDEXSkuErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_orders_create_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_4 = (
                        OrdersCreateLinesINDEXQuantityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_5 = (
                        OrdersCreateShippingAddressIdErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_6 = (
                        OrdersCreateShippingAddressNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_7 = (
                        OrdersCreateShippingAddressRecipientErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_8 = (
                        OrdersCreateShippingAddressLine1ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_9 = (
                        OrdersCreateShippingAddressLine2ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_10 = (
                        OrdersCreateShippingAddressCityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_11 = (
                        OrdersCreateShippingAddressRegionErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_12 = (
                        OrdersCreateShippingAddressPostalCodeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_13 = (
                        OrdersCreateShippingAddressCountryErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_13
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_14 = (
                        OrdersCreateShippingAddressPhoneErrorComponent.from_dict(data)
                    )

                    return componentsschemas_orders_create_error_type_14
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_15 = OrdersCreateIdempotencyKeyErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_orders_create_error_type_15
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_16 = OrdersCreateKEYErrorComponent.from_dict(data)

                    return componentsschemas_orders_create_error_type_16
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_17 = OrdersCreateLinesINDEXErrorComponent.from_dict(data)

                    return componentsschemas_orders_create_error_type_17
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_18 = OrdersCreateLinesINDEXKEYErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_orders_create_error_type_18
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_create_error_type_19 = OrdersCreateShippingAddressErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_orders_create_error_type_19
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_orders_create_error_type_20 = OrdersCreateShippingAddressKEYErrorComponent.from_dict(
                    data
                )

                return componentsschemas_orders_create_error_type_20

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        orders_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        orders_create_validation_error.additional_properties = d
        return orders_create_validation_error

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
