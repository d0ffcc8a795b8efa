"""Journey 3: a product CSV uploaded and its import started from catalog's admin; its progress
seen changing on the page without a reload; the rejected rows downloaded with their reasons."""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from devtools.devstack import ServiceProcess
from tests.browser.admin_pages import messages, open_list, staff_page
from tests.browser.conftest import Journey
from tests.e2e.orders_support import Person
from tests.e2e.web import call

# Enough rows for the import to run for several of its 5,000-row batches, so that its page
# shows it under way before it ends.
ROWS = 80_000
CATEGORY = "browser-imports"
# Rows the import rejects, each for a reason of its own (the header is line 1).
BAD_PRICE_LINE, UNKNOWN_CATEGORY_LINE, BAD_CURRENCY_LINE = 1_002, 40_002, 79_002
# The code each is rejected with (docs/catalog-bulk.md, "Rejected rows").
REJECTED = {BAD_PRICE_LINE: "min_value", UNKNOWN_CATEGORY_LINE: "unknown_category", BAD_CURRENCY_LINE: "max_length"}
# How long the page may take to show the import finished (it runs on catalog's worker).
IMPORT_DEADLINE_SECONDS = 300


def imported_sku(line: int) -> str:
    return f"IMP-{line:06d}"


@pytest.fixture
def product_csv(system: dict[str, ServiceProcess], staff: Person, tmp_path: Path) -> Path:
    """ROWS products in CATEGORY (created through the API), three of them broken."""
    reply = call(
        "POST",
        system["catalog"].base_url + "/api/v1/categories/",
        json_body={"name": "Browser imports", "slug": CATEGORY},
        headers=staff.headers(),
    )
    assert reply.status == 201, reply.body
    path = tmp_path / "products.csv"
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["sku", "name", "description", "price", "currency", "category", "attributes", "stock"])
        for line in range(2, ROWS + 2):
            price = "-3.00" if line == BAD_PRICE_LINE else "12.50"
            category = "no-such-category" if line == UNKNOWN_CATEGORY_LINE else CATEGORY
            currency = "euro" if line == BAD_CURRENCY_LINE else "EUR"
            writer.writerow(
                [imported_sku(line), f"Imported lamp {line}", "A lamp.", price, currency, category, "{}", "5"]
            )
    return path


def test_an_import_started_from_the_admin_shows_its_progress_and_its_rejected_rows(
    system: dict[str, ServiceProcess], journey: Journey, staff: Person, product_csv: Path
) -> None:
    catalog = system["catalog"].base_url
    page = staff_page(journey, catalog)
    open_list(page, "productimport")
    page.get_by_role("link", name="Add product import").click()

    # The file chosen as in a file dialog, the import started.
    expect(page.locator("#content h1")).to_have_text("Upload products")
    page.locator("input[name=file]").set_input_files(product_csv)
    page.get_by_role("button", name="Upload and start the import").click()
    expect(page).to_have_url(re.compile(r"/admin/catalog/productimport/[0-9a-f-]+/change/"))
    expect(messages(page).first).to_contain_text(f"Import of {product_csv.name} started")

    # From here on the page must not load again: a mark left in it survives only if it does not.
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame.parent_frame is None else None)
    page.evaluate("window.__stillTheSamePage = true")
    box = page.locator("#import-progress")
    status, processed = box.locator("[data-field=status]"), box.locator("[data-field=rows_processed]")
    seen: list[tuple[str, str]] = []
    deadline = time.monotonic() + IMPORT_DEADLINE_SECONDS
    while box.get_attribute("data-finished") != "true":
        state = (status.inner_text(), processed.inner_text())
        if not seen or seen[-1] != state:
            seen.append(state)
        assert time.monotonic() < deadline, f"not finished after {IMPORT_DEADLINE_SECONDS} s: {seen}"
        page.wait_for_timeout(100)
    seen.append((status.inner_text(), processed.inner_text()))
    # Seen under way and then finished, the numbers changing, all on the page first loaded.
    assert seen[-1] == ("succeeded", str(ROWS)), seen
    assert [state for state in seen if state[0] in ("queued", "running")], seen
    assert len({rows for _, rows in seen}) >= 2, seen
    assert navigations == []
    assert page.evaluate("window.__stillTheSamePage") is True
    expect(box.locator("[data-field=rejected]")).to_have_text(str(len(REJECTED)))
    expect(box.locator("[data-field=created]")).to_have_text(str(ROWS - len(REJECTED)))
    assert box.locator("progress").evaluate("bar => bar.value") == 100
    # A succeeded import shows no error, not even an empty error box.
    expect(box.locator("[data-field=error]")).to_be_hidden()

    # The rejected rows, downloaded with their reasons.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download rejected rows (CSV)").click()
    download = download_info.value
    rejected = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    # One line per problem: where, which SKU, the code, and a message for people.
    assert [(int(row["line"]), row["sku"], row["code"]) for row in rejected] == [
        (line, imported_sku(line), code) for line, code in sorted(REJECTED.items())
    ], rejected
    assert all(row["message"] for row in rejected), rejected

    # What was not rejected is in the catalog.
    reply = call("GET", catalog + f"/api/v1/products/{imported_sku(ROWS + 1)}/", headers=staff.headers())
    assert reply.status == 200, reply.body
