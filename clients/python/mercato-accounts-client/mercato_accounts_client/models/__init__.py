"""Contains all the data models used in inputs/outputs"""

from .accepted import Accepted
from .address import Address
from .address_write_request import AddressWriteRequest
from .auth_logout_key_error_component import AuthLogoutKEYErrorComponent
from .auth_logout_key_error_component_code import AuthLogoutKEYErrorComponentCode
from .auth_logout_non_field_errors_error_component import AuthLogoutNonFieldErrorsErrorComponent
from .auth_logout_non_field_errors_error_component_attr import AuthLogoutNonFieldErrorsErrorComponentAttr
from .auth_logout_non_field_errors_error_component_code import AuthLogoutNonFieldErrorsErrorComponentCode
from .auth_logout_refresh_token_error_component import AuthLogoutRefreshTokenErrorComponent
from .auth_logout_refresh_token_error_component_attr import AuthLogoutRefreshTokenErrorComponentAttr
from .auth_logout_refresh_token_error_component_code import AuthLogoutRefreshTokenErrorComponentCode
from .auth_logout_validation_error import AuthLogoutValidationError
from .auth_password_reset_confirm_key_error_component import AuthPasswordResetConfirmKEYErrorComponent
from .auth_password_reset_confirm_key_error_component_code import AuthPasswordResetConfirmKEYErrorComponentCode
from .auth_password_reset_confirm_new_password_error_component import AuthPasswordResetConfirmNewPasswordErrorComponent
from .auth_password_reset_confirm_new_password_error_component_attr import (
    AuthPasswordResetConfirmNewPasswordErrorComponentAttr,
)
from .auth_password_reset_confirm_new_password_error_component_code import (
    AuthPasswordResetConfirmNewPasswordErrorComponentCode,
)
from .auth_password_reset_confirm_non_field_errors_error_component import (
    AuthPasswordResetConfirmNonFieldErrorsErrorComponent,
)
from .auth_password_reset_confirm_non_field_errors_error_component_attr import (
    AuthPasswordResetConfirmNonFieldErrorsErrorComponentAttr,
)
from .auth_password_reset_confirm_non_field_errors_error_component_code import (
    AuthPasswordResetConfirmNonFieldErrorsErrorComponentCode,
)
from .auth_password_reset_confirm_token_error_component import AuthPasswordResetConfirmTokenErrorComponent
from .auth_password_reset_confirm_token_error_component_attr import AuthPasswordResetConfirmTokenErrorComponentAttr
from .auth_password_reset_confirm_token_error_component_code import AuthPasswordResetConfirmTokenErrorComponentCode
from .auth_password_reset_confirm_uid_error_component import AuthPasswordResetConfirmUidErrorComponent
from .auth_password_reset_confirm_uid_error_component_attr import AuthPasswordResetConfirmUidErrorComponentAttr
from .auth_password_reset_confirm_uid_error_component_code import AuthPasswordResetConfirmUidErrorComponentCode
from .auth_password_reset_confirm_validation_error import AuthPasswordResetConfirmValidationError
from .auth_password_reset_email_error_component import AuthPasswordResetEmailErrorComponent
from .auth_password_reset_email_error_component_attr import AuthPasswordResetEmailErrorComponentAttr
from .auth_password_reset_email_error_component_code import AuthPasswordResetEmailErrorComponentCode
from .auth_password_reset_key_error_component import AuthPasswordResetKEYErrorComponent
from .auth_password_reset_key_error_component_code import AuthPasswordResetKEYErrorComponentCode
from .auth_password_reset_non_field_errors_error_component import AuthPasswordResetNonFieldErrorsErrorComponent
from .auth_password_reset_non_field_errors_error_component_attr import AuthPasswordResetNonFieldErrorsErrorComponentAttr
from .auth_password_reset_non_field_errors_error_component_code import AuthPasswordResetNonFieldErrorsErrorComponentCode
from .auth_password_reset_validation_error import AuthPasswordResetValidationError
from .auth_register_email_error_component import AuthRegisterEmailErrorComponent
from .auth_register_email_error_component_attr import AuthRegisterEmailErrorComponentAttr
from .auth_register_email_error_component_code import AuthRegisterEmailErrorComponentCode
from .auth_register_full_name_error_component import AuthRegisterFullNameErrorComponent
from .auth_register_full_name_error_component_attr import AuthRegisterFullNameErrorComponentAttr
from .auth_register_full_name_error_component_code import AuthRegisterFullNameErrorComponentCode
from .auth_register_key_error_component import AuthRegisterKEYErrorComponent
from .auth_register_key_error_component_code import AuthRegisterKEYErrorComponentCode
from .auth_register_non_field_errors_error_component import AuthRegisterNonFieldErrorsErrorComponent
from .auth_register_non_field_errors_error_component_attr import AuthRegisterNonFieldErrorsErrorComponentAttr
from .auth_register_non_field_errors_error_component_code import AuthRegisterNonFieldErrorsErrorComponentCode
from .auth_register_password_error_component import AuthRegisterPasswordErrorComponent
from .auth_register_password_error_component_attr import AuthRegisterPasswordErrorComponentAttr
from .auth_register_password_error_component_code import AuthRegisterPasswordErrorComponentCode
from .auth_register_validation_error import AuthRegisterValidationError
from .auth_service_token_client_id_error_component import AuthServiceTokenClientIdErrorComponent
from .auth_service_token_client_id_error_component_attr import AuthServiceTokenClientIdErrorComponentAttr
from .auth_service_token_client_id_error_component_code import AuthServiceTokenClientIdErrorComponentCode
from .auth_service_token_client_secret_error_component import AuthServiceTokenClientSecretErrorComponent
from .auth_service_token_client_secret_error_component_attr import AuthServiceTokenClientSecretErrorComponentAttr
from .auth_service_token_client_secret_error_component_code import AuthServiceTokenClientSecretErrorComponentCode
from .auth_service_token_grant_type_error_component import AuthServiceTokenGrantTypeErrorComponent
from .auth_service_token_grant_type_error_component_attr import AuthServiceTokenGrantTypeErrorComponentAttr
from .auth_service_token_grant_type_error_component_code import AuthServiceTokenGrantTypeErrorComponentCode
from .auth_service_token_key_error_component import AuthServiceTokenKEYErrorComponent
from .auth_service_token_key_error_component_code import AuthServiceTokenKEYErrorComponentCode
from .auth_service_token_non_field_errors_error_component import AuthServiceTokenNonFieldErrorsErrorComponent
from .auth_service_token_non_field_errors_error_component_attr import AuthServiceTokenNonFieldErrorsErrorComponentAttr
from .auth_service_token_non_field_errors_error_component_code import AuthServiceTokenNonFieldErrorsErrorComponentCode
from .auth_service_token_scope_error_component import AuthServiceTokenScopeErrorComponent
from .auth_service_token_scope_error_component_attr import AuthServiceTokenScopeErrorComponentAttr
from .auth_service_token_scope_error_component_code import AuthServiceTokenScopeErrorComponentCode
from .auth_service_token_validation_error import AuthServiceTokenValidationError
from .auth_token_email_error_component import AuthTokenEmailErrorComponent
from .auth_token_email_error_component_attr import AuthTokenEmailErrorComponentAttr
from .auth_token_email_error_component_code import AuthTokenEmailErrorComponentCode
from .auth_token_key_error_component import AuthTokenKEYErrorComponent
from .auth_token_key_error_component_code import AuthTokenKEYErrorComponentCode
from .auth_token_non_field_errors_error_component import AuthTokenNonFieldErrorsErrorComponent
from .auth_token_non_field_errors_error_component_attr import AuthTokenNonFieldErrorsErrorComponentAttr
from .auth_token_non_field_errors_error_component_code import AuthTokenNonFieldErrorsErrorComponentCode
from .auth_token_password_error_component import AuthTokenPasswordErrorComponent
from .auth_token_password_error_component_attr import AuthTokenPasswordErrorComponentAttr
from .auth_token_password_error_component_code import AuthTokenPasswordErrorComponentCode
from .auth_token_refresh_key_error_component import AuthTokenRefreshKEYErrorComponent
from .auth_token_refresh_key_error_component_code import AuthTokenRefreshKEYErrorComponentCode
from .auth_token_refresh_non_field_errors_error_component import AuthTokenRefreshNonFieldErrorsErrorComponent
from .auth_token_refresh_non_field_errors_error_component_attr import AuthTokenRefreshNonFieldErrorsErrorComponentAttr
from .auth_token_refresh_non_field_errors_error_component_code import AuthTokenRefreshNonFieldErrorsErrorComponentCode
from .auth_token_refresh_refresh_token_error_component import AuthTokenRefreshRefreshTokenErrorComponent
from .auth_token_refresh_refresh_token_error_component_attr import AuthTokenRefreshRefreshTokenErrorComponentAttr
from .auth_token_refresh_refresh_token_error_component_code import AuthTokenRefreshRefreshTokenErrorComponentCode
from .auth_token_refresh_validation_error import AuthTokenRefreshValidationError
from .auth_token_validation_error import AuthTokenValidationError
from .client_credentials_form_request import ClientCredentialsFormRequest
from .client_credentials_request import ClientCredentialsRequest
from .client_error_enum import ClientErrorEnum
from .content_too_large_error import ContentTooLargeError
from .content_too_large_error_code_enum import ContentTooLargeErrorCodeEnum
from .credentials_request import CredentialsRequest
from .error_401 import Error401
from .error_403 import Error403
from .error_404 import Error404
from .error_405 import Error405
from .error_406 import Error406
from .error_409 import Error409
from .error_415 import Error415
from .error_429 import Error429
from .error_500 import Error500
from .error_code_401_enum import ErrorCode401Enum
from .error_code_403_enum import ErrorCode403Enum
from .error_code_404_enum import ErrorCode404Enum
from .error_code_405_enum import ErrorCode405Enum
from .error_code_406_enum import ErrorCode406Enum
from .error_code_409_enum import ErrorCode409Enum
from .error_code_415_enum import ErrorCode415Enum
from .error_code_429_enum import ErrorCode429Enum
from .error_code_500_enum import ErrorCode500Enum
from .error_response_401 import ErrorResponse401
from .error_response_403 import ErrorResponse403
from .error_response_404 import ErrorResponse404
from .error_response_405 import ErrorResponse405
from .error_response_406 import ErrorResponse406
from .error_response_409 import ErrorResponse409
from .error_response_413 import ErrorResponse413
from .error_response_414 import ErrorResponse414
from .error_response_415 import ErrorResponse415
from .error_response_429 import ErrorResponse429
from .error_response_431 import ErrorResponse431
from .error_response_500 import ErrorResponse500
from .grant_type_enum import GrantTypeEnum
from .header_fields_too_large_error import HeaderFieldsTooLargeError
from .header_fields_too_large_error_code_enum import HeaderFieldsTooLargeErrorCodeEnum
from .jwk import JWK
from .jwk_set import JWKSet
from .paginated_address_list import PaginatedAddressList
from .paginated_user_list import PaginatedUserList
from .parse_error import ParseError
from .parse_error_code_enum import ParseErrorCodeEnum
from .parse_error_response import ParseErrorResponse
from .password_change_request import PasswordChangeRequest
from .password_reset_confirm_request import PasswordResetConfirmRequest
from .password_reset_request import PasswordResetRequest
from .patched_address_write_request import PatchedAddressWriteRequest
from .patched_profile_update_request import PatchedProfileUpdateRequest
from .registration_request import RegistrationRequest
from .server_error_enum import ServerErrorEnum
from .service_token import ServiceToken
from .token_pair import TokenPair
from .token_refresh_request import TokenRefreshRequest
from .uri_too_long_error import UriTooLongError
from .uri_too_long_error_code_enum import UriTooLongErrorCodeEnum
from .user import User
from .users_list_cursor_error_component import UsersListCursorErrorComponent
from .users_list_cursor_error_component_attr import UsersListCursorErrorComponentAttr
from .users_list_cursor_error_component_code import UsersListCursorErrorComponentCode
from .users_list_is_active_error_component import UsersListIsActiveErrorComponent
from .users_list_is_active_error_component_attr import UsersListIsActiveErrorComponentAttr
from .users_list_is_active_error_component_code import UsersListIsActiveErrorComponentCode
from .users_list_is_staff_error_component import UsersListIsStaffErrorComponent
from .users_list_is_staff_error_component_attr import UsersListIsStaffErrorComponentAttr
from .users_list_is_staff_error_component_code import UsersListIsStaffErrorComponentCode
from .users_list_joined_after_error_component import UsersListJoinedAfterErrorComponent
from .users_list_joined_after_error_component_attr import UsersListJoinedAfterErrorComponentAttr
from .users_list_joined_after_error_component_code import UsersListJoinedAfterErrorComponentCode
from .users_list_joined_before_error_component import UsersListJoinedBeforeErrorComponent
from .users_list_joined_before_error_component_attr import UsersListJoinedBeforeErrorComponentAttr
from .users_list_joined_before_error_component_code import UsersListJoinedBeforeErrorComponentCode
from .users_list_page_size_error_component import UsersListPageSizeErrorComponent
from .users_list_page_size_error_component_attr import UsersListPageSizeErrorComponentAttr
from .users_list_page_size_error_component_code import UsersListPageSizeErrorComponentCode
from .users_list_q_error_component import UsersListQErrorComponent
from .users_list_q_error_component_attr import UsersListQErrorComponentAttr
from .users_list_q_error_component_code import UsersListQErrorComponentCode
from .users_list_validation_error import UsersListValidationError
from .users_me_addresses_create_city_error_component import UsersMeAddressesCreateCityErrorComponent
from .users_me_addresses_create_city_error_component_attr import UsersMeAddressesCreateCityErrorComponentAttr
from .users_me_addresses_create_city_error_component_code import UsersMeAddressesCreateCityErrorComponentCode
from .users_me_addresses_create_country_error_component import UsersMeAddressesCreateCountryErrorComponent
from .users_me_addresses_create_country_error_component_attr import UsersMeAddressesCreateCountryErrorComponentAttr
from .users_me_addresses_create_country_error_component_code import UsersMeAddressesCreateCountryErrorComponentCode
from .users_me_addresses_create_key_error_component import UsersMeAddressesCreateKEYErrorComponent
from .users_me_addresses_create_key_error_component_code import UsersMeAddressesCreateKEYErrorComponentCode
from .users_me_addresses_create_label_error_component import UsersMeAddressesCreateLabelErrorComponent
from .users_me_addresses_create_label_error_component_attr import UsersMeAddressesCreateLabelErrorComponentAttr
from .users_me_addresses_create_label_error_component_code import UsersMeAddressesCreateLabelErrorComponentCode
from .users_me_addresses_create_line_1_error_component import UsersMeAddressesCreateLine1ErrorComponent
from .users_me_addresses_create_line_1_error_component_attr import UsersMeAddressesCreateLine1ErrorComponentAttr
from .users_me_addresses_create_line_1_error_component_code import UsersMeAddressesCreateLine1ErrorComponentCode
from .users_me_addresses_create_line_2_error_component import UsersMeAddressesCreateLine2ErrorComponent
from .users_me_addresses_create_line_2_error_component_attr import UsersMeAddressesCreateLine2ErrorComponentAttr
from .users_me_addresses_create_line_2_error_component_code import UsersMeAddressesCreateLine2ErrorComponentCode
from .users_me_addresses_create_non_field_errors_error_component import (
    UsersMeAddressesCreateNonFieldErrorsErrorComponent,
)
from .users_me_addresses_create_non_field_errors_error_component_attr import (
    UsersMeAddressesCreateNonFieldErrorsErrorComponentAttr,
)
from .users_me_addresses_create_non_field_errors_error_component_code import (
    UsersMeAddressesCreateNonFieldErrorsErrorComponentCode,
)
from .users_me_addresses_create_phone_error_component import UsersMeAddressesCreatePhoneErrorComponent
from .users_me_addresses_create_phone_error_component_attr import UsersMeAddressesCreatePhoneErrorComponentAttr
from .users_me_addresses_create_phone_error_component_code import UsersMeAddressesCreatePhoneErrorComponentCode
from .users_me_addresses_create_postal_code_error_component import UsersMeAddressesCreatePostalCodeErrorComponent
from .users_me_addresses_create_postal_code_error_component_attr import (
    UsersMeAddressesCreatePostalCodeErrorComponentAttr,
)
from .users_me_addresses_create_postal_code_error_component_code import (
    UsersMeAddressesCreatePostalCodeErrorComponentCode,
)
from .users_me_addresses_create_recipient_error_component import UsersMeAddressesCreateRecipientErrorComponent
from .users_me_addresses_create_recipient_error_component_attr import UsersMeAddressesCreateRecipientErrorComponentAttr
from .users_me_addresses_create_recipient_error_component_code import UsersMeAddressesCreateRecipientErrorComponentCode
from .users_me_addresses_create_region_error_component import UsersMeAddressesCreateRegionErrorComponent
from .users_me_addresses_create_region_error_component_attr import UsersMeAddressesCreateRegionErrorComponentAttr
from .users_me_addresses_create_region_error_component_code import UsersMeAddressesCreateRegionErrorComponentCode
from .users_me_addresses_create_validation_error import UsersMeAddressesCreateValidationError
from .users_me_addresses_list_cursor_error_component import UsersMeAddressesListCursorErrorComponent
from .users_me_addresses_list_cursor_error_component_attr import UsersMeAddressesListCursorErrorComponentAttr
from .users_me_addresses_list_cursor_error_component_code import UsersMeAddressesListCursorErrorComponentCode
from .users_me_addresses_list_page_size_error_component import UsersMeAddressesListPageSizeErrorComponent
from .users_me_addresses_list_page_size_error_component_attr import UsersMeAddressesListPageSizeErrorComponentAttr
from .users_me_addresses_list_page_size_error_component_code import UsersMeAddressesListPageSizeErrorComponentCode
from .users_me_addresses_list_validation_error import UsersMeAddressesListValidationError
from .users_me_addresses_partial_update_city_error_component import UsersMeAddressesPartialUpdateCityErrorComponent
from .users_me_addresses_partial_update_city_error_component_attr import (
    UsersMeAddressesPartialUpdateCityErrorComponentAttr,
)
from .users_me_addresses_partial_update_city_error_component_code import (
    UsersMeAddressesPartialUpdateCityErrorComponentCode,
)
from .users_me_addresses_partial_update_country_error_component import (
    UsersMeAddressesPartialUpdateCountryErrorComponent,
)
from .users_me_addresses_partial_update_country_error_component_attr import (
    UsersMeAddressesPartialUpdateCountryErrorComponentAttr,
)
from .users_me_addresses_partial_update_country_error_component_code import (
    UsersMeAddressesPartialUpdateCountryErrorComponentCode,
)
from .users_me_addresses_partial_update_key_error_component import UsersMeAddressesPartialUpdateKEYErrorComponent
from .users_me_addresses_partial_update_key_error_component_code import (
    UsersMeAddressesPartialUpdateKEYErrorComponentCode,
)
from .users_me_addresses_partial_update_label_error_component import UsersMeAddressesPartialUpdateLabelErrorComponent
from .users_me_addresses_partial_update_label_error_component_attr import (
    UsersMeAddressesPartialUpdateLabelErrorComponentAttr,
)
from .users_me_addresses_partial_update_label_error_component_code import (
    UsersMeAddressesPartialUpdateLabelErrorComponentCode,
)
from .users_me_addresses_partial_update_line_1_error_component import UsersMeAddressesPartialUpdateLine1ErrorComponent
from .users_me_addresses_partial_update_line_1_error_component_attr import (
    UsersMeAddressesPartialUpdateLine1ErrorComponentAttr,
)
from .users_me_addresses_partial_update_line_1_error_component_code import (
    UsersMeAddressesPartialUpdateLine1ErrorComponentCode,
)
from .users_me_addresses_partial_update_line_2_error_component import UsersMeAddressesPartialUpdateLine2ErrorComponent
from .users_me_addresses_partial_update_line_2_error_component_attr import (
    UsersMeAddressesPartialUpdateLine2ErrorComponentAttr,
)
from .users_me_addresses_partial_update_line_2_error_component_code import (
    UsersMeAddressesPartialUpdateLine2ErrorComponentCode,
)
from .users_me_addresses_partial_update_non_field_errors_error_component import (
    UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent,
)
from .users_me_addresses_partial_update_non_field_errors_error_component_attr import (
    UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponentAttr,
)
from .users_me_addresses_partial_update_non_field_errors_error_component_code import (
    UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponentCode,
)
from .users_me_addresses_partial_update_phone_error_component import UsersMeAddressesPartialUpdatePhoneErrorComponent
from .users_me_addresses_partial_update_phone_error_component_attr import (
    UsersMeAddressesPartialUpdatePhoneErrorComponentAttr,
)
from .users_me_addresses_partial_update_phone_error_component_code import (
    UsersMeAddressesPartialUpdatePhoneErrorComponentCode,
)
from .users_me_addresses_partial_update_postal_code_error_component import (
    UsersMeAddressesPartialUpdatePostalCodeErrorComponent,
)
from .users_me_addresses_partial_update_postal_code_error_component_attr import (
    UsersMeAddressesPartialUpdatePostalCodeErrorComponentAttr,
)
from .users_me_addresses_partial_update_postal_code_error_component_code import (
    UsersMeAddressesPartialUpdatePostalCodeErrorComponentCode,
)
from .users_me_addresses_partial_update_recipient_error_component import (
    UsersMeAddressesPartialUpdateRecipientErrorComponent,
)
from .users_me_addresses_partial_update_recipient_error_component_attr import (
    UsersMeAddressesPartialUpdateRecipientErrorComponentAttr,
)
from .users_me_addresses_partial_update_recipient_error_component_code import (
    UsersMeAddressesPartialUpdateRecipientErrorComponentCode,
)
from .users_me_addresses_partial_update_region_error_component import UsersMeAddressesPartialUpdateRegionErrorComponent
from .users_me_addresses_partial_update_region_error_component_attr import (
    UsersMeAddressesPartialUpdateRegionErrorComponentAttr,
)
from .users_me_addresses_partial_update_region_error_component_code import (
    UsersMeAddressesPartialUpdateRegionErrorComponentCode,
)
from .users_me_addresses_partial_update_validation_error import UsersMeAddressesPartialUpdateValidationError
from .users_me_partial_update_full_name_error_component import UsersMePartialUpdateFullNameErrorComponent
from .users_me_partial_update_full_name_error_component_attr import UsersMePartialUpdateFullNameErrorComponentAttr
from .users_me_partial_update_full_name_error_component_code import UsersMePartialUpdateFullNameErrorComponentCode
from .users_me_partial_update_key_error_component import UsersMePartialUpdateKEYErrorComponent
from .users_me_partial_update_key_error_component_code import UsersMePartialUpdateKEYErrorComponentCode
from .users_me_partial_update_non_field_errors_error_component import UsersMePartialUpdateNonFieldErrorsErrorComponent
from .users_me_partial_update_non_field_errors_error_component_attr import (
    UsersMePartialUpdateNonFieldErrorsErrorComponentAttr,
)
from .users_me_partial_update_non_field_errors_error_component_code import (
    UsersMePartialUpdateNonFieldErrorsErrorComponentCode,
)
from .users_me_partial_update_validation_error import UsersMePartialUpdateValidationError
from .users_me_password_current_password_error_component import UsersMePasswordCurrentPasswordErrorComponent
from .users_me_password_current_password_error_component_attr import UsersMePasswordCurrentPasswordErrorComponentAttr
from .users_me_password_current_password_error_component_code import UsersMePasswordCurrentPasswordErrorComponentCode
from .users_me_password_key_error_component import UsersMePasswordKEYErrorComponent
from .users_me_password_key_error_component_code import UsersMePasswordKEYErrorComponentCode
from .users_me_password_new_password_error_component import UsersMePasswordNewPasswordErrorComponent
from .users_me_password_new_password_error_component_attr import UsersMePasswordNewPasswordErrorComponentAttr
from .users_me_password_new_password_error_component_code import UsersMePasswordNewPasswordErrorComponentCode
from .users_me_password_non_field_errors_error_component import UsersMePasswordNonFieldErrorsErrorComponent
from .users_me_password_non_field_errors_error_component_attr import UsersMePasswordNonFieldErrorsErrorComponentAttr
from .users_me_password_non_field_errors_error_component_code import UsersMePasswordNonFieldErrorsErrorComponentCode
from .users_me_password_validation_error import UsersMePasswordValidationError
from .validation_error_enum import ValidationErrorEnum
from .who_am_i import WhoAmI

