"""The REST calls to accounts that admin sign-in makes (endpoints in accounts' openapi.yaml)."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any, Final

from common.auth.fields import strings, typed
from common.auth.relay import RELAY_HEADER, RELAY_SCOPE
from common.auth.service_tokens import IssuedToken, ServiceCredentials, ServiceTokenCache
from common.http import Response, ServiceClient, ServiceUnavailable, service_client

logger = logging.getLogger(__name__)

TOKEN_PATH: Final = "/api/v1/auth/token/"  # noqa: S105  (a URL path)
ME_PATH: Final = "/api/v1/users/me/"
SERVICE_TOKEN_PATH: Final = "/api/v1/auth/service-token/"  # noqa: S105  (a URL path)


class RelayRefused(Exception):
    """accounts would not give this service a token to relay a browser's address with."""


class CredentialsRefused(Exception):
    """accounts refused the credentials; ``detail`` is its own words, ``retry_after`` the seconds
    it asks to wait (a lockout or throttling, 429), None otherwise."""

    def __init__(self, status: int, detail: str, retry_after: int | None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True)
class AccountsProfile:
    """A person as accounts describes them at ``/api/v1/users/me/``."""

    id: str
    email: str
    is_staff: bool
    is_superuser: bool
    is_active: bool
    groups: tuple[str, ...]

    @classmethod
    def from_json(cls, data: Any) -> AccountsProfile:
        """``ValueError`` unless ``data`` has the documented shape."""
        if not isinstance(data, dict):
            raise ValueError("profile is not a JSON object")
        return cls(
            id=typed(data, "id", str),
            email=typed(data, "email", str),
            is_staff=typed(data, "is_staff", bool),
            is_superuser=typed(data, "is_superuser", bool, default=False),
            is_active=typed(data, "is_active", bool, default=True),
            groups=strings(data, "groups"),
        )


def profile_for_credentials(
    email: str, password: str, *, client_address: str, client: ServiceClient | None = None
) -> AccountsProfile:
    """The profile of the person these credentials sign in.

    ``client_address`` is the browser's: accounts counts the attempt against it (and the email),
    exactly as if the browser had signed in there, because the call carries this service's token
    with the relay scope (``common.auth.relay``).

    Raises ``CredentialsRefused`` with accounts' reason when it refuses them (a wrong password or
    an inactive account alike, 401; a lockout, 429), ``common.http.ServiceUnavailable`` when
    accounts cannot be reached or fails (5xx),
    ``RelayRefused`` when accounts gives this service no token with the relay scope, and
    ``ValueError`` when it answers something other than the contract.
    """
    client = client or service_client("accounts")
    headers = {RELAY_HEADER: client_address, "Authorization": f"Bearer {relay_token()}"}
    # A sign-in is not repeatable (accounts counts failures towards a lock-out): no retries.
    response = client.post(TOKEN_PATH, json={"email": email, "password": password}, headers=headers)
    if response.status_code in {400, 401, 403, 429}:
        logger.info("accounts refused the credentials of %s (%s)", email, response.status_code)
        raise CredentialsRefused(response.status_code, _error_detail(response), _retry_after(response))
    if response.status_code >= 500:
        raise ServiceUnavailable(client.name, "POST", client.url(TOKEN_PATH), f"answered {response.status_code}")
    access_token = _json(response).get("access_token")
    if not isinstance(access_token, str):
        raise ValueError("token response without access_token")
    return AccountsProfile.from_json(_json(client.get(ME_PATH, headers={"Authorization": f"Bearer {access_token}"})))


def relay_token() -> str:
    """This service's token with the relay scope (cached per process until shortly before expiry)."""
    return _relay_tokens().get()


@functools.cache
def _relay_tokens() -> ServiceTokenCache:
    return ServiceTokenCache(_relay_token_obtain)


def relay_tokens_forget() -> None:
    """Drop the cached token (tests, a rotated client secret)."""
    _relay_tokens.cache_clear()


def _relay_token_obtain(credentials: ServiceCredentials) -> IssuedToken:
    client = service_client("accounts")
    # Only the relay scope: this token travels with people's passwords and needs no other power.
    # Asking for it by name also makes a client registered without it fail here, loudly, rather
    # than have accounts quietly ignore the relayed address.
    body = {"client_id": credentials.client_id, "client_secret": credentials.client_secret, "scope": RELAY_SCOPE}
    response = client.post(SERVICE_TOKEN_PATH, json=body)
    if response.status_code >= 500:
        url = client.url(SERVICE_TOKEN_PATH)
        raise ServiceUnavailable(client.name, "POST", url, f"answered {response.status_code}")
    if response.status_code != 200:
        raise RelayRefused(f"accounts refused this service's client credentials or scope ({response.status_code})")
    data = _json(response)
    access_token, expires_in = data.get("access_token"), data.get("expires_in")
    if not isinstance(access_token, str) or not isinstance(expires_in, int):
        raise ValueError("service token response without access_token or expires_in")
    return IssuedToken(access_token=access_token, expires_in=expires_in, scope=str(data.get("scope", "")))


def _error_detail(response: Response) -> str:
    """The first error's detail in accounts' error shape ({"errors": [{"detail": ...}]})."""
    try:
        errors = response.json().get("errors")
        detail = errors[0]["detail"]
    except (ValueError, AttributeError, LookupError, TypeError):
        return ""
    return detail[:300] if isinstance(detail, str) else ""


def _retry_after(response: Response) -> int | None:
    value = response.headers.get("Retry-After", "")
    return int(value) if value.isdigit() else None


def _json(response: Response) -> dict[str, Any]:
    if response.status_code != 200:
        raise ValueError(f"accounts answered {response.status_code} at {response.request.path_url}")
    data = response.json()
    if not isinstance(data, dict):
        raise ValueError("accounts answered something other than a JSON object")
    return data
