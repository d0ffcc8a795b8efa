"""Reads from PostgreSQL replicas for read-only API requests (docs/deploy.md, "Read replicas").

With ``DATABASE_REPLICA_URLS`` set, common/settings.py adds an alias per replica (``replica_1``,
``replica_2``, ...), installs ``ReplicaRouter`` and ``ReplicaReadsMiddleware``; without it neither
is installed and nothing here runs.

A router only sees a model, never the request, so the decision is the request's: the middleware
opens a ``_ReplicaRead`` for a GET or HEAD whose view is marked with ``@reads_from_replica``, in a
context variable the router consults. Everything else reads the primary: writes, unmarked views
(the saga's reservations, stock availability, imports), the admin, probes, jobs and management
commands (no request at all).

Within a marked request the choice is made lazily, at the first query after authentication:

- a query before DRF has authenticated the request (accounts' token checks, if any) reads the
  primary, and so does anything in ``PRIMARY_ONLY_APP_LABELS`` (throttle counters in the
  database cache, the job queue);
- a client that has written within ``DATABASE_REPLICA_STICKY_SECONDS`` reads the primary, so it
  reads its own writes whatever the replica's lag. A write sets a signed cookie (any client that
  keeps cookies, across every process and pod) and records the authenticated subject in this
  process (a token client that drops cookies, as long as it reaches the same process).

A replica that cannot be connected to is left out for ``DATABASE_REPLICA_RETRY_SECONDS``: the
request that found it down, and every replica read of this process until then, read the primary
(a warning is logged and ``mercato_replica_unreachable_total`` counts it). A replica read whose
view fails with a connection error of its replica (its session ended under it: a restart, a
failover, a query cancelled for a conflict with recovery) runs the view again on the primary:
it is a GET or HEAD, so running it twice changes nothing. A replica whose connection died is
left out as one found unreachable. A streaming response (an export) that fails after its first
rows cannot be answered again and still fails.

The decision stays in force while a streaming response (an export) produces its rows, after the
view has returned.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar, Token
from typing import Any, Final, TypeVar, cast

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from prometheus_client import Counter

REPLICA_ALIAS_PREFIX: Final = "replica_"
# Only these methods can be served by a replica; any other method is a write (or may be one) and
# makes its client sticky. OPTIONS and TRACE neither read nor write.
READ_METHODS: Final = frozenset({"GET", "HEAD"})
_NOT_WRITES: Final = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Read on the primary even inside a replica-read request: DRF's throttle counters (Django's
# database cache) must count every request, and the job queue's state must be current.
PRIMARY_ONLY_APP_LABELS: Final = frozenset({"django_cache", "procrastinate", "sessions"})
STICKY_COOKIE: Final = "mercato_read_primary"
_COOKIE_SALT: Final = "common.replicas.sticky"
# How many subjects a process remembers at most; past it the oldest are forgotten (they lose
# their stickiness early: the cookie still holds it for clients that keep cookies).
STICKY_SUBJECTS_LIMIT: Final = 10_000

V = TypeVar("V", bound=type)
# A view as Django's process_view is given it: the function and its arguments.
_View = tuple[Callable[..., Any], Any, Any]

logger = logging.getLogger(__name__)

REPLICA_UNREACHABLE = Counter(
    "mercato_replica_unreachable",
    "Times a read replica could not be connected to; its reads went to the primary for a while.",
    ["replica"],
)


def reads_from_replica(view: V) -> V:
    """Marks an API view whose GET and HEAD may be served from a replica."""
    view.replica_reads = True  # type: ignore[attr-defined]
    return view


def replica_aliases() -> tuple[str, ...]:
    return tuple(alias for alias in settings.DATABASES if alias.startswith(REPLICA_ALIAS_PREFIX))


class StickySubjects:
    """Authenticated subjects that wrote recently, each with when its stickiness ends.

    One window for everyone, so insertion order is expiry order: pruning looks at the oldest
    entries only. A lock guards the pruning against the web server's other threads.
    """

    def __init__(self, limit: int = STICKY_SUBJECTS_LIMIT, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def stick(self, subject: str, seconds: float) -> None:
        now = self._clock()
        with self._lock:
            self._until.pop(subject, None)
            self._until[subject] = now + seconds
            while self._until:
                oldest = next(iter(self._until))
                if self._until[oldest] > now and len(self._until) <= self.limit:
                    break
                del self._until[oldest]

    def is_sticky(self, subject: str) -> bool:
        until = self._until.get(subject)
        return until is not None and until > self._clock()

    def __len__(self) -> int:
        return len(self._until)


sticky_subjects = StickySubjects()


class ReplicaOutages:
    """The replicas found unreachable in this process, each left out until its retry time."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._until: dict[str, float] = {}

    def is_out(self, alias: str) -> bool:
        until = self._until.get(alias)
        return until is not None and until > self._clock()

    def leave_out(self, alias: str, seconds: float) -> None:
        self._until[alias] = self._clock() + seconds


