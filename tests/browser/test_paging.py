"""Journey 5: the last page of the product list (at least 100,000 products) reached by paging."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from devtools.devstack import ServiceProcess
from tests.browser.admin_pages import open_list, result_rows, staff_page
from tests.browser.conftest import CATALOG_PRODUCTS, Journey
from tests.e2e.orders_support import database_rows


def test_the_product_list_pages_to_its_last_row(system: dict[str, ServiceProcess], journey: Journey) -> None:
    catalog = system["catalog"]
    # The list's ordering is the newest change first (-updated_at, then -id): its last row is
    # the product changed longest ago, read here from catalog's database.
    [(last_sku,)] = database_rows(catalog, "SELECT sku FROM catalog_product ORDER BY updated_at, id LIMIT 1")
    [(total,)] = database_rows(catalog, "SELECT count(*) FROM catalog_product")
    assert total >= CATALOG_PRODUCTS

    page = staff_page(journey, catalog.base_url)
    open_list(page, "product")
    paginator = page.locator("p.paginator")
    # Counted by PostgreSQL's statistics, and worded as the estimate it is.
    expect(paginator.locator(".result-count")).to_contain_text(re.compile(r"rows 1-100 of about [\d.,]+"))
    expect(result_rows(page)).to_have_count(100)
    expect(result_rows(page).filter(has_text=last_sku)).to_have_count(0)

    paginator.get_by_role("link", name="Next").click()
    expect(paginator.locator(".result-count")).to_contain_text("rows 101-200 of about")
    paginator.get_by_role("link", name="Last page").click()

    expect(page).to_have_url(re.compile(r"[?&]p=-1\b"))
    # The last page is the last 100 rows, however the table's size divides.
    expect(paginator.locator(".result-count")).to_contain_text("the last 100 rows of about")
    expect(result_rows(page)).to_have_count(100)
    expect(result_rows(page).last).to_contain_text(last_sku)
    # Nothing after it.
    expect(paginator.get_by_role("link", name="Next")).to_have_count(0)
    expect(paginator.get_by_role("link", name="Last page")).to_have_count(0)
