"""The one HTTP client for calls from one Mercato service to another.

Every cross-service call goes through ``ServiceClient.request()`` (raw ``requests`` is banned
elsewhere by a ruff rule), so each call gets, without the caller having to remember:

- a default timeout (connect, read): a downstream that hangs must not hang us;
- bounded retries with exponential backoff and jitter, only for requests that are safe to
  repeat: GET, HEAD and OPTIONS, or any request carrying an ``Idempotency-Key`` header;
- the current request id (django-guid) as ``X-Request-ID``, so one id follows a request
  across services and their logs.

``request()`` is the single choke point, so the circuit breaker and per-downstream metrics of
the design slot in there. ``service_client(name)`` hands out one shared client per downstream
service (the place where that per-downstream state will live).
"""

from __future__ import annotations

import functools
import http.cookiejar
import logging
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import requests
import urllib3.exceptions
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django_guid import get_guid
from requests import Response
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

__all__ = ["DEFAULT_TIMEOUT", "Response", "ServiceClient", "ServiceUnavailable", "Timeout", "service_client"]

logger = logging.getLogger(__name__)

# (connect, read) in seconds. The connect timeout is a little over a multiple of 3 s, the
# TCP retransmission window, as requests' documentation advises.
Timeout: TypeAlias = tuple[float, float]
DEFAULT_TIMEOUT: Final[Timeout] = (3.05, 10.0)
DEFAULT_RETRIES: Final = 2

# Safe to repeat by HTTP semantics. Anything else is repeated only when it carries an
# Idempotency-Key, which makes the server answer a repeat with the first response.
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
IDEMPOTENCY_KEY_HEADER: Final = "Idempotency-Key"
REQUEST_ID_HEADER: Final = "X-Request-ID"
# Worth another try: the downstream is overloaded, restarting, or behind a failing proxy.
RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})


class ServiceUnavailable(Exception):
    """The downstream service could not be reached or did not answer in time (after retries).

    A definite answer, even a 5xx one, is returned as a response instead: the caller decides
    what a status means. This exception means "no answer", which for a write is ambiguous.
    """

    def __init__(self, service: str, method: str, url: str, reason: str) -> None:
        super().__init__(f"{service}: {method} {url} failed: {reason}")
        self.service = service
        self.method = method
        self.url = url
        self.reason = reason


def is_idempotent(method: str, headers: Mapping[str, str]) -> bool:
    if method.upper() in SAFE_METHODS:
        return True
    return any(name.lower() == IDEMPOTENCY_KEY_HEADER.lower() for name in headers)


class ServiceClient:
    """Calls to one downstream service at ``base_url``; share one instance per downstream.

    Two pooled ``requests`` sessions sit underneath: urllib3's ``Retry`` decides by method
    only and cannot see the Idempotency-Key header, so the decision is made per request here,
    and repeatable requests go through the session whose adapter retries.
    """

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff_factor: float = 0.2,
        backoff_jitter: float = 0.2,
        backoff_max: float = 5.0,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(f"{name}: base URL must be http(s), not {base_url!r}")
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = Retry(
            total=retries,
            # Any method: only repeatable requests are sent through this policy.
            allowed_methods=None,
            status_forcelist=RETRY_STATUSES,
            # Sleeps 0, 2 x factor, 4 x factor, ... plus up to ``backoff_jitter`` at random, so
            # clients that failed together do not come back together.
            backoff_factor=backoff_factor,
            backoff_jitter=backoff_jitter,
            backoff_max=backoff_max,
            # A Retry-After longer than we would wait anyway is not worth holding a thread for.
            retry_after_max=int(backoff_max),
            # After the last try the caller gets the last response (e.g. a 503), not an error.
            raise_on_status=False,
            redirect=False,
        )
        self._sessions = {True: self._session(self.retry), False: self._session(Retry(0, read=False, redirect=False))}

    @staticmethod
    def _session(retry: Retry) -> requests.Session:
        session = requests.Session()
        # The session is shared by every request this process serves: a cookie set in an
        # answer to one user's call must never ride along on another's.
        session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        adapter = HTTPAdapter(max_retries=retry)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def url(self, path: str) -> str:
        # Only paths: a client for one service must not be pointed at another host.
        if not path.startswith("/"):
            raise ValueError(f"{self.name}: expected a path starting with '/', got {path!r}")
        return self.base_url + path

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout | None = None,
    ) -> Response:
        """Send one request (retried if repeatable); raise ``ServiceUnavailable`` on no answer."""
        method = method.upper()
        url = self.url(path)
        all_headers = dict(headers or {})
        request_id = get_guid()
        if request_id and REQUEST_ID_HEADER not in all_headers:
            all_headers[REQUEST_ID_HEADER] = request_id
        session = self._sessions[is_idempotent(method, all_headers)]
        try:
            return session.request(
                method,
                url,
                params=params,
                json=json,
                data=data,
                headers=all_headers,
                timeout=timeout or self.timeout,
                # A redirect between services is a misconfiguration, not something to follow.
                allow_redirects=False,
            )
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            logger.warning("call to %s failed: %s %s: %s", self.name, method, path, exc)
            raise ServiceUnavailable(self.name, method, url, str(exc)) from exc

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Response:
        return self.request("POST", path, **kwargs)

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()


@functools.cache
def service_client(name: str) -> ServiceClient:
    """The shared client of the downstream service ``name``, at the URL setting ``<NAME>_URL``."""
    base_url = getattr(settings, f"{name.upper()}_URL", None)
    if not base_url:
        raise ImproperlyConfigured(f"{name.upper()}_URL is not set: this service does not call {name}")
    return ServiceClient(name, base_url)


@receiver(setting_changed)
def _forget_clients(*, setting: str, **kwargs: Any) -> None:
    # Tests point services at local servers by overriding <NAME>_URL.
    if setting.endswith("_URL"):
        service_client.cache_clear()
