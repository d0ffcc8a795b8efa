"""catalog with a real read replica: a hot standby streaming from the embedded PostgreSQL, started
for the run by the pytest plugin (devtools/testing/standby.py) and named in DATABASE_REPLICA_URLS.

Django's test set-up makes a replica mirror the test database (its TEST MIRROR setting, for every
other suite); here the replica alias is pointed back at the standby, where the test database
arrives by replication. Tests that read through the replica commit their writes
(``transaction=True``) and wait for the standby to replay them, or pause its replay to make it lag.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from devtools.testing import tokens
from devtools.testing.pytest_plugin import standby_key
from devtools.testing.standby import Standby

REPLICA = "replica_1"
# Every test that reads through the replica: committed writes, and queries allowed on both aliases.
replica_db = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture(scope="session")
def standby(pytestconfig: pytest.Config) -> Standby:
    found: Standby | None = pytestconfig.stash.get(standby_key, None)
    assert found is not None, "the pytest plugin starts the standby for tests/replicas"
    return found


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any, standby: Standby) -> Iterator[None]:
    from django.conf import settings
    from django.db import connections

    test_database = connections["default"].settings_dict["NAME"]
    replica = connections[REPLICA]
    disconnect(replica)
    # The alias's own settings (the standby's address), with the test database's name; TEST MIRROR
    # stays, so that flushing after a test flushes the primary only.
    replica.settings_dict = {**settings.DATABASES[REPLICA], "NAME": test_database}
    with django_db_blocker.unblock():
        standby.wait_for_replay()
    yield
    disconnect(replica)


def disconnect(replica: Any) -> None:
    """Close the alias's connection and its pool (if one was made), which were opened with other
    settings. ``_connection_pools`` is Django's (its PostgreSQL backend keeps a pool per alias)."""
    replica.close()
    if REPLICA in type(replica)._connection_pools:
        replica.close_pool()


@pytest.fixture(autouse=True)
def _test_keys(settings: Any) -> None:
    tokens.use_test_signing_key(settings)


def api_client(*, is_staff: bool = False, anonymous: bool = False) -> APIClient:
    """A client with a token of a new person of its own (staff or not), or without any."""
    client = APIClient()
    if not anonymous:
        token = tokens.shared_key().sign(tokens.user_claims(is_staff=is_staff))
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client
