"""common.http.ServiceClient against a real HTTP server on 127.0.0.1: what goes over the wire."""

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django_guid import clear_guid, set_guid

from common.http import ServiceClient, ServiceUnavailable, service_client
from devtools.testing.http_server import Answer, LocalHTTPServer, local_http_server
from devtools.testing.tokens import shared_key, user_claims


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with local_http_server() as server:
        yield server


def client_for(server: LocalHTTPServer, **kwargs: Any) -> ServiceClient:
    # No backoff sleeps: these tests count attempts, not seconds.
    kwargs.setdefault("backoff_factor", 0)
    kwargs.setdefault("backoff_jitter", 0)
    return ServiceClient("downstream", server.url, **kwargs)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_get_is_retried_on_overload_and_server_errors(server: LocalHTTPServer, status: int) -> None:
    server.answer_in_turn(Answer(status), Answer(status), Answer.json({"ok": True}))
    response = client_for(server, retries=2).get("/things/")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert len(server.requests) == 3


def test_retries_are_bounded_and_the_last_answer_is_returned(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(503))
    response = client_for(server, retries=3).get("/things/")
    assert response.status_code == 503
    assert len(server.requests) == 4  # the first try and three retries


def test_client_errors_are_not_retried(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(404), Answer(200))
    assert client_for(server).get("/things/").status_code == 404
    assert len(server.requests) == 1


def test_a_plain_post_is_never_retried(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(503), Answer(201))
    response = client_for(server, retries=3).post("/orders/", json={"sku": "A-1"})
    assert response.status_code == 503
    assert len(server.requests) == 1


def test_a_post_with_an_idempotency_key_is_retried_with_the_same_key_and_body(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(503), Answer(500), Answer(201))
    response = client_for(server, retries=3).post(
        "/orders/", json={"sku": "A-1"}, headers={"Idempotency-Key": "order-42"}
    )
    assert response.status_code == 201
    assert len(server.requests) == 3
    assert {r.headers["Idempotency-Key"] for r in server.requests} == {"order-42"}
    assert {r.body for r in server.requests} == {b'{"sku": "A-1"}'}


def test_a_dropped_connection_is_retried_for_a_get(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(drop=True), Answer(200))
    assert client_for(server).get("/things/").status_code == 200
    assert len(server.requests) == 2


def test_a_dropped_connection_fails_a_plain_post_at_once(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(drop=True), Answer(201))
    with pytest.raises(ServiceUnavailable) as caught:
        client_for(server, retries=3).post("/orders/", json={})
    assert caught.value.service == "downstream"
    assert len(server.requests) == 1


def test_the_read_timeout_is_honoured(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(200, delay=2.0))
    client = client_for(server, timeout=(1.0, 0.3), retries=0)
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable, match="timed out"):
        client.get("/slow/")
    assert time.monotonic() - started < 1.5


def test_a_timeout_per_call_overrides_the_default(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(200, delay=0.5))
    client = client_for(server, timeout=(1.0, 0.1), retries=0)
    assert client.get("/slow/", timeout=(1.0, 2.0)).status_code == 200


def test_an_unreachable_service_is_service_unavailable() -> None:
    client = ServiceClient("nowhere", "http://127.0.0.1:9", retries=0)  # the discard port: refused
    with pytest.raises(ServiceUnavailable) as caught:
        client.get("/things/")
    assert caught.value.url == "http://127.0.0.1:9/things/"


def test_the_current_request_id_is_propagated(server: LocalHTTPServer) -> None:
    client = client_for(server)
    set_guid("req-from-the-edge-7")
    try:
        client.get("/things/")
        client.post("/things/", json={})
    finally:
        clear_guid()
    client.get("/things/")
    sent = [r.headers.get("X-Request-ID") for r in server.requests]
    assert sent == ["req-from-the-edge-7", "req-from-the-edge-7", None]


def test_the_request_id_reaches_the_downstream_from_inside_a_request(settings: Any) -> None:
    # A real request through django-guid's middleware whose token makes the service fetch
    # the JWKS from "accounts": the id the caller sent travels on.
    with local_http_server() as server:
        settings.ACCOUNTS_URL = server.url
        server.answer_in_turn(Answer(503))
        token = shared_key().sign(user_claims())
        # A 5xx is signalled as a request exception, which the test client would re-raise.
        response = Client(raise_request_exception=False).get(
            "/api/v1/auth/whoami/", headers={"Authorization": f"Bearer {token}", "X-Request-ID": "r-1"}
        )
    assert response.status_code == 503  # no keys to be had: not the caller's fault
    assert server.requests
    assert {r.headers.get("X-Request-ID") for r in server.requests} == {"r-1"}


def test_connections_are_reused(server: LocalHTTPServer) -> None:
    client = client_for(server)
    for _ in range(3):
        client.get("/things/")
    assert len({r.client_port for r in server.requests}) == 1


def test_cookies_are_not_carried_from_one_call_to_the_next(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(200, headers={"Set-Cookie": "sessionid=someone-elses; Path=/"}))
    client = client_for(server)
    client.get("/login/")
    client.get("/things/")
    assert "Cookie" not in server.requests[1].headers


def test_proxy_settings_of_the_environment_are_not_used(server: LocalHTTPServer, monkeypatch: Any) -> None:
    # A proxy meant for a pod's outbound traffic must not capture calls between the services
    # (and requests would read these variables on every call).
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # the discard port: nothing answers there
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    server.answer_in_turn(Answer.json({"ok": True}))
    assert client_for(server).get("/things/").json() == {"ok": True}
    assert len(server.requests) == 1


def test_redirects_are_not_followed(server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(302, headers={"Location": "http://example.com/"}))
    assert client_for(server).get("/moved/").status_code == 302
    assert len(server.requests) == 1


def test_only_paths_are_accepted(server: LocalHTTPServer) -> None:
    with pytest.raises(ValueError, match="path"):
        client_for(server).get("http://elsewhere.example/")


def test_service_client_is_one_shared_client_per_downstream(settings: Any) -> None:
    settings.ACCOUNTS_URL = "http://accounts.example:8001"
    assert service_client("accounts") is service_client("accounts")
    assert service_client("accounts").base_url == "http://accounts.example:8001"
    settings.ACCOUNTS_URL = "http://accounts.example:9001"
    assert service_client("accounts").base_url == "http://accounts.example:9001"
    with pytest.raises(ImproperlyConfigured, match="NOWHERE_URL"):
        service_client("nowhere")
