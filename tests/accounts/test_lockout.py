"""Brute-force protection: django-axes locks an email per client address after repeated failures."""

from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from rest_framework.test import APIClient

from accounts_service.accounts.models import User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import LOCKOUT_LIMIT, TOKEN_URL, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lockout_settings")]


def fail(client: APIClient, email: str, times: int = LOCKOUT_LIMIT) -> None:
    for _ in range(times):
        assert sign_in(client, email, "not the password 1").status_code in {401, 429}


def end_cool_off() -> None:
    """Travel in time: every recorded failure now lies before the cool-off window."""
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))


def test_after_the_limit_even_the_right_password_is_429_until_the_cool_off_ends(
    api_client: APIClient, user: User
) -> None:
    fail(api_client, user.email, LOCKOUT_LIMIT - 1)
    assert sign_in(api_client, user.email, "not the password 1").status_code == 429  # the failure at the limit

    response = sign_in(api_client, user.email, PASSWORD)
    assert_error(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0

    end_cool_off()
    assert sign_in(api_client, user.email, PASSWORD).status_code == 200


def test_attempts_during_the_lockout_do_not_extend_it(api_client: APIClient, user: User) -> None:
    fail(api_client, user.email)
    fail(api_client, user.email)
    end_cool_off()
    assert sign_in(api_client, user.email, PASSWORD).status_code == 200


def test_the_lockout_is_per_email_and_client_address(api_client: APIClient, user: User, make_user: Any) -> None:
    other = make_user("other@example.com")
    fail(api_client, user.email)
    assert sign_in(api_client, other.email, PASSWORD).status_code == 200
    elsewhere = APIClient(REMOTE_ADDR="203.0.113.9")
    assert sign_in(elsewhere, user.email, PASSWORD).status_code == 200


def test_case_and_spaces_do_not_escape_the_lockout(api_client: APIClient, user: User) -> None:
    fail(api_client, " ADA@example.com")
    assert_error(sign_in(api_client, "Ada@Example.com", PASSWORD), 429, "throttled")


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(api_client: APIClient, user: User) -> None:
    fail(api_client, user.email)
    response = api_client.post(
        TOKEN_URL, {"email": user.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert_error(response, 429, "throttled")


def test_a_success_clears_earlier_failures(api_client: APIClient, user: User) -> None:
    fail(api_client, user.email, LOCKOUT_LIMIT - 1)
    assert sign_in(api_client, user.email, PASSWORD).status_code == 200
    fail(api_client, user.email, LOCKOUT_LIMIT - 1)
    assert sign_in(api_client, user.email, PASSWORD).status_code == 200


def test_unknown_emails_are_locked_out_too(api_client: APIClient) -> None:
    fail(api_client, "nobody@example.com")
    assert_error(sign_in(api_client, "nobody@example.com", "anything at all 1"), 429, "throttled")


def test_the_admin_login_is_locked_out_as_well(make_user: Any) -> None:
    make_user("admin@example.com", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(LOCKOUT_LIMIT):
        client.post("/admin/login/", {"username": "admin@example.com", "password": "wrong password 1"})
    response = client.post("/admin/login/", {"username": "admin@example.com", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content
    # The API shares the counter: the same email from the same address.
    assert_error(sign_in(APIClient(), "admin@example.com", PASSWORD), 429, "throttled")
