"""Journey 1: staff sign in to catalog's admin with their accounts login; a customer does not."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from devtools.devstack import ServiceProcess
from tests.browser.admin_pages import expect_signed_in, open_list, sign_in
from tests.browser.conftest import Customer, Journey
from tests.live_system import STAFF_EMAIL, STAFF_PASSWORD


def test_staff_sign_in_through_accounts_and_a_customer_is_refused_with_a_message(
    system: dict[str, ServiceProcess], journey: Journey, customer: Customer
) -> None:
    catalog = system["catalog"].base_url

    # A customer's correct accounts password does not open the staff admin; the page says why.
    outsider = journey.new_page()
    sign_in(outsider, catalog, customer.email, customer.password)
    expect(outsider).to_have_url(re.compile(r"/admin/login/"))
    expect(outsider.locator(".errornote")).to_contain_text(
        "This account is not a staff account: the admin is for staff only."
    )
    expect(outsider.get_by_role("button", name="Log out")).to_have_count(0)
    outsider.goto(catalog + "/admin/catalog/product/")
    expect(outsider).to_have_url(re.compile(r"/admin/login/\?next=/admin/catalog/product/"))

    # Staff, with the same form and their accounts login, reach the catalog's admin.
    page = journey.new_page()
    sign_in(page, catalog, STAFF_EMAIL, STAFF_PASSWORD)
    expect_signed_in(page, catalog)
    expect(page.locator("#user-tools")).to_contain_text("Welcome")
    open_list(page, "product")
    expect(page).to_have_url(catalog + "/admin/catalog/product/")
    expect(page.locator("#result_list tbody tr").first).to_be_visible()
