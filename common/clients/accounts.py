"""accounts, as the other services call it: service tokens, the JWKS, admin sign-in, users and
their addresses.

Operations (accounts_service/openapi.yaml):

- ``auth_service_token``: this service's token, by client credentials. Two are cached per
  process: one with every scope of the service's client (``service_token``), and one with only
  the relay scope for admin sign-in (``relay_token``), which travels with people's passwords
  and needs no other power;
- ``jwks``: the public keys that verify tokens (read by ``common.auth.keys``);
- ``auth_token`` then ``users_me_retrieve``: an admin's email and password checked, relayed with
  the browser's address (``profile_for_credentials``, for ``common.auth.backends``);
- ``users_retrieve`` (scope accounts.users:read) and ``users_me_addresses_retrieve`` (with the
  customer's own token, relayed: only the customer may read their address book), for orders.
"""

from __future__ import annotations

import functools
import logging
import uuid
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from common.auth.relay import RELAY_HEADER, RELAY_SCOPE
from common.auth.service_tokens import IssuedToken, ServiceCredentials, ServiceTokenCache
from common.clients.base import (
    DownstreamRefused,
    DownstreamUnavailable,
    ErrorBody,
    Operation,
    decode_body,
    error_codes,
    from_json,
    send,
    to_json,
)
from common.http import Response

logger = logging.getLogger(__name__)

SERVICE: Final = "accounts"
T = TypeVar("T")


@dataclass(frozen=True)
class ClientCredentialsRequest:
    client_id: str
    client_secret: str
    # Space-separated, a subset of the client's scopes; all of them when None (left out).
    scope: str | None = None


@dataclass(frozen=True)
class ServiceToken:
    access_token: str
    expires_in: int
    scope: str


@dataclass(frozen=True)
class CredentialsRequest:
    email: str
    password: str


@dataclass(frozen=True)
class TokenPair:
    access_token: str


@dataclass(frozen=True)
class JWK:
    """What PyJWT reads of each key (common.auth.keys hands it the JWK Set as received)."""

    kty: str
    kid: str
    use: str
    alg: str
    n: str
    e: str


@dataclass(frozen=True)
class JWKSet:
    keys: tuple[JWK, ...]


@dataclass(frozen=True)
class AccountsUser:
    """A person, as ``/api/v1/users/{id}/`` and ``/api/v1/users/me/`` describe them."""

    id: uuid.UUID
    email: str
    full_name: str
    is_active: bool
    is_staff: bool
    is_superuser: bool
    groups: tuple[str, ...]


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
JWKS: Final = Operation(SERVICE, "jwks", "GET", "/.well-known/jwks.json", None, JWKSet)
SIGN_IN: Final = Operation(
    SERVICE,
    "auth_token",
    "POST",
    "/api/v1/auth/token/",
    CredentialsRequest,
    TokenPair,
    errors=((400, ErrorBody), (401, ErrorBody), (429, ErrorBody)),
)
ME_RETRIEVE: Final = Operation(SERVICE, "users_me_retrieve", "GET", "/api/v1/users/me/", None, AccountsUser)
USER_RETRIEVE: Final = Operation(SERVICE, "users_retrieve", "GET", "/api/v1/users/{user_id}/", None, AccountsUser)
MY_ADDRESS_RETRIEVE: Final = Operation(
    SERVICE,
    "users_me_addresses_retrieve",
    "GET",
    "/api/v1/users/me/addresses/{address_id}/",
    None,
    AccountsAddress,
)
OPERATIONS: Final = (SERVICE_TOKEN, JWKS, SIGN_IN, ME_RETRIEVE, USER_RETRIEVE, MY_ADDRESS_RETRIEVE)


class UserNotFound(Exception):
    pass


class AddressNotFound(Exception):
    pass


class ServiceTokenRefused(DownstreamRefused):
    """accounts refused this service's client credentials, or the scope asked for."""


class RelayRefused(ServiceTokenRefused):
    """accounts would not give this service a token to relay a browser's address with."""


class CredentialsRefused(DownstreamRefused):
    """accounts refused the credentials; ``detail`` is its own words, ``retry_after`` the seconds
    it asks to wait (a lockout or throttling, 429), None otherwise."""

    def __init__(self, status: int, codes: tuple[str, ...], detail: str, retry_after: int | None) -> None:
        super().__init__(SERVICE, status, codes)
        self.detail = detail
        self.retry_after = retry_after


