"""Migration 0011: keys kept by reservations in their own columns (before common/idempotency.py
served reservations) become ReservationKey records that replay and conflict like new ones.

The migration cannot run backwards (the old fingerprint is not computable from a record): it is
run forwards on a scratch database migrated to 0009 and given reservations as the old code
wrote them; and its copy is run on the test database on reservations as the old columns
described them (stand-ins carrying the two removed columns), to replay and conflict through
the API."""

from __future__ import annotations

import datetime
import hashlib
import importlib
import json
import os
import subprocess
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.api.serializers.reservations import reservation_data
from catalog_service.catalog.models import Product, Reservation, ReservationKey, ReservationLine
from common.idempotency import request_fingerprint
from devtools.devstack import REPO_ROOT

migration = importlib.import_module("catalog_service.catalog.migrations.0011_reservation_keys")

pytestmark = pytest.mark.django_db

URL = "/api/v1/reservations/"


def old_fingerprint(reference: str, lines: list[dict[str, Any]], ttl_seconds: int) -> str:
    # ReservationRequest.fingerprint() before 0011: the validated request without ``commit``.
    what = {"reference": reference, "lines": lines, "ttl_seconds": ttl_seconds}
    return hashlib.sha256(json.dumps(what, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def legacy(orders_client: APIClient, body: dict[str, Any], *, key: str, fingerprint: str | None = None) -> Reservation:
    """A reservation as the old code left it: made, its key in its own columns (``legacy``),
    no record; then the migration's copy."""
    made = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=f"made-{key}")
    assert made.status_code == 201, made.content
    ReservationKey.objects.all().delete()
    reservation = Reservation.objects.get(pk=made.json()["id"])
    row = types.SimpleNamespace(
        **{field.attname: getattr(reservation, field.attname) for field in Reservation._meta.concrete_fields},
        pk=reservation.pk,
        idempotency_key=key,
        request_fingerprint=fingerprint or old_fingerprint(body["reference"], body["lines"], body["ttl_seconds"]),
    )
    migration._copy([row], ReservationLine, ReservationKey, timezone.now())
    return reservation


@pytest.fixture
def stocked(make_product: Callable[..., Product]) -> None:
    make_product("A", price="10.00", stock=10)
    make_product("B", price="2.50", stock=10)


def test_a_legacy_key_replays_the_reservation_to_the_body_orders_sends(orders_client: APIClient, stocked: None) -> None:
    # orders' client sends every field (common/clients/catalog.py, to_json), commit true.
    body = {
        "reference": "order-9",
        "lines": [{"sku": "B", "quantity": 1}, {"sku": "A", "quantity": 2}],
        "ttl_seconds": 600,
        "commit": True,
    }
    reservation = legacy(orders_client, body, key="order-9")
    record = ReservationKey.objects.get()
    assert (record.principal, record.key, record.state, record.reservation_id) == (
        "service:orders",
        "order-9",
        "completed",
        reservation.pk,
    )
    assert record.expires_at == reservation.created_at + datetime.timedelta(days=30)

    again = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-9")
    assert (again.status_code, again["Idempotent-Replayed"], again["Location"]) == (
        201,
        "true",
        f"{URL}{reservation.pk}/",
    )
    assert again.json() == reservation_data(Reservation.objects.prefetch_related("lines").get(pk=reservation.pk))
    assert Reservation.objects.count() == 1

    other = orders_client.post(URL, {**body, "reference": "order-10"}, format="json", HTTP_IDEMPOTENCY_KEY="order-9")
    assert (other.status_code, other.json()["errors"][0]["code"]) == (422, "idempotency_key_reused")
    assert Reservation.objects.count() == 1


def test_a_legacy_key_whose_request_cannot_be_recovered_refuses_every_retry(
    orders_client: APIClient, stocked: None
) -> None:
    body = {"reference": "order-11", "lines": [{"sku": "A", "quantity": 1}], "ttl_seconds": 600, "commit": True}
    legacy(orders_client, body, key="order-11", fingerprint="0" * 64)
    assert ReservationKey.objects.get().fingerprint == "0" * 64
    # Refused rather than a second reservation under the key.
    again = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-11")
    assert (again.status_code, again.json()["errors"][0]["code"]) == (422, "idempotency_key_reused")
    assert Reservation.objects.count() == 1


def test_the_migrated_answer_is_the_views() -> None:
    # The migration writes reservation_data's answer itself (migrations import no app code).
    reservation = Reservation(
        id=uuid.uuid4(),
        status="held",
        reference="r",
        caller="service:orders",
        expires_at=datetime.datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=datetime.UTC),
        created_at=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        updated_at=datetime.datetime(2026, 1, 2, 3, 4, 6, tzinfo=datetime.UTC),
    )
    from decimal import Decimal

    lines = [
        ReservationLine(sku="A", name='Zoë "Q"', quantity=2, unit_price=Decimal("99999999.99"), currency="EUR"),
        ReservationLine(sku="B", name="b", quantity=1, unit_price=Decimal("0"), currency="EUR"),
    ]
    reservation._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
    assert migration._answer(reservation, lines) == reservation_data(reservation)


# --- the migration itself, on a database at 0009 ------------------------------------------------

