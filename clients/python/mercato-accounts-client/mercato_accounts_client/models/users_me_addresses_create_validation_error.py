from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.users_me_addresses_create_city_error_component import UsersMeAddressesCreateCityErrorComponent
    from ..models.users_me_addresses_create_country_error_component import UsersMeAddressesCreateCountryErrorComponent
    from ..models.users_me_addresses_create_key_error_component import UsersMeAddressesCreateKEYErrorComponent
    from ..models.users_me_addresses_create_label_error_component import UsersMeAddressesCreateLabelErrorComponent
    from ..models.users_me_addresses_create_line_1_error_component import UsersMeAddressesCreateLine1ErrorComponent
    from ..models.users_me_addresses_create_line_2_error_component import UsersMeAddressesCreateLine2ErrorComponent
    from ..models.users_me_addresses_create_non_field_errors_error_component import (
        UsersMeAddressesCreateNonFieldErrorsErrorComponent,
    )
    from ..models.users_me_addresses_create_phone_error_component import UsersMeAddressesCreatePhoneErrorComponent
    from ..models.users_me_addresses_create_postal_code_error_component import (
        UsersMeAddressesCreatePostalCodeErrorComponent,
    )
    from ..models.users_me_addresses_create_recipient_error_component import (
        UsersMeAddressesCreateRecipientErrorComponent,
    )
    from ..models.users_me_addresses_create_region_error_component import UsersMeAddressesCreateRegionErrorComponent


T = TypeVar("T", bound="UsersMeAddressesCreateValidationError")


@_attrs_define
class UsersMeAddressesCreateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[UsersMeAddressesCreateCityErrorComponent | UsersMeAddressesCreateCountryErrorComponent |
            UsersMeAddressesCreateKEYErrorComponent | UsersMeAddressesCreateLabelErrorComponent |
            UsersMeAddressesCreateLine1ErrorComponent | UsersMeAddressesCreateLine2ErrorComponent |
            UsersMeAddressesCreateNonFieldErrorsErrorComponent | UsersMeAddressesCreatePhoneErrorComponent |
            UsersMeAddressesCreatePostalCodeErrorComponent | UsersMeAddressesCreateRecipientErrorComponent |
            UsersMeAddressesCreateRegionErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        UsersMeAddressesCreateCityErrorComponent
        | UsersMeAddressesCreateCountryErrorComponent
        | UsersMeAddressesCreateKEYErrorComponent
        | UsersMeAddressesCreateLabelErrorComponent
        | UsersMeAddressesCreateLine1ErrorComponent
        | UsersMeAddressesCreateLine2ErrorComponent
        | UsersMeAddressesCreateNonFieldErrorsErrorComponent
        | UsersMeAddressesCreatePhoneErrorComponent
        | UsersMeAddressesCreatePostalCodeErrorComponent
        | UsersMeAddressesCreateRecipientErrorComponent
        | UsersMeAddressesCreateRegionErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.users_me_addresses_create_city_error_component import UsersMeAddressesCreateCityErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_country_error_component import (
            UsersMeAddressesCreateCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_label_error_component import UsersMeAddressesCreateLabelErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_line_1_error_component import UsersMeAddressesCreateLine1ErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_line_2_error_component import UsersMeAddressesCreateLine2ErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_non_field_errors_error_component import (
            UsersMeAddressesCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_phone_error_component import UsersMeAddressesCreatePhoneErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_postal_code_error_component import (
            UsersMeAddressesCreatePostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_recipient_error_component import (
            UsersMeAddressesCreateRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_region_error_component import UsersMeAddressesCreateRegionErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, UsersMeAddressesCreateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateLabelErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateRecipientErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateLine1ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateLine2ErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateCityErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateRegionErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreatePostalCodeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreateCountryErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, UsersMeAddressesCreatePhoneErrorComponent):
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
        from ..models.users_me_addresses_create_city_error_component import UsersMeAddressesCreateCityErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_country_error_component import (
            UsersMeAddressesCreateCountryErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_key_error_component import UsersMeAddressesCreateKEYErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_label_error_component import UsersMeAddressesCreateLabelErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_line_1_error_component import UsersMeAddressesCreateLine1ErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_line_2_error_component import UsersMeAddressesCreateLine2ErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_non_field_errors_error_component import (
            UsersMeAddressesCreateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_phone_error_component import UsersMeAddressesCreatePhoneErrorComponent  # noqa: PLC0415
        from ..models.users_me_addresses_create_postal_code_error_component import (
            UsersMeAddressesCreatePostalCodeErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_recipient_error_component import (
            UsersMeAddressesCreateRecipientErrorComponent,  # noqa: PLC0415
        )
        from ..models.users_me_addresses_create_region_error_component import UsersMeAddressesCreateRegionErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                UsersMeAddressesCreateCityErrorComponent
                | UsersMeAddressesCreateCountryErrorComponent
                | UsersMeAddressesCreateKEYErrorComponent
                | UsersMeAddressesCreateLabelErrorComponent
                | UsersMeAddressesCreateLine1ErrorComponent
                | UsersMeAddressesCreateLine2ErrorComponent
                | UsersMeAddressesCreateNonFieldErrorsErrorComponent
                | UsersMeAddressesCreatePhoneErrorComponent
                | UsersMeAddressesCreatePostalCodeErrorComponent
                | UsersMeAddressesCreateRecipientErrorComponent
                | UsersMeAddressesCreateRegionErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_0 = (
                        UsersMeAddressesCreateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_1 = (
                        UsersMeAddressesCreateLabelErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_2 = (
                        UsersMeAddressesCreateRecipientErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_3 = (
                        UsersMeAddressesCreateLine1ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_4 = (
                        UsersMeAddressesCreateLine2ErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_5 = (
                        UsersMeAddressesCreateCityErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_6 = (
                        UsersMeAddressesCreateRegionErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_7 = (
                        UsersMeAddressesCreatePostalCodeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_8 = (
                        UsersMeAddressesCreateCountryErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_users_me_addresses_create_error_type_9 = (
                        UsersMeAddressesCreatePhoneErrorComponent.from_dict(data)
                    )

                    return componentsschemas_users_me_addresses_create_error_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_users_me_addresses_create_error_type_10 = (
                    UsersMeAddressesCreateKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_users_me_addresses_create_error_type_10

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        users_me_addresses_create_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        users_me_addresses_create_validation_error.additional_properties = d
        return users_me_addresses_create_validation_error

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