# --- calls --------------------------------------------------------------------------------------


def service_token_obtain(credentials: ServiceCredentials, *, scope: str | None = None) -> IssuedToken:
    """A token for this service (with ``scope``, or every scope of its client).

    ``ServiceTokenRefused`` when accounts refuses the credentials or the scope: a
    misconfiguration of this service, not a passing fault.
    """
    body = ClientCredentialsRequest(
        client_id=credentials.client_id, client_secret=credentials.client_secret, scope=scope
    )
    response = send(SERVICE_TOKEN, json=to_json(body))
    if response.status_code != 200 and response.status_code < 500:
        logger.error("accounts refused this service's client credentials or scope (%s)", response.status_code)
        raise ServiceTokenRefused(SERVICE, response.status_code, error_codes(response))
    token = _decode(ServiceToken, response)
    return IssuedToken(access_token=token.access_token, expires_in=token.expires_in, scope=token.scope)


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


def profile_for_credentials(email: str, password: str, *, client_address: str) -> AccountsUser:
    """The person these credentials sign in.

    ``client_address`` is the browser's: accounts counts the attempt against it (and the email),
    exactly as if the browser had signed in there, because the call carries this service's token
    with the relay scope (``common.auth.relay``).

    Raises ``CredentialsRefused`` with accounts' reason when it refuses them (a wrong password or
    an inactive account alike, 401; a lockout, 429), ``RelayRefused`` when accounts gives this
    service no token with the relay scope, ``AnswerOutsideContract`` when it answers something
    other than its schema says, and ``DownstreamUnavailable`` when it cannot be reached or fails.
    """
    headers = {RELAY_HEADER: client_address, "Authorization": f"Bearer {relay_token()}"}
    # A sign-in is not repeatable (accounts counts failures towards a lock-out): sent once.
    response = send(SIGN_IN, json=to_json(CredentialsRequest(email=email, password=password)), headers=headers)
    if response.status_code in {400, 401, 403, 429}:
        logger.info("accounts refused the credentials of %s (%s)", email, response.status_code)
        raise CredentialsRefused(
            response.status_code, error_codes(response), _refusal_detail(response), _retry_after(response)
        )
    access_token = _decode(TokenPair, response).access_token
    return _decode(AccountsUser, send(ME_RETRIEVE, headers={"Authorization": f"Bearer {access_token}"}))


# --- this service's tokens ----------------------------------------------------------------------


@functools.cache
def _tokens() -> ServiceTokenCache:
    return ServiceTokenCache(service_token_obtain)


@functools.cache
def _relay_tokens() -> ServiceTokenCache:
    # Asking for the relay scope by name also makes a client registered without it fail here,
    # loudly, rather than have accounts quietly ignore the relayed address.
    return ServiceTokenCache(functools.partial(service_token_obtain, scope=RELAY_SCOPE))


def service_tokens_forget() -> None:
    """Drop the cached tokens (tests, a rotated client secret)."""
    _tokens.cache_clear()
    _relay_tokens.cache_clear()


def service_token_invalidate(token: str) -> None:
    _tokens().invalidate(token)


def service_token() -> str:
    """This service's current token (cached); ``DownstreamUnavailable`` when none can be had."""
    try:
        return _tokens().get()
    except DownstreamRefused as exc:
        raise DownstreamUnavailable(SERVICE, f"no service token: {exc}") from exc


def relay_token() -> str:
    """This service's token with only the relay scope (cached); ``RelayRefused`` when accounts
    will not issue one."""
    try:
        return _relay_tokens().get()
    except ServiceTokenRefused as exc:
        raise RelayRefused(SERVICE, exc.status, exc.codes) from exc


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


# --- plumbing -----------------------------------------------------------------------------------


def _decode(cls: type[T], response: Response) -> T:
    if response.status_code != 200:
        raise DownstreamUnavailable(SERVICE, f"answered {response.status_code} {', '.join(error_codes(response))}")
    return decode_body(SERVICE, cls, response)


def _refusal_detail(response: Response) -> str:
    """The first error's detail, for the admin's sign-in page; "" when the body is not the
    error shape (the status alone is a definite refusal)."""
    try:
        body = from_json(ErrorBody, response.json())
    except ValueError:
        return ""
    return body.errors[0].detail[:300] if body.errors else ""


def _retry_after(response: Response) -> int | None:
    value = response.headers.get("Retry-After", "")
    return int(value) if value.isdigit() else None
