"""The same over real HTTP: catalog as a real gunicorn process reading from the standby, accounts
as a real process issuing the staff member's token (tests/live_system.py)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from devtools.devstack import free_port, write_signing_key
from devtools.testing.standby import Standby
from tests.live_system import STAFF_EMAIL, STAFF_PASSWORD, seed_staff, service_process, started
from tests.real_services import execute

DBNAME = "replicas_live_catalog"


@dataclass(frozen=True)
class LiveCatalog:
    url: str
    staff_token: str

    def staff(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.staff_token}"}


@pytest.fixture(scope="module")
def live_catalog(tmp_path_factory: pytest.TempPathFactory, standby: Standby) -> Iterator[LiveCatalog]:
    root = tmp_path_factory.mktemp("live")
    ports = {"accounts": free_port(), "catalog": free_port()}
    signing_keys = write_signing_key(root / "secrets" / "jwt-signing-keys.pem")
    accounts = service_process(
        "accounts",
        dbname="replicas_live_accounts",
        ports=ports,
        run_dir=root / "accounts",
        signing_keys_file=signing_keys,
        # This run's DATABASE_REPLICA_URLS names the in-process tests' database: not for accounts.
        extra_env={"DATABASE_REPLICA_URLS": ""},
    )
    catalog = service_process(
        "catalog",
        dbname=DBNAME,
        ports=ports,
        run_dir=root / "catalog",
        signing_keys_file=signing_keys,
        client_secret=secrets.token_urlsafe(16),
        # One worker: the stickiness of a token client without cookies is kept per process.
        extra_env={"DATABASE_REPLICA_URLS": standby.url(DBNAME), "WEB_WORKERS": "1"},
    )
    standby.wait_for_replay()  # the new database, migrated, on the standby too
    with started([accounts, catalog]):
        seed_staff(accounts, STAFF_EMAIL, STAFF_PASSWORD)
        reply = httpx.post(
            accounts.base_url + "/api/v1/auth/token/", json={"email": STAFF_EMAIL, "password": STAFF_PASSWORD}
        )
        assert reply.status_code == 200, reply.text
        yield LiveCatalog(url=catalog.base_url, staff_token=reply.json()["access_token"])


def test_reads_come_from_the_standby_and_a_writer_reads_its_own_write(
    live_catalog: LiveCatalog, standby: Standby
) -> None:
    product = live_catalog.url + "/api/v1/products/LIVE-1/"
    with httpx.Client(base_url=live_catalog.url, headers=live_catalog.staff(), timeout=30) as writer:
        category = writer.post("/api/v1/categories/", json={"name": "Live", "slug": "live"})
        assert category.status_code == 201, category.text
        standby.wait_for_replay()
        body = {"sku": "LIVE-1", "name": "Live", "price": "5.00", "currency": "EUR", "category": category.json()["id"]}
        with standby.replay_paused():
            created = writer.post("/api/v1/products/", json=body)
            assert created.status_code == 201, created.text
            # The writer (its cookie) reads the primary, which has the product.
            assert writer.cookies.get("mercato_read_primary")
            assert writer.get("/api/v1/products/LIVE-1/").status_code == 200
            # Anyone else reads the lagging standby, which has not replayed it yet.
            assert httpx.get(product, timeout=30).status_code == 404
            # The same token without the cookie: known by its subject to catalog's one process.
            assert httpx.get(product, headers=live_catalog.staff(), timeout=30).status_code == 200
            # That 404 was the standby's: catalog's process holds connections to it.
            (connected,) = execute(
                standby.url(DBNAME),
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                DBNAME,
            )
            assert int(str(connected[0])) >= 1
    # Replayed: everyone reads it.
    assert httpx.get(product, timeout=30).status_code == 200