# Run at 0009 by ``manage.py shell``: a product, then reservations as the old code wrote them
# (its key and fingerprint in the reservation row, ``now`` read a moment before the INSERT).
SEED_AT_0009 = """
import datetime, hashlib, json, uuid
from decimal import Decimal
from django.utils import timezone
from catalog_service.catalog.services.categories import category_create
from types import SimpleNamespace
from django.db import connection
category = category_create(name="C", slug="c", parent_id=None)
# Products in SQL: today's Product model has columns that later migrations add.
def product_at_0009(sku, price, category=category, Decimal=Decimal, SimpleNamespace=SimpleNamespace,
                    connection=connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO catalog_product (sku, name, slug, description, category_id, price, currency, attributes, "
            "is_active) VALUES (%s, %s, %s, '', %s, %s, 'EUR', '{}', true) RETURNING id",
            [sku, f"Product {sku}", sku.lower(), category.pk, Decimal(price)],
        )
        return SimpleNamespace(pk=cursor.fetchone()[0], name=f"Product {sku}", price=Decimal(price))
products = {sku: product_at_0009(sku, price) for sku, price in (("A", "10.00"), ("B", "2.50"))}
def old(reference, lines, ttl):
    import hashlib, json  # (a function run by ``shell -c`` sees only what it imports itself)
    what = {"reference": reference, "lines": [{"sku": s, "quantity": q} for s, q in lines], "ttl_seconds": ttl}
    return hashlib.sha256(json.dumps(what, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
def reserve(key, reference, lines, ttl, status, age, fingerprint=None, products=products, old=old):
    import datetime, uuid
    from django.db import connection
    from django.utils import timezone
    now = timezone.now() - age
    rid = uuid.uuid4()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO catalog_reservation (id, status, expires_at, reference, caller, idempotency_key, "
            "request_fingerprint, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [rid, status, now + datetime.timedelta(seconds=ttl), reference, "service:orders", key,
             fingerprint or old(reference, lines, ttl), now + datetime.timedelta(milliseconds=3), now + age],
        )
        for sku, quantity in lines:
            cursor.execute(
                "INSERT INTO catalog_reservationline (reservation_id, product_id, sku, name, quantity, unit_price, "
                "currency) VALUES (%s, %s, %s, %s, %s, %s, 'EUR')",
                [rid, products[sku].pk, sku, products[sku].name, quantity, products[sku].price],
            )
    print(key, rid)
reserve("order-1", "order-1", [("B", 1), ("A", 2)], 600, "committed", datetime.timedelta(hours=1))
reserve("order-2", "order-2", [("A", 1)], 900, "held", datetime.timedelta(minutes=5))
reserve("order-3", "order-3", [("A", 1)], 900, "committed", datetime.timedelta(days=2), fingerprint="f" * 64)
reserve("order-4", "order-4", [("A", 1)], 900, "committed", datetime.timedelta(days=31))
"""


@pytest.fixture
def scratch_database() -> Iterator[str]:
    """A database of its own on the test server, dropped after the test."""
    name = f"catalog_migration_{uuid.uuid4().hex[:12]}"
    server = urlsplit(os.environ["DATABASE_URL"])
    with psycopg.connect(urlunsplit(server._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlunsplit(server._replace(path=f"/{name}"))
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def manage(database_url: str, *args: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "catalog_service.settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        "DATABASE_URL": database_url,
    }
    command = [sys.executable, str(REPO_ROOT / "catalog_service" / "manage.py"), *args]
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_migrating_a_database_at_0009_keeps_its_recent_keys_answering(scratch_database: str) -> None:
    manage(scratch_database, "migrate", "catalog", "0009", "--no-input")
    printed = manage(scratch_database, "shell", "-c", SEED_AT_0009).splitlines()
    made = dict(line.split() for line in printed if line.startswith("order-"))
    manage(scratch_database, "migrate", "catalog", "0011", "--no-input")
    with psycopg.connect(scratch_database) as database:
        columns = database.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'catalog_reservation'"
        ).fetchall()
        records = {
            row[0]: row[1:]
            for row in database.execute(
                "SELECT key, principal, fingerprint, state, response_status, response_body, response_headers, "
                "reservation_id::text, expires_at - created_at FROM catalog_reservationkey"
            ).fetchall()
        }
    assert {"idempotency_key", "request_fingerprint"}.isdisjoint(column for (column,) in columns)
    # The one made 31 days ago is past the keys' 30 days: no record.
    assert set(records) == {"order-1", "order-2", "order-3"}

    def sent(reference: str, lines: list[tuple[str, int]], ttl: int) -> str:
        # What orders' client sends (common/clients/catalog.py): every field, commit true.
        body = {
            "reference": reference,
            "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines],
            "ttl_seconds": ttl,
            "commit": True,
        }
        return request_fingerprint(method="POST", path="/api/v1/reservations/", body=body)

    principal, fingerprint, state, status, body, headers, reservation_id, ttl = records["order-1"]
    assert (principal, state, status, reservation_id, ttl) == (
        "service:orders",
        "completed",
        201,
        made["order-1"],
        datetime.timedelta(days=30),
    )
    assert fingerprint == sent("order-1", [("B", 1), ("A", 2)], 600)
    assert headers == {"Location": f"/api/v1/reservations/{made['order-1']}/"}
    assert (body["id"], body["status"], body["reference"]) == (made["order-1"], "committed", "order-1")
    assert [(line["sku"], line["quantity"], line["unit_price"]) for line in body["lines"]] == [
        ("B", 1, "2.50"),
        ("A", 2, "10.00"),
    ]
    assert records["order-2"][1] == sent("order-2", [("A", 1)], 900)
    assert records["order-2"][4]["status"] == "held"
    # A fingerprint no recovered request matches is kept: every retry under the key is refused.
    assert records["order-3"][1] == "f" * 64
