"""The signed-in user's own profile and password."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from accounts_service.accounts.models import RefreshToken, User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD, service_api_client
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db

URL = "/api/v1/users/me/"


def test_me_answers_the_profile(user: User, user_client: APIClient) -> None:
    user.groups.add(Group.objects.create(name="support"))
    response = user_client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "id": str(user.pk),
        "email": "ada@example.com",
        "full_name": "Ada Lovelace",
        "is_active": True,
        "is_staff": False,
        "is_superuser": False,
        "groups": ["support"],
        "date_joined": body["date_joined"],
        "last_login": None,
    }


def test_only_the_full_name_can_be_changed(user: User, user_client: APIClient, staff_user: User) -> None:
    # Anything else in the body is refused by name, and nothing is changed, the name neither.
    extra = {
        "email": staff_user.email,
        "id": str(staff_user.pk),
        "is_staff": True,
        "is_superuser": True,
        "is_active": False,
        "groups": ["admins"],
        "date_joined": "2000-01-01T00:00:00Z",
    }
    response = user_client.patch(URL, {"full_name": "Augusta Ada King", **extra}, format="json")
    assert response.status_code == 400, response.content
    assert sorted((e["code"], e["attr"]) for e in response.json()["errors"]) == [
        ("not_allowed", key) for key in sorted(extra)
    ]
    user.refresh_from_db()
    assert (user.full_name, user.email, user.is_staff, user.is_superuser, user.is_active) == (
        "Ada Lovelace",
        "ada@example.com",
        False,
        False,
        True,
    )
    assert not user.groups.exists()
    staff_user.refresh_from_db()
    assert staff_user.email == "staff@example.com"

    response = user_client.patch(URL, {"full_name": "Augusta Ada King"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["full_name"] == "Augusta Ada King"


def test_full_name_is_bounded(user_client: APIClient) -> None:
    assert_error(user_client.patch(URL, {"full_name": "x" * 151}), 400, "max_length", "full_name")


def test_put_is_not_allowed(user_client: APIClient) -> None:
    assert_error(user_client.put(URL, {"full_name": "x"}), 405, "method_not_allowed")


def test_anonymous_is_401(api_client: APIClient) -> None:
    assert_error(api_client.get(URL), 401, "not_authenticated")


def test_a_service_token_is_403(db: None) -> None:
    assert_error(service_api_client("orders", ["accounts.users:read"]).get(URL), 403, "permission_denied")


def test_a_deactivated_users_unexpired_token_is_refused(user: User, user_client: APIClient) -> None:
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert_error(user_client.get(URL), 401, "authentication_failed")


# --- password change -------------------------------------------------------------------------

PASSWORD_URL = "/api/v1/users/me/password/"
NEW_PASSWORD = "an entirely new passphrase 3"


def test_change_password_needs_the_current_one(user: User, user_client: APIClient) -> None:
    response = user_client.post(PASSWORD_URL, {"current_password": "wrong one 1234", "new_password": NEW_PASSWORD})
    assert_error(response, 400, "invalid", "current_password")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_change_password_validates_the_new_one(user_client: APIClient) -> None:
    response = user_client.post(PASSWORD_URL, {"current_password": PASSWORD, "new_password": "ada lovelace"})
    assert_error(response, 400, "password_too_similar", "new_password")


def test_change_password_revokes_refresh_tokens(api_client: APIClient, user: User, user_client: APIClient) -> None:
    refresh_token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    response = user_client.post(PASSWORD_URL, {"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert response.status_code == 204, response.content
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": refresh_token}).status_code == 401
    assert obtain_pair(api_client, user.email, NEW_PASSWORD)


def test_me_query_count(user_client: APIClient, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(2):
        assert user_client.get(URL).status_code == 200
