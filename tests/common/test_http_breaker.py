"""common.http's circuit breaker and per-downstream metrics, against a real local server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from prometheus_client import REGISTRY

from common.http import CircuitBreaker, CircuitOpen, CircuitState, ServiceClient, ServiceUnavailable, service_client
from devtools.testing.http_server import Answer, LocalHTTPServer, local_http_server


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with local_http_server() as server:
        yield server


def client_for(server: LocalHTTPServer, breaker: CircuitBreaker, **kwargs: Any) -> ServiceClient:
    return ServiceClient(
        breaker.name, server.url, retries=0, backoff_factor=0, backoff_jitter=0, breaker=breaker, **kwargs
    )


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_the_circuit_opens_after_consecutive_failures_and_then_sends_nothing(server: LocalHTTPServer) -> None:
    clock = Clock()
    breaker = CircuitBreaker("flaky", failure_threshold=3, reset_timeout=30, clock=clock)
    client = client_for(server, breaker)
    server.answer_in_turn(Answer(503))
    for _ in range(3):
        assert client.get("/things/").status_code == 503
    assert breaker.state is CircuitState.OPEN
    with pytest.raises(CircuitOpen) as refused:
        client.get("/things/")
    assert isinstance(refused.value, ServiceUnavailable)  # callers that know only that still work
    assert refused.value.retry_after == pytest.approx(30)
    assert len(server.requests) == 3  # the refused call never left


def test_a_success_resets_the_count(server: LocalHTTPServer) -> None:
    breaker = CircuitBreaker("flaky-ok", failure_threshold=2, reset_timeout=30, clock=Clock())
    client = client_for(server, breaker)
    server.answer_in_turn(Answer(500), Answer(200), Answer(500), Answer(200))
    for _ in range(4):
        client.get("/things/")
    assert breaker.state is CircuitState.CLOSED


def test_client_errors_are_answers_not_failures(server: LocalHTTPServer) -> None:
    breaker = CircuitBreaker("picky", failure_threshold=1, reset_timeout=30, clock=Clock())
    server.answer_in_turn(Answer(404), Answer(409), Answer(422))
    client = client_for(server, breaker)
    for _ in range(3):
        client.get("/things/")
    assert breaker.state is CircuitState.CLOSED


def test_after_the_reset_timeout_one_trial_call_goes_and_its_success_closes_it(server: LocalHTTPServer) -> None:
    clock = Clock()
    breaker = CircuitBreaker("recovering", failure_threshold=1, reset_timeout=10, clock=clock)
    client = client_for(server, breaker)
    server.answer_in_turn(Answer(503), Answer(200))
    client.get("/things/")
    assert breaker.retry_after() == pytest.approx(10)
    clock.now += 10
    assert breaker.retry_after() is None
    assert client.get("/things/").status_code == 200
    assert breaker.state is CircuitState.CLOSED


def test_a_failed_trial_opens_it_for_another_timeout(server: LocalHTTPServer) -> None:
    clock = Clock()
    breaker = CircuitBreaker("still-down", failure_threshold=2, reset_timeout=10, clock=clock)
    client = client_for(server, breaker)
    server.answer_in_turn(Answer(503))
    client.get("/things/")
    client.get("/things/")
    clock.now += 10
    client.get("/things/")  # the trial
    assert breaker.state is CircuitState.OPEN
    assert breaker.retry_after() == pytest.approx(10)


def test_while_the_trial_runs_every_other_call_is_refused(server: LocalHTTPServer) -> None:
    clock = Clock()
    breaker = CircuitBreaker("one-trial", failure_threshold=1, reset_timeout=10, clock=clock)
    client = client_for(server, breaker)
    server.answer_in_turn(Answer(503))
    client.get("/things/")
    clock.now += 10
    release = threading.Event()
    server.respond = lambda received: (release.wait(5), Answer(200))[1]
    with ThreadPoolExecutor(8) as pool:
        trial = pool.submit(client.get, "/things/")
        while len(server.requests) < 2:
            pass
        others = [pool.submit(client.get, "/things/") for _ in range(7)]
        outcomes = [type(future.exception()) for future in others]
        release.set()
        assert trial.result().status_code == 200
    assert outcomes == [CircuitOpen] * 7
    assert len(server.requests) == 2  # the failure that opened it, and the trial
    assert breaker.state is CircuitState.CLOSED


def test_failures_from_many_threads_are_counted_exactly() -> None:
    breaker = CircuitBreaker("threads", failure_threshold=800, reset_timeout=10, clock=Clock())

    def fail() -> None:
        for _ in range(100):
            trial = breaker.acquire()
            breaker.record(success=False, trial=trial)

    threads = [threading.Thread(target=fail) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert breaker.consecutive_failures == 800
    assert breaker.state is CircuitState.OPEN


def test_no_answer_counts_as_a_failure(server: LocalHTTPServer) -> None:
    breaker = CircuitBreaker("silent", failure_threshold=2, reset_timeout=10, clock=Clock())
    client = client_for(server, breaker, timeout=(1.0, 0.2))
    server.answer_in_turn(Answer(delay=0.5))
    for _ in range(2):
        with pytest.raises(ServiceUnavailable):
            client.get("/things/")
    assert breaker.state is CircuitState.OPEN


def test_metrics_count_latency_errors_by_kind_and_the_breaker_state(server: LocalHTTPServer) -> None:
    breaker = CircuitBreaker("metered", failure_threshold=2, reset_timeout=10, clock=Clock())
    client = client_for(server, breaker, timeout=(1.0, 0.2))
    server.answer_in_turn(Answer(200), Answer(500), Answer(delay=0.5))
    client.get("/things/", operation="things_list")
    client.get("/things/", operation="things_list")
    with pytest.raises(ServiceUnavailable):
        client.get("/things/", operation="things_list")
    with pytest.raises(CircuitOpen):
        client.get("/things/", operation="things_list")
    histogram = "mercato_downstream_request_duration_seconds_count"
    assert sample(histogram, downstream="metered", operation="things_list", outcome="ok") == 1
    assert sample(histogram, downstream="metered", operation="things_list", outcome="server_error") == 1
    assert sample(histogram, downstream="metered", operation="things_list", outcome="timeout") == 1
    for kind in ("server_error", "timeout", "circuit_open"):
        assert sample("mercato_downstream_errors_total", downstream="metered", kind=kind) == 1
    assert sample("mercato_downstream_circuit_state", downstream="metered") == CircuitState.OPEN


def test_service_client_takes_its_breaker_and_timeouts_from_settings(settings: Any) -> None:
    settings.ACCOUNTS_URL = "http://accounts.invalid"
    settings.ACCOUNTS_READ_TIMEOUT = 2.5
    settings.ACCOUNTS_RETRIES = 0
    settings.ACCOUNTS_BREAKER_FAILURES = 7
    settings.ACCOUNTS_BREAKER_RESET_SECONDS = 42
    client = service_client("accounts")
    assert client.timeout[1] == 2.5
    assert client.retry.total == 0
    assert (client.breaker.failure_threshold, client.breaker.reset_timeout) == (7, 42)
    assert service_client("accounts") is client  # one per downstream, shared


def test_a_request_declared_idempotent_is_retried_without_a_key(server: LocalHTTPServer) -> None:
    breaker = CircuitBreaker("transitions", clock=Clock())
    client = ServiceClient("transitions", server.url, retries=2, backoff_factor=0, backoff_jitter=0, breaker=breaker)
    server.answer_in_turn(Answer(503), Answer(200))
    assert client.post("/things/1/commit/", idempotent=True).status_code == 200
    assert len(server.requests) == 2
