"""Management commands besides create_service_client (tested with service clients)."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from accounts_service.accounts.models import RefreshToken, User
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_ADMIN_EMAIL", "admin@mercato.local")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "mercato-admin")
    for _ in range(2):
        call_command("seed_demo", stdout=io.StringIO())
    admin = User.objects.get(email="admin@mercato.local")
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    assert list(admin.groups.values_list("name", flat=True)) == ["catalog-managers"]
    customer = User.objects.get(email="customer@mercato.local")
    assert not customer.is_staff
    assert customer.check_password("mercato-admin")
    assert Group.objects.filter(name="catalog-managers").count() == 1


def test_purge_keeps_every_token_of_a_sign_in_that_can_still_refresh(api_client: APIClient, user: User) -> None:
    expired = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    RefreshToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    spent = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": spent})
    api_client.post(
        "/api/v1/auth/logout/", {"refresh_token": obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]}
    )

    out = io.StringIO()
    call_command("purge_refresh_tokens", stdout=out)
    assert "deleted 2 " in out.getvalue()  # the expired sign-in's token and the signed-out one
    assert RefreshToken.objects.count() == 2  # the spent token and its usable successor
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": expired}).status_code == 401
    # The spent token is still known, so presenting it again still revokes its sign-in.
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": spent}).status_code == 401
    assert not RefreshToken.objects.filter(revoked_at__isnull=True).exists()
