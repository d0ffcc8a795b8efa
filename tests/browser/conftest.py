"""The admin and the API docs in a real browser: Debian's Chromium driven by Playwright, against the
three services as real processes (tests/live_system.py), a catalog of at least 100,000 products,
a staff member, a customer and their orders.

Each test is one journey. The page it ended on is saved as a screenshot in SCREENSHOTS (outside
git); the run's summary says where. Every page a journey opens is watched for Content-Security-
Policy violations, which fail the journey: the admin's own scripts must run under the policy too.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, expect, sync_playwright

from devtools.devstack import REPO_ROOT, ServiceProcess, manage, running
from tests.e2e.orders_support import Person, create_product, person, place_order, stock_of
from tests.e2e.web import call
from tests.live_system import (
    STAFF_EMAIL,
    STAFF_PASSWORD,
    manage_env,
    seed_staff,
    service_processes,
    started,
    worker_process,
)

# Debian's package (`make install` installs it): Playwright's own browser download is not
# reachable from where this runs, and one browser from the distribution is one thing to patch.
CHROMIUM: Final = Path("/usr/bin/chromium")
# Headless in a container as root (no sandbox, no GPU). The rest keep Chromium off the network
# it would otherwise call at start (updates, sync, field trials, QUIC probes): on a closed
# network it waits on those and the first page never loads. Each launch gets a fresh profile
# (Playwright creates a temporary --user-data-dir per browser and deletes it afterwards).
CHROMIUM_FLAGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
SCREENSHOTS: Final = REPO_ROOT / ".data" / "browser-screenshots"
# The bar: search and paging are tried on a catalog of at least this many products.
CATALOG_PRODUCTS: Final = 100_000
CUSTOMER_PASSWORD: Final = "Opal-river-4821"
# Every sign-in (the admin's and the API's) comes from the one test address: on a quick machine
# the suite can pass production's 30 a minute, as tests/e2e found. The lockout keeps its limit.
ACCOUNTS_BROWSER_ENV: Final = {"THROTTLE_RATE_TOKEN": "1000/minute"}
# A page may take a while on a loaded machine (two cores shared by every suite and the services).
EXPECT_TIMEOUT_MS: Final = 20_000
ACTION_TIMEOUT_MS: Final = 30_000


def pytest_configure(config: pytest.Config) -> None:
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The first journey also waits for the system: migrations and 100,000 generated products
    # (about a minute alone, several on a busy machine), beyond the suite-wide 300 s.
    for item in items:
        item.add_marker(pytest.mark.timeout(900))


# --- the system ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Customer:
    email: str
    password: str
    person: Person


@dataclass(frozen=True)
class PlacedOrder:
    id: str
    sku: str
    quantity: int


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceProcess]]:
    """The three services with catalog's worker (it runs the admin's imports), a staff member
    and CATALOG_PRODUCTS generated products (catalog's own generate_products)."""
    root = tmp_path_factory.mktemp("browser-system")
    processes = service_processes(
        root,
        dbname_prefix="browser",
        extra_env=lambda name: ACCOUNTS_BROWSER_ENV if name == "accounts" else {},
    )
    seed_staff(processes["accounts"], STAFF_EMAIL, STAFF_PASSWORD)
    catalog = processes["catalog"]
    # A browser needs each service's static files (the admin's and the API docs' CSS and
    # scripts), collected as the dev runner and the image do; compressing them takes most of a
    # CPU-minute, so they are collected while catalog generates its products.
    commands: list[tuple[ServiceProcess, tuple[str, ...]]] = [
        (process, ("collectstatic", "--noinput")) for process in processes.values()
    ]
    commands.append((catalog, ("generate_products", str(CATALOG_PRODUCTS), "--no-progress")))
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        for done in [pool.submit(manage, process.spec, manage_env(process), *args) for process, args in commands]:
            done.result()
    with started(list(processes.values())), running([worker_process(catalog, root / "catalog-worker.log")]):
        _wait_until_search_is_current(catalog)
        yield processes


def _wait_until_search_is_current(catalog: ServiceProcess, timeout: float = 600) -> None:
    """Until the worker has indexed the generated products for full-text search (searched by
    words in the admin), as an operator sees it: on catalog's /metrics."""
    deadline = time.monotonic() + timeout
    while True:
        page = httpx.get(f"{catalog.base_url}/metrics", timeout=10).text
        if "mercato_catalog_search_waiting_products 0.0" in page:
            return
        assert time.monotonic() < deadline, f"products still wait for the search indexer after {timeout} s"
        time.sleep(1)


@pytest.fixture(scope="session")
def staff(system: dict[str, ServiceProcess]) -> Person:
    """The staff member's token, for setting up through the API what a journey starts from."""
    return person(system, STAFF_EMAIL, STAFF_PASSWORD)


@pytest.fixture(scope="session")
def customer(system: dict[str, ServiceProcess]) -> Customer:
    """A customer registered through accounts' API, with an email no other person shares a part of."""
    email = f"ines.okafor-{uuid.uuid4().hex[:8]}@shoppers.example"
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/register/",
        json_body={"email": email, "password": CUSTOMER_PASSWORD, "full_name": "Ines Okafor"},
    )
    assert reply.status == 202, reply.body
    return Customer(email=email, password=CUSTOMER_PASSWORD, person=person(system, email, CUSTOMER_PASSWORD))


