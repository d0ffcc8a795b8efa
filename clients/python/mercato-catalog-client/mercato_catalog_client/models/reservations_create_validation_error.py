from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.reservations_create_commit_error_component import ReservationsCreateCommitErrorComponent
    from ..models.reservations_create_idempotency_key_error_component import (
        ReservationsCreateIdempotencyKeyErrorComponent,
    )
    from ..models.reservations_create_key_error_component import ReservationsCreateKEYErrorComponent
    from ..models.reservations_create_lines_error_component import ReservationsCreateLinesErrorComponent
    from ..models.reservations_create_lines_index_error_component import ReservationsCreateLinesINDEXErrorComponent
    from ..models.reservations_create_lines_index_non_field_errors_error_component import (
        ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent,
    )
    from ..models.reservations_create_lines_index_quantity_error_component import (
        ReservationsCreateLinesINDEXQuantityErrorComponent,
    )
    from ..models.reservations_create_lines_index_sku_error_component import (
        ReservationsCreateLinesINDEXSkuErrorComponent,
    )
    from ..models.reservations_create_lines_indexkey_error_component import (
        ReservationsCreateLinesINDEXKEYErrorComponent,
    )
    from ..models.reservations_create_non_field_errors_error_component import (
        ReservationsCreateNonFieldErrorsErrorComponent,
    )
    from ..models.reservations_create_reference_error_component import ReservationsCreateReferenceErrorComponent
    from ..models.reservations_create_ttl_seconds_error_component import ReservationsCreateTtlSecondsErrorComponent


T = TypeVar("T", bound="ReservationsCreateValidationError")


@_attrs_define
class ReservationsCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ReservationsCreateCommitErrorComponent | ReservationsCreateIdempotencyKeyErrorComponent |
            ReservationsCreateKEYErrorComponent | ReservationsCreateLinesErrorComponent |
            ReservationsCreateLinesINDEXErrorComponent | ReservationsCreateLinesINDEXKEYErrorComponent |
            ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent | ReservationsCreateLinesINDEXQuantityErrorComponent |
            ReservationsCreateLinesINDEXSkuErrorComponent | ReservationsCreateNonFieldErrorsErrorComponent |
            ReservationsCreateReferenceErrorComponent | ReservationsCreateTtlSecondsErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ReservationsCreateCommitErrorComponent
        | ReservationsCreateIdempotencyKeyErrorComponent
        | ReservationsCreateKEYErrorComponent
        | ReservationsCreateLinesErrorComponent
        | ReservationsCreateLinesINDEXErrorComponent
        | ReservationsCreateLinesINDEXKEYErrorComponent
        | ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent
        | ReservationsCreateLinesINDEXQuantityErrorComponent
        | ReservationsCreateLinesINDEXSkuErrorComponent
        | ReservationsCreateNonFieldErrorsErrorComponent
        | ReservationsCreateReferenceErrorComponent
        | ReservationsCreateTtlSecondsErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reservations_create_commit_error_component import ReservationsCreateCommitErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_idempotency_key_error_component import (
            ReservationsCreateIdempotencyKeyErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_key_error_component import ReservationsCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_error_component import ReservationsCreateLinesErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_index_error_component import ReservationsCreateLinesINDEXErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_index_non_field_errors_error_component import (
            ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_lines_index_quantity_error_component import (
            ReservationsCreateLinesINDEXQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_lines_index_sku_error_component import (
            ReservationsCreateLinesINDEXSkuErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_non_field_errors_error_component import (
            ReservationsCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_reference_error_component import ReservationsCreateReferenceErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_ttl_seconds_error_component import ReservationsCreateTtlSecondsErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ReservationsCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateReferenceErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateLinesErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateLinesINDEXSkuErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateLinesINDEXQuantityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateTtlSecondsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateCommitErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateIdempotencyKeyErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateKEYErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsCreateLinesINDEXErrorComponent):
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
        from ..models.reservations_create_commit_error_component import ReservationsCreateCommitErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_idempotency_key_error_component import (
            ReservationsCreateIdempotencyKeyErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_key_error_component import ReservationsCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_error_component import ReservationsCreateLinesErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_index_error_component import ReservationsCreateLinesINDEXErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_lines_index_non_field_errors_error_component import (
            ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_lines_index_quantity_error_component import (
            ReservationsCreateLinesINDEXQuantityErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_lines_index_sku_error_component import (
            ReservationsCreateLinesINDEXSkuErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_lines_indexkey_error_component import (
            ReservationsCreateLinesINDEXKEYErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_non_field_errors_error_component import (
            ReservationsCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.reservations_create_reference_error_component import ReservationsCreateReferenceErrorComponent  # noqa: PLC0415
        from ..models.reservations_create_ttl_seconds_error_component import ReservationsCreateTtlSecondsErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ReservationsCreateCommitErrorComponent
                | ReservationsCreateIdempotencyKeyErrorComponent
                | ReservationsCreateKEYErrorComponent
                | ReservationsCreateLinesErrorComponent
                | ReservationsCreateLinesINDEXErrorComponent
                | ReservationsCreateLinesINDEXKEYErrorComponent
                | ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent
                | ReservationsCreateLinesINDEXQuantityErrorComponent
                | ReservationsCreateLinesINDEXSkuErrorComponent
                | ReservationsCreateNonFieldErrorsErrorComponent
                | ReservationsCreateReferenceErrorComponent
                | ReservationsCreateTtlSecondsErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_0 = (
                        ReservationsCreateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_1 = (
                        ReservationsCreateReferenceErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_2 = (
                        ReservationsCreateLinesErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_3 = (
                        ReservationsCreateLinesINDEXNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_4 = (
                        ReservationsCreateLinesINDEXSkuErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_5 = (
                        ReservationsCreateLinesINDEXQuantityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_6 = (
                        ReservationsCreateTtlSecondsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_7 = (
                        ReservationsCreateCommitErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_8 = (
                        ReservationsCreateIdempotencyKeyErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_9 = ReservationsCreateKEYErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_reservations_create_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_create_error_type_10 = (
                        ReservationsCreateLinesINDEXErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_create_error_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_reservations_create_error_type_11 = (
                    ReservationsCreateLinesINDEXKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_reservations_create_error_type_11

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        reservations_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        reservations_create_validation_error.additional_properties = d
        return reservations_create_validation_error

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
