"""Journey 4: the customer's orders found by part of their email; one fulfilled (an action on a
selection, confirmed), the other cancelled from its page (confirmed), and its stock back in
catalog."""

from __future__ import annotations

from playwright.sync_api import expect

from devtools.devstack import ServiceProcess
from tests.browser.admin_pages import (
    choose_action,
    messages,
    open_list,
    result_rows,
    row_with,
    search,
    staff_page,
    tick,
)
from tests.browser.conftest import Customer, Journey, PlacedOrder
from tests.e2e.orders_support import Person, stock_of


def test_orders_found_by_part_of_the_email_are_fulfilled_and_cancelled_with_stock_back_in_catalog(
    system: dict[str, ServiceProcess],
    journey: Journey,
    staff: Person,
    customer: Customer,
    customer_orders: list[PlacedOrder],
) -> None:
    orders_url, catalog_url = system["orders"].base_url, system["catalog"].base_url
    to_fulfil, to_cancel = customer_orders
    page = staff_page(journey, orders_url)
    open_list(page, "order")

    # "ines.okafor-1a2b3c4d@shoppers.example" is found by "okafor-1a2b3c4d": a part of it.
    part = customer.email.split("@")[0].split(".", 1)[1]
    search(page, part)
    expect(result_rows(page)).to_have_count(2)
    for order in customer_orders:
        expect(row_with(page, order.id)).to_contain_text(customer.email)
        expect(row_with(page, order.id).locator("td.field-status")).to_have_text("confirmed")

    # One fulfilled: ticked, the action chosen, and confirmed on the page that asks.
    tick(row_with(page, to_fulfil.id))
    choose_action(page, "fulfil_orders")
    expect(page.locator("#transition-orders")).to_contain_text(to_fulfil.id)
    expect(page.locator("#transition-orders")).not_to_contain_text(to_cancel.id)
    page.get_by_role("button", name="Yes, fulfil").click()
    expect(messages(page)).to_contain_text(["Fulfilled 1 order(s)."])
    expect(row_with(page, to_fulfil.id).locator("td.field-status")).to_have_text("fulfilled")
    expect(row_with(page, to_cancel.id).locator("td.field-status")).to_have_text("confirmed")

    # The other cancelled from its own page, confirmed too.
    row_with(page, to_cancel.id).get_by_role("link", name=to_cancel.id).click()
    page.locator("a.order-cancel").click()
    expect(page.locator("#transition-orders")).to_contain_text(to_cancel.id)
    page.get_by_role("button", name="Yes, cancel").click()
    expect(messages(page)).to_contain_text(["Cancelled 1 order(s)."])
    expect(page.locator("div.field-status")).to_contain_text("cancelled")
    expect(page.locator("a.order-cancel")).to_have_count(0)

    # Its stock is back in catalog, and catalog's admin shows it; the fulfilled one's stays sold.
    assert stock_of(catalog_url, staff, to_cancel.sku) == {"on_hand": 10, "reserved": 0, "available": 10}
    assert stock_of(catalog_url, staff, to_fulfil.sku)["available"] == 10 - to_fulfil.quantity
    catalog_page = staff_page(journey, catalog_url)
    catalog_page.goto(catalog_url + "/admin/catalog/product/")
    search(catalog_page, to_cancel.sku)
    expect(row_with(catalog_page, to_cancel.sku).locator("td.field-on_hand")).to_have_text("10")
