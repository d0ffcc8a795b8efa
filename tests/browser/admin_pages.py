"""What staff do on a Django admin page, as a person does it: typing, clicking, reading."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect


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
