"""The whole journey of an API consumer, through the clients generated from the committed schemas
(clients/python/, `make clients`) against the three services running as real processes.

Every API call goes through a generated operation: if a step cannot be written with the
generated client, the schema fails to document something the API does, and the schema is what
gets fixed. The admin pages are the one exception, see ``admin_session``.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import time
import uuid
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any, TypeVar

import httpx
import pytest
from mercato_accounts_client import Client as AccountsClient
from mercato_accounts_client.api.auth import auth_register, auth_token
from mercato_accounts_client.models import CredentialsRequest, RegistrationRequest, TokenPair
from mercato_catalog_client import AuthenticatedClient as CatalogClient
from mercato_catalog_client.api.categories import categories_create, categories_list
from mercato_catalog_client.api.product_imports import product_imports_create, product_imports_retrieve
from mercato_catalog_client.api.products import products_list, products_partial_update, products_retrieve
from mercato_catalog_client.api.stock import stock_adjustments_create, stock_levels_retrieve
from mercato_catalog_client.models import (
    AdjustmentModeEnum,
    AdjustmentReasonEnum,
    Category,
    CategoryWriteRequest,
    ErrorResponse,
    PaginatedProductList,
    PatchedProductUpdateRequest,
    Product,
    ProductImport,
    ProductImportDetail,
    ProductImportStatusEnum,
    ProductImportUploadRequest,
    StockAdjustmentCreateRequest,
    StockLevel,
)
from mercato_catalog_client.types import File
from mercato_orders_client import AuthenticatedClient as OrdersClient
from mercato_orders_client import Client as OrdersAnonymousClient
from mercato_orders_client.api.orders import orders_cancel, orders_create, orders_list, orders_retrieve
from mercato_orders_client.api.reports import reports_sales
from mercato_orders_client.models import (
    Order,
    OrderCreateWithAddressRequest,
    OrderLineCreateRequest,
    OrderShippingAddressInputRequest,
    OrderStatusEnum,
    PaginatedOrderList,
    ReportsSalesGroupBy,
    SalesReport,
)

from devtools.devstack import ServiceProcess, running
from tests.e2e.orders_support import CUSTOMER_PASSWORD
from tests.live_system import manage_env

T = TypeVar("T")
IMPORT_TIMEOUT_SECONDS = 90


def parsed(response: Any, status: HTTPStatus, kind: type[T]) -> T:
    """The typed body of a generated operation's response, after checking its status and type."""
    assert response.status_code == status, (response.status_code, response.content)
    assert isinstance(response.parsed, kind), response.parsed
    return response.parsed


