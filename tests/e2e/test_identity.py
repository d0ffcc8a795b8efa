"""Identity across real processes (docs/identity.md): accounts issues, catalog and orders verify.

Forgeries are signed, where a signature is needed, with accounts' real private key (the tests
control its key file), so each one is refused for the one thing wrong with it.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from devtools.devstack import ServiceProcess, manage
from devtools.testing.tokens import (
    SigningKey,
    hmac_with_public_key,
    shared_key,
    tampered,
    unsigned_token,
    user_claims,
)
from tests.e2e.web import Browser, Reply, call
from tests.real_services import manage_env

VERIFIERS = ["catalog", "orders"]
WHOAMI = "/api/v1/auth/whoami/"
# The defaults of common/settings.py, which the local environment leaves as they are.
ISSUER = "mercato-accounts"
AUDIENCE = "mercato"
LEEWAY_SECONDS = 1
CUSTOMER_PASSWORD = "Opal-river-4821"


# --- helpers ----------------------------------------------------------------------------------


def accounts_signing_key(system: dict[str, ServiceProcess]) -> SigningKey:
    """The key accounts signs with: the first in its key file."""
    pem = Path(system["accounts"].env["JWT_SIGNING_KEYS_FILE"]).read_text()
    first = re.search(r"-----BEGIN PRIVATE KEY-----.+?-----END PRIVATE KEY-----", pem, re.DOTALL)
    assert first is not None
    return SigningKey.from_pem(first.group(0).encode())


def obtain_token(system: dict[str, ServiceProcess], email: str, password: str) -> str:
    reply = call(
        "POST", system["accounts"].base_url + "/api/v1/auth/token/", json_body={"email": email, "password": password}
    )
    assert reply.status == 200, reply.body
    token: str = reply.json()["access_token"]
    return token


def whoami(system: dict[str, ServiceProcess], service: str, token: str) -> Reply:
    return call("GET", system[service].base_url + WHOAMI, headers={"Authorization": f"Bearer {token}"})


def claims(**overrides: Any) -> dict[str, Any]:
    return user_claims(**{"issuer": ISSUER, "audience": AUDIENCE, **overrides})


@pytest.fixture(scope="module")
def customer(system: dict[str, ServiceProcess]) -> tuple[str, str]:
    """A person registered through the API: not staff."""
    email = f"customer-{uuid.uuid4().hex[:8]}@e2e.example"
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/register/",
        json_body={"email": email, "password": CUSTOMER_PASSWORD, "full_name": "Pat Shopper"},
    )
    assert reply.status == 202, reply.body
    return email, CUSTOMER_PASSWORD


# --- tokens -----------------------------------------------------------------------------------


def test_a_token_from_accounts_is_accepted_by_catalog_and_orders(
    system: dict[str, ServiceProcess], customer: tuple[str, str]
) -> None:
    token = obtain_token(system, *customer)
    answers = {service: whoami(system, service, token) for service in ["accounts", *VERIFIERS]}
    for service, reply in answers.items():
        assert reply.status == 200, (service, reply.body)
    body = answers["catalog"].json()
    assert body["email"] == customer[0]
    assert body["principal"] == f"user:{body['id']}"
    assert body["is_staff"] is False
    assert answers["orders"].json() == body == answers["accounts"].json()


def test_a_service_token_carries_its_scopes_to_catalog(system: dict[str, ServiceProcess]) -> None:
    orders_env = system["orders"].env
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/service-token/",
        json_body={"client_id": orders_env["SERVICE_CLIENT_ID"], "client_secret": orders_env["SERVICE_CLIENT_SECRET"]},
    )
    assert reply.status == 200, reply.body
    body = whoami(system, "catalog", reply.json()["access_token"]).json()
    assert body["principal"] == "service:orders"
    assert "catalog.reservations:write" in body["scopes"]


def test_a_token_signed_with_the_accounts_key_is_accepted(system: dict[str, ServiceProcess]) -> None:
    # The control for the forgeries below: the same key and claims, nothing wrong.
    token = accounts_signing_key(system).sign(claims())
    for service in VERIFIERS:
        assert whoami(system, service, token).status == 200


def _expired(key: SigningKey) -> str:
    now = int(time.time())
    return key.sign(claims(exp=now - LEEWAY_SECONDS - 1, iat=now - 300))


def _tampered_real_token(key: SigningKey) -> str:
    return tampered(key.sign(claims()), is_staff=True, groups=["catalog-managers"])


FORGERIES: dict[str, Callable[[SigningKey], str]] = {
    "alg none": lambda key: unsigned_token(claims(is_staff=True), key.kid),
    "HS256 with the public key as the secret": lambda key: hmac_with_public_key(claims(is_staff=True), key),
    "wrong issuer": lambda key: key.sign(claims(issuer="someone-else")),
    "wrong audience": lambda key: key.sign(claims(audience="someone-else")),
    "expired by one second beyond the leeway": _expired,
    "unknown kid": lambda key: shared_key("stranger").sign(claims()),
    "tampered payload": _tampered_real_token,
}


@pytest.mark.parametrize("service", VERIFIERS)
@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_tokens_are_refused_with_401(system: dict[str, ServiceProcess], service: str, forgery: str) -> None:
    reply = whoami(system, service, FORGERIES[forgery](accounts_signing_key(system)))
    assert reply.status == 401, reply.body
    assert reply.headers["WWW-Authenticate"] == "Bearer"
    assert reply.json()["errors"][0]["code"] == "authentication_failed"


def test_a_tampered_real_token_is_refused(system: dict[str, ServiceProcess], customer: tuple[str, str]) -> None:
    token = tampered(obtain_token(system, *customer), is_staff=True)
    for service in VERIFIERS:
        assert whoami(system, service, token).status == 401


# --- admin sign-in through accounts -------------------------------------------------------------


def local_user(process: ServiceProcess, username: str) -> dict[str, Any] | None:
    """The mirrored local user as that service's database has it."""
    code = (
        "import json; from django.contrib.auth.models import User; "
        f"u = User.objects.filter(username={username!r}).first(); "
        "print('RESULT', json.dumps(u and {'is_staff': u.is_staff, 'is_superuser': u.is_superuser, "
        "'usable_password': u.has_usable_password(), 'groups': sorted(u.groups.values_list('name', flat=True))}))"
    )
    out = manage(process.spec, manage_env(process), "shell", "--no-imports", "-c", code, capture=True)
    (line,) = [line for line in out.splitlines() if line.startswith("RESULT ")]
    result: dict[str, Any] | None = json.loads(line.removeprefix("RESULT "))
    return result


