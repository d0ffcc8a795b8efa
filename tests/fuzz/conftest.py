"""The three services as real processes, with demo data, for schemathesis to fuzz.

A system of its own rather than tests/e2e's: the fuzzer creates, changes and deactivates
whatever its tokens allow, and the end-to-end tests must not see that.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from common.devstack import (
    SERVICES,
    ServiceProcess,
    free_port,
    manage,
    register_service_clients,
    running,
    write_signing_key,
)
from tests.e2e.conftest import STAFF_EMAIL, STAFF_PASSWORD, manage_env, service_process

# The fuzzer signs in, registers and asks for reset links far faster than a person: accounts'
# production throttles would answer most of those 429 and leave the logic behind untested.
# (tests/accounts checks the throttles themselves.)
UNTHROTTLED = {
    f"THROTTLE_RATE_{scope}": "100000/minute"
    for scope in ("REGISTER", "TOKEN", "SERVICE_TOKEN", "PASSWORD_RESET", "PASSWORD_RESET_CONFIRM")
}
# Enough products for the catalog's lists and the orders' lines to have something to find.
DEMO_PRODUCTS = 50


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceProcess]]:
    """All three services, migrated, seeded (the staff member of tests/e2e, demo products)."""
    root = tmp_path_factory.mktemp("fuzz")
    ports = {spec.name: free_port() for spec in SERVICES}
    signing_keys_file = write_signing_key(root / "secrets" / "jwt-signing-keys.pem")
    client_secrets = {spec.name: secrets.token_urlsafe(32) for spec in SERVICES if spec.scopes}
    processes = {
        spec.name: service_process(
            spec.name,
            dbname=f"fuzz_{spec.name}",
            ports=ports,
            run_dir=root / spec.name,
            signing_keys_file=signing_keys_file,
            client_secret=client_secrets.get(spec.name, ""),
            extra_env=UNTHROTTLED if spec.name == "accounts" else None,
        )
        for spec in SERVICES
    }
    register_service_clients(manage_env(processes["accounts"]), client_secrets)
    staff = {"DEMO_ADMIN_EMAIL": STAFF_EMAIL, "DEMO_ADMIN_PASSWORD": STAFF_PASSWORD}
    manage(processes["accounts"].spec, {**manage_env(processes["accounts"]), **staff}, "seed_demo")
    catalog_seed = {**manage_env(processes["catalog"]), **staff, "DEMO_PRODUCTS": str(DEMO_PRODUCTS)}
    manage(processes["catalog"].spec, catalog_seed, "seed_demo")
    with running(list(processes.values())):
        for process in processes.values():
            process.wait_ready(timeout=90)
        yield processes


_SUMMARIES: list[str] = []


@pytest.fixture
def fuzz_summaries() -> list[str]:
    """One line per schemathesis run, printed at the end of the test session."""
    return _SUMMARIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SUMMARIES:
        terminalreporter.section("schemathesis")
        for line in _SUMMARIES:
            terminalreporter.write_line(line)
