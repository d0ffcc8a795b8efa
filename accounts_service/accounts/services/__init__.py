"""Writes, one module per resource. The API, the admin and the management commands change
accounts' data only through these functions, imported from here as ``services.<entity>_<action>``."""

from accounts_service.accounts.services.addresses import (
    AddressChanges,
    AddressFields,
    address_create,
    address_delete,
    address_set_default,
    address_update,
)
from accounts_service.accounts.services.service_clients import (
    ServiceClientSecret,
    service_client_create,
    service_client_rotate_secret,
    service_client_update,
    service_token_obtain,
)
from accounts_service.accounts.services.tokens import (
    refresh_token_purge,
    refresh_token_revoke,
    refresh_token_revoke_all,
    refresh_token_rotate,
    token_pair_obtain,
)
from accounts_service.accounts.services.users import (
    password_reset_request,
    user_change_password,
    user_deactivate,
    user_reactivate,
    user_register,
    user_set_password,
    user_update,
)

__all__ = [
    "AddressChanges",
    "AddressFields",
    "ServiceClientSecret",
    "address_create",
    "address_delete",
    "address_set_default",
    "address_update",
    "password_reset_request",
    "refresh_token_purge",
    "refresh_token_revoke",
    "refresh_token_revoke_all",
    "refresh_token_rotate",
    "service_client_create",
    "service_client_rotate_secret",
    "service_client_update",
    "service_token_obtain",
    "token_pair_obtain",
    "user_change_password",
    "user_deactivate",
    "user_reactivate",
    "user_register",
    "user_set_password",
    "user_update",
]