@pytest.mark.parametrize(("service", "groups"), [("catalog", ["catalog-managers"]), ("orders", [])])
def test_staff_sign_in_to_the_admin_with_their_accounts_credentials(
    system: dict[str, ServiceProcess], staff_member: tuple[str, str], service: str, groups: list[str]
) -> None:
    browser = Browser(system[service].base_url)
    reply = browser.admin_sign_in(*staff_member)
    assert reply.status == 200
    assert reply.url.endswith("/admin/"), reply.body  # redirected to the dashboard
    assert browser.get("/admin/").url.endswith("/admin/")
    # Mirrored: flags from accounts, no local password, only the groups that exist here.
    assert local_user(system[service], staff_member[0]) == {
        "is_staff": True,
        "is_superuser": True,
        "usable_password": False,
        "groups": groups,
    }


@pytest.mark.parametrize("service", VERIFIERS)
def test_a_person_who_is_not_staff_cannot_sign_in_to_the_admin(
    system: dict[str, ServiceProcess], customer: tuple[str, str], service: str
) -> None:
    browser = Browser(system[service].base_url)
    reply = browser.admin_sign_in(*customer)
    assert reply.status == 200
    assert "/admin/login/" in reply.url  # the form again
    assert b"errornote" in reply.body
    assert "/admin/login/" in browser.get("/admin/").url
    assert local_user(system[service], customer[0]) is None
