"""pytest plugin: every test run gets a real PostgreSQL and the settings of its service.

Loaded with ``-p devtools.testing.pytest_plugin`` (see pyproject.toml), before pytest-django sets
Django up. One pytest run tests one Django project, picked from the paths given:
``tests/accounts/...`` runs under ``accounts_service.settings`` and so on. Unless DATABASE_URL
is set, an embedded PostgreSQL is started in ``.data/test-postgres`` and stopped at the end.
``tests/replicas`` runs catalog with a hot standby of that server as its read replica
(devtools/testing/standby.py), started for the run and deleted after it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import pytest

from devtools.devstack import (
    REPO_ROOT,
    SERVICES_BY_NAME,
    database_url,
    release_embedded_postgres,
    start_embedded_postgres,
)

TESTS_ROOT = REPO_ROOT / "tests"
TEST_POSTGRES_DIR = REPO_ROOT / ".data" / "test-postgres"
# Test suites that are not a service: the shared package runs in a minimal project of its own;
# the end-to-end, fuzz and browser tests drive services as processes and configure no Django themselves;
# the chart's tests render Kubernetes manifests and need neither Django nor PostgreSQL.
# The replicas suite runs catalog against a streaming standby (DATABASE_REPLICA_URLS).
EXTRA_SETTINGS = {
    "common": "tests.common.project.settings",
    "replicas": "catalog_service.settings",
    "e2e": None,
    "fuzz": None,
    "browser": None,
    "helm": None,
}
SUITES_WITHOUT_DATABASE = {"helm"}


def _suites(args: list[str]) -> set[str]:
    suites = set()
    for arg in args:
        if arg.startswith("-"):
            continue
        path = Path(arg.split("::", 1)[0]).resolve()
        if path == TESTS_ROOT or TESTS_ROOT in path.parents:
            relative = path.relative_to(TESTS_ROOT).parts
            suites.add(relative[0] if relative else "")
    return suites


def _settings_module(suite: str) -> str | None:
    if suite in SERVICES_BY_NAME:
        return SERVICES_BY_NAME[suite].settings_module
    if suite in EXTRA_SETTINGS:
        return EXTRA_SETTINGS[suite]
    raise pytest.UsageError(
        f"Run one test suite per pytest invocation, e.g. `pytest tests/accounts` "
        f"(suites: {', '.join([*SERVICES_BY_NAME, *EXTRA_SETTINGS])}); `make test` runs them all."
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser, args: list[str]) -> None:
    suites = _suites(args) or {""}
    if "DJANGO_SETTINGS_MODULE" not in os.environ and not any(a.startswith("--ds") for a in args):
        settings_module = _settings_module(next(iter(suites)) if len(suites) == 1 else "")
        if settings_module:
            os.environ["DJANGO_SETTINGS_MODULE"] = settings_module

    if "DATABASE_URL" not in os.environ and not suites <= SUITES_WITHOUT_DATABASE:
        server = start_embedded_postgres(TEST_POSTGRES_DIR)
        # Keep the handle alive for the whole run; the server stops when the last run exits.
        early_config.stash[_server_key] = server
        suite = next(iter(suites)) or "mercato"
        os.environ["DATABASE_URL"] = database_url(server.get_uri(), suite)
        if suites == {"replicas"}:
            from devtools.testing.standby import start_standby

            standby = start_standby(server, REPO_ROOT / ".data" / "test-standbys")
            early_config.stash[standby_key] = standby
            os.environ["DATABASE_REPLICA_URLS"] = standby.url(suite)
    elif suites == {"replicas"}:
        raise pytest.UsageError("tests/replicas makes its standby from the embedded PostgreSQL: unset DATABASE_URL")

    (REPO_ROOT / ".data" / "test-static").mkdir(parents=True, exist_ok=True)
    for name, value in {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "ACCOUNTS_URL": "http://accounts.invalid",
        "CATALOG_URL": "http://catalog.invalid",
        "STATIC_ROOT": str(REPO_ROOT / ".data" / "test-static"),
    }.items():
        os.environ.setdefault(name, value)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "metrics_collectors_thread: /metrics reads its collectors in their thread, with its time limit"
    )


@pytest.fixture(autouse=True)
def _probe_reads_in_the_test_transaction(request: pytest.FixtureRequest) -> None:
    """In-process tests write inside a transaction that the threads of /metrics' collectors
    (common/metrics.py) and of /readyz's check (common/health.py) cannot see: both read in the
    request's thread. The threads and their time limits are tested on their own
    (tests/common/test_metrics_collectors.py, tests/e2e/test_database_outage.py) and run in every
    real process."""
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        return
    settings = request.getfixturevalue("settings")
    settings.READYZ_TIMEOUT = 0
    if request.node.get_closest_marker("metrics_collectors_thread") is None:
        settings.METRICS_COLLECTORS_TIMEOUT = 0


def pytest_unconfigure(config: pytest.Config) -> None:
    standby = config.stash.get(standby_key, None)
    if standby is not None:
        standby.stop()
    server = config.stash.get(_server_key, None)
    if server is not None:
        release_embedded_postgres(server)  # stops PostgreSQL unless another test run still uses it


_server_key = pytest.StashKey[Any]()
# The standby of tests/replicas (devtools.testing.standby.Standby), for its fixtures.
standby_key = pytest.StashKey[Any]()
