"""Every request orders puts on the wire is an operation its clients declare: the declarations
are checked against the committed schemas in tests/common/test_client_contracts.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from common.clients import accounts, catalog
from devtools.devstack import REPO_ROOT
from orders_service.orders.api.serializers.common import SKU_PATTERN
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

OPERATIONS = (*accounts.OPERATIONS, *catalog.OPERATIONS)


def test_orders_validates_skus_as_catalog_does() -> None:
    schemas = yaml.safe_load((REPO_ROOT / "catalog_service" / "openapi.yaml").read_text())["components"]["schemas"]
    assert schemas["ReservationCreateLineRequest"]["properties"]["sku"]["pattern"] == SKU_PATTERN


def _template(path: str) -> Callable[[str], bool]:
    pattern = re.compile("^" + re.sub(r"{\w+}", "[^/]+", path) + "(\\?.*)?$")
    return lambda candidate: bool(pattern.match(candidate))


@pytest.mark.django_db
def test_every_request_orders_sends_is_a_declared_operation(
    shopper: Shopper, catalog: Catalog, place: Callable[..., Any], directory: Any
) -> None:
    """Drive the whole saga and a cancellation; every request on the wire matches a declaration."""
    catalog.add("MUG-1", stock=2)
    catalog.add("USD-1", stock=2, currency="USD")
    address_id = directory.add_address(shopper.id)
    order_id = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id).json()["id"]
    shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")
    place(shopper, [("MUG-1", 1), ("USD-1", 1)])  # mixed currencies: a release
    place(shopper, [("MUG-1", 5)])  # a shortage
    sent = [(r.method, r.path) for r in [*catalog.server.requests, *directory.server.requests]]
    declared = [(op.method, _template(op.path)) for op in OPERATIONS]
    assert {op.operation_id for op in OPERATIONS} >= {"reservations_release", "reservations_return"}
    unmatched = [(m, p) for m, p in sent if not any(m == dm and matches(p) for dm, matches in declared)]
    assert unmatched == []
    assert {m for m, _ in sent} == {"GET", "POST"}
