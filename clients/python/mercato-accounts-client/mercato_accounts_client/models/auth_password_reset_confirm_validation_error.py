from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.auth_password_reset_confirm_key_error_component import AuthPasswordResetConfirmKEYErrorComponent
    from ..models.auth_password_reset_confirm_new_password_error_component import (
        AuthPasswordResetConfirmNewPasswordErrorComponent,
    )
    from ..models.auth_password_reset_confirm_non_field_errors_error_component import (
        AuthPasswordResetConfirmNonFieldErrorsErrorComponent,
    )
    from ..models.auth_password_reset_confirm_token_error_component import AuthPasswordResetConfirmTokenErrorComponent
    from ..models.auth_password_reset_confirm_uid_error_component import AuthPasswordResetConfirmUidErrorComponent


T = TypeVar("T", bound="AuthPasswordResetConfirmValidationError")


@_attrs_define
class AuthPasswordResetConfirmValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[AuthPasswordResetConfirmKEYErrorComponent | AuthPasswordResetConfirmNewPasswordErrorComponent |
            AuthPasswordResetConfirmNonFieldErrorsErrorComponent | AuthPasswordResetConfirmTokenErrorComponent |
            AuthPasswordResetConfirmUidErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        AuthPasswordResetConfirmKEYErrorComponent
        | AuthPasswordResetConfirmNewPasswordErrorComponent
        | AuthPasswordResetConfirmNonFieldErrorsErrorComponent
        | AuthPasswordResetConfirmTokenErrorComponent
        | AuthPasswordResetConfirmUidErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.auth_password_reset_confirm_new_password_error_component import (
            AuthPasswordResetConfirmNewPasswordErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_non_field_errors_error_component import (
            AuthPasswordResetConfirmNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_token_error_component import (
            AuthPasswordResetConfirmTokenErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_uid_error_component import AuthPasswordResetConfirmUidErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, AuthPasswordResetConfirmNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthPasswordResetConfirmUidErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthPasswordResetConfirmTokenErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthPasswordResetConfirmNewPasswordErrorComponent):
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
        from ..models.auth_password_reset_confirm_key_error_component import AuthPasswordResetConfirmKEYErrorComponent  # noqa: PLC0415
        from ..models.auth_password_reset_confirm_new_password_error_component import (
            AuthPasswordResetConfirmNewPasswordErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_non_field_errors_error_component import (
            AuthPasswordResetConfirmNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_token_error_component import (
            AuthPasswordResetConfirmTokenErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_password_reset_confirm_uid_error_component import AuthPasswordResetConfirmUidErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                AuthPasswordResetConfirmKEYErrorComponent
                | AuthPasswordResetConfirmNewPasswordErrorComponent
                | AuthPasswordResetConfirmNonFieldErrorsErrorComponent
                | AuthPasswordResetConfirmTokenErrorComponent
                | AuthPasswordResetConfirmUidErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_password_reset_confirm_error_type_0 = (
                        AuthPasswordResetConfirmNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_password_reset_confirm_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_password_reset_confirm_error_type_1 = (
                        AuthPasswordResetConfirmUidErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_password_reset_confirm_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_password_reset_confirm_error_type_2 = (
                        AuthPasswordResetConfirmTokenErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_password_reset_confirm_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_password_reset_confirm_error_type_3 = (
                        AuthPasswordResetConfirmNewPasswordErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_password_reset_confirm_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_password_reset_confirm_error_type_4 = (
                    AuthPasswordResetConfirmKEYErrorComponent.from_dict(data)
                )

                return componentsschemas_auth_password_reset_confirm_error_type_4

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        auth_password_reset_confirm_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        auth_password_reset_confirm_validation_error.additional_properties = d
        return auth_password_reset_confirm_validation_error

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
