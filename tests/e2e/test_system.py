"""The whole system as processes: every service becomes ready and serves its platform endpoints."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import httpx
import pytest
from mercato_accounts_client import Client as AccountsClient
from mercato_accounts_client.api.auth import auth_token
from mercato_accounts_client.models import CredentialsRequest, ErrorCodeEnum, ErrorResponse
from openapi_spec_validator import validate as validate_openapi

from devtools.devstack import SERVICES, ServiceProcess, free_port, running
from tests.live_system import service_process


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def metric(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name + "{"))


@pytest.mark.parametrize("service", [spec.name for spec in SERVICES])
def test_service_is_ready_and_serves_a_valid_openapi_schema(system: dict[str, ServiceProcess], service: str) -> None:
    base = system[service].base_url
    assert get(f"{base}/readyz")[0] == 200
    status, _headers, body = get(f"{base}/api/schema/?format=json")
    assert status == 200, body
    schema: dict[str, Any] = json.loads(body)
    validate_openapi(schema)
    assert schema["info"]["title"] == f"Mercato {service} API"
    status, _headers, body = get(f"{base}/admin/login/")
    assert status == 200
    assert b"csrfmiddlewaretoken" in body


@pytest.mark.parametrize("service", [spec.name for spec in SERVICES])
def test_request_id_is_echoed_and_metrics_grow_across_gunicorn_workers(
    system: dict[str, ServiceProcess], service: str
) -> None:
    base = system[service].base_url
    before = metric(get(f"{base}/metrics")[2].decode(), "mercato_django_http_requests_total_by_method_total")
    for number in range(10):
        status, headers, _ = get(f"{base}/healthz", {"X-Request-ID": f"e2e-{service}-{number}"})
        assert status == 200
        assert headers["X-Request-ID"] == f"e2e-{service}-{number}"
    after = metric(get(f"{base}/metrics")[2].decode(), "mercato_django_http_requests_total_by_method_total")
    assert after >= before + 10
    log_lines = [json.loads(line) for line in system[service].log_tail(400).splitlines() if line.startswith("{")]
    logged = [line for line in log_lines if line.get("request_id") == f"e2e-{service}-9"]
    assert logged
    assert logged[0]["service"] == service
    assert logged[0]["status"] == 200


def test_readyz_names_unapplied_migrations(tmp_path: Path) -> None:
    port = {"accounts": free_port()}
    process = service_process("accounts", dbname="e2e_unmigrated", ports=port, run_dir=tmp_path, migrate=False)
    with running([process]):
        status, body = _await_answer(f"{process.base_url}/readyz", process)
    assert status == 503
    assert body["reason"] == "unapplied migrations"
    assert "accounts.0001_initial" in body["migrations"]


def test_readyz_reports_an_unreachable_database(tmp_path: Path) -> None:
    port = {"accounts": free_port()}
    process = service_process("accounts", dbname="e2e_unreachable", ports=port, run_dir=tmp_path, migrate=False)
    process.env["DATABASE_URL"] = f"postgresql://nobody@127.0.0.1:{free_port()}/nothing"
    # The pool gives up on a connection (DB_POOL_TIMEOUT, 10 s by default) before /readyz stops
    # waiting for its check (READYZ_TIMEOUT, 2 s by default), so that the answer says why: a
    # database that refuses connections, not one that does not answer.
    process.env["DB_POOL_TIMEOUT"] = "2"
    process.env["READYZ_TIMEOUT"] = "6"
    with running([process]):
        status, body = _await_answer(f"{process.base_url}/readyz", process)
        # Liveness does no I/O, so a database outage does not get pods restarted.
        assert get(f"{process.base_url}/healthz")[0] == 200
        # An API request is a 503 the client retries, documented: the generated client reads it.
        accounts = AccountsClient(base_url=process.base_url, raise_on_unexpected_status=True, timeout=httpx.Timeout(10))
        sign_in = auth_token.sync_detailed(
            client=accounts, body=CredentialsRequest(email="someone@example.com", password="a password")
        )
    assert status == 503
    assert body["reason"].startswith("database unreachable")
    assert sign_in.status_code == 503
    assert sign_in.headers["Retry-After"] == "1"
    assert isinstance(sign_in.parsed, ErrorResponse)
    assert [error.code for error in sign_in.parsed.errors] == [ErrorCodeEnum.DATABASE_UNAVAILABLE]


def _await_answer(url: str, process: ServiceProcess) -> tuple[int, dict[str, Any]]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _, body = get(url)
            return status, json.loads(body)
        except OSError:
            assert process.running(), process.log_tail()
            time.sleep(0.2)
    raise TimeoutError(process.log_tail())


@pytest.mark.parametrize(
    ("path", "headers", "status", "code"),
    [
        ("/api/v1/auth/whoami/?q=" + "x" * 9000, {}, 414, "uri_too_long"),
        ("/api/v1/auth/whoami/", {"X-Padding": "x" * 9000}, 431, "request_header_fields_too_large"),
    ],
)
def test_requests_gunicorn_refuses_are_answered_in_the_error_shape(
    system: dict[str, ServiceProcess], path: str, headers: dict[str, str], status: int, code: str
) -> None:
    """Refused before any view runs, yet JSON as the schema documents, never gunicorn's HTML."""
    for process in system.values():
        got_status, got_headers, body = get(process.base_url + path, headers)
        assert got_status == status, body
        assert got_headers["Content-Type"] == "application/json"
        assert json.loads(body) == {"type": "client_error", "errors": [{"code": code, "detail": ANY, "attr": None}]}
