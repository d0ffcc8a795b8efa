"""A service's token for calling others: client credentials from accounts, cached.

One token per process carries every scope of this service's client; it is reused until shortly
before it expires (a token per call would double the calls and load accounts' signer). Threads
share it; one of them refreshes it while the others wait for the result rather than asking too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Refresh this long before expiry: a token must not expire between being read and being checked
# by the downstream, whose clock may also be a little ahead.
REFRESH_MARGIN_SECONDS: Final = 30.0


@dataclass(frozen=True)
class ServiceCredentials:
    client_id: str
    client_secret: str

    @classmethod
    def from_settings(cls) -> ServiceCredentials:
        # Not every service has a client (accounts calls nobody): absent means not set.
        client_id: str = getattr(settings, "SERVICE_CLIENT_ID", "")
        client_secret: str = getattr(settings, "SERVICE_CLIENT_SECRET", "")
        if not client_id or not client_secret:
            raise ImproperlyConfigured(
                "Set the SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET environment variables: this service "
                "calls accounts (and orders calls catalog) with a service token (docs/identity.md)."
            )
        return cls(client_id=client_id, client_secret=client_secret)


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_in: int
    scope: str


class ServiceTokenCache:
    def __init__(
        self, obtain: Callable[[ServiceCredentials], IssuedToken], *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._obtain = obtain
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at = 0.0

    def get(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._refresh_at:
                issued = self._obtain(ServiceCredentials.from_settings())
                self._token = issued.access_token
                self._refresh_at = self._clock() + max(issued.expires_in - REFRESH_MARGIN_SECONDS, 0.0)
            return self._token

    def invalidate(self, token: str) -> None:
        """Forget ``token`` (a downstream refused it: revoked client, rotated keys)."""
        with self._lock:
            if self._token == token:
                self._token = None
