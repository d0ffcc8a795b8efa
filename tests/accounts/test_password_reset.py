"""Password reset: a one-time mailed token; the request never tells whether an address exists."""

import re
from typing import Any

import pytest
from django.core import mail
from rest_framework.test import APIClient

from accounts_service.accounts.models import RefreshToken, User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 7"


def request_reset(client: APIClient, email: str) -> Any:
    return client.post("/api/v1/auth/password-reset/", {"email": email})


def mailed_link() -> tuple[str, str]:
    match = re.search(r"uid: (\S+), token: (\S+);", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return match[1], match[2]


def confirm(client: APIClient, uid: str, token: str, password: str = NEW_PASSWORD) -> Any:
    return client.post("/api/v1/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": password})


def test_request_answers_the_same_for_known_and_unknown_addresses(
    api_client: APIClient, user: User, make_user: Any
) -> None:
    make_user("inactive@example.com", is_active=False)
    known = request_reset(api_client, user.email)
    unknown = request_reset(api_client, "nobody@example.com")
    inactive = request_reset(api_client, "inactive@example.com")
    assert known.status_code == unknown.status_code == inactive.status_code == 202
    assert known.content == unknown.content == inactive.content
    (message,) = mail.outbox  # only the active, known user got a mail
    assert message.to == [user.email]
    assert "http://localhost:8001/password-reset/" in message.body


def test_confirm_sets_the_password_once_and_signs_out_everywhere(api_client: APIClient, user: User) -> None:
    refresh_token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    request_reset(api_client, user.email)
    uid, token = mailed_link()

    assert confirm(api_client, uid, token).status_code == 204
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": refresh_token}).status_code == 401
    assert obtain_pair(api_client, user.email, NEW_PASSWORD)
    assert api_client.post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD}).status_code == 401

    # One use only: the token covers the password hash, which has changed.
    assert_error(confirm(api_client, uid, token, "yet another passphrase 8"), 400, "invalid", "token")


def test_a_token_for_another_user_does_not_work(api_client: APIClient, user: User, make_user: Any) -> None:
    other = make_user("other@example.com")
    request_reset(api_client, user.email)
    _, token = mailed_link()
    request_reset(api_client, other.email)
    other_uid, _ = mailed_link()
    assert_error(confirm(api_client, other_uid, token), 400, "invalid", "token")


@pytest.mark.parametrize(
    ("uid", "token"),
    [("garbage", "garbage"), ("", "x"), ("!!!", "1-2"), ("MTIz", "abc"), ("a" * 64, "b" * 128)],
)
def test_malformed_links_are_validation_errors(api_client: APIClient, uid: str, token: str) -> None:
    response = confirm(api_client, uid, token)
    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"


def test_new_password_must_pass_the_validators(api_client: APIClient, user: User) -> None:
    request_reset(api_client, user.email)
    uid, token = mailed_link()
    assert_error(confirm(api_client, uid, token, "123"), 400, "password_too_short", "new_password")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_requests_are_throttled(api_client: APIClient, settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "password_reset": "1/hour"},
    }
    assert request_reset(api_client, "a@example.com").status_code == 202
    assert_error(request_reset(api_client, "b@example.com"), 429, "throttled")