@pytest.fixture(scope="module")
def catalog_worker(system: dict[str, ServiceProcess], tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """catalog's procrastinate worker, which runs product imports (the system fixture starts only
    the web processes)."""
    catalog = system["catalog"]
    (command,) = catalog.spec.workers
    log_path = tmp_path_factory.mktemp("catalog-worker") / "worker.log"
    worker = ServiceProcess.worker(catalog.spec, manage_env(catalog), command, log_path=log_path)
    with running([worker]):
        yield


def sign_in(accounts: AccountsClient, email: str, password: str) -> str:
    tokens = parsed(
        auth_token.sync_detailed(client=accounts, body=CredentialsRequest(email=email, password=password)),
        HTTPStatus.OK,
        TokenPair,
    )
    return tokens.access_token


@contextlib.contextmanager
def admin_session(base_url: str, email: str, password: str) -> Iterator[httpx.Client]:
    """A browser-like session on a service's Django admin, signed in with accounts credentials.

    The admin is HTML, outside every OpenAPI schema, so no generated operation exists for it.
    Rather than a second HTTP stack, this uses the httpx client the generated package itself
    builds (the same base URL, timeouts and transport as every API call above), with the cookies
    and redirects a browser has, and fills in the admin's login form as a person would.
    """
    with OrdersAnonymousClient(base_url=base_url, follow_redirects=True) as generated:
        session = generated.get_httpx_client()
        form = session.get("/admin/login/", params={"next": "/admin/"})
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        assert match is not None, form.text
        signed_in = session.post(
            "/admin/login/?next=/admin/",
            data={"csrfmiddlewaretoken": match.group(1), "username": email, "password": password, "next": "/admin/"},
        )
        assert signed_in.status_code == 200
        assert signed_in.url.path == "/admin/", signed_in.text  # the dashboard, not the form again
        yield session


def test_a_customer_and_a_staff_member_go_through_the_whole_api(
    system: dict[str, ServiceProcess], staff_member: tuple[str, str], catalog_worker: None
) -> None:
    accounts = AccountsClient(base_url=system["accounts"].base_url, raise_on_unexpected_status=True)
    suffix = uuid.uuid4().hex[:8]

    # --- staff: a category tree, products from a CSV import, stock --------------------------
    staff_token = sign_in(accounts, *staff_member)
    staff_catalog = CatalogClient(
        base_url=system["catalog"].base_url, token=staff_token, raise_on_unexpected_status=True
    )
    root = parsed(
        categories_create.sync_detailed(
            client=staff_catalog, body=CategoryWriteRequest(name=f"Furniture {suffix}", slug=f"furniture-{suffix}")
        ),
        HTTPStatus.CREATED,
        Category,
    )
    chairs = parsed(
        categories_create.sync_detailed(
            client=staff_catalog, body=CategoryWriteRequest(name="Chairs", slug=f"chairs-{suffix}", parent=root.id)
        ),
        HTTPStatus.CREATED,
        Category,
    )
    oak, pine = f"OAK-{suffix}".upper(), f"PINE-{suffix}".upper()
    csv = (
        "sku,name,description,price,currency,category,attributes,stock\n"
        f'{oak},Oak chair {suffix},Solid oak,120.00,EUR,furniture-{suffix}/chairs-{suffix},"{{""wood"": ""oak""}}",5\n'
        f"{pine},Pine chair {suffix},,45.50,EUR,chairs-{suffix},,3\n"
        f"bad sku!,Broken,,1.00,EUR,chairs-{suffix},,1\n"
    )
    upload = ProductImportUploadRequest(
        file=File(payload=io.BytesIO(csv.encode()), file_name="chairs.csv", mime_type="text/csv")
    )
    job = parsed(
        product_imports_create.sync_detailed(client=staff_catalog, body=upload), HTTPStatus.ACCEPTED, ProductImport
    )
    deadline = time.monotonic() + IMPORT_TIMEOUT_SECONDS
    while True:
        detail = parsed(
            product_imports_retrieve.sync_detailed(job.id, client=staff_catalog), HTTPStatus.OK, ProductImportDetail
        )
        if detail.status in (ProductImportStatusEnum.SUCCEEDED, ProductImportStatusEnum.FAILED):
            break
        assert time.monotonic() < deadline, f"import still {detail.status} after {IMPORT_TIMEOUT_SECONDS}s"
        time.sleep(0.5)
    assert detail.status == ProductImportStatusEnum.SUCCEEDED, detail.error
    assert (detail.total_rows, detail.created, detail.rejected) == (3, 2, 1)
    assert [(row.line, row.sku) for row in detail.rejected_rows] == [(4, "bad sku!")]
    adjusted = stock_adjustments_create.sync_detailed(
        oak,
        client=staff_catalog,
        body=StockAdjustmentCreateRequest(mode=AdjustmentModeEnum.ADD, quantity=5, reason=AdjustmentReasonEnum.RESTOCK),
    )
    assert adjusted.status_code == HTTPStatus.CREATED, adjusted.content
    stock = parsed(stock_levels_retrieve.sync_detailed(oak, client=staff_catalog), HTTPStatus.OK, StockLevel)
    assert (stock.on_hand, stock.reserved, stock.available) == (10, 0, 10)

    # --- a customer: register, sign in, browse, search, read -------------------------------
    email = f"journey-{suffix}@e2e.example"
    registered = auth_register.sync_detailed(
        client=accounts, body=RegistrationRequest(email=email, password=CUSTOMER_PASSWORD, full_name="Jo Journey")
    )
    assert registered.status_code == HTTPStatus.ACCEPTED, registered.content
    token = sign_in(accounts, email, CUSTOMER_PASSWORD)
    catalog = CatalogClient(base_url=system["catalog"].base_url, token=token, raise_on_unexpected_status=True)

    tree = categories_list.sync_detailed(client=catalog, parent=root.id)
    assert tree.status_code == HTTPStatus.OK
    assert isinstance(tree.parsed, list)
    assert [(category.id, category.parent, category.depth) for category in tree.parsed] == [
        (chairs.id, root.id, root.depth + 1)
    ]

    # Search is indexed behind the write (docs/catalog.md, "Search freshness"): the worker runs
    # the indexing job once the import ends. A client waits for it by Search-Indexed-Through.
    written = parsed(products_retrieve.sync_detailed(oak, client=catalog), HTTPStatus.OK, Product).updated_at
    deadline = time.monotonic() + IMPORT_TIMEOUT_SECONDS
    while True:
        searched = products_list.sync_detailed(client=catalog, q=f"oak chair {suffix}", page_size=10)
        indexed_through = datetime.datetime.fromisoformat(searched.headers["Search-Indexed-Through"])
        if indexed_through > written:
            break
        assert time.monotonic() < deadline, f"search not current {IMPORT_TIMEOUT_SECONDS}s after the import"
        time.sleep(0.2)
    found = parsed(searched, HTTPStatus.OK, PaginatedProductList)
    assert [product.sku for product in found.results] == [oak]
    in_category = parsed(
        products_list.sync_detailed(client=catalog, category=root.id, page_size=1),
        HTTPStatus.OK,
        PaginatedProductList,
    )
    assert len(in_category.results) == 1
    assert isinstance(in_category.next_, str)  # a second page, reached by its cursor
    cursor = in_category.next_cursor
    assert isinstance(cursor, str)
    assert httpx.URL(in_category.next_).params["cursor"] == cursor
    second = parsed(
        products_list.sync_detailed(client=catalog, category=root.id, page_size=1, cursor=cursor),
        HTTPStatus.OK,
        PaginatedProductList,
    )
    assert {in_category.results[0].sku, second.results[0].sku} == {oak, pine}

    read = products_retrieve.sync_detailed(oak, client=catalog)
    product = parsed(read, HTTPStatus.OK, Product)
    assert (product.name, product.price, product.currency, product.category) == (
        f"Oak chair {suffix}",
        "120.00",
        "EUR",
        chairs.id,
    )
    assert product.attributes.additional_properties == {"wood": "oak"}
    etag = read.headers["ETag"]
    unchanged = products_retrieve.sync_detailed(oak, client=catalog, if_none_match=etag)
    assert unchanged.status_code == HTTPStatus.NOT_MODIFIED
    assert unchanged.content == b""

    # --- the customer orders, reads the order, cancels it ----------------------------------
    orders = OrdersClient(base_url=system["orders"].base_url, token=token, raise_on_unexpected_status=True)
    address = OrderShippingAddressInputRequest(
        recipient="Jo Journey", line1="1 Main Street", city="Berlin", postal_code="10115", country="DE"
    )
    request = OrderCreateWithAddressRequest(
        lines=[OrderLineCreateRequest(sku=oak, quantity=2), OrderLineCreateRequest(sku=pine, quantity=1)],
        shipping_address=address,
    )
    key = str(uuid.uuid4())
    placed = parsed(
        orders_create.sync_detailed(client=orders, body=request, idempotency_key=key), HTTPStatus.CREATED, Order
    )
    assert placed.status == OrderStatusEnum.CONFIRMED, placed.rejection
    assert (placed.total, placed.currency) == ("285.50", "EUR")
    replayed = orders_create.sync_detailed(client=orders, body=request, idempotency_key=key)
    assert replayed.status_code == HTTPStatus.CREATED
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert isinstance(replayed.parsed, Order)
    assert replayed.parsed.id == placed.id

    mine = parsed(orders_list.sync_detailed(client=orders), HTTPStatus.OK, PaginatedOrderList)
    assert [order.id for order in mine.results] == [placed.id]
    again = parsed(orders_retrieve.sync_detailed(placed.id, client=orders), HTTPStatus.OK, Order)
    assert [(line.sku, line.quantity, line.unit_price) for line in again.lines] == [
        (oak, 2, "120.00"),
        (pine, 1, "45.50"),
    ]
    cancelled = parsed(orders_cancel.sync_detailed(placed.id, client=orders), HTTPStatus.OK, Order)
    assert cancelled.status == OrderStatusEnum.CANCELLED
    stock = parsed(stock_levels_retrieve.sync_detailed(oak, client=staff_catalog), HTTPStatus.OK, StockLevel)
    assert (stock.on_hand, stock.reserved) == (10, 0)  # the cancelled order's units came back

    # A second order stands, for the report.
    kept = parsed(
        orders_create.sync_detailed(
            client=orders,
            body=OrderCreateWithAddressRequest(
                lines=[OrderLineCreateRequest(sku=pine, quantity=2)], shipping_address=address
            ),
            idempotency_key=str(uuid.uuid4()),
        ),
        HTTPStatus.CREATED,
        Order,
    )
    assert kept.status == OrderStatusEnum.CONFIRMED, kept.rejection

    # --- staff: the sales report ------------------------------------------------------------
    staff_orders = OrdersClient(base_url=system["orders"].base_url, token=staff_token, raise_on_unexpected_status=True)
    today = datetime.datetime.now(datetime.UTC).date()
    report = parsed(
        reports_sales.sync_detailed(
            client=staff_orders, date_from=today, date_to=today, group_by=ReportsSalesGroupBy.SKU, limit=1000
        ),
        HTTPStatus.OK,
        SalesReport,
    )
    ours = {row.sku: (row.orders, row.units, row.revenue) for row in report.results if row.sku in (oak, pine)}
    assert ours == {pine: (1, 2, "91.00")}  # the cancelled order does not count

    # --- staff: the catalog and orders admins, signed in with their accounts login ----------
    email_staff, password_staff = staff_member
    with admin_session(system["catalog"].base_url, email_staff, password_staff) as catalog_admin:
        products_page = catalog_admin.get("/admin/catalog/product/", params={"q": oak})
        assert products_page.status_code == 200
        assert products_page.url.path == "/admin/catalog/product/"
        assert f"Oak chair {suffix}" in products_page.text
    with admin_session(system["orders"].base_url, email_staff, password_staff) as orders_admin:
        order_page = orders_admin.get(f"/admin/orders/order/{kept.id}/change/")
        assert order_page.status_code == 200
        assert order_page.url.path == f"/admin/orders/order/{kept.id}/change/"
        assert email in order_page.text

    # --- staff: a write guarded by the ETag they read (If-Match) ----------------------------
    read = products_retrieve.sync_detailed(oak, client=staff_catalog)
    etag = read.headers["ETag"]
    renamed = parsed(
        products_partial_update.sync_detailed(
            oak, client=staff_catalog, body=PatchedProductUpdateRequest(name=f"Oak armchair {suffix}"), if_match=etag
        ),
        HTTPStatus.OK,
        Product,
    )
    # Only the name was sent: the rest stays as it was.
    assert (renamed.name, renamed.description, renamed.price) == (f"Oak armchair {suffix}", "Solid oak", "120.00")
    stale = parsed(
        products_partial_update.sync_detailed(
            oak, client=staff_catalog, body=PatchedProductUpdateRequest(name="Lost update"), if_match=etag
        ),
        HTTPStatus.PRECONDITION_FAILED,
        ErrorResponse,
    )
    assert stale.errors[0].code == "precondition_failed"
