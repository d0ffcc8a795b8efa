"""AccountsBackend: admin sign-in checked against the real accounts, through a fault proxy
(tests/real_services.py)."""

from typing import Any

import jwt
import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, User
from django.test import Client, RequestFactory

from common.auth.backends import AccountsBackend
from common.clients.accounts import relay_token
from devtools.testing.http_server import Answer
from tests.real_services import NO_RELAY_CLIENT_ID, RealAccounts

pytestmark = pytest.mark.django_db

EMAIL = "manager@example.com"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def local_groups() -> None:
    Group.objects.bulk_create([Group(name="catalog-managers"), Group(name="catalog-viewers")])


BROWSER = "203.0.113.7"


def sign_in(email: str = EMAIL, password: str = PASSWORD, headers: dict[str, str] | None = None) -> User | None:
    """Sign in as the admin's login form does, from the browser at ``BROWSER``."""
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR=BROWSER, headers=headers)
    user = authenticate(request, username=email, password=password)
    assert user is None or isinstance(user, User)
    return user


def groups_of(user: User) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_staff_are_mirrored_into_a_local_user(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True, is_superuser=True, groups=("catalog-managers", "orders-only"))
    user = sign_in()
    assert user is not None
    assert user.backend == "common.auth.backends.AccountsBackend"  # type: ignore[attr-defined]
    assert (user.username, user.email, user.is_staff, user.is_superuser) == (EMAIL, EMAIL, True, True)
    assert not user.has_usable_password()
    assert groups_of(user) == {"catalog-managers"}  # groups unknown here are ignored
    calls = [(r.method, r.path) for r in accounts.server.requests]
    assert calls == [
        ("POST", "/api/v1/auth/service-token/"),
        ("POST", "/api/v1/auth/token/"),
        ("GET", "/api/v1/users/me/"),
    ]
    assert accounts.server.requests[1].json() == {"email": EMAIL, "password": PASSWORD}


def test_each_sign_in_mirrors_the_current_flags_and_groups(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True, is_superuser=True, groups=("catalog-managers",))
    sign_in()
    accounts.add(EMAIL, PASSWORD, is_staff=True, groups=("catalog-viewers",))
    user = sign_in()
    assert user is not None
    assert (user.is_staff, user.is_superuser) == (True, False)
    assert groups_of(user) == {"catalog-viewers"}
    assert User.objects.count() == 1


def test_a_person_who_is_not_staff_is_refused(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD)
    assert sign_in() is None
    assert not User.objects.exists()


def test_someone_no_longer_staff_is_refused_and_loses_admin_access(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True, is_superuser=True)
    assert sign_in() is not None
    accounts.add(EMAIL, PASSWORD, is_staff=False)
    assert sign_in() is None
    user = User.objects.get(username=EMAIL)
    assert (user.is_staff, user.is_superuser) == (False, False)  # open admin sessions end too


def is_path(path: str) -> Any:
    return lambda received: received.path == path


def answer_profile(accounts: RealAccounts, profile: Any) -> None:
    """Make accounts (its proxy) issue a token to anyone and then describe them as ``profile``;
    the client credentials grant stays real."""
    accounts.proxy.fail(is_path("/api/v1/auth/token/"), Answer.json({"access_token": "t"}))
    accounts.proxy.fail(is_path("/api/v1/users/me/"), Answer.json(profile))


def test_an_inactive_person_is_refused(accounts: RealAccounts) -> None:
    # accounts itself refuses a deactivated person's sign-in; an answer that says inactive
    # anyway is refused here too.
    person = accounts.add(EMAIL, PASSWORD, is_staff=True)
    profile = {"id": person.id, "email": EMAIL, "is_active": False, "is_staff": True, "is_superuser": False}
    answer_profile(accounts, {**profile, "full_name": "", "groups": []})
    assert sign_in() is None


