"""Journey 2: in a catalog of at least 100,000 products, a product found by the beginning of its
SKU and by words of its name; its price edited; a second, concurrent edit refused rather than
silently overwriting the first."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Page, expect

from devtools.devstack import ServiceProcess
from tests.browser.admin_pages import messages, open_list, result_rows, row_with, search, staff_page
from tests.browser.conftest import Journey
from tests.e2e.orders_support import Person
from tests.e2e.web import call

# Generated products are GEN-<8 digits> (generate_products); their names are
# "<brand> <adjective> <material> <noun> <number>".
SKU = "GEN-00042424"
SKU_PREFIX = "GEN-0004242"  # GEN-00042420 to GEN-00042429
CONCURRENT_SKU = "GEN-00031337"


def product(system: dict[str, ServiceProcess], staff: Person, sku: str) -> dict[str, str]:
    reply = call("GET", system["catalog"].base_url + f"/api/v1/products/{sku}/", headers=staff.headers())
    assert reply.status == 200, reply.body
    body: dict[str, str] = reply.json()
    return body


def open_product(page: Page, base_url: str, sku: str) -> None:
    """From the product list, search the SKU and open the product's page."""
    page.goto(base_url + "/admin/catalog/product/")
    search(page, sku)
    page.get_by_role("link", name=sku, exact=True).click()
    expect(page.locator("#content h1")).to_have_text("Change product")
    expect(page.locator("div.field-sku")).to_contain_text(sku)


def test_a_product_found_by_sku_prefix_and_name_words_has_its_price_edited(
    system: dict[str, ServiceProcess], journey: Journey, staff: Person
) -> None:
    catalog = system["catalog"].base_url
    wanted = product(system, staff, SKU)
    page = staff_page(journey, catalog)
    open_list(page, "product")

    # The beginning of a SKU: the ten products it begins, and nothing else.
    search(page, SKU_PREFIX)
    expect(result_rows(page)).to_have_count(10)
    expect(page.locator("#changelist-search .result-count")).to_have_text("10 results")
    for number in range(10):
        expect(row_with(page, f"{SKU_PREFIX}{number}")).to_have_count(1)

    # Words of its name (without its number): a handful of products in 100,000, this one among them.
    words = wanted["name"].rsplit(" ", 1)[0]
    search(page, words.lower())
    expect(row_with(page, SKU)).to_have_count(1)
    names = result_rows(page).locator("td.field-name").all_inner_texts()
    assert 1 <= len(names) < 20, names
    for name in names:
        assert name.rsplit(" ", 1)[0] == words, (name, words)

    # Its price edited and saved.
    new_price = (Decimal(wanted["price"]) + Decimal("1.25")).quantize(Decimal("0.01"))
    row_with(page, SKU).get_by_role("link", name=SKU).click()
    expect(page.locator("#id_price")).to_have_value(re.compile(rf"^{re.escape(wanted['price'])}"))
    page.locator("#id_price").fill(str(new_price))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(messages(page).first).to_contain_text("was changed successfully")
    expect(row_with(page, SKU).locator("td.field-price")).to_have_text(str(new_price))
    assert product(system, staff, SKU)["price"] == str(new_price)


def test_a_concurrent_edit_of_a_product_is_refused_rather_than_overwritten(
    system: dict[str, ServiceProcess], journey: Journey, staff: Person
) -> None:
    catalog = system["catalog"].base_url
    before = Decimal(product(system, staff, CONCURRENT_SKU)["price"])
    first_price, second_price = before + Decimal("10.00"), before + Decimal("20.00")

    # Two tabs of the same staff member open the same product's page.
    first = staff_page(journey, catalog)
    open_product(first, catalog, CONCURRENT_SKU)
    second = journey.second_tab(first)
    open_product(second, catalog, CONCURRENT_SKU)

    # The first saves a new price.
    first.locator("#id_price").fill(str(first_price))
    first.get_by_role("button", name="Save", exact=True).click()
    expect(messages(first).first).to_contain_text("was changed successfully")

    # The second, still showing the old price, saves another: refused, with the reason on the
    # page, and the first edit stands.
    second.locator("#id_price").fill(str(second_price))
    second.get_by_role("button", name="Save", exact=True).click()
    expect(second).to_have_url(re.compile(r"/admin/catalog/product/\d+/change/"))
    expect(second.locator(".errornote")).to_be_visible()
    expect(second.locator("ul.errorlist")).to_contain_text("Someone changed this product since you opened this page")
    assert Decimal(product(system, staff, CONCURRENT_SKU)["price"]) == first_price

    # Reloaded, the page shows the price that was saved.
    open_product(second, catalog, CONCURRENT_SKU)
    expect(second.locator("#id_price")).to_have_value(str(first_price))
