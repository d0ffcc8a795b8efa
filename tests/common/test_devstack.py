import subprocess
import sys
import time
from pathlib import Path

import pytest

from devtools.devstack import _process_exists, database_url, release_embedded_postgres, start_embedded_postgres
from devtools.testing.pytest_plugin import _suites


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("postgresql://postgres:@/postgres?host=/tmp/pg", "postgresql://postgres@/orders?host=/tmp/pg"),
        (
            "postgres://u:secret@db.internal:5433/x?sslmode=require",
            "postgresql://u:secret@db.internal:5433/orders?sslmode=require",
        ),
    ],
)
def test_database_url_swaps_only_the_database(server: str, expected: str) -> None:
    assert database_url(server, "orders") == expected


def test_suite_is_taken_from_the_test_path() -> None:
    assert _suites(["-q", "tests/catalog/test_platform.py::TestX::test_y"]) == {"catalog"}
    assert _suites(["tests/accounts", "tests/orders"]) == {"accounts", "orders"}


def test_an_embedded_server_stops_when_its_last_live_holder_lets_go(tmp_path: Path) -> None:
    server = start_embedded_postgres(tmp_path / "postgres")
    postmaster = server.get_pid()
    # A holder that was killed before it could let go: its pid is listed, its process is gone.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    server.global_process_id_list.get_and_add(int(gone.stdout))
    try:
        release_embedded_postgres(server)
        deadline = time.monotonic() + 30
        while _process_exists(postmaster) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _process_exists(postmaster)
    finally:
        if _process_exists(postmaster):
            server.stop()
