"""Whose address a sign-in counts against: the caller's, or the browser's that a service relays.

catalog and orders check an admin's password at accounts' token endpoint and name the browser's
address in ``Mercato-Client-IP``. accounts believes it only from a service token carrying
``accounts.sign-in:relay``; from anyone else the header changes nothing (docs/identity.md,
"Sign-in lockout and the client address").
"""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts_service.accounts.models import User
from accounts_service.accounts.tokens import encode_service_token
from devtools.testing.errors import assert_error
from devtools.testing.tokens import tampered
from tests.accounts.conftest import PASSWORD, access_token_for, service_api_client
from tests.accounts.helpers import LOCKOUT_LIMIT, TOKEN_URL, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lockout_settings")]

RELAY = "accounts.sign-in:relay"
SERVICE_ADDRESS = "10.0.0.5"  # catalog's pod, as accounts sees it
ATTACKER = "198.51.100.66"
STAFF_DESK = "192.0.2.10"


def catalog(scopes: list[str] | None = None) -> APIClient:
    """catalog's client on accounts, calling from its own address."""
    client = service_api_client("catalog", [RELAY] if scopes is None else scopes)
    client.defaults["REMOTE_ADDR"] = SERVICE_ADDRESS
    return client


def fail(client: APIClient, email: str, browser: str | None = None) -> None:
    for _ in range(LOCKOUT_LIMIT):
        assert sign_in(client, email, "not the password 1", browser).status_code in {401, 429}


def test_failures_relayed_by_a_service_lock_the_browser_not_the_service(staff_user: User) -> None:
    fail(catalog(), staff_user.email, browser=ATTACKER)
    # The attacker is locked out, through catalog and at accounts directly alike: one counter.
    assert_error(sign_in(catalog(), staff_user.email, PASSWORD, browser=ATTACKER), 429, "throttled")
    assert_error(sign_in(APIClient(REMOTE_ADDR=ATTACKER), staff_user.email, PASSWORD), 429, "throttled")
    # The staff member, at their desk, is not: neither through catalog nor at accounts.
    assert sign_in(catalog(), staff_user.email, PASSWORD, browser=STAFF_DESK).status_code == 200
    assert sign_in(APIClient(REMOTE_ADDR=STAFF_DESK), staff_user.email, PASSWORD).status_code == 200


def test_failures_at_accounts_count_for_sign_ins_relayed_from_the_same_browser(staff_user: User) -> None:
    fail(APIClient(REMOTE_ADDR=ATTACKER), staff_user.email)
    assert_error(sign_in(catalog(), staff_user.email, PASSWORD, browser=ATTACKER), 429, "throttled")


@pytest.mark.parametrize(
    "caller",
    [
        pytest.param(lambda user: APIClient(), id="anonymous"),
        pytest.param(lambda user: catalog(scopes=["accounts.users:read"]), id="service-without-the-scope"),
        pytest.param(lambda user: _bearer(access_token_for(user)), id="a-person"),
        pytest.param(lambda user: _bearer(_relay_token(lifetime=-600)), id="expired-relay-token"),
        pytest.param(lambda user: _bearer(tampered(_relay_token(), sub="service:evil")), id="forged-relay-token"),
        pytest.param(lambda user: _bearer("not.a.jwt"), id="garbage-token"),
    ],
)
def test_the_relay_header_of_anyone_else_is_ignored(caller: Any, staff_user: User) -> None:
    client = caller(staff_user)
    client.defaults["REMOTE_ADDR"] = ATTACKER
    # A new made-up browser address on every attempt: it must not escape the lockout.
    for index in range(LOCKOUT_LIMIT):
        sign_in(client, staff_user.email, "not the password 1", browser=f"203.0.113.{index}")
    assert_error(sign_in(client, staff_user.email, PASSWORD, browser="203.0.113.200"), 429, "throttled")
    # ...and it counted against the caller's own address, nobody else's.
    assert sign_in(catalog(), staff_user.email, PASSWORD, browser="203.0.113.0").status_code == 200


@pytest.mark.parametrize("value", ["not-an-ip", "198.51.100.1, 198.51.100.2", "", "1" * 500])
def test_a_relayed_value_that_is_no_ip_address_is_ignored(value: str, staff_user: User) -> None:
    fail(catalog(), staff_user.email, browser=value)
    # Counted against the caller's own address instead.
    assert_error(sign_in(catalog(), staff_user.email, PASSWORD, browser=None), 429, "throttled")


def test_the_proxy_count_decides_the_direct_address(settings: Any, staff_user: User) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    behind_ingress = APIClient(REMOTE_ADDR="10.1.0.1")  # the ingress controller
    for index in range(LOCKOUT_LIMIT):
        response = behind_ingress.post(
            TOKEN_URL,
            {"email": staff_user.email, "password": "not the password 1"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{index}, {ATTACKER}",
        )
        assert response.status_code in {401, 429}
    response = behind_ingress.post(
        TOKEN_URL, {"email": staff_user.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR=f"{STAFF_DESK}, {ATTACKER}"
    )
    assert_error(response, 429, "throttled")
    response = behind_ingress.post(
        TOKEN_URL, {"email": staff_user.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR=STAFF_DESK
    )
    assert response.status_code == 200


def test_the_sign_in_throttle_counts_per_browser_behind_a_service(settings: Any, make_user: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token": "2/minute"},
    }
    people = [make_user(f"staff{index}@example.com", is_staff=True) for index in range(3)]
    # Everyone signing in through catalog: one bucket each, not one shared by all of catalog.
    for index, person in enumerate(people):
        assert sign_in(catalog(), person.email, PASSWORD, browser=f"192.0.2.{index}").status_code == 200
    # One browser still gets its own limit, through catalog as at accounts.
    sign_in(catalog(), people[0].email, PASSWORD, browser="192.0.2.0")
    assert_error(sign_in(catalog(), people[0].email, PASSWORD, browser="192.0.2.0"), 429, "throttled")
    # Made-up addresses from an anonymous caller are one client, its own.
    anonymous = APIClient(REMOTE_ADDR=ATTACKER)
    for index in range(2):
        sign_in(anonymous, people[1].email, PASSWORD, browser=f"203.0.113.{index}")
    assert_error(sign_in(anonymous, people[1].email, PASSWORD, browser="203.0.113.9"), 429, "throttled")


def _relay_token(lifetime: int = 300) -> str:
    now = timezone.now() + timedelta(seconds=lifetime - 300)
    return encode_service_token(client_name="catalog", scopes=[RELAY], now=now).token


def _bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client
