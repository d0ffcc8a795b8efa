"""The three services as real gunicorn processes on free ports, each with a fresh database
(tests/live_system.py), with the environment the end-to-end tests need."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devtools.devstack import ServiceProcess, running
from tests.live_system import (
    STAFF_EMAIL,
    STAFF_PASSWORD,
    seed_staff,
    service_processes,
    started,
    worker_process,
)

# How soon catalog and orders may fetch the JWKS again for an unknown kid: short, so the key
# rotation test need not wait the production default (10 s).
JWKS_MIN_REFETCH_SECONDS = 1
# orders' circuit breakers half-open after 2 s rather than 10 s, so the tests that take catalog
# down (test_orders_faults.py) leave a system that reaches catalog again quickly.
ORDERS_E2E_ENV = {"CATALOG_BREAKER_RESET_SECONDS": "2", "ACCOUNTS_BREAKER_RESET_SECONDS": "2"}
# Every service trusts one proxy in front of it, as behind the chart's ingress: a test that sends
# X-Forwarded-For stands in for that ingress (the browser's address is the last entry), which is
# how two browsers on loopback get distinct client addresses (test_sign_in_lockout.py). Requests
# without the header count against their peer address, as before.
TRUSTED_PROXIES = 1
# catalog takes product imports of up to 4 MiB rather than 2 GiB, so test_limits.py can send one
# over the limit.
CATALOG_PRODUCT_IMPORT_MAX_BYTES = 4 * 1024 * 1024
CATALOG_E2E_ENV = {"PRODUCT_IMPORT_MAX_BYTES": str(CATALOG_PRODUCT_IMPORT_MAX_BYTES)}
# test_limits.py sends malformed bodies to every operation, these included; the hourly limits of
# production (5 and 10 an hour per address) would answer 429 before the body is read. Sign-ins
# too: the whole suite signs in from 127.0.0.1, and on a quiet machine it ran past production's
# 30 a minute (test_orders_saga.py's fixtures were throttled). The lockout (django-axes, which
# test_sign_in_lockout.py exercises) keeps its production limit; tests/accounts checks the
# throttles themselves.
ACCOUNTS_E2E_ENV = {
    **{f"THROTTLE_RATE_{scope}": "1000/hour" for scope in ("REGISTER", "PASSWORD_RESET", "PASSWORD_RESET_CONFIRM")},
    "THROTTLE_RATE_TOKEN": "1000/minute",
}


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceProcess]]:
    """All three services, migrated and ready, and catalog's worker; stopped (process groups and all)
    at the end.

    accounts signs with the key in ``accounts.env["JWT_SIGNING_KEYS_FILE"]``, a file the tests
    control (the key rotation test rewrites it); the service clients are registered on accounts.
    """
    root = tmp_path_factory.mktemp("system")
    processes = service_processes(
        root,
        dbname_prefix="e2e",
        extra_env=lambda name: {
            "JWKS_MIN_REFETCH_SECONDS": str(JWKS_MIN_REFETCH_SECONDS),
            "NUM_PROXIES": str(TRUSTED_PROXIES),
            **{"orders": ORDERS_E2E_ENV, "catalog": CATALOG_E2E_ENV, "accounts": ACCOUNTS_E2E_ENV}[name],
        },
    )
    # catalog's worker too, as `make run` starts it: search is indexed behind the write by its
    # job, so without it a new product is never found by a search.
    catalog_worker = worker_process(processes["catalog"], root / "catalog-worker.log")
    with started(list(processes.values())), running([catalog_worker]):
        yield processes


@pytest.fixture(scope="session")
def staff_member(system: dict[str, ServiceProcess]) -> tuple[str, str]:
    """Email and password of a staff member (superuser, in catalog-managers) on accounts."""
    seed_staff(system["accounts"], STAFF_EMAIL, STAFF_PASSWORD)
    return STAFF_EMAIL, STAFF_PASSWORD


@pytest.fixture(scope="session")
def shopper_credentials(system: dict[str, ServiceProcess]) -> list[tuple[str, str]]:
    """Emails and passwords of three customers registered through accounts' API, for the orders
    tests. Registered once per run: accounts throttles registrations (10 an hour per address)."""
    from tests.e2e.orders_support import CUSTOMER_PASSWORD, register

    return [(register(system), CUSTOMER_PASSWORD) for _ in range(3)]
