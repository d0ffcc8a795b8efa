"""The one HTTP client for calls from one Mercato service to another.

Every cross-service call goes through ``ServiceClient.request()`` (raw ``requests`` and
``urllib3`` are banned elsewhere by a ruff rule), so each call gets, without the caller having
to remember:

- a default timeout (connect, read): a downstream that hangs must not hang us;
- bounded retries with exponential backoff and jitter, only for requests that are safe to
  repeat: GET, HEAD and OPTIONS, or any request carrying an ``Idempotency-Key`` header;
- the current request id (django-guid) as ``X-Request-ID``, so one id follows a request
  across services and their logs;
- a client span (OpenTelemetry) around the call, retries included, whose context goes along as
  W3C ``traceparent``/``tracestate`` with the current ``baggage``, so the downstream's server
  span is its child: one order, one trace (common/tracing.py).

- a circuit breaker per downstream: after ``failure_threshold`` failed calls in a row (no
  answer, or a 5xx after the retries) calls fail at once with ``CircuitOpen`` for
  ``reset_timeout`` seconds, without touching the network; then one trial call goes through,
  and its outcome closes the circuit or opens it again;
- Prometheus metrics per downstream: latency, errors by kind, the breaker's state.

``request()`` is the single choke point for all of these. ``service_client(name)`` hands out
one shared client per downstream service, configured from the settings ``<NAME>_URL`` and,
optionally, ``<NAME>_CONNECT_TIMEOUT``, ``<NAME>_READ_TIMEOUT``, ``<NAME>_RETRIES``,
``<NAME>_BREAKER_FAILURES`` and ``<NAME>_BREAKER_RESET_SECONDS``.

Why not pybreaker: its ``CircuitBreaker.call`` holds one lock for the whole guarded call, which
would serialise every call a gthread worker makes to a downstream (a 4 s timeout would block all
threads of the process), and its half-open state lets every concurrent caller through rather
than one trial call. The breaker here holds its lock only to read and change its state.
"""

from __future__ import annotations

import enum
import functools
import json as jsonlib
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeAlias
from urllib.parse import urlencode

import urllib3
import urllib3.exceptions
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django_guid import get_guid
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue
from prometheus_client import Counter, Gauge, Histogram
from urllib3 import HTTPHeaderDict
from urllib3.util import Retry

from common.tracing import inject_context, tracer

__all__ = [
    "DEFAULT_TIMEOUT",
    "CircuitBreaker",
    "CircuitOpen",
    "CircuitState",
    "Response",
    "ServiceClient",
    "ServiceUnavailable",
    "Timeout",
    "service_client",
]

logger = logging.getLogger(__name__)

# (connect, read) in seconds. The connect timeout is a little over a multiple of 3 s, the
# TCP retransmission window.
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
DEFAULT_BREAKER_FAILURES: Final = 5
DEFAULT_BREAKER_RESET_SECONDS: Final = 10.0
# Kept-alive connections per downstream and process: more than a worker's threads (4), so a
# call never waits for one nor opens one that is thrown away after.
POOL_SIZE: Final = 10

