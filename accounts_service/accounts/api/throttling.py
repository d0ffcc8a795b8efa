from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle as DRFScopedRateThrottle


class ScopedRateThrottle(DRFScopedRateThrottle):
    """DRF's scoped throttle, reading the rates when a request comes rather than at import.

    DRF copies DEFAULT_THROTTLE_RATES into a class attribute once; reading them per request
    lets a settings override (tests, a reloaded configuration) take effect.
    """

    def get_rate(self) -> str | None:
        rates: Mapping[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        scope = self.scope or ""
        if scope not in rates:
            raise ImproperlyConfigured(f"No throttle rate for the scope {scope!r} in DEFAULT_THROTTLE_RATES.")
        rate: str | None = rates[scope]
        return rate
