"""Registration: the same answer whether or not the address is taken."""

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from rest_framework.test import APIClient

from accounts_service.accounts.models import User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/register/"


def register(client: APIClient, **body: Any) -> Any:
    return client.post(URL, {"email": "new@example.com", "password": PASSWORD, "full_name": "New Person", **body})


def test_register_creates_an_active_user_who_can_sign_in(api_client: APIClient) -> None:
    response = register(api_client)
    assert response.status_code == 202, response.content
    assert set(response.json()) == {"detail"}
    user = User.objects.get(email="new@example.com")
    assert (user.full_name, user.is_active, user.is_staff, user.is_superuser) == ("New Person", True, False, False)
    assert user.password != PASSWORD
    assert obtain_pair(api_client, "new@example.com", PASSWORD)["access_token"]
    (message,) = mail.outbox
    assert message.to == ["new@example.com"]


def test_taken_email_gets_the_same_answer_and_only_a_notice_mail(api_client: APIClient, user: User) -> None:
    fresh = register(api_client, email="fresh@example.com")
    taken = register(api_client, email="ADA@example.com", password="another passphrase 99")
    assert (taken.status_code, taken.content) == (fresh.status_code, fresh.content)
    assert User.objects.filter(email="ada@example.com").count() == 1
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # unchanged
    notice = mail.outbox[-1]
    assert notice.to == ["ada@example.com"]
    assert "already has one" in notice.body


@pytest.mark.parametrize("taken", [False, True])
def test_both_branches_hash_the_password_once(api_client: APIClient, user: User, taken: bool) -> None:
    email = user.email if taken else "someone@example.com"
    with mock.patch.object(MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode) as encode:
        assert register(api_client, email=email).status_code == 202
    assert encode.call_count == 1


def test_privileged_and_foreign_fields_are_refused_by_name(api_client: APIClient, user: User) -> None:
    extra = {"is_staff": True, "is_superuser": True, "is_active": False, "id": str(user.pk), "groups": ["admins"]}
    response = register(api_client, **extra)
    assert response.status_code == 400, response.content
    assert sorted((e["code"], e["attr"]) for e in response.json()["errors"]) == [
        ("not_allowed", key) for key in sorted(extra)
    ]
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1", "password_too_short"),
        ("12345678901234", "password_entirely_numeric"),
        ("password123", "password_too_common"),
        ("new@example.com", "password_too_similar"),
    ],
)
def test_django_password_validators_apply(api_client: APIClient, password: str, code: str) -> None:
    assert_error(register(api_client, password=password), 400, code, "password")
    assert not User.objects.filter(email="new@example.com").exists()


def test_invalid_email_is_a_validation_error(api_client: APIClient) -> None:
    assert_error(register(api_client, email="not-an-email"), 400, "invalid", "email")


def test_passwords_are_stored_with_argon2(api_client: APIClient, settings: Any) -> None:
    from common.settings import PASSWORD_HASHERS

    settings.PASSWORD_HASHERS = PASSWORD_HASHERS
    register(api_client)
    assert User.objects.get(email="new@example.com").password.startswith("argon2")


def test_register_is_throttled(api_client: APIClient, settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "register": "2/hour"},
    }
    for number in range(2):
        assert register(api_client, email=f"n{number}@example.com").status_code == 202
    assert_error(register(api_client, email="n3@example.com"), 429, "throttled")
