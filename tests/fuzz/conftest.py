"""The three services as real processes, with demo data, for schemathesis to fuzz.

A system of its own rather than tests/e2e's: the fuzzer creates, changes and deactivates
whatever its tokens allow, and the end-to-end tests must not see that.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest

from devtools.devstack import (
    ServiceProcess,
    manage,
    running,
)
from tests.e2e.conftest import STAFF_EMAIL, STAFF_PASSWORD, service_processes
from tests.real_services import manage_env

# The fuzzer signs in, registers and asks for reset links far faster than a person: accounts'
# production throttles would answer most of those 429 and leave the logic behind untested.
# (tests/accounts checks the throttles themselves.)
UNTHROTTLED = {
    f"THROTTLE_RATE_{scope}": "100000/minute"
    for scope in ("REGISTER", "TOKEN", "SERVICE_TOKEN", "PASSWORD_RESET", "PASSWORD_RESET_CONFIRM")
}
# `make test` runs with one fixed seed, so that CI finds the same cases every time. FUZZ_SEED=random
# (`make fuzz-deep`) picks a new seed for each session and prints it, so that a failure it finds
# can be replayed with FUZZ_SEED=<that seed>; any other FUZZ_SEED is used as it is.
FIXED_SEED = "20261122"
_SEED_SETTING = os.environ.get("FUZZ_SEED", FIXED_SEED)
SEED = str(secrets.randbelow(2**31)) if _SEED_SETTING == "random" else _SEED_SETTING
# Enough products for the catalog's lists and the orders' lines to have something to find.
DEMO_PRODUCTS = 50


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceProcess]]:
    """All three services, migrated, seeded (the staff member of tests/e2e, demo products)."""
    processes = service_processes(
        tmp_path_factory.mktemp("fuzz"),
        dbname_prefix="fuzz",
        extra_env=lambda name: UNTHROTTLED if name == "accounts" else {},
    )
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


def pytest_report_header() -> str:
    return f"schemathesis seed: {SEED} (replay a run with FUZZ_SEED={SEED})"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SUMMARIES:
        terminalreporter.section("schemathesis")
        terminalreporter.write_line(f"seed {SEED}: replay with FUZZ_SEED={SEED}")
        for line in _SUMMARIES:
            terminalreporter.write_line(line)
