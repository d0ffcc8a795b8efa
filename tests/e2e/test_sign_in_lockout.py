"""Sign-in lockout follows the real client through catalog's and orders' admin (issue #13, item 1).

Their admin checks passwords at accounts, which locks an email per client address after
AXES_FAILURE_LIMIT failures. Before the fix, every attempt through catalog counted against
catalog's own address: an outsider locked staff out of catalog's admin and was never locked out.

On loopback every process has the same address, so the services run behind one trusted proxy
(``TRUSTED_PROXIES`` in conftest.py) and these tests stand in for that ingress: they send the
X-Forwarded-For it would send, the browser's address last. The attacker's browser may put
anything before that entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.devstack import ServiceProcess, free_port, manage, running
from tests.e2e.web import Browser, call
from tests.real_services import manage_env, service_process

EMAIL = "lockout-staff@e2e.example"
PASSWORD = "e2e-lockout-Pass-1"
ATTACKER = "198.51.100.66"
STAFF_DESK = "192.0.2.10"


@pytest.fixture(scope="module")
def staff(system: dict[str, ServiceProcess]) -> str:
    """A staff member of its own, so that locking them out touches no other test."""
    accounts = system["accounts"]
    manage(
        accounts.spec, {**manage_env(accounts), "DEMO_ADMIN_EMAIL": EMAIL, "DEMO_ADMIN_PASSWORD": PASSWORD}, "seed_demo"
    )
    return EMAIL


def failure_limit(system: dict[str, ServiceProcess]) -> int:
    return int(system["accounts"].env.get("AXES_FAILURE_LIMIT", "5"))


def admin_sign_in(process: ServiceProcess, password: str, *, forwarded_for: str) -> bool:
    """Post the admin login form with the ingress's X-Forwarded-For; True when signed in."""
    return admin_sign_in_page(process, password, forwarded_for=forwarded_for)[0]


def admin_sign_in_page(process: ServiceProcess, password: str, *, forwarded_for: str) -> tuple[bool, str]:
    """(signed in, the page answered)."""
    browser = Browser(process.base_url, headers={"X-Forwarded-For": forwarded_for})
    reply = browser.admin_sign_in(EMAIL, password)
    assert reply.status == 200, reply.body
    # Signed in: redirected to the dashboard; refused: the form again (at /admin/login/?next=/admin/).
    page = reply.body.decode(errors="replace")
    return "/admin/login/" not in reply.url and reply.url.endswith("/admin/"), page


def accounts_sign_in(system: dict[str, ServiceProcess], *, forwarded_for: str) -> int:
    """The status of a sign-in with the right password at accounts' API itself."""
    url = system["accounts"].base_url + "/api/v1/auth/token/"
    body = {"email": EMAIL, "password": PASSWORD}
    return call("POST", url, json_body=body, headers={"X-Forwarded-For": forwarded_for}).status


def test_failures_through_catalog_lock_out_the_attacker_and_not_the_staff_member(
    system: dict[str, ServiceProcess], staff: str
) -> None:
    catalog, orders = system["catalog"], system["orders"]
    for attempt in range(failure_limit(system) + 1):
        # A made-up address before the ingress's entry changes nothing: it is not the ingress's.
        assert not admin_sign_in(catalog, "not the password 1", forwarded_for=f"203.0.113.{attempt}, {ATTACKER}")

    # The staff member, from their own address, signs in through catalog and orders.
    assert admin_sign_in(catalog, PASSWORD, forwarded_for=STAFF_DESK)
    assert admin_sign_in(orders, PASSWORD, forwarded_for=STAFF_DESK)
    assert accounts_sign_in(system, forwarded_for=STAFF_DESK) == 200

    # The attacker's address is locked for this email, even with the right password: through
    # catalog, through orders and at accounts, because the counters are accounts' own.
    signed_in, page = admin_sign_in_page(catalog, PASSWORD, forwarded_for=ATTACKER)
    assert not signed_in
    # The page says why, in accounts' words (docs/admin.md, "Sign-in").
    assert "accounts: Too many failed sign-in attempts; try again later." in page
    assert not admin_sign_in(orders, PASSWORD, forwarded_for=ATTACKER)
    assert accounts_sign_in(system, forwarded_for=ATTACKER) == 429


@pytest.fixture(scope="module")
def catalog_trusting_no_proxy(
    system: dict[str, ServiceProcess], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServiceProcess]:
    """A second catalog web process with the default NUM_PROXIES=0, as catalog's own client."""
    accounts, catalog = system["accounts"], system["catalog"]
    process = service_process(
        "catalog",
        dbname="e2e_lockout_catalog",
        ports={"accounts": int(accounts.env["BIND"].rsplit(":", 1)[1]), "catalog": free_port()},
        run_dir=tmp_path_factory.mktemp("catalog-no-proxy"),
        signing_keys_file=Path(accounts.env["JWT_SIGNING_KEYS_FILE"]),
        client_secret=catalog.env["SERVICE_CLIENT_SECRET"],
        extra_env={"NUM_PROXIES": "0"},
    )
    with running([process]):
        process.wait_ready(timeout=90)
        yield process


def test_a_service_that_trusts_no_proxy_relays_the_peer_not_a_forged_forwarded_for(
    system: dict[str, ServiceProcess], staff: str, catalog_trusting_no_proxy: ServiceProcess
) -> None:
    # With no proxy in front, X-Forwarded-For is whatever the browser wrote. Blaming the staff
    # member's address with it must not work: the failures count against the real peer.
    for _ in range(failure_limit(system) + 1):
        assert not admin_sign_in(catalog_trusting_no_proxy, "not the password 1", forwarded_for=STAFF_DESK)
    assert admin_sign_in(system["catalog"], PASSWORD, forwarded_for=STAFF_DESK)
    assert accounts_sign_in(system, forwarded_for=STAFF_DESK) == 200
    # The peer of this catalog is loopback: that is the address now locked for this email.
    assert not admin_sign_in(catalog_trusting_no_proxy, PASSWORD, forwarded_for=STAFF_DESK)
    assert accounts_sign_in(system, forwarded_for="127.0.0.1") == 429