# --- Metrics ------------------------------------------------------------------------------------
# In gunicorn, prometheus_client runs in multiprocess mode (PROMETHEUS_MULTIPROC_DIR): counters
# and histograms are summed over the workers; each worker has its own breaker, so the state
# gauge is kept per live worker ("liveall": a dead worker's value disappears with it).
DOWNSTREAM_LATENCY = Histogram(
    "mercato_downstream_request_duration_seconds",
    "Time of one call to another service, retries included.",
    ["downstream", "operation", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
DOWNSTREAM_ERRORS = Counter(
    "mercato_downstream_errors",
    "Failed calls to another service, by kind: timeout, connection, server_error, circuit_open.",
    ["downstream", "kind"],
)
CIRCUIT_STATE = Gauge(
    "mercato_downstream_circuit_state",
    "The circuit breaker of a downstream in this process: 0 closed, 1 half-open, 2 open.",
    ["downstream"],
    multiprocess_mode="liveall",
)


class Response:
    """A downstream's answer, its body read in full (the connection is back in the pool)."""

    __slots__ = ("content", "headers", "status_code", "url")

    def __init__(self, status_code: int, headers: HTTPHeaderDict, content: bytes, url: str) -> None:
        self.status_code = status_code
        self.headers = headers  # case-insensitive, as HTTP header names are
        self.content = content
        self.url = url

    def json(self) -> Any:
        """The body decoded as JSON; ``ValueError`` when it is not JSON (an empty body included)."""
        return jsonlib.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"


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


class CircuitOpen(ServiceUnavailable):
    """The downstream's circuit is open: the request was not sent at all.

    Unlike a timeout, this is not ambiguous: nothing reached the downstream. ``retry_after`` is
    how many seconds until a trial call may go.
    """

    def __init__(self, service: str, method: str, url: str, retry_after: float) -> None:
        super().__init__(service, method, url, f"circuit open, retry in {retry_after:.1f}s")
        self.retry_after = retry_after


class CircuitState(enum.IntEnum):
    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    """Thread-safe consecutive-failure circuit breaker for one downstream (in one process).

    - closed: calls go; ``failure_threshold`` failures in a row open it;
    - open: calls are refused (``retry_after()`` says for how long) until ``reset_timeout``
      seconds have passed since it opened;
    - half-open: the first call after that is the trial; every other call is refused while it
      runs. Its success closes the circuit, its failure opens it again for another timeout.
    """

    def __init__(
        self,
        name: str,
        *,
        failure_threshold: int = DEFAULT_BREAKER_FAILURES,
        reset_timeout: float = DEFAULT_BREAKER_RESET_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1 or reset_timeout <= 0:
            raise ImproperlyConfigured(f"{name}: breaker needs failure_threshold >= 1 and reset_timeout > 0")
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._state = CircuitState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trial_started: float | None = None
        CIRCUIT_STATE.labels(downstream=name).set(CircuitState.CLOSED)

    @property
    def state(self) -> CircuitState:
        with self._lock:
            return self._state

    @property
    def consecutive_failures(self) -> int:
        with self._lock:
            return self._failures

    def retry_after(self) -> float | None:
        """Seconds until a call may go; None when one may go now. Changes nothing."""
        with self._lock:
            return self._refusal(self._clock())

    def acquire(self) -> bool:
        """Admit one call, or raise ``_Refused``; True when the admitted call is the trial."""
        with self._lock:
            now = self._clock()
            wait = self._refusal(now)
            if wait is not None:
                raise _Refused(wait)
            if self._state is CircuitState.CLOSED:
                return False
            self._set_state(CircuitState.HALF_OPEN)
            self._trial_started = now
            return True

    def record(self, *, success: bool, trial: bool) -> None:
        with self._lock:
            if trial:
                self._trial_started = None
            if success:
                self._failures = 0
                if self._state is not CircuitState.CLOSED:
                    logger.info("circuit of %s closed", self.name)
                    self._set_state(CircuitState.CLOSED)
                return
            self._failures += 1
            # A failure while half-open (the trial, or a call admitted before the circuit
            # opened) says the downstream is still unwell.
            if self._state is CircuitState.HALF_OPEN or (
                self._state is CircuitState.CLOSED and self._failures >= self.failure_threshold
            ):
                logger.warning("circuit of %s opened after %d failures in a row", self.name, self._failures)
                self._opened_at = self._clock()
                self._set_state(CircuitState.OPEN)

    def reset(self) -> None:
        with self._lock:
            self._failures = 0
            self._trial_started = None
            self._set_state(CircuitState.CLOSED)

    def _refusal(self, now: float) -> float | None:
        if self._state is CircuitState.CLOSED:
            return None
        if self._state is CircuitState.OPEN:
            remaining = self._opened_at + self.reset_timeout - now
            return remaining if remaining > 0 else None
        # Half-open: one trial at a time. A trial that never reported back (it cannot, short of
        # a killed thread) stops blocking after a reset timeout.
        if self._trial_started is not None and now - self._trial_started < self.reset_timeout:
            return max(self._trial_started + self.reset_timeout - now, 0.001)
        return None

    def _set_state(self, state: CircuitState) -> None:
        self._state = state
        CIRCUIT_STATE.labels(downstream=self.name).set(state)


class _Refused(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def retry_after_header(seconds: float) -> str:
    """A Retry-After value (whole seconds, at least 1) for a wait of ``seconds``."""
    return str(max(1, math.ceil(seconds)))


def is_idempotent(method: str, headers: Mapping[str, str]) -> bool:
    if method.upper() in SAFE_METHODS:
        return True
    return any(name.lower() == IDEMPOTENCY_KEY_HEADER.lower() for name in headers)


class ServiceClient:
    """Calls to one downstream service at ``base_url``; share one instance per downstream.

    One urllib3 connection pool sits underneath, with keep-alive. urllib3's ``Retry`` decides
    by method only and cannot see the Idempotency-Key header, so the decision is made per
    request here: repeatable requests are sent with the retrying policy, others with none.
    urllib3 rather than requests: requests' session, adapter and models cost more than twice
    urllib3's CPU per call (docs/performance.md), for nothing a call between services uses. No
    cookie is kept (none is ever stored), no proxy, ``.netrc`` or CA bundle is read from the
    environment, and HTTPS verifies against the system's certificates.
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
        breaker: CircuitBreaker | None = None,
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
        self._retries = {True: self.retry, False: Retry(0, read=False, redirect=False)}
        self.breaker = breaker or CircuitBreaker(name)
        parsed = urllib3.util.parse_url(self.base_url)
        self._host = parsed.host or ""
        self._port = parsed.port or (443 if parsed.scheme == "https" else 80)
        # The base URL's path, if any, prefixes every request's target.
        self._prefix = (parsed.path or "").rstrip("/")
        # Shared by every thread of the process: requests take a connection each, and give it
        # back once the answer is read. Not blocking: a burst beyond the pool opens a connection
        # that is closed after its call.
        self._pool = urllib3.connection_from_url(self.base_url, maxsize=POOL_SIZE, block=False)
        self._timeouts: dict[Timeout, urllib3.Timeout] = {}

    def _timeout(self, timeout: Timeout) -> urllib3.Timeout:
        made = self._timeouts.get(timeout)
        if made is None:
            made = self._timeouts[timeout] = urllib3.Timeout(connect=timeout[0], read=timeout[1])
        return made

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
        operation: str | None = None,
        idempotent: bool | None = None,
    ) -> Response:
        """Send one request (retried if repeatable); raise ``ServiceUnavailable`` on no answer
        and ``CircuitOpen`` (a ``ServiceUnavailable``) without sending it while the circuit is open.

        ``operation`` names the call in the metrics (e.g. the target's operationId); paths
        would make a label per order id. ``idempotent=True`` declares a request safe to repeat
        that carries no Idempotency-Key (e.g. a state transition the target documents as
        idempotent); by default only safe methods and requests with a key are.
        """
        method = method.upper()
        url = self.url(path)
        label = operation or method
        name = f"{method} {self.name} {operation}" if operation else f"{method} {self.name}"
        attributes: dict[str, AttributeValue] = {
            "http.request.method": method,
            "url.full": url,
            "server.address": self._host,
            "server.port": self._port,
            "mercato.downstream": self.name,
            "mercato.operation": label,
        }
        with tracer.start_as_current_span(name, kind=SpanKind.CLIENT, attributes=attributes) as span:
            try:
                trial = self.breaker.acquire()
            except _Refused as refused:
                DOWNSTREAM_ERRORS.labels(downstream=self.name, kind="circuit_open").inc()
                span.set_attribute("error.type", "circuit_open")
                raise CircuitOpen(self.name, method, url, refused.retry_after) from None
            all_headers = dict(headers or {})
            request_id = get_guid()
            if request_id and REQUEST_ID_HEADER not in all_headers:
                all_headers[REQUEST_ID_HEADER] = request_id
            # traceparent names this client span: the downstream's server span is its child.
            inject_context(all_headers)
            repeatable = is_idempotent(method, all_headers) if idempotent is None else idempotent
            target = self._prefix + path
            if params:
                target += ("&" if "?" in target else "?") + urlencode(params)
            body: bytes | None = None
            if json is not None:
                # As requests encoded it: no NaN or Infinity, which JSON does not have.
                body = jsonlib.dumps(json, allow_nan=False).encode()
                all_headers.setdefault("Content-Type", "application/json")
            elif data is not None:
                body = urlencode(data).encode()
                all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            outcome = "connection"
            started = time.perf_counter()
            try:
                answer = self._pool.urlopen(
                    method,
                    target,
                    body=body,
                    headers=all_headers,
                    retries=self._retries[repeatable],
                    timeout=self._timeout(timeout or self.timeout),
                    # A redirect between services is a misconfiguration, not something to follow.
                    redirect=False,
                    # Read in full here: the connection goes back to the pool before the caller
                    # decodes the body, and a body cut short is a failed call, not a bad answer.
                    preload_content=True,
                )
                response = Response(answer.status, answer.headers, answer.data, url)
                outcome = "server_error" if response.status_code >= 500 else "ok"
                span.set_attribute("http.response.status_code", response.status_code)
                # A 4xx is an answer the caller reads (a shortage, a refused token), not a
                # failure of the call; only a 5xx marks the span as failed.
                if response.status_code >= 500:
                    span.set_attribute("error.type", str(response.status_code))
                    span.set_status(Status(StatusCode.ERROR, f"answered {response.status_code}"))
                return response
            except urllib3.exceptions.HTTPError as exc:
                outcome = "timeout" if _is_timeout(exc) else "connection"
                span.set_attribute("error.type", outcome)
                # An expected failure the caller handles (a 503 to its client, a retry by recovery):
                # a warning with the reason, never a traceback.
                logger.warning("call to %s failed: %s %s: %s", self.name, method, path, exc)
                raise ServiceUnavailable(self.name, method, url, str(exc)) from exc
            finally:
                # Whatever happened (even an exception of our own making), the breaker hears of it,
                # so a trial call can never leave the circuit stuck half-open.
                self.breaker.record(success=outcome == "ok", trial=trial)
                DOWNSTREAM_LATENCY.labels(downstream=self.name, operation=label, outcome=outcome).observe(
                    time.perf_counter() - started
                )
                if outcome != "ok":
                    DOWNSTREAM_ERRORS.labels(downstream=self.name, kind=outcome).inc()

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Response:
        return self.request("POST", path, **kwargs)

    def close(self) -> None:
        self._pool.close()


def _is_timeout(exc: BaseException) -> bool:
    # urllib3 wraps a timeout that exhausted the retries in MaxRetryError: look through the
    # causes and urllib3's ``reason`` too.
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.TimeoutError):
            return True
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(linked, BaseException):
                pending.append(linked)
    return False


_CLIENT_SETTING = re.compile(
    r"^[A-Z_]+_(URL|CONNECT_TIMEOUT|READ_TIMEOUT|RETRIES|BREAKER_FAILURES|BREAKER_RESET_SECONDS)$"
)


@functools.cache
def service_client(name: str) -> ServiceClient:
    """The shared client of the downstream service ``name``, at the URL setting ``<NAME>_URL``.

    One per process and downstream: the connection pools and the circuit breaker are shared by
    every thread that calls it.
    """
    prefix = name.upper()
    base_url = getattr(settings, f"{prefix}_URL", None)
    if not base_url:
        raise ImproperlyConfigured(f"{prefix}_URL is not set: this service does not call {name}")
    timeout = (
        float(getattr(settings, f"{prefix}_CONNECT_TIMEOUT", DEFAULT_TIMEOUT[0])),
        float(getattr(settings, f"{prefix}_READ_TIMEOUT", DEFAULT_TIMEOUT[1])),
    )
    breaker = CircuitBreaker(
        name,
        failure_threshold=int(getattr(settings, f"{prefix}_BREAKER_FAILURES", DEFAULT_BREAKER_FAILURES)),
        reset_timeout=float(getattr(settings, f"{prefix}_BREAKER_RESET_SECONDS", DEFAULT_BREAKER_RESET_SECONDS)),
    )
    retries = int(getattr(settings, f"{prefix}_RETRIES", DEFAULT_RETRIES))
    return ServiceClient(name, base_url, timeout=timeout, retries=retries, breaker=breaker)


@receiver(setting_changed)
def _forget_clients(*, setting: str, **kwargs: Any) -> None:
    # Tests point services at local servers by overriding <NAME>_URL (and tune the rest).
    if _CLIENT_SETTING.match(setting):
        service_client.cache_clear()
