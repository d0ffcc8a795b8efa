from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle as DRFScopedRateThrottle

from accounts_service.accounts.lockout import client_address


class ScopedRateThrottle(DRFScopedRateThrottle):
    """DRF's scoped throttle, reading the rates when a request comes rather than at import, and
    counting against the same client address as the lockout.

    DRF copies DEFAULT_THROTTLE_RATES into a class attribute once; reading them per request
    lets a settings override (tests, a reloaded configuration) take effect. The address is the
    browser's on a sign-in that catalog or orders relay, so that the sign-ins of everyone who
    comes through one service do not share that service's bucket.
    """

    def get_ident(self, request: Request) -> str:
        return client_address(request)

    def get_rate(self) -> str | None:
        rates: Mapping[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        scope = self.scope or ""
        if scope not in rates:
            raise ImproperlyConfigured(f"No throttle rate for the scope {scope!r} in DEFAULT_THROTTLE_RATES.")
        rate: str | None = rates[scope]
        return rate
