import pytest

from common.devstack import database_url
from common.testing.pytest_plugin import _suites


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
