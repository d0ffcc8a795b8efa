"""Which database errors say that a request lost its database (a 503 the client retries,
common/errors.py) and which are its SQL failing (a 500 that is ours to fix), on errors
real PostgreSQL raises. tests/e2e/test_database_outage.py has the answers of a real service."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    DataError,
    OperationalError,
    ProgrammingError,
    connection,
    connections,
    transaction,
)

from common.errors import lost_the_database

pytestmark = pytest.mark.django_db


def raised(statement: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    return caught.value


def test_a_session_the_server_ends_is_a_lost_database() -> None:
    own = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with pytest.raises(DatabaseError) as caught, own.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        assert lost_the_database(caught.value)
        # Django's next use of that connection.
        with pytest.raises(DatabaseError) as closed, own.cursor() as cursor:
            cursor.execute("SELECT 1")
        assert lost_the_database(closed.value)
    finally:
        own.close()


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        # Cancelled by the server (57014): an OperationalError, yet the session is fine.
        ("SET LOCAL statement_timeout = 1; SELECT pg_sleep(0.2)", OperationalError),
        ("SELECT 1 / 0", DataError),
        ("SELECT * FROM no_such_table", ProgrammingError),
    ],
)
def test_sql_that_fails_is_not_a_lost_database(statement: str, kind: type[DatabaseError]) -> None:
    error = raised(statement)
    assert type(error) is kind
    assert not lost_the_database(error)


def test_only_database_errors_are_looked_at() -> None:
    errors: list[Callable[[], Exception]] = [ValueError, lambda: RuntimeError("connection")]
    assert not any(lost_the_database(make()) for make in errors)
