"""Contains all the data models used in inputs/outputs"""

from .accepted import Accepted
from .address import Address
from .address_write_request import AddressWriteRequest
from .client_credentials_request import ClientCredentialsRequest
from .credentials_request import CredentialsRequest
from .error import Error
from .error_code_enum import ErrorCodeEnum
from .error_response import ErrorResponse
from .error_response_type_enum import ErrorResponseTypeEnum
from .grant_type_enum import GrantTypeEnum
from .jwk import JWK
from .jwk_set import JWKSet
from .paginated_address_list import PaginatedAddressList
from .paginated_user_list import PaginatedUserList
from .password_change_request import PasswordChangeRequest
from .password_reset_confirm_request import PasswordResetConfirmRequest
from .password_reset_request import PasswordResetRequest
from .patched_address_write_request import PatchedAddressWriteRequest
from .patched_profile_update_request import PatchedProfileUpdateRequest
from .registration_request import RegistrationRequest
from .service_token import ServiceToken
from .token_pair import TokenPair
from .token_refresh_request import TokenRefreshRequest
from .user import User
from .validation_error import ValidationError
from .validation_error_code_enum import ValidationErrorCodeEnum
from .validation_error_response import ValidationErrorResponse
from .validation_error_response_type_enum import ValidationErrorResponseTypeEnum
from .who_am_i import WhoAmI

__all__ = (
    "Accepted",
    "Address",
    "AddressWriteRequest",
    "ClientCredentialsRequest",
    "CredentialsRequest",
    "Error",
    "ErrorCodeEnum",
    "ErrorResponse",
    "ErrorResponseTypeEnum",
    "GrantTypeEnum",
    "JWK",
    "JWKSet",
    "PaginatedAddressList",
    "PaginatedUserList",
    "PasswordChangeRequest",
    "PasswordResetConfirmRequest",
    "PasswordResetRequest",
    "PatchedAddressWriteRequest",
    "PatchedProfileUpdateRequest",
    "RegistrationRequest",
    "ServiceToken",
    "TokenPair",
    "TokenRefreshRequest",
    "User",
    "ValidationError",
    "ValidationErrorCodeEnum",
    "ValidationErrorResponse",
    "ValidationErrorResponseTypeEnum",
    "WhoAmI",
)
