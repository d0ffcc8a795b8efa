"""accounts, as orders uses it: service tokens, a customer's profile and one of their addresses.

Operations (accounts_service/openapi.yaml): ``auth_service_token``, ``users_retrieve`` (scope
accounts.users:read) and ``users_me_addresses_retrieve`` (with the customer's own token,
relayed: only the customer may read their address book).
"""

from __future__ import annotations

import datetime
import functools
import logging
import uuid
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from common.auth.service_tokens import IssuedToken, ServiceCredentials, ServiceTokenCache
from common.http import Response
from orders_service.orders.clients.base import (
    DownstreamRefused,
    DownstreamUnavailable,
    Operation,
    decode_body,
    error_codes,
    send,
    to_json,
)

logger = logging.getLogger(__name__)

SERVICE: Final = "accounts"
T = TypeVar("T")


@dataclass(frozen=True)
class ClientCredentialsRequest:
    client_id: str
    client_secret: str


@dataclass(frozen=True)
class ServiceToken:
    access_token: str
    token_type: str
    expires_in: int
    scope: str


@dataclass(frozen=True)
class AccountsUser:
    id: uuid.UUID
    email: str
    full_name: str
    is_active: bool
    is_staff: bool
    date_joined: datetime.datetime


@dataclass(frozen=True)
class AccountsAddress:
    id: uuid.UUID
    label: str
    recipient: str
    line1: str
    line2: str
    city: str
    region: str
    postal_code: str
    country: str
    phone: str


SERVICE_TOKEN: Final = Operation(
    SERVICE, "auth_service_token", "POST", "/api/v1/auth/service-token/", ClientCredentialsRequest, ServiceToken
)
USER_RETRIEVE: Final = Operation(SERVICE, "users_retrieve", "GET", "/api/v1/users/{user_id}/", None, AccountsUser)
MY_ADDRESS_RETRIEVE: Final = Operation(
    SERVICE,
    "users_me_addresses_retrieve",
    "GET",
    "/api/v1/users/me/addresses/{address_id}/",
    None,
    AccountsAddress,
)
OPERATIONS: Final = (SERVICE_TOKEN, USER_RETRIEVE, MY_ADDRESS_RETRIEVE)


class UserNotFound(Exception):
    pass


class AddressNotFound(Exception):
    pass


# --- calls --------------------------------------------------------------------------------------


def service_token_obtain(credentials: ServiceCredentials) -> IssuedToken:
    body = ClientCredentialsRequest(client_id=credentials.client_id, client_secret=credentials.client_secret)
    response = send(SERVICE_TOKEN, json=to_json(body))
    if response.status_code != 200:
        # Wrong credentials or scopes are a misconfiguration of this service, not a passing fault.
        logger.error("accounts refused this service's client credentials (%s)", response.status_code)
        raise DownstreamRefused(SERVICE, response.status_code, error_codes(response))
    token = _decode(ServiceToken, response)
    return IssuedToken(access_token=token.access_token, expires_in=token.expires_in, scope=token.scope)


@functools.cache
def _tokens() -> ServiceTokenCache:
    return ServiceTokenCache(service_token_obtain)


def user_get(*, user_id: uuid.UUID) -> AccountsUser:
    """The user ``user_id``; ``UserNotFound``, or ``DownstreamUnavailable`` when no definite answer."""
    response = send_with_service_token(USER_RETRIEVE, path=USER_RETRIEVE.path_for(user_id=str(user_id)))
    if response.status_code == 404:
        raise UserNotFound(str(user_id))
    return _decode(AccountsUser, response)


def my_address_get(*, address_id: uuid.UUID, bearer_token: str) -> AccountsAddress:
    """One of the token holder's addresses; ``AddressNotFound`` when it is not theirs (or gone)."""
    path = MY_ADDRESS_RETRIEVE.path_for(address_id=str(address_id))
    response = send(MY_ADDRESS_RETRIEVE, path=path, headers={"Authorization": f"Bearer {bearer_token}"})
    if response.status_code == 404:
        raise AddressNotFound(str(address_id))
    return _decode(AccountsAddress, response)


# --- plumbing -----------------------------------------------------------------------------------


def service_token_invalidate(token: str) -> None:
    _tokens().invalidate(token)


def service_token() -> str:
    """This service's current token (cached); ``DownstreamUnavailable`` when none can be had."""
    try:
        return _tokens().get()
    except DownstreamRefused as exc:
        raise DownstreamUnavailable(SERVICE, f"no service token: {exc}") from exc


def send_with_service_token(
    operation: Operation, *, path: str | None = None, headers: dict[str, str] | None = None, **kwargs: Any
) -> Response:
    """Call ``operation`` as this service; on a 401 (rotated keys, an expired token) get a fresh
    token and try once more."""
    for attempt in range(2):
        token = service_token()
        response = send(operation, path=path, headers={**(headers or {}), "Authorization": f"Bearer {token}"}, **kwargs)
        if response.status_code == 401 and attempt == 0:
            service_token_invalidate(token)
            continue
        return response
    raise AssertionError("unreachable")  # pragma: no cover


def _decode(cls: type[T], response: Response) -> T:
    if response.status_code != 200:
        raise DownstreamUnavailable(SERVICE, f"answered {response.status_code} {', '.join(error_codes(response))}")
    return decode_body(SERVICE, cls, response)
