from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.reservations_states_ids_error_component import ReservationsStatesIdsErrorComponent
    from ..models.reservations_states_ids_index_error_component import ReservationsStatesIdsINDEXErrorComponent
    from ..models.reservations_states_key_error_component import ReservationsStatesKEYErrorComponent
    from ..models.reservations_states_non_field_errors_error_component import (
        ReservationsStatesNonFieldErrorsErrorComponent,
    )


T = TypeVar("T", bound="ReservationsStatesValidationError")


@_attrs_define
class ReservationsStatesValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ReservationsStatesIdsErrorComponent | ReservationsStatesIdsINDEXErrorComponent |
            ReservationsStatesKEYErrorComponent | ReservationsStatesNonFieldErrorsErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ReservationsStatesIdsErrorComponent
        | ReservationsStatesIdsINDEXErrorComponent
        | ReservationsStatesKEYErrorComponent
        | ReservationsStatesNonFieldErrorsErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reservations_states_ids_error_component import ReservationsStatesIdsErrorComponent  # noqa: PLC0415
        from ..models.reservations_states_ids_index_error_component import ReservationsStatesIdsINDEXErrorComponent  # noqa: PLC0415
        from ..models.reservations_states_non_field_errors_error_component import (
            ReservationsStatesNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ReservationsStatesNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsStatesIdsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReservationsStatesIdsINDEXErrorComponent):
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
        from ..models.reservations_states_ids_error_component import ReservationsStatesIdsErrorComponent  # noqa: PLC0415
        from ..models.reservations_states_ids_index_error_component import ReservationsStatesIdsINDEXErrorComponent  # noqa: PLC0415
        from ..models.reservations_states_key_error_component import ReservationsStatesKEYErrorComponent  # noqa: PLC0415
        from ..models.reservations_states_non_field_errors_error_component import (
            ReservationsStatesNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ReservationsStatesIdsErrorComponent
                | ReservationsStatesIdsINDEXErrorComponent
                | ReservationsStatesKEYErrorComponent
                | ReservationsStatesNonFieldErrorsErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_states_error_type_0 = (
                        ReservationsStatesNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_states_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_states_error_type_1 = ReservationsStatesIdsErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_reservations_states_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reservations_states_error_type_2 = (
                        ReservationsStatesIdsINDEXErrorComponent.from_dict(data)
                    )

                    return componentsschemas_reservations_states_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_reservations_states_error_type_3 = ReservationsStatesKEYErrorComponent.from_dict(data)

                return componentsschemas_reservations_states_error_type_3

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        reservations_states_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        reservations_states_validation_error.additional_properties = d
        return reservations_states_validation_error

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
