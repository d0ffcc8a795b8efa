"""Load generator: shoppers browsing, searching, reading products, placing and reading orders.

Runs against the dev system (`make run`: accounts :8001, catalog :8002, orders :8003) or any
deployment, with each service's base URL from an option or the environment:

    .venv/bin/locust -f bench/locustfile.py --headless -u 20 -r 5 -t 60s --csv .data/locust/run \
        --accounts-url http://127.0.0.1:8001 --catalog-url http://127.0.0.1:8002 \
        --orders-url http://127.0.0.1:8003

(or MERCATO_ACCOUNTS_URL, MERCATO_CATALOG_URL, MERCATO_ORDERS_URL). Shoppers sign in as
--email/--password (MERCATO_EMAIL/MERCATO_PASSWORD; default the dev runner's demo customer),
each once at start and again when the access token expires: accounts throttles sign-ins per
address (THROTTLE_RATE_TOKEN, 30 a minute by default), so keep -u below that or raise it.

The mix per shopper, by weight: browse a category's pages by price following the cursors
(4), full-text search (3), a product's detail (6), place an order of one or two in-stock
products with an Idempotency-Key (1), read their orders and one of them (2). Every request
is named by endpoint, so --csv gives one row per endpoint (docs/performance.md).
"""

from __future__ import annotations

import os
import random
import uuid
from typing import Any

from locust import HttpUser, between, events, task
from locust.argument_parser import LocustArgumentParser

SEARCHES = ("wireless headphones", "bamboo desk", "leather jacket", "ceramic mug", "steel kettle", "smart watch")
ADDRESS = {
    "recipient": "Load Test",
    "line1": "1 Main Street",
    "city": "Berlin",
    "postal_code": "10115",
    "country": "DE",
}


# locust's EventHook.add_listener has no annotations, so mypy sees an untyped decorator.
@events.init_command_line_parser.add_listener  # type: ignore[untyped-decorator]
def _options(parser: LocustArgumentParser) -> None:
    def option(name: str, variable: str, default: str, help_text: str) -> None:
        parser.add_argument(name, default=os.environ.get(variable, default), help=f"{help_text} (${variable})")

    option("--accounts-url", "MERCATO_ACCOUNTS_URL", "http://127.0.0.1:8001", "accounts base URL")
    option("--catalog-url", "MERCATO_CATALOG_URL", "http://127.0.0.1:8002", "catalog base URL")
    option("--orders-url", "MERCATO_ORDERS_URL", "http://127.0.0.1:8003", "orders base URL")
    option("--email", "MERCATO_EMAIL", "customer@mercato.local", "the shoppers' login")
    option("--password", "MERCATO_PASSWORD", "mercato-admin", "the shoppers' password")


class Shopper(HttpUser):
    wait_time = between(0.5, 2.0)
    # Absolute URLs on every request; this only satisfies locust's check that a host is set.
    host = "http://127.0.0.1"

    def on_start(self) -> None:
        options = self.environment.parsed_options
        self.accounts = options.accounts_url.rstrip("/")
        self.catalog = options.catalog_url.rstrip("/")
        self.orders = options.orders_url.rstrip("/")
        self.credentials = {"email": options.email, "password": options.password}
        self.token = ""
        self.sign_in()
        answer = self.client.get(f"{self.catalog}/api/v1/categories/?max_depth=2", name="catalog categories")
        categories = answer.json() if answer.ok else []
        self.categories = [category["id"] for category in categories if category["depth"] >= 1] or [None]
        self.skus: list[str] = []
        self.in_stock: list[str] = []
        self.my_orders: list[str] = []
        self.browse()

    def sign_in(self) -> None:
        with self.client.post(
            f"{self.accounts}/api/v1/auth/token/", json=self.credentials, name="accounts sign in", catch_response=True
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"sign-in answered {answer.status_code}")
                return
            self.token = answer.json()["access_token"]

    def authorised(self, method: str, url: str, *, name: str, **kwargs: Any) -> Any:
        """A request with the shopper's token, signing in again once if it expired."""
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
            with self.client.request(method, url, name=name, headers=headers, catch_response=True, **kwargs) as answer:
                if answer.status_code == 401 and attempt == 1:
                    answer.success()  # not a failure of the system: the token aged out
                    self.sign_in()
                    kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
                    continue
                if answer.status_code >= 400:
                    answer.failure(f"{answer.status_code}: {answer.text[:200]}")
                return answer
        return None

    def remember(self, products: list[dict[str, Any]]) -> None:
        self.skus = ([product["sku"] for product in products] + self.skus)[:200]

    @task(4)
    def browse(self) -> None:
        category = random.choice(self.categories)  # noqa: S311  (load mix, not security)
        url: str | None = f"{self.catalog}/api/v1/products/?ordering=price&page_size=24" + (
            f"&category={category}" if category else ""
        )
        for _ in range(random.randint(1, 3)):  # noqa: S311
            if url is None:
                break
            answer = self.client.get(url, name="catalog products list")
            if not answer.ok:
                return
            page = answer.json()
            self.remember(page["results"])
            url = page["next"]
        answer = self.client.get(
            f"{self.catalog}/api/v1/products/?in_stock=true&page_size=24&ordering=-updated_at",
            name="catalog products list (in stock)",
        )
        if answer.ok:
            self.in_stock = [product["sku"] for product in answer.json()["results"]]

    @task(3)
    def search(self) -> None:
        query = random.choice(SEARCHES).replace(" ", "+")  # noqa: S311
        answer = self.client.get(f"{self.catalog}/api/v1/products/?q={query}&page_size=24", name="catalog search")
        if answer.ok:
            self.remember(answer.json()["results"])

    @task(6)
    def product_detail(self) -> None:
        if self.skus:
            sku = random.choice(self.skus)  # noqa: S311
            self.client.get(f"{self.catalog}/api/v1/products/{sku}/", name="catalog product detail")

    @task(1)
    def place_order(self) -> None:
        if not self.in_stock:
            return
        skus = random.sample(self.in_stock, k=min(len(self.in_stock), random.randint(1, 2)))  # noqa: S311
        body = {"lines": [{"sku": sku, "quantity": 1} for sku in skus], "shipping_address": ADDRESS}
        answer = self.authorised(
            "POST",
            f"{self.orders}/api/v1/orders/",
            name="orders place",
            json=body,
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        if answer is not None and answer.status_code in (201, 202):
            self.my_orders = [answer.json()["id"], *self.my_orders][:20]

    @task(2)
    def read_orders(self) -> None:
        self.authorised("GET", f"{self.orders}/api/v1/orders/?page_size=20", name="orders list")
        if self.my_orders:
            order_id = random.choice(self.my_orders)  # noqa: S311
            self.authorised("GET", f"{self.orders}/api/v1/orders/{order_id}/", name="orders detail")