replica_outages = ReplicaOutages()


def _reachable(alias: str) -> bool:
    """Whether ``alias`` has (or can open) a connection, unless it was found down lately. Opening
    it here costs nothing extra: the request's first query would open it anyway."""
    if replica_outages.is_out(alias):
        return False
    try:
        connections[alias].ensure_connection()
    except DatabaseError as exc:
        _leave_out(alias, exc)
        return False
    return True


def _leave_out(alias: str, error: Exception) -> None:
    seconds = settings.DATABASE_REPLICA_RETRY_SECONDS
    replica_outages.leave_out(alias, seconds)
    REPLICA_UNREACHABLE.labels(alias).inc()
    logger.warning(
        "read replica unreachable; reading the primary",
        extra={"replica": alias, "error": str(error).strip(), "retry_seconds": seconds},
    )


def subject(request: HttpRequest) -> str | None:
    """The authenticated subject of a request (a user or a service client), once DRF has set
    ``request.user`` on the Django request; None for an anonymous one or before that."""
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return str(getattr(user, "principal", None) or user.pk)


_PENDING: Final = object()


class _ReplicaRead:
    """A replica-read request's decision, made at the first query after authentication."""

    __slots__ = ("_settled", "replica", "request", "view")

    def __init__(self, request: HttpRequest, replica: str, view: _View) -> None:
        self.request = request
        self.replica = replica
        self.view = view  # to run again on the primary if the replica fails under it
        self._settled: str | None = None

    @property
    def on_replica(self) -> bool:
        return self._settled == self.replica

    def read_primary(self) -> None:
        self._settled = DEFAULT_DB_ALIAS

    def alias(self) -> str | None:
        if self._settled is not None:
            return self._settled
        user = getattr(self.request, "user", _PENDING)
        if user is _PENDING:
            # DRF has not authenticated the request yet: whatever authentication reads, it reads
            # from the primary. Not settled: the request goes on to its own reads.
            return None
        who = subject(self.request)
        if who is not None and sticky_subjects.is_sticky(who):
            self._settled = DEFAULT_DB_ALIAS
        else:
            self._settled = self.replica if _reachable(self.replica) else DEFAULT_DB_ALIAS
        return self._settled


_current: ContextVar[_ReplicaRead | None] = ContextVar("mercato_replica_read", default=None)


def failed_on_replica(exception: Exception) -> bool:
    """Whether ``exception`` is a connection error of the replica the current request reads: the
    exception handler leaves it to ``ReplicaReadsMiddleware``, which reads the primary instead."""
    read = _current.get()
    return read is not None and _failed_on_replica(read, exception)


def _failed_on_replica(read: _ReplicaRead, exception: Exception) -> bool:
    return read.on_replica and isinstance(exception, (OperationalError, InterfaceError))


