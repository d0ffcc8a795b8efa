from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.users_me_addresses_partial_update_city_error_component import (
        UsersMeAddressesPartialUpdateCityErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_country_error_component import (
        UsersMeAddressesPartialUpdateCountryErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_key_error_component import (
        UsersMeAddressesPartialUpdateKEYErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_label_error_component import (
        UsersMeAddressesPartialUpdateLabelErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_line_1_error_component import (
        UsersMeAddressesPartialUpdateLine1ErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_line_2_error_component import (
        UsersMeAddressesPartialUpdateLine2ErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_non_field_errors_error_component import (
        UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_phone_error_component import (
        UsersMeAddressesPartialUpdatePhoneErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_postal_code_error_component import (
        UsersMeAddressesPartialUpdatePostalCodeErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_recipient_error_component import (
        UsersMeAddressesPartialUpdateRecipientErrorComponent,
    )
    from ..models.users_me_addresses_partial_update_region_error_component import (
        UsersMeAddressesPartialUpdateRegionErrorComponent,
    )


T = TypeVar("T", bound="UsersMeAddressesPartialUpdateValidationError")


@_attrs_define
class UsersMeAddressesPartialUpdateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[UsersMeAddressesPartialUpdateCityErrorComponent |
            UsersMeAddressesPartialUpdateCountryErrorComponent | UsersMeAddressesPartialUpdateKEYErrorComponent |
            UsersMeAddressesPartialUpdateLabelErrorComponent | UsersMeAddressesPartialUpdateLine1ErrorComponent |
            UsersMeAddressesPartialUpdateLine2ErrorComponent | UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent |
            UsersMeAddressesPartialUpdatePhoneErrorComponent | UsersMeAddressesPartialUpdatePostalCodeErrorComponent |
            UsersMeAddressesPartialUpdateRecipientErrorComponent | UsersMeAddressesPartialUpdateRegionErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        UsersMeAddressesPartialUpdateCityErrorComponent
        | UsersMeAddressesPartialUpdateCountryErrorComponent
        | UsersMeAddressesPartialUpdateKEYErrorComponent
        | UsersMeAddressesPartialUpdateLabelErrorComponent
        | UsersMeAddressesPartialUpdateLine1ErrorComponent
        | UsersMeAddressesPartialUpdateLine2ErrorComponent
        | UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent
        | UsersMeAddressesPartialUpdatePhoneErrorComponent
        | UsersMeAddressesPartialUpdatePostalCodeErrorComponent
        | UsersMeAddressesPartialUpdateRecipientErrorComponent
        | UsersMeAddressesPartialUpdateRegionErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.users_me_addresses_partial_update_city_error_component import (
            UsersMeAddressesPartialUpdateCityErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_country_error_component import (
            UsersMeAddressesPartialUpdateCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_label_error_component import (
            UsersMeAddressesPartialUpdateLabelErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_line_1_error_component import (
            UsersMeAddressesPartialUpdateLine1ErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_line_2_error_component import (
            UsersMeAddressesPartialUpdateLine2ErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_non_field_errors_error_component import (
            UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_phone_error_component import (
            UsersMeAddressesPartialUpdatePhoneErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_postal_code_error_component import (
            UsersMeAddressesPartialUpdatePostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_recipient_error_component import (
            UsersMeAddressesPartialUpdateRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_region_error_component import (
            UsersMeAddressesPartialUpdateRegionErrorComponent,  # noqa: PLC0415
        )

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateLabelErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateRecipientErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateLine1ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateLine2ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateCityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateRegionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdatePostalCodeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdateCountryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesPartialUpdatePhoneErrorComponent):
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
        from ..models.users_me_addresses_partial_update_city_error_component import (
            UsersMeAddressesPartialUpdateCityErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_country_error_component import (
            UsersMeAddressesPartialUpdateCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_key_error_component import (
            UsersMeAddressesPartialUpdateKEYErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_label_error_component import (
            UsersMeAddressesPartialUpdateLabelErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_line_1_error_component import (
            UsersMeAddressesPartialUpdateLine1ErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_line_2_error_component import (
            UsersMeAddressesPartialUpdateLine2ErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_non_field_errors_error_component import (
            UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_phone_error_component import (
            UsersMeAddressesPartialUpdatePhoneErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_postal_code_error_component import (
            UsersMeAddressesPartialUpdatePostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_recipient_error_component import (
            UsersMeAddressesPartialUpdateRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_partial_update_region_error_component import (
            UsersMeAddressesPartialUpdateRegionErrorComponent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                UsersMeAddressesPartialUpdateCityErrorComponent
                | UsersMeAddressesPartialUpdateCountryErrorComponent
                | UsersMeAddressesPartialUpdateKEYErrorComponent
                | UsersMeAddressesPartialUpdateLabelErrorComponent
                | UsersMeAddressesPartialUpdateLine1ErrorComponent
                | UsersMeAddressesPartialUpdateLine2ErrorComponent
                | UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent
                | UsersMeAddressesPartialUpdatePhoneErrorComponent
                | UsersMeAddressesPartialUpdatePostalCodeErrorComponent
                | UsersMeAddressesPartialUpdateRecipientErrorComponent
                | UsersMeAddressesPartialUpdateRegionErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_0 = (
                        UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_1 = (
                        UsersMeAddressesPartialUpdateLabelErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_2 = (
                        UsersMeAddressesPartialUpdateRecipientErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_3 = (
                        UsersMeAddressesPartialUpdateLine1ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_4 = (
                        UsersMeAddressesPartialUpdateLine2ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_5 = (
                        UsersMeAddressesPartialUpdateCityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_6 = (
                        UsersMeAddressesPartialUpdateRegionErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_7 = (
                        UsersMeAddressesPartialUpdatePostalCodeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_8 = (
                        UsersMeAddressesPartialUpdateCountryErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_partial_update_error_type_9 = (
                        UsersMeAddressesPartialUpdatePhoneErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_partial_update_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_users_me_addresses_partial_update_error_type_10 = (
                    UsersMeAddressesPartialUpdateKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_users_me_addresses_partial_update_error_type_10

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        users_me_addresses_partial_update_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        users_me_addresses_partial_update_validation_error.additional_properties = d
        return users_me_addresses_partial_update_validation_error

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