@pytest.fixture(scope="session")
def customer_orders(system: dict[str, ServiceProcess], staff: Person, customer: Customer) -> list[PlacedOrder]:
    """Two confirmed orders of the customer, each for a product of its own with 10 in stock."""
    catalog, orders = system["catalog"].base_url, system["orders"].base_url
    placed = []
    for quantity in (2, 3):
        sku = create_product(catalog, staff, stock=10)
        reply = place_order(orders, customer.person, [(sku, quantity)])
        assert reply.status == 201, reply.body
        assert reply.json()["status"] == "confirmed", reply.body
        assert stock_of(catalog, staff, sku)["available"] == 10 - quantity
        placed.append(PlacedOrder(id=reply.json()["id"], sku=sku, quantity=quantity))
    return placed


# --- the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make install` (as root) installs Debian's chromium"
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_FLAGS))
    yield chromium
    chromium.close()


# Pages report their Content-Security-Policy violations twice: the DOM event (what the policy
# blocked, with the directive) and Chromium's console error ("Refused to ..."). Both are kept.
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@dataclass
class Journey:
    """The browser side of one journey: fresh contexts (separate people), each page watched."""

    browser: Browser
    contexts: list[BrowserContext] = field(default_factory=list)
    csp_errors: list[str] = field(default_factory=list)
    # What went wrong on the pages, printed after the journey (pytest shows it when it failed).
    problems: list[str] = field(default_factory=list)
    last: Page | None = None

    def new_page(self) -> Page:
        """A page in a new browser context: its own cookies, so its own sign-in."""
        context = self.browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.add_init_script(_WATCH_CSP)
        self.contexts.append(context)
        return self.watch(context.new_page())

    def second_tab(self, page: Page) -> Page:
        """Another tab of ``page``'s browser context: the same person, the same session."""
        return self.watch(page.context.new_page())

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error on {page.url}: {error}"))
        page.on("requestfailed", lambda req: self.problems.append(f"failed: {req.method} {req.url} {req.failure}"))
        page.on(
            "response",
            lambda response: (
                self.problems.append(f"{response.status}: {response.request.method} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        # The page the journey last moved to is the one its screenshot shows.
        page.on("framenavigated", lambda frame: self._navigated(page, frame.parent_frame is None))
        self.last = page
        return page

    def _navigated(self, page: Page, main_frame: bool) -> None:
        if main_frame:
            self.last = page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")
            if "Content Security Policy" in message.text:
                self.csp_errors.append(message.text)

    def violations(self) -> list[str]:
        found = list(self.csp_errors)
        for context in self.contexts:
            for page in context.pages:
                if not page.is_closed():
                    found.extend(page.evaluate("window.__cspViolations || []"))
        return found

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The screenshot directory, emptied at the start of the run."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture
def journey(browser: Browser, screenshots: Path, request: pytest.FixtureRequest) -> Iterator[Journey]:
    """One journey's browser; afterwards its last page's screenshot, then its CSP check."""
    run = Journey(browser)
    try:
        yield run
        if run.problems:
            request.node.add_report_section("teardown", "what the pages reported", "\n".join(run.problems))
        if run.last is not None and not run.last.is_closed():
            run.last.screenshot(path=str(screenshots / f"{request.node.name}.png"), full_page=True)
        assert run.violations() == [], "Content-Security-Policy violations"
    finally:
        run.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    if shots:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(shots)} screenshots of each journey's last page in {SCREENSHOTS}/")
        for shot in shots:
            terminalreporter.write_line(f"  {shot.name}")
