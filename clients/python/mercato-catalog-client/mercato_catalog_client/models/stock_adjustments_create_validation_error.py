from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.stock_adjustments_create_idempotency_key_error_component import (
        StockAdjustmentsCreateIdempotencyKeyErrorComponent,
    )
    from ..models.stock_adjustments_create_key_error_component import StockAdjustmentsCreateKEYErrorComponent
    from ..models.stock_adjustments_create_mode_error_component import StockAdjustmentsCreateModeErrorComponent
    from ..models.stock_adjustments_create_non_field_errors_error_component import (
        StockAdjustmentsCreateNonFieldErrorsErrorComponent,
    )
    from ..models.stock_adjustments_create_note_error_component import StockAdjustmentsCreateNoteErrorComponent
    from ..models.stock_adjustments_create_quantity_error_component import StockAdjustmentsCreateQuantityErrorComponent
    from ..models.stock_adjustments_create_reason_error_component import StockAdjustmentsCreateReasonErrorComponent
    from ..models.stock_adjustments_create_reference_error_component import (
        StockAdjustmentsCreateReferenceErrorComponent,
    )


T = TypeVar("T", bound="StockAdjustmentsCreateValidationError")


@_attrs_define
class StockAdjustmentsCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[StockAdjustmentsCreateIdempotencyKeyErrorComponent | StockAdjustmentsCreateKEYErrorComponent |
            StockAdjustmentsCreateModeErrorComponent | StockAdjustmentsCreateNonFieldErrorsErrorComponent |
            StockAdjustmentsCreateNoteErrorComponent | StockAdjustmentsCreateQuantityErrorComponent |
            StockAdjustmentsCreateReasonErrorComponent | StockAdjustmentsCreateReferenceErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        StockAdjustmentsCreateIdempotencyKeyErrorComponent
        | StockAdjustmentsCreateKEYErrorComponent
        | StockAdjustmentsCreateModeErrorComponent
        | StockAdjustmentsCreateNonFieldErrorsErrorComponent
        | StockAdjustmentsCreateNoteErrorComponent
        | StockAdjustmentsCreateQuantityErrorComponent
        | StockAdjustmentsCreateReasonErrorComponent
        | StockAdjustmentsCreateReferenceErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stock_adjustments_create_idempotency_key_error_component import (
            StockAdjustmentsCreateIdempotencyKeyErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_mode_error_component import StockAdjustmentsCreateModeErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_non_field_errors_error_component import (
            StockAdjustmentsCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_note_error_component import StockAdjustmentsCreateNoteErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_quantity_error_component import (
            StockAdjustmentsCreateQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_reason_error_component import StockAdjustmentsCreateReasonErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_reference_error_component import (
            StockAdjustmentsCreateReferenceErrorComponent,  # noqa: PLC0415
        )

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, StockAdjustmentsCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateModeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateQuantityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateReasonErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateNoteErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateReferenceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StockAdjustmentsCreateIdempotencyKeyErrorComponent):
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
        from ..models.stock_adjustments_create_idempotency_key_error_component import (
            StockAdjustmentsCreateIdempotencyKeyErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_key_error_component import StockAdjustmentsCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_mode_error_component import StockAdjustmentsCreateModeErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_non_field_errors_error_component import (
            StockAdjustmentsCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_note_error_component import StockAdjustmentsCreateNoteErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_quantity_error_component import (
            StockAdjustmentsCreateQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.stock_adjustments_create_reason_error_component import StockAdjustmentsCreateReasonErrorComponent  # noqa: PLC0415
        from ..models.stock_adjustments_create_reference_error_component import (
            StockAdjustmentsCreateReferenceErrorComponent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                StockAdjustmentsCreateIdempotencyKeyErrorComponent
                | StockAdjustmentsCreateKEYErrorComponent
                | StockAdjustmentsCreateModeErrorComponent
                | StockAdjustmentsCreateNonFieldErrorsErrorComponent
                | StockAdjustmentsCreateNoteErrorComponent
                | StockAdjustmentsCreateQuantityErrorComponent
                | StockAdjustmentsCreateReasonErrorComponent
                | StockAdjustmentsCreateReferenceErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_0 = (
                        StockAdjustmentsCreateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_1 = (
                        StockAdjustmentsCreateModeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_2 = (
                        StockAdjustmentsCreateQuantityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_3 = (
                        StockAdjustmentsCreateReasonErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_4 = (
                        StockAdjustmentsCreateNoteErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_5 = (
                        StockAdjustmentsCreateReferenceErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_stock_adjustments_create_error_type_6 = (
                        StockAdjustmentsCreateIdempotencyKeyErrorComponent.from_dict(data)
                    )

                    return componentsschemas_stock_adjustments_create_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stock_adjustments_create_error_type_7 = (
                    StockAdjustmentsCreateKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_stock_adjustments_create_error_type_7

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        stock_adjustments_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        stock_adjustments_create_validation_error.additional_properties = d
        return stock_adjustments_create_validation_error

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
