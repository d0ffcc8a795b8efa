"""accounts' own admin: users, groups, addresses, service clients, and its actions."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from rest_framework.test import APIClient

from accounts_service.accounts.models import Address, RefreshToken, ServiceClient, User
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user("root@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(admin_user: User) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def messages_of(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_staff_sign_in_to_the_admin_with_email_and_password(admin_user: User) -> None:
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "Root@Example.com", "password": PASSWORD})
    assert response.status_code == 302, response.content
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/accounts/user/?q=ada",
        "/admin/accounts/user/add/",
        "/admin/accounts/address/",
        "/admin/accounts/address/?q=ada",
        "/admin/accounts/serviceclient/",
        "/admin/accounts/serviceclient/add/",
        "/admin/accounts/refreshtoken/",
        "/admin/auth/group/",
        "/admin/axes/accessattempt/",
    ],
)
def test_admin_pages_render(admin_client: Client, user: User, path: str) -> None:
    assert admin_client.get(path).status_code == 200


def test_user_change_page_renders_with_addresses(admin_client: Client, user: User) -> None:
    Address.objects.create(user=user, recipient="Ada", line1="1 Road", city="London", postal_code="N1", country="GB")
    response = admin_client.get(f"/admin/accounts/user/{user.pk}/change/")
    assert response.status_code == 200
    assert b"1 Road" in response.content


def test_admin_search_finds_by_email_prefix_and_name(admin_client: Client, user: User, staff_user: User) -> None:
    by_email = admin_client.get("/admin/accounts/user/", {"q": "ADA@"})
    assert user.email in by_email.content.decode()
    assert staff_user.email not in by_email.content.decode()
    by_name = admin_client.get("/admin/accounts/user/", {"q": "hopper"})
    assert staff_user.email in by_name.content.decode()


def test_user_autocomplete_for_addresses(admin_client: Client, user: User) -> None:
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "accounts", "model_name": "address", "field_name": "user", "term": "ada"},
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(user.pk)]


def test_deactivate_action_revokes_refresh_tokens(admin_client: Client, admin_user: User, user: User) -> None:
    refresh_token = obtain_pair(APIClient(), user.email, PASSWORD)["refresh_token"]
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "deactivate_users", "_selected_action": [str(user.pk), str(admin_user.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    user.refresh_from_db()
    admin_user.refresh_from_db()
    assert not user.is_active
    assert admin_user.is_active  # never oneself
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh_token": refresh_token}).status_code == 401
    assert any("cannot deactivate yourself" in message for message in messages_of(response))


def test_unticking_active_in_the_form_revokes_refresh_tokens(admin_client: Client, user: User) -> None:
    obtain_pair(APIClient(), user.email, PASSWORD)
    response = admin_client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "addresses-TOTAL_FORMS": "0",
            "addresses-INITIAL_FORMS": "0",
            "addresses-MIN_NUM_FORMS": "0",
            "addresses-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert not user.is_active
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()


def test_adding_a_service_client_shows_its_secret_once(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/accounts/serviceclient/add/",
        {"name": "billing", "scopes": "accounts.users:read", "is_active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    client = ServiceClient.objects.get(name="billing")
    (secret,) = [m.rsplit(" ", 1)[1] for m in messages_of(response) if "shown once" in m]
    assert client.scopes == ["accounts.users:read"]
    token = APIClient().post("/api/v1/auth/service-token/", {"client_id": "billing", "client_secret": secret})
    assert token.status_code == 200, token.content


def test_rotate_secret_action(admin_client: Client, orders_client: ServiceClient) -> None:
    from tests.accounts.conftest import CLIENT_SECRET

    response = admin_client.post(
        "/admin/accounts/serviceclient/",
        {"action": "rotate_secret", "_selected_action": [str(orders_client.pk)]},
        follow=True,
    )
    (secret,) = [m.rsplit(" ", 1)[1] for m in messages_of(response) if "shown once" in m]
    url = "/api/v1/auth/service-token/"
    assert APIClient().post(url, {"client_id": "orders", "client_secret": CLIENT_SECRET}).status_code == 401
    assert APIClient().post(url, {"client_id": "orders", "client_secret": secret}).status_code == 200


def test_groups_are_the_staff_roles(admin_client: Client, staff_user: User) -> None:
    group = Group.objects.create(name="catalog-managers")
    staff_user.groups.add(group)
    response = admin_client.get("/admin/accounts/user/", {"groups__id__exact": group.pk})
    assert staff_user.email in response.content.decode()
