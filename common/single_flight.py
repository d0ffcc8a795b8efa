"""A call that may hang on the database, run in a thread of its own and waited for a bounded time.

What the probes and /metrics need while the database hangs (a frozen server, a network that drops
packets): the request's thread must come back within a limit, and a second request must not start
a second call behind the first, else every gunicorn thread ends up waiting and even /healthz,
which reads nothing, goes unanswered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from django.db import connections

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Runs a call in one thread, one at a time: a caller that finds the last call still running
    waits for that one rather than queueing another. ``result`` raises
    ``concurrent.futures.TimeoutError`` past ``timeout`` seconds; the call goes on, and the next
    caller waits for it in turn."""

    def __init__(self, *, thread_name: str) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._running: Future[T] | None = None
        self._lock = threading.Lock()

    def result(self, function: Callable[[], T], timeout: float) -> T:
        """What ``function`` returns (or what the call still in flight returns)."""
        with self._lock:
            if self._running is None or self._running.done():
                self._running = self._thread.submit(self._call, function)
            running = self._running
        return running.result(timeout=timeout)

    @property
    def in_flight(self) -> Future[T] | None:
        return self._running

    @staticmethod
    def _call(function: Callable[[], T]) -> T:
        try:
            return function()
        finally:
            # This thread's connections back to the pool (or closed): no request cycle ends here.
            connections.close_all()
