"""The REST calls to accounts that admin sign-in makes (endpoints in accounts' openapi.yaml)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Final

from common.auth.fields import strings, typed
from common.http import Response, ServiceClient, ServiceUnavailable, service_client

logger = logging.getLogger(__name__)

TOKEN_PATH: Final = "/api/v1/auth/token/"  # noqa: S105  (a URL path)
ME_PATH: Final = "/api/v1/users/me/"


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
    email: str, password: str, *, client: ServiceClient | None = None
) -> AccountsProfile | None:
    """The profile of the person these credentials sign in, or None when accounts refuses them.

    Raises ``common.http.ServiceUnavailable`` when accounts cannot be reached or fails (5xx),
    and ``ValueError`` when it answers something other than the contract.
    """
    client = client or service_client("accounts")
    # A sign-in is not repeatable (accounts counts failures towards a lock-out): no retries.
    response = client.post(TOKEN_PATH, json={"email": email, "password": password})
    if response.status_code in {400, 401, 403, 429}:
        logger.info("accounts refused the credentials of %s (%s)", email, response.status_code)
        return None
    if response.status_code >= 500:
        raise ServiceUnavailable(client.name, "POST", client.url(TOKEN_PATH), f"answered {response.status_code}")
    access_token = _json(response).get("access_token")
    if not isinstance(access_token, str):
        raise ValueError("token response without access_token")
    return AccountsProfile.from_json(_json(client.get(ME_PATH, headers={"Authorization": f"Bearer {access_token}"})))


def _json(response: Response) -> dict[str, Any]:
    if response.status_code != 200:
        raise ValueError(f"accounts answered {response.status_code} at {response.request.path_url}")
    data = response.json()
    if not isinstance(data, dict):
        raise ValueError("accounts answered something other than a JSON object")
    return data
