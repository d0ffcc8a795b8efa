"""Spreadsheet formulas a customer types at registration do not reach staff's orders export as
formulas (OWASP "CSV Injection", common/csv_cells.py), through the three real services: accounts
registers the customer, orders copies the email when the order is placed, staff export it."""

from __future__ import annotations

import csv
import datetime
import io
import uuid

import pytest

from devtools.devstack import ServiceProcess
from tests.e2e.orders_support import CUSTOMER_PASSWORD, Person, create_product, person, place_order
from tests.e2e.web import call


@pytest.fixture(scope="module")
def staff(system: dict[str, ServiceProcess], staff_member: tuple[str, str]) -> Person:
    return person(system, *staff_member)


def test_a_formula_email_reaches_the_orders_export_as_text(system: dict[str, ServiceProcess], staff: Person) -> None:
    accounts, catalog, orders = (system[name].base_url for name in ("accounts", "catalog", "orders"))
    # An email a spreadsheet would evaluate (=2+5-...), valid for accounts; one registration only:
    # accounts allows ten an hour per address, shared by the whole e2e run.
    email = f"=2+5-{uuid.uuid4().hex[:8]}@e2e.example"
    registered = call(
        "POST",
        accounts + "/api/v1/auth/register/",
        json_body={"email": email, "password": CUSTOMER_PASSWORD, "full_name": "@SUM(1+1)"},
    )
    assert registered.status == 202, registered.body
    customer = person(system, email, CUSTOMER_PASSWORD)
    sku = create_product(catalog, staff, stock=5)
    placed = place_order(orders, customer, [(sku, 2)])
    assert placed.status == 201, placed.body
    order_id = placed.json()["id"]

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    export = call(
        "GET",
        orders + f"/api/v1/reports/orders-export/?date_from={today}&date_to={today}",
        headers=staff.headers(Accept="text/csv"),
    )
    assert export.status == 200, export.body
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(export.body.decode()))}
    assert rows[order_id]["customer_email"] == "'" + email
    assert rows[order_id]["total"] == "19.00"  # a number stays a number
