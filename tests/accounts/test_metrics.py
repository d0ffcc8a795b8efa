"""accounts' business counters: sign-ins by outcome, lockouts started, tokens issued by kind,
driven through the API against the real database."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts_service.accounts.models import ServiceClient, User
from devtools.testing.metrics import CounterDelta
from tests.accounts.conftest import CLIENT_SECRET, PASSWORD
from tests.accounts.helpers import LOCKOUT_LIMIT, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lockout_settings")]


def test_sign_ins_by_outcome_and_one_lockout_per_lockout(api_client: APIClient, user: User) -> None:
    sign_ins = CounterDelta("mercato_accounts_sign_ins")
    lockouts = CounterDelta("mercato_accounts_lockouts")
    tokens = CounterDelta("mercato_accounts_tokens_issued")
    assert sign_in(api_client, user.email, PASSWORD).status_code == 200
    for _ in range(LOCKOUT_LIMIT - 1):
        assert sign_in(api_client, user.email, "not the password 1").status_code == 401
    assert lockouts.delta() == {}
    # The failure at the limit starts the lockout; the attempts after it are refused by it,
    # the right password too, and start no other lockout.
    assert sign_in(api_client, user.email, "not the password 1").status_code == 429
    assert lockouts.delta() == {"": 1}
    assert sign_in(api_client, user.email, "not the password 1").status_code == 429
    assert sign_in(api_client, user.email, PASSWORD).status_code == 429
    assert lockouts.delta() == {"": 1}
    assert sign_ins.delta() == {"success": 1, "invalid_credentials": LOCKOUT_LIMIT - 1, "locked_out": 3}
    assert tokens.delta() == {"sign_in": 1}


def test_tokens_issued_by_kind(api_client: APIClient, user: User, orders_client: ServiceClient) -> None:
    tokens = CounterDelta("mercato_accounts_tokens_issued")
    pair = sign_in(api_client, user.email, PASSWORD).json()
    rotated = api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": pair["refresh_token"]})
    assert rotated.status_code == 200
    # Spent already: refused (and the family revoked), nothing issued.
    reused = api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": pair["refresh_token"]})
    assert reused.status_code == 401
    for secret, status in ((CLIENT_SECRET, 200), ("wrong-secret-for-the-test", 401)):
        response = api_client.post(
            "/api/v1/auth/service-token/", {"client_id": orders_client.name, "client_secret": secret}
        )
        assert response.status_code == status, response.content
    assert tokens.delta() == {"sign_in": 1, "refresh": 1, "service": 1}