__all__ = (
    "Accepted",
    "Address",
    "AddressWriteRequest",
    "AuthLogoutKEYErrorComponent",
    "AuthLogoutKEYErrorComponentCode",
    "AuthLogoutNonFieldErrorsErrorComponent",
    "AuthLogoutNonFieldErrorsErrorComponentAttr",
    "AuthLogoutNonFieldErrorsErrorComponentCode",
    "AuthLogoutRefreshTokenErrorComponent",
    "AuthLogoutRefreshTokenErrorComponentAttr",
    "AuthLogoutRefreshTokenErrorComponentCode",
    "AuthLogoutValidationError",
    "AuthPasswordResetConfirmKEYErrorComponent",
    "AuthPasswordResetConfirmKEYErrorComponentCode",
    "AuthPasswordResetConfirmNewPasswordErrorComponent",
    "AuthPasswordResetConfirmNewPasswordErrorComponentAttr",
    "AuthPasswordResetConfirmNewPasswordErrorComponentCode",
    "AuthPasswordResetConfirmNonFieldErrorsErrorComponent",
    "AuthPasswordResetConfirmNonFieldErrorsErrorComponentAttr",
    "AuthPasswordResetConfirmNonFieldErrorsErrorComponentCode",
    "AuthPasswordResetConfirmTokenErrorComponent",
    "AuthPasswordResetConfirmTokenErrorComponentAttr",
    "AuthPasswordResetConfirmTokenErrorComponentCode",
    "AuthPasswordResetConfirmUidErrorComponent",
    "AuthPasswordResetConfirmUidErrorComponentAttr",
    "AuthPasswordResetConfirmUidErrorComponentCode",
    "AuthPasswordResetConfirmValidationError",
    "AuthPasswordResetEmailErrorComponent",
    "AuthPasswordResetEmailErrorComponentAttr",
    "AuthPasswordResetEmailErrorComponentCode",
    "AuthPasswordResetKEYErrorComponent",
    "AuthPasswordResetKEYErrorComponentCode",
    "AuthPasswordResetNonFieldErrorsErrorComponent",
    "AuthPasswordResetNonFieldErrorsErrorComponentAttr",
    "AuthPasswordResetNonFieldErrorsErrorComponentCode",
    "AuthPasswordResetValidationError",
    "AuthRegisterEmailErrorComponent",
    "AuthRegisterEmailErrorComponentAttr",
    "AuthRegisterEmailErrorComponentCode",
    "AuthRegisterFullNameErrorComponent",
    "AuthRegisterFullNameErrorComponentAttr",
    "AuthRegisterFullNameErrorComponentCode",
    "AuthRegisterKEYErrorComponent",
    "AuthRegisterKEYErrorComponentCode",
    "AuthRegisterNonFieldErrorsErrorComponent",
    "AuthRegisterNonFieldErrorsErrorComponentAttr",
    "AuthRegisterNonFieldErrorsErrorComponentCode",
    "AuthRegisterPasswordErrorComponent",
    "AuthRegisterPasswordErrorComponentAttr",
    "AuthRegisterPasswordErrorComponentCode",
    "AuthRegisterValidationError",
    "AuthServiceTokenClientIdErrorComponent",
    "AuthServiceTokenClientIdErrorComponentAttr",
    "AuthServiceTokenClientIdErrorComponentCode",
    "AuthServiceTokenClientSecretErrorComponent",
    "AuthServiceTokenClientSecretErrorComponentAttr",
    "AuthServiceTokenClientSecretErrorComponentCode",
    "AuthServiceTokenGrantTypeErrorComponent",
    "AuthServiceTokenGrantTypeErrorComponentAttr",
    "AuthServiceTokenGrantTypeErrorComponentCode",
    "AuthServiceTokenKEYErrorComponent",
    "AuthServiceTokenKEYErrorComponentCode",
    "AuthServiceTokenNonFieldErrorsErrorComponent",
    "AuthServiceTokenNonFieldErrorsErrorComponentAttr",
    "AuthServiceTokenNonFieldErrorsErrorComponentCode",
    "AuthServiceTokenScopeErrorComponent",
    "AuthServiceTokenScopeErrorComponentAttr",
    "AuthServiceTokenScopeErrorComponentCode",
    "AuthServiceTokenValidationError",
    "AuthTokenEmailErrorComponent",
    "AuthTokenEmailErrorComponentAttr",
    "AuthTokenEmailErrorComponentCode",
    "AuthTokenKEYErrorComponent",
    "AuthTokenKEYErrorComponentCode",
    "AuthTokenNonFieldErrorsErrorComponent",
    "AuthTokenNonFieldErrorsErrorComponentAttr",
    "AuthTokenNonFieldErrorsErrorComponentCode",
    "AuthTokenPasswordErrorComponent",
    "AuthTokenPasswordErrorComponentAttr",
    "AuthTokenPasswordErrorComponentCode",
    "AuthTokenRefreshKEYErrorComponent",
    "AuthTokenRefreshKEYErrorComponentCode",
    "AuthTokenRefreshNonFieldErrorsErrorComponent",
    "AuthTokenRefreshNonFieldErrorsErrorComponentAttr",
    "AuthTokenRefreshNonFieldErrorsErrorComponentCode",
    "AuthTokenRefreshRefreshTokenErrorComponent",
    "AuthTokenRefreshRefreshTokenErrorComponentAttr",
    "AuthTokenRefreshRefreshTokenErrorComponentCode",
    "AuthTokenRefreshValidationError",
    "AuthTokenValidationError",
    "ClientCredentialsFormRequest",
    "ClientCredentialsRequest",
    "ClientErrorEnum",
    "ContentTooLargeError",
    "ContentTooLargeErrorCodeEnum",
    "CredentialsRequest",
    "Error401",
    "Error403",
    "Error404",
    "Error405",
    "Error406",
    "Error409",
    "Error415",
    "Error429",
    "Error500",
    "ErrorCode401Enum",
    "ErrorCode403Enum",
    "ErrorCode404Enum",
    "ErrorCode405Enum",
    "ErrorCode406Enum",
    "ErrorCode409Enum",
    "ErrorCode415Enum",
    "ErrorCode429Enum",
    "ErrorCode500Enum",
    "ErrorResponse401",
    "ErrorResponse403",
    "ErrorResponse404",
    "ErrorResponse405",
    "ErrorResponse406",
    "ErrorResponse409",
    "ErrorResponse413",
    "ErrorResponse414",
    "ErrorResponse415",
    "ErrorResponse429",
    "ErrorResponse431",
    "ErrorResponse500",
    "GrantTypeEnum",
    "HeaderFieldsTooLargeError",
    "HeaderFieldsTooLargeErrorCodeEnum",
    "JWK",
    "JWKSet",
    "PaginatedAddressList",
    "PaginatedUserList",
    "ParseError",
    "ParseErrorCodeEnum",
    "ParseErrorResponse",
    "PasswordChangeRequest",
    "PasswordResetConfirmRequest",
    "PasswordResetRequest",
    "PatchedAddressWriteRequest",
    "PatchedProfileUpdateRequest",
    "RegistrationRequest",
    "ServerErrorEnum",
    "ServiceToken",
    "TokenPair",
    "TokenRefreshRequest",
    "UriTooLongError",
    "UriTooLongErrorCodeEnum",
    "User",
    "UsersListCursorErrorComponent",
    "UsersListCursorErrorComponentAttr",
    "UsersListCursorErrorComponentCode",
    "UsersListIsActiveErrorComponent",
    "UsersListIsActiveErrorComponentAttr",
    "UsersListIsActiveErrorComponentCode",
    "UsersListIsStaffErrorComponent",
    "UsersListIsStaffErrorComponentAttr",
    "UsersListIsStaffErrorComponentCode",
    "UsersListJoinedAfterErrorComponent",
    "UsersListJoinedAfterErrorComponentAttr",
    "UsersListJoinedAfterErrorComponentCode",
    "UsersListJoinedBeforeErrorComponent",
    "UsersListJoinedBeforeErrorComponentAttr",
    "UsersListJoinedBeforeErrorComponentCode",
    "UsersListPageSizeErrorComponent",
    "UsersListPageSizeErrorComponentAttr",
    "UsersListPageSizeErrorComponentCode",
    "UsersListQErrorComponent",
    "UsersListQErrorComponentAttr",
    "UsersListQErrorComponentCode",
    "UsersListValidationError",
    "UsersMeAddressesCreateCityErrorComponent",
    "UsersMeAddressesCreateCityErrorComponentAttr",
    "UsersMeAddressesCreateCityErrorComponentCode",
    "UsersMeAddressesCreateCountryErrorComponent",
    "UsersMeAddressesCreateCountryErrorComponentAttr",
    "UsersMeAddressesCreateCountryErrorComponentCode",
    "UsersMeAddressesCreateKEYErrorComponent",
    "UsersMeAddressesCreateKEYErrorComponentCode",
    "UsersMeAddressesCreateLabelErrorComponent",
    "UsersMeAddressesCreateLabelErrorComponentAttr",
    "UsersMeAddressesCreateLabelErrorComponentCode",
    "UsersMeAddressesCreateLine1ErrorComponent",
    "UsersMeAddressesCreateLine1ErrorComponentAttr",
    "UsersMeAddressesCreateLine1ErrorComponentCode",
    "UsersMeAddressesCreateLine2ErrorComponent",
    "UsersMeAddressesCreateLine2ErrorComponentAttr",
    "UsersMeAddressesCreateLine2ErrorComponentCode",
    "UsersMeAddressesCreateNonFieldErrorsErrorComponent",
    "UsersMeAddressesCreateNonFieldErrorsErrorComponentAttr",
    "UsersMeAddressesCreateNonFieldErrorsErrorComponentCode",
    "UsersMeAddressesCreatePhoneErrorComponent",
    "UsersMeAddressesCreatePhoneErrorComponentAttr",
    "UsersMeAddressesCreatePhoneErrorComponentCode",
    "UsersMeAddressesCreatePostalCodeErrorComponent",
    "UsersMeAddressesCreatePostalCodeErrorComponentAttr",
    "UsersMeAddressesCreatePostalCodeErrorComponentCode",
    "UsersMeAddressesCreateRecipientErrorComponent",
    "UsersMeAddressesCreateRecipientErrorComponentAttr",
    "UsersMeAddressesCreateRecipientErrorComponentCode",
    "UsersMeAddressesCreateRegionErrorComponent",
    "UsersMeAddressesCreateRegionErrorComponentAttr",
    "UsersMeAddressesCreateRegionErrorComponentCode",
    "UsersMeAddressesCreateValidationError",
    "UsersMeAddressesListCursorErrorComponent",
    "UsersMeAddressesListCursorErrorComponentAttr",
    "UsersMeAddressesListCursorErrorComponentCode",
    "UsersMeAddressesListPageSizeErrorComponent",
    "UsersMeAddressesListPageSizeErrorComponentAttr",
    "UsersMeAddressesListPageSizeErrorComponentCode",
    "UsersMeAddressesListValidationError",
    "UsersMeAddressesPartialUpdateCityErrorComponent",
    "UsersMeAddressesPartialUpdateCityErrorComponentAttr",
    "UsersMeAddressesPartialUpdateCityErrorComponentCode",
    "UsersMeAddressesPartialUpdateCountryErrorComponent",
    "UsersMeAddressesPartialUpdateCountryErrorComponentAttr",
    "UsersMeAddressesPartialUpdateCountryErrorComponentCode",
    "UsersMeAddressesPartialUpdateKEYErrorComponent",
    "UsersMeAddressesPartialUpdateKEYErrorComponentCode",
    "UsersMeAddressesPartialUpdateLabelErrorComponent",
    "UsersMeAddressesPartialUpdateLabelErrorComponentAttr",
    "UsersMeAddressesPartialUpdateLabelErrorComponentCode",
    "UsersMeAddressesPartialUpdateLine1ErrorComponent",
    "UsersMeAddressesPartialUpdateLine1ErrorComponentAttr",
    "UsersMeAddressesPartialUpdateLine1ErrorComponentCode",
    "UsersMeAddressesPartialUpdateLine2ErrorComponent",
    "UsersMeAddressesPartialUpdateLine2ErrorComponentAttr",
    "UsersMeAddressesPartialUpdateLine2ErrorComponentCode",
    "UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponent",
    "UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponentAttr",
    "UsersMeAddressesPartialUpdateNonFieldErrorsErrorComponentCode",
    "UsersMeAddressesPartialUpdatePhoneErrorComponent",
    "UsersMeAddressesPartialUpdatePhoneErrorComponentAttr",
    "UsersMeAddressesPartialUpdatePhoneErrorComponentCode",
    "UsersMeAddressesPartialUpdatePostalCodeErrorComponent",
    "UsersMeAddressesPartialUpdatePostalCodeErrorComponentAttr",
    "UsersMeAddressesPartialUpdatePostalCodeErrorComponentCode",
    "UsersMeAddressesPartialUpdateRecipientErrorComponent",
    "UsersMeAddressesPartialUpdateRecipientErrorComponentAttr",
    "UsersMeAddressesPartialUpdateRecipientErrorComponentCode",
    "UsersMeAddressesPartialUpdateRegionErrorComponent",
    "UsersMeAddressesPartialUpdateRegionErrorComponentAttr",
    "UsersMeAddressesPartialUpdateRegionErrorComponentCode",
    "UsersMeAddressesPartialUpdateValidationError",
    "UsersMePartialUpdateFullNameErrorComponent",
    "UsersMePartialUpdateFullNameErrorComponentAttr",
    "UsersMePartialUpdateFullNameErrorComponentCode",
    "UsersMePartialUpdateKEYErrorComponent",
    "UsersMePartialUpdateKEYErrorComponentCode",
    "UsersMePartialUpdateNonFieldErrorsErrorComponent",
    "UsersMePartialUpdateNonFieldErrorsErrorComponentAttr",
    "UsersMePartialUpdateNonFieldErrorsErrorComponentCode",
    "UsersMePartialUpdateValidationError",
    "UsersMePasswordCurrentPasswordErrorComponent",
    "UsersMePasswordCurrentPasswordErrorComponentAttr",
    "UsersMePasswordCurrentPasswordErrorComponentCode",
    "UsersMePasswordKEYErrorComponent",
    "UsersMePasswordKEYErrorComponentCode",
    "UsersMePasswordNewPasswordErrorComponent",
    "UsersMePasswordNewPasswordErrorComponentAttr",
    "UsersMePasswordNewPasswordErrorComponentCode",
    "UsersMePasswordNonFieldErrorsErrorComponent",
    "UsersMePasswordNonFieldErrorsErrorComponentAttr",
    "UsersMePasswordNonFieldErrorsErrorComponentCode",
    "UsersMePasswordValidationError",
    "ValidationErrorEnum",
    "WhoAmI",
)
