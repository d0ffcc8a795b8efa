"""What staff do on a Django admin page, as a person does it: typing, clicking, reading."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Journey
from tests.live_system import STAFF_EMAIL, STAFF_PASSWORD


def sign_in(page: Page, base_url: str, email: str, password: str) -> None:
    """Open a service's admin and fill in its login form (the accounts email and password)."""
    page.goto(base_url + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    # The field is Django's "username" on every admin; staff type their accounts email into it.
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


def expect_signed_in(page: Page, base_url: str) -> None:
    """The admin's index, with a way to log out: signed in."""
    expect(page).to_have_url(base_url + "/admin/")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def open_list(page: Page, model: str) -> None:
    """From the admin's index, the list of a model (its row in the app's table, by model name)."""
    page.locator(f"tr.model-{model} th a").click()
    expect(page).to_have_url(re.compile(rf"/admin/\w+/{model}/$"))


def search(page: Page, term: str) -> None:
    """Type ``term`` into a changelist's search box and press Enter."""
    box = page.locator("#searchbar")
    box.fill(term)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q="))


def result_rows(page: Page) -> Locator:
    return page.locator("#result_list tbody tr")


def row_with(page: Page, text: str) -> Locator:
    return result_rows(page).filter(has_text=text)


def messages(page: Page) -> Locator:
    """The admin's messages after an action or a save (Django's messages framework)."""
    return page.locator("ul.messagelist li")


def staff_page(journey: Journey, base_url: str) -> Page:
    """A new browser (context) signed in to a service's admin as the staff member."""
    page = journey.new_page()
    sign_in(page, base_url, STAFF_EMAIL, STAFF_PASSWORD)
    expect_signed_in(page, base_url)
    return page


def choose_action(page: Page, action: str) -> None:
    """Run a changelist action (by its name, e.g. ``fulfil_orders``) on the ticked rows."""
    page.locator("select[name=action]").select_option(action)
    page.get_by_role("button", name="Go").click()


def tick(row: Locator) -> None:
    row.locator("input.action-select").check()
