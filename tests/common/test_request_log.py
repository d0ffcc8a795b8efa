"""The request line says why a request was refused, at INFO for a 4xx and WARNING for a designed
5xx; an unreachable downstream writes no ERROR line and no traceback (docs/architecture.md,
"Refusals are not errors")."""

import logging
from typing import Any

import pytest
from django.test import Client

from common.http import service_client
from devtools.devstack import free_port
from devtools.testing.tokens import shared_key, user_claims

pytestmark = pytest.mark.django_db

USER_VIEW = "/test/auth/user/"


def request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "mercato.request"]


def loud(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, str]]:
    return [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_a_4xx_is_logged_at_info_with_its_codes(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert Client().get(USER_VIEW).status_code == 401
    assert Client().get("/no-such-page/").status_code == 404
    unauthenticated, missing = request_lines(caplog)
    assert (unauthenticated.levelno, unauthenticated.reason) == (logging.INFO, "not_authenticated")  # type: ignore[attr-defined]
    assert (missing.levelno, missing.reason) == (logging.INFO, "not_found")  # type: ignore[attr-defined]
    assert loud(caplog) == []


def test_a_success_has_no_reason(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    assert Client().get("/healthz").status_code == 200
    (line,) = request_lines(caplog)
    assert line.levelno == logging.INFO
    assert not hasattr(line, "reason")


def test_an_unreachable_accounts_is_a_503_at_warning_with_no_error_and_no_traceback(
    settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Nothing listens there: the JWKS cannot be fetched, so no token can be verified.
    settings.ACCOUNTS_URL = f"http://127.0.0.1:{free_port()}"
    settings.ACCOUNTS_RETRIES = 0
    service_client.cache_clear()
    caplog.set_level(logging.DEBUG)
    response = Client().get(USER_VIEW, HTTP_AUTHORIZATION=f"Bearer {shared_key().sign(user_claims())}")
    assert response.status_code == 503
    assert loud(caplog) == []
    (line,) = request_lines(caplog)
    assert line.levelno == logging.WARNING
    assert line.reason.startswith("authentication_unavailable: Tokens cannot be verified")  # type: ignore[attr-defined]
    (call,) = [r for r in caplog.records if r.name == "common.http"]
    assert call.levelno == logging.WARNING
    assert call.getMessage().startswith("call to accounts failed: GET /.well-known/jwks.json")


def test_an_unhandled_exception_is_still_an_error_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    response = Client(raise_request_exception=False).get("/test/crash/")
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors
    assert any(r.exc_info for r in errors)
    (line,) = request_lines(caplog)
    assert line.levelno == logging.WARNING
