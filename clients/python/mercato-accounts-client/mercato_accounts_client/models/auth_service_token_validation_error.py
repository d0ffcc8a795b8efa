from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.auth_service_token_client_id_error_component import AuthServiceTokenClientIdErrorComponent
    from ..models.auth_service_token_client_secret_error_component import AuthServiceTokenClientSecretErrorComponent
    from ..models.auth_service_token_grant_type_error_component import AuthServiceTokenGrantTypeErrorComponent
    from ..models.auth_service_token_key_error_component import AuthServiceTokenKEYErrorComponent
    from ..models.auth_service_token_non_field_errors_error_component import (
        AuthServiceTokenNonFieldErrorsErrorComponent,
    )
    from ..models.auth_service_token_scope_error_component import AuthServiceTokenScopeErrorComponent


T = TypeVar("T", bound="AuthServiceTokenValidationError")


@_attrs_define
class AuthServiceTokenValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[AuthServiceTokenClientIdErrorComponent | AuthServiceTokenClientSecretErrorComponent |
            AuthServiceTokenGrantTypeErrorComponent | AuthServiceTokenKEYErrorComponent |
            AuthServiceTokenNonFieldErrorsErrorComponent | AuthServiceTokenScopeErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        AuthServiceTokenClientIdErrorComponent
        | AuthServiceTokenClientSecretErrorComponent
        | AuthServiceTokenGrantTypeErrorComponent
        | AuthServiceTokenKEYErrorComponent
        | AuthServiceTokenNonFieldErrorsErrorComponent
        | AuthServiceTokenScopeErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.auth_service_token_client_id_error_component import AuthServiceTokenClientIdErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_client_secret_error_component import AuthServiceTokenClientSecretErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_grant_type_error_component import AuthServiceTokenGrantTypeErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_non_field_errors_error_component import (
            AuthServiceTokenNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_service_token_scope_error_component import AuthServiceTokenScopeErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, AuthServiceTokenNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthServiceTokenGrantTypeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthServiceTokenClientIdErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthServiceTokenClientSecretErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, AuthServiceTokenScopeErrorComponent):
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
        from ..models.auth_service_token_client_id_error_component import AuthServiceTokenClientIdErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_client_secret_error_component import AuthServiceTokenClientSecretErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_grant_type_error_component import AuthServiceTokenGrantTypeErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_key_error_component import AuthServiceTokenKEYErrorComponent  # noqa: PLC0415
        from ..models.auth_service_token_non_field_errors_error_component import (
            AuthServiceTokenNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.auth_service_token_scope_error_component import AuthServiceTokenScopeErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                AuthServiceTokenClientIdErrorComponent
                | AuthServiceTokenClientSecretErrorComponent
                | AuthServiceTokenGrantTypeErrorComponent
                | AuthServiceTokenKEYErrorComponent
                | AuthServiceTokenNonFieldErrorsErrorComponent
                | AuthServiceTokenScopeErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_service_token_error_type_0 = (
                        AuthServiceTokenNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_service_token_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_service_token_error_type_1 = (
                        AuthServiceTokenGrantTypeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_service_token_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_service_token_error_type_2 = (
                        AuthServiceTokenClientIdErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_service_token_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_service_token_error_type_3 = (
                        AuthServiceTokenClientSecretErrorComponent.from_dict(data)
                    )

                    return componentsschemas_auth_service_token_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_auth_service_token_error_type_4 = AuthServiceTokenScopeErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_auth_service_token_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_service_token_error_type_5 = AuthServiceTokenKEYErrorComponent.from_dict(data)

                return componentsschemas_auth_service_token_error_type_5

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        auth_service_token_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        auth_service_token_validation_error.additional_properties = d
        return auth_service_token_validation_error

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