class ReplicaRouter:
    """Reads of a replica-read request go to its replica; everything else to the primary.

    None means "no opinion": Django then takes the primary (or asks a router listed after this
    one)."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        read = _current.get()
        if read is None or model._meta.app_label in PRIMARY_ONLY_APP_LABELS:
            return None  # Django's default: the primary
        return read.alias()

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        # Django would write an instance back where it was read: never to a replica.
        instance = hints.get("instance")
        if instance is not None and (instance._state.db or "").startswith(REPLICA_ALIAS_PREFIX):
            return DEFAULT_DB_ALIAS
        return None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # A replica holds the primary's rows: objects read from either may refer to each other.
        databases = {obj1._state.db, obj2._state.db}
        if all(db == DEFAULT_DB_ALIAS or (db or "").startswith(REPLICA_ALIAS_PREFIX) for db in databases):
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        # A replica is read-only: it gets its schema by replication.
        return False if db.startswith(REPLICA_ALIAS_PREFIX) else None


class ReplicaReadsMiddleware:
    """Opens a replica read for a GET or HEAD of a view marked ``@reads_from_replica`` unless
    the client is sticky, and makes a client that writes sticky."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.replicas = replica_aliases()
        if not self.replicas:
            raise MiddlewareNotUsed("no DATABASE_REPLICA_URLS")
        self.sticky_seconds: int = settings.DATABASE_REPLICA_STICKY_SECONDS
        for alias in self.replicas:
            # Exported at 0 from the start, so that an alert sees the first outage as an increase.
            REPLICA_UNREACHABLE.labels(alias)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        try:
            response = self.get_response(request)
        finally:
            opened: tuple[_ReplicaRead, Token[_ReplicaRead | None]] | None = request.__dict__.pop("_replica_read", None)
            if opened is not None:
                _current.reset(opened[1])
        if opened is not None and isinstance(response, StreamingHttpResponse) and not response.is_async:
            response.streaming_content = _within(opened[0], cast(Iterator[bytes], response.streaming_content))
        if request.method not in _NOT_WRITES and self.sticky_seconds > 0:
            self._stick(request, response)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> None:
        if request.method not in READ_METHODS:
            return
        if not getattr(getattr(view_func, "view_class", None), "replica_reads", False):
            return
        if STICKY_COOKIE in request.COOKIES and self._cookie_is_fresh(request):
            return
        replica = random.choice(self.replicas)  # noqa: S311  (spreading load, not secrets)
        read = _ReplicaRead(request, replica, (view_func, view_args, view_kwargs))
        request._replica_read = (read, _current.set(read))  # type: ignore[attr-defined]

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponseBase | None:
        """The view again, on the primary, when its replica failed under it (see the module's
        docstring); None (Django's usual handling) for any other failure. DRF's exception
        handler lets such a failure through to here (``failed_on_replica``)."""
        opened: tuple[_ReplicaRead, Token[_ReplicaRead | None]] | None = request.__dict__.get("_replica_read")
        if opened is None or not _failed_on_replica(opened[0], exception):
            return None
        read = opened[0]
        replica = connections[read.replica]
        if not replica.is_usable():
            _leave_out(read.replica, exception)
            # Back to its pool, which drops a broken connection, or closed.
            with contextlib.suppress(DatabaseError):
                replica.close()
        else:
            logger.warning(
                "read replica failed a read; reading the primary",
                extra={"replica": read.replica, "error": str(exception).strip()},
            )
        read.read_primary()
        view_func, view_args, view_kwargs = read.view
        return cast(HttpResponseBase, view_func(request, *view_args, **view_kwargs))

    def _cookie_is_fresh(self, request: HttpRequest) -> bool:
        # The signature carries the time it was made: a cookie kept (or forged) past the window
        # counts for nothing.
        value = request.get_signed_cookie(STICKY_COOKIE, default=None, salt=_COOKIE_SALT, max_age=self.sticky_seconds)
        return value is not None

    def _stick(self, request: HttpRequest, response: HttpResponseBase) -> None:
        # Any write, whatever its answer: a refused one (a 412 on a stale ETag) is often followed
        # by a read that must see what the primary has.
        response.set_signed_cookie(
            STICKY_COOKIE,
            "1",
            salt=_COOKIE_SALT,
            max_age=self.sticky_seconds,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        who = subject(request)
        if who is not None:
            sticky_subjects.stick(who, self.sticky_seconds)


def _within(read: _ReplicaRead, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """``chunks``, each produced with ``read`` in force (the rows of an export are queried while
    the response streams, after the middleware has returned)."""
    iterator = iter(chunks)
    while True:
        token = _current.set(read)
        try:
            chunk = next(iterator)
        except StopIteration:
            return
        finally:
            _current.reset(token)
        yield chunk