def test_a_wrong_password_is_refused(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in(password="wrong") is None
    assert [r.path for r in accounts.server.requests] == ["/api/v1/auth/service-token/", "/api/v1/auth/token/"]


def test_the_sign_in_request_is_never_retried(accounts: RealAccounts) -> None:
    # accounts counts failed sign-ins towards a lock-out: a retry would count twice.
    relay_token()  # cached: the sign-in makes one call only
    accounts.server.requests.clear()
    accounts.proxy.fail(is_path("/api/v1/auth/token/"), Answer(503))
    assert sign_in() is None
    assert len(accounts.server.requests) == 1


@pytest.mark.parametrize(
    "profile",
    [
        ["not", "an", "object"],
        {"id": "x", "email": EMAIL, "is_staff": "yes", "groups": []},
        {"id": "x", "email": EMAIL, "is_staff": True, "groups": "catalog-managers"},
        {"email": EMAIL, "is_staff": True},
    ],
)
def test_an_answer_outside_the_contract_is_refused(accounts: RealAccounts, profile: Any) -> None:
    answer_profile(accounts, profile)
    assert sign_in() is None
    assert not User.objects.exists()


def test_a_local_account_of_the_same_name_is_not_taken_over(accounts: RealAccounts) -> None:
    User.objects.create_superuser(username=EMAIL, email=EMAIL, password="the-local-one")
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is None
    assert User.objects.get(username=EMAIL).check_password("the-local-one")
    assert sign_in(password="the-local-one") is not None  # ModelBackend


def test_a_locally_deactivated_user_stays_out(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is not None
    User.objects.filter(username=EMAIL).update(is_active=False)
    assert sign_in() is None


def test_an_overlong_email_is_refused_not_a_crash(accounts: RealAccounts) -> None:
    email = "x" * 200 + "@example.com"
    accounts.add(email, PASSWORD, is_staff=True)
    assert sign_in(email) is None


def test_accounts_down_refuses_but_the_break_glass_superuser_signs_in(settings: Any) -> None:
    settings.ACCOUNTS_URL = "http://127.0.0.1:9"  # the discard port: connection refused
    User.objects.create_superuser(username="root", email="", password="break-glass")
    assert sign_in("someone@example.com", "whatever") is None
    user = sign_in("root", "break-glass")
    assert user is not None
    assert user.backend == "django.contrib.auth.backends.ModelBackend"  # type: ignore[attr-defined]


def test_missing_credentials_make_no_call(accounts: RealAccounts) -> None:
    assert AccountsBackend().authenticate(None, username="", password="x") is None
    assert AccountsBackend().authenticate(None, username=EMAIL, password=None) is None
    assert accounts.server.requests == []


def test_get_user(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    user = sign_in()
    assert user is not None
    backend = AccountsBackend()
    assert backend.get_user(user.pk) == user
    assert backend.get_user(10**9) is None
    assert backend.get_user("not-a-number") is None


def test_the_admin_signs_staff_in_and_keeps_the_session(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True, groups=("catalog-viewers",))
    response = client.post("/admin/login/", {"username": EMAIL, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def login_error(client: Client, email: str = EMAIL, password: str = PASSWORD) -> str:
    """The error the admin's sign-in page shows (its form's only non-field error)."""
    response = client.post("/admin/login/", {"username": email, "password": password, "next": "/admin/"})
    assert response.status_code == 200  # not signed in: the page again
    (error,) = response.context["form"].non_field_errors()
    assert error in response.content.decode().replace("&#x27;", "'")
    return str(error)


def test_a_lockout_at_accounts_is_explained_with_its_wait(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    for _ in range(5):  # accounts' AXES_FAILURE_LIMIT
        login_error(client, password="wrong")
    # accounts' own text names the wait in seconds (DRF's throttled detail; the stand-in this
    # test had before left that out), then the admin adds it in minutes from Retry-After.
    error = login_error(client)
    assert error.startswith("accounts: Too many failed sign-in attempts; try again later. Expected available in ")
    assert error.endswith(
        " seconds. (in about 5 minute(s)) Sign-in stays locked for this e-mail from your address until then."
    )


def test_a_wrong_password_or_a_deactivated_account_get_accounts_answer(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True, is_active=False)
    deactivated = login_error(client)
    assert deactivated.endswith("A deactivated account gets the same answer.")
    assert deactivated.startswith("accounts: ")
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert login_error(client, password="wrong") == deactivated  # accounts tells them apart to no one


def test_a_customer_never_gets_in_and_is_told_why(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD)
    assert login_error(client) == "This account is not a staff account: the admin is for staff only."
    assert client.get("/admin/").status_code == 302


def test_an_account_deactivated_on_this_service_is_told_so(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is not None
    User.objects.filter(username=EMAIL).update(is_active=False)
    assert login_error(client) == ("This account is deactivated on this service; ask an administrator of this service.")


def test_accounts_down_is_explained(accounts: RealAccounts, client: Client) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    relay_token()
    accounts.proxy.fail(lambda received: True, Answer(503), times=10)
    assert login_error(client).startswith("accounts cannot be reached just now")


# --- The browser's address, relayed (docs/identity.md, "Sign-in lockout and the client address")


def relayed(accounts: RealAccounts) -> list[tuple[str | None, str]]:
    """The client address and the bearer token of each sign-in call accounts received."""
    return [
        (r.headers.get("Mercato-Client-IP"), r.headers.get("Authorization", ""))
        for r in accounts.server.requests
        if r.path == "/api/v1/auth/token/"
    ]


def test_the_sign_in_relays_the_browser_address_with_a_relay_scoped_service_token(accounts: RealAccounts) -> None:
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is not None
    assert sign_in(password="wrong") is None
    grants = [r.json() for r in accounts.server.requests if r.path == "/api/v1/auth/service-token/"]
    # One token for both sign-ins, carrying only the relay scope.
    assert [grant["scope"] for grant in grants] == ["accounts.sign-in:relay"]
    (address, bearer), again = relayed(accounts)
    assert address == BROWSER
    assert again == (BROWSER, bearer)
    claims = jwt.decode(bearer.removeprefix("Bearer "), options={"verify_signature": False})
    assert (claims["sub"], claims["scope"]) == ("service:service-under-test", "accounts.sign-in:relay")


@pytest.mark.parametrize(
    ("num_proxies", "forwarded_for", "expected"),
    [
        # No proxy trusted: whatever the browser claims in X-Forwarded-For is not relayed.
        (0, "198.51.100.1", BROWSER),
        # One proxy (the ingress) trusted: the entry it appended, not the ones before it.
        (1, "198.51.100.1, 192.0.2.44", "192.0.2.44"),
        (1, "192.0.2.44", "192.0.2.44"),
        (2, "198.51.100.1, 192.0.2.44, 10.0.0.3", "192.0.2.44"),
    ],
)
def test_the_relayed_address_is_the_one_the_trusted_proxies_saw(
    accounts: RealAccounts, settings: Any, num_proxies: int, forwarded_for: str, expected: str
) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": num_proxies}
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in(headers={"X-Forwarded-For": forwarded_for}) is not None
    assert [address for address, _ in relayed(accounts)] == [expected]


@pytest.mark.parametrize("forwarded_for", ["not-an-address", "198.51.100.1, ", ""])
def test_no_usable_client_address_refuses_without_calling_accounts(
    accounts: RealAccounts, settings: Any, forwarded_for: str
) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in(headers={"X-Forwarded-For": forwarded_for}) is None
    assert AccountsBackend().authenticate(None, username=EMAIL, password=PASSWORD) is None
    assert accounts.server.requests == []


def test_a_client_without_the_relay_scope_cannot_sign_anyone_in(
    accounts: RealAccounts, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.SERVICE_CLIENT_ID = NO_RELAY_CLIENT_ID  # its scopes: accounts.users:read only
    settings.SERVICE_CLIENT_SECRET = accounts.no_relay_secret
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is None
    assert relayed(accounts) == []  # the password never left without the relay
    assert "accounts refused this service's client credentials or scope (400)" in caplog.text


def test_without_client_credentials_no_one_signs_in_through_accounts(
    accounts: RealAccounts, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.SERVICE_CLIENT_SECRET = ""
    accounts.add(EMAIL, PASSWORD, is_staff=True)
    assert sign_in() is None
    assert accounts.server.requests == []
    assert "SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET" in caplog.text
