"""DATABASE_POOL_MODE and DATABASE_DIRECT_URL: what the settings make of a database behind a
transaction-mode pooler (docs/deploy.md, "Behind PgBouncer"; tests/e2e/test_pgbouncer.py runs
the services through a real one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from devtools.devstack import REPO_ROOT

SCRIPT = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "cursors_off": db.get("DISABLE_SERVER_SIDE_CURSORS", False),
    "prepare_threshold": db["OPTIONS"].get("prepare_threshold", "unset"),
    "worker": settings.PROCRASTINATE_WORKER_DEFAULTS,
}))
"""


def _settings(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_POOL_MODE", "DATABASE_DIRECT_URL")}
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SCRIPT}"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _read(**variables: str) -> dict[str, object]:
    result = _settings(**variables)
    assert result.returncode == 0, result.stderr
    value: dict[str, object] = json.loads(result.stdout)
    return value


def test_by_default_the_database_is_a_session_and_statements_are_never_prepared() -> None:
    assert _read() == {
        "cursors_off": False,
        "prepare_threshold": None,
        "worker": {"update_heartbeat_interval": 10.0, "stalled_worker_timeout": 30.0, "concurrency": 1},
    }


def test_behind_a_transaction_pooler_cursors_are_client_side_and_the_worker_polls() -> None:
    assert _read(DATABASE_POOL_MODE="transaction") == {
        "cursors_off": True,
        "prepare_threshold": None,
        "worker": {
            "update_heartbeat_interval": 10.0,
            "stalled_worker_timeout": 30.0,
            "concurrency": 1,
            "listen_notify": False,
            "fetch_job_polling_interval": 1.0,
        },
    }
    worker = _read(DATABASE_POOL_MODE="transaction", WORKER_POLL_SECONDS="2.5")["worker"]
    assert worker["fetch_job_polling_interval"] == 2.5  # type: ignore[index]


def test_with_a_direct_url_the_worker_keeps_listening() -> None:
    settings = _read(DATABASE_POOL_MODE="transaction", DATABASE_DIRECT_URL="postgresql://db.example/shop")
    assert settings["cursors_off"] is True
    assert "listen_notify" not in settings["worker"]  # type: ignore[operator]


@pytest.mark.parametrize("mode", ["statement", "Transaction", ""])
def test_an_unknown_pool_mode_stops_the_service_naming_it(mode: str) -> None:
    result = _settings(DATABASE_POOL_MODE=mode)
    assert result.returncode != 0
    assert "DATABASE_POOL_MODE must be session or transaction" in result.stderr, result.stderr
