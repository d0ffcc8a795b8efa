"""Declarative identity checks for each service (docs/identity.md): subclass per service.

- ``ServiceIdentityTests``: every service verifies tokens statelessly and serves whoami.
- ``AccountsSignInTests``: services whose admin signs staff in through accounts (catalog,
  orders) mirror staff users and their groups, and keep the break-glass superuser.

The exhaustive checks of forged tokens, the JWKS cache and the backend's edge cases are in
tests/common; these confirm each service is wired to them.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.test import Client

from devtools.testing.tokens import (
    SigningKey,
    service_claims,
    shared_key,
    tampered,
    use_test_signing_key,
    user_claims,
)

WHOAMI = "/api/v1/auth/whoami/"
PASSWORD = "s3cret-Pass-of-9-words"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class ServiceIdentityTests:
    pytestmark: ClassVar[list[pytest.MarkDecorator]] = [pytest.mark.django_db]
    service: ClassVar[str]

    def test_whoami_without_a_token_is_401_naming_the_bearer_scheme(self, client: Client) -> None:
        response = client.get(WHOAMI)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Bearer"
        assert response.json()["errors"][0]["code"] == "not_authenticated"

    def test_whoami_answers_from_the_token_alone(
        self, client: Client, settings: Any, django_assert_num_queries: Any
    ) -> None:
        key = use_test_signing_key(settings)
        claims = user_claims(email="staff@example.com", is_staff=True, groups=["some-group"])
        with django_assert_num_queries(0):
            response = client.get(WHOAMI, headers=bearer(key.sign(claims)))
        assert response.status_code == 200, response.content
        assert response.json() == {
            "principal": f"user:{claims['sub']}",
            "id": claims["sub"],
            "email": "staff@example.com",
            "is_staff": True,
            "groups": ["some-group"],
            "scopes": [],
        }

    def test_whoami_of_a_service_token(self, client: Client, settings: Any) -> None:
        key = use_test_signing_key(settings)
        token = key.sign(service_claims("orders", ["b.scope:write", "a.scope:read"]))
        response = client.get(WHOAMI, headers=bearer(token))
        assert response.status_code == 200, response.content
        assert response.json()["principal"] == "service:orders"
        assert response.json()["scopes"] == ["a.scope:read", "b.scope:write"]

    @pytest.mark.parametrize("forgery", ["tampered", "other key", "wrong audience"])
    def test_a_bad_token_is_401(self, client: Client, settings: Any, forgery: str) -> None:
        key = use_test_signing_key(settings)
        token = {
            "tampered": lambda: tampered(key.sign(user_claims()), is_staff=True),
            "other key": lambda: SigningKey(shared_key("other").private_key, key.kid).sign(user_claims()),
            "wrong audience": lambda: key.sign(user_claims(aud="somebody-else")),
        }[forgery]()
        response = client.get(WHOAMI, headers=bearer(token))
        assert response.status_code == 401
        assert response.json()["errors"][0]["code"] == "authentication_failed"

    def test_schema_declares_the_bearer_jwt_scheme_and_whoami(self, client: Client) -> None:
        schema = client.get("/api/schema/", {"format": "json"}).json()
        assert schema["components"]["securitySchemes"]["jwtAuth"] == {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
        }
        operation = schema["paths"][WHOAMI]["get"]
        assert operation["security"] == [{"jwtAuth": []}]
        assert {"200", "401"} <= set(operation["responses"])


class AccountsSignInTests:
    """For services whose user model is django.contrib.auth's User (username = email).

    The suite provides the fixture ``sign_in_accounts``: the real accounts this service signs
    staff in through (``ACCOUNTS_URL`` and the service client set), whose ``add(email, password,
    is_staff=..., groups=...)`` puts a person there (tests/real_services.py, ``RealAccounts``).
    """

    pytestmark: ClassVar[list[pytest.MarkDecorator]] = [pytest.mark.django_db]
    service: ClassVar[str]
    # The groups the service's data migration creates, which accounts' groups map onto.
    staff_groups: ClassVar[tuple[str, ...]]

    def test_accounts_backend_comes_after_the_model_backend(self) -> None:
        assert django_settings.AUTHENTICATION_BACKENDS == [
            "django.contrib.auth.backends.ModelBackend",
            "common.auth.backends.AccountsBackend",
        ]

    def test_the_staff_groups_exist(self) -> None:
        assert set(self.staff_groups) <= set(Group.objects.values_list("name", flat=True))

    def test_staff_sign_in_to_the_admin_with_accounts_credentials(self, client: Client, sign_in_accounts: Any) -> None:
        sign_in_accounts.add(
            "manager@example.com", PASSWORD, is_staff=True, groups=(self.staff_groups[0], "unknown-here")
        )
        response = _admin_login(client, "manager@example.com", PASSWORD)
        assert response.status_code == 302, response.content
        assert client.get("/admin/").status_code == 200
        user = User.objects.get(username="manager@example.com")
        assert (user.is_staff, user.is_superuser, user.has_usable_password()) == (True, False, False)
        assert list(user.groups.values_list("name", flat=True)) == [self.staff_groups[0]]

    def test_a_non_staff_person_is_refused(self, client: Client, sign_in_accounts: Any) -> None:
        sign_in_accounts.add("shopper@example.com", PASSWORD)
        response = _admin_login(client, "shopper@example.com", PASSWORD)
        assert response.status_code == 200  # the form again, with an error
        assert not User.objects.filter(username="shopper@example.com").exists()

    def test_the_break_glass_superuser_signs_in_while_accounts_is_down(self, client: Client, settings: Any) -> None:
        User.objects.create_superuser(username="root@example.com", email="", password="break-glass-1")
        settings.ACCOUNTS_URL = "http://127.0.0.1:9"  # discard port: connection refused
        assert _admin_login(client, "root@example.com", "break-glass-1").status_code == 302
        assert client.get("/admin/").status_code == 200


def _admin_login(client: Client, username: str, password: str) -> Any:
    # The test client skips CSRF checks; tests/e2e signs in through the real form.
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
