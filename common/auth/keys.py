"""The public key that verifies a token, found by the token's ``kid``.

JWTAuthentication asks the resolver named by the setting ``JWT_KEY_RESOLVER`` (a dotted path
to a ``KeyResolver``). The default, ``public_key_for_kid``, reads the JWKS that accounts
publishes; accounts names a resolver over its own keys, and tests name one over a key they
generate.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Final, TypeAlias

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string
from jwt import PyJWK, PyJWKClient
from jwt.exceptions import PyJWKClientConnectionError, PyJWKClientError, PyJWTError

from common.clients import accounts
from common.clients.base import from_json
from common.http import ServiceClient, ServiceUnavailable, service_client

logger = logging.getLogger(__name__)

JWKS_PATH: Final = accounts.JWKS.path
# Fetching the JWKS runs inside a request that waits for it: fail fast rather than hold it.
JWKS_TIMEOUT: Final = (2.0, 3.0)

VerificationKey: TypeAlias = PyJWK | RSAPublicKey
KeyResolver: TypeAlias = Callable[[str], VerificationKey]


class UnknownKeyError(Exception):
    """No key with this kid, even after fetching the keys again (or too soon to try)."""

    def __init__(self, kid: str) -> None:
        super().__init__(f"no signing key with kid {kid!r}")
        self.kid = kid


class KeysUnavailable(Exception):
    """The keys could not be had at all: accounts unreachable and nothing fetched before."""


class JWKSKeyResolver(PyJWKClient):
    """PyJWKClient over common.http, with a rate-limited re-fetch for unknown kids.

    PyJWKClient keeps the JWK Set cached for ``cache_seconds``. On a kid the cached set lacks,
    the set is fetched again, but at most once per ``min_refetch_seconds`` counted from the
    last attempt (successful or not): otherwise tokens with random kids would make every
    request a call to accounts. When a fetch fails, the last keys fetched stay in use, so an
    outage of accounts does not stop the verification of tokens signed with known keys.
    """

    def __init__(
        self, client: ServiceClient, *, path: str = JWKS_PATH, cache_seconds: float, min_refetch_seconds: float
    ) -> None:
        # The library's own cooldown counts successes only; the rate limit here counts attempts.
        super().__init__(client.url(path), lifespan=cache_seconds, cooldown_duration=0)
        self.client = client
        self.path = path
        self.min_refetch_seconds = min_refetch_seconds
        self._lock = threading.Lock()
        self._last_attempt: float | None = None
        self._last_good: dict[str, Any] | None = None

    def __call__(self, kid: str) -> PyJWK:
        with self._lock:
            try:
                key = self.match_kid(self.get_signing_keys(), kid)
                if key is None and self._may_refetch():
                    key = self.match_kid(self.get_signing_keys(refresh=True), kid)
            except PyJWKClientConnectionError as exc:
                raise KeysUnavailable(str(exc)) from exc
            except PyJWTError as exc:  # a JWK Set without usable signing keys
                raise KeysUnavailable(f"unusable JWKS from {self.uri}: {exc}") from exc
        if key is None:
            raise UnknownKeyError(kid)
        return key

    def _may_refetch(self) -> bool:
        return self._last_attempt is None or time.monotonic() - self._last_attempt >= self.min_refetch_seconds

    def fetch_data(self) -> Any:
        """The JWK Set from accounts, through common.http (timeout, retries, request id)."""
        self._last_attempt = time.monotonic()
        try:
            response = self.client.get(self.path, timeout=JWKS_TIMEOUT, operation=accounts.JWKS.operation_id)
            if response.status_code != 200:
                raise PyJWKClientError(f"JWKS answered {response.status_code}")
            payload = response.json()
            # PyJWT reads the set as received; checking it against accounts' contract first makes
            # a malformed set a failed fetch (the keys fetched before stay in use), not a 401 later.
            from_json(accounts.JWKSet, payload)
            data = self._as_jwk_set_payload(payload)
        except (ServiceUnavailable, PyJWKClientError, ValueError) as exc:
            if self._last_good is not None:
                logger.warning("JWKS fetch failed, keeping the keys fetched before: %s", exc)
                return self._last_good
            raise PyJWKClientConnectionError(f"cannot fetch the JWKS from {self.uri}: {exc}") from exc
        self._last_good = data
        return data


def resolver_from_settings() -> JWKSKeyResolver:
    return JWKSKeyResolver(
        service_client("accounts"),
        cache_seconds=settings.JWKS_CACHE_SECONDS,
        min_refetch_seconds=settings.JWKS_MIN_REFETCH_SECONDS,
    )


@functools.cache
def _default_resolver() -> JWKSKeyResolver:
    # One per process, made on first use: the settings are complete by then.
    return resolver_from_settings()


def public_key_for_kid(kid: str) -> PyJWK:
    """The default ``JWT_KEY_RESOLVER``: the key from the JWKS of accounts."""
    return _default_resolver()(kid)


@functools.cache
def configured_resolver() -> KeyResolver:
    resolver: KeyResolver = import_string(settings.JWT_KEY_RESOLVER)
    return resolver


@receiver(setting_changed)
def _forget_resolvers(*, setting: str, **kwargs: Any) -> None:
    if setting == "JWT_KEY_RESOLVER":
        configured_resolver.cache_clear()
    if setting in {"ACCOUNTS_URL", "JWKS_CACHE_SECONDS", "JWKS_MIN_REFETCH_SECONDS"}:
        _default_resolver.cache_clear()
