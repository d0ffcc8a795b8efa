from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.stock_availability_create_key_error_component import StockAvailabilityCreateKEYErrorComponent
    from ..models.stock_availability_create_non_field_errors_error_component import (
        StockAvailabilityCreateNonFieldErrorsErrorComponent,
    )
    from ..models.stock_availability_create_skus_error_component import StockAvailabilityCreateSkusErrorComponent
    from ..models.stock_availability_create_skus_index_error_component import (
        StockAvailabilityCreateSkusINDEXErrorComponent,
    )


T = TypeVar("T", bound="StockAvailabilityCreateValidationError")


@_attrs_define
class StockAvailabilityCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[StockAvailabilityCreateKEYErrorComponent | StockAvailabilityCreateNonFieldErrorsErrorComponent |
            StockAvailabilityCreateSkusErrorComponent | StockAvailabilityCreateSkusINDEXErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        StockAvailabilityCreateKEYErrorComponent
        | StockAvailabilityCreateNonFieldErrorsErrorComponent
        | StockAvailabilityCreateSkusErrorComponent
        | StockAvailabilityCreateSkusINDEXErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stock_availability_create_non_field_errors_error_component import (
            StockAvailabilityCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_availability_create_skus_error_component import StockAvailabilityCreateSkusErrorComponent  # noqa: PLC0415
        from ..models.stock_availability_create_skus_index_error_component import (
            StockAvailabilityCreateSkusINDEXErrorComponent,  # noqa: PLC0415
        )

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, StockAvailabilityCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAvailabilityCreateSkusErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAvailabilityCreateSkusINDEXErrorComponent):
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
        from ..models.stock_availability_create_key_error_component import StockAvailabilityCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.stock_availability_create_non_field_errors_error_component import (
            StockAvailabilityCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_availability_create_skus_error_component import StockAvailabilityCreateSkusErrorComponent  # noqa: PLC0415
        from ..models.stock_availability_create_skus_index_error_component import (
            StockAvailabilityCreateSkusINDEXErrorComponent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                StockAvailabilityCreateKEYErrorComponent
                | StockAvailabilityCreateNonFieldErrorsErrorComponent
                | StockAvailabilityCreateSkusErrorComponent
                | StockAvailabilityCreateSkusINDEXErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_availability_create_error_type_0 = (
                        StockAvailabilityCreateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_availability_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_availability_create_error_type_1 = (
                        StockAvailabilityCreateSkusErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_availability_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_availability_create_error_type_2 = (
                        StockAvailabilityCreateSkusINDEXErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_availability_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stock_availability_create_error_type_3 = (
                    StockAvailabilityCreateKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_stock_availability_create_error_type_3

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        stock_availability_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        stock_availability_create_validation_error.additional_properties = d
        return stock_availability_create_validation_error

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
