"""Orders benchmark: `.venv/bin/python bench/run_orders.py [--orders N] [--reads N] [--clients N]`.

Starts the embedded PostgreSQL (.data/bench-postgres) and the three services under gunicorn on
fresh databases (bench/orders/stack.py), creates a product with ample stock and some customers,
then, from a bounded pool of client threads over keep-alive connections:

- reads catalog's product detail (`GET /api/v1/products/{sku}/`) N times: the baseline;
- places N orders of one unit through the whole saga (accounts snapshot, catalog reservation,
  commit, confirm), all of one product (every hold and commit queues on its stock
  row), then N spread over 50 products: each one is checked to be 201 confirmed.

Reports throughput, p50 and p99 (client-side, per request), and the ratio of each placement
run's throughput to product detail's. Writes bench/results/orders.json and the orders
section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402

from bench.orders.stack import DEMO_CUSTOMER_EMAIL, PASSWORD, STAFF_EMAIL, Client, System, system  # noqa: E402
from bench.results_file import replace_section  # noqa: E402
from bench.run_api import tree_cpu_seconds  # noqa: E402
from common import gunicorn_conf  # noqa: E402

# Orders spread over this many products, besides all on one: one product's stock row is a lock
# every reservation and commit of it queues on.
SPREAD_SKUS = 50
RESULTS_JSON = REPO_ROOT / "bench" / "results" / "orders.json"
ADDRESS = {"recipient": "Bench", "line1": "1 Main Street", "city": "Berlin", "postal_code": "10115", "country": "DE"}


def say(line: str) -> None:
    sys.stdout.write(f"[{datetime.datetime.now(tz=datetime.UTC):%H:%M:%S}] {line}\n")
    sys.stdout.flush()


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(
    count: int, clients: int, one: Callable[[int], tuple[int, Any, float]], *, servers: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``count`` calls of ``one`` from ``clients`` threads; with ``servers`` (name: gunicorn
    master process), also the CPU milliseconds each service's processes spent per call, a figure
    other load on the machine barely moves, unlike throughput."""
    cpu_before = {name: tree_cpu_seconds(master) for name, master in (servers or {}).items()}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, range(count)))
    wall = time.perf_counter() - started
    latencies = [seconds * 1000 for _, _, seconds in results]
    cpu_ms = {
        name: round((tree_cpu_seconds(master) - cpu_before[name]) * 1000 / count, 2)
        for name, master in (servers or {}).items()
    }
    return {
        "cpu_ms_per_request": {**cpu_ms, "total": round(sum(cpu_ms.values()), 2)} if cpu_ms else None,
        "requests": count,
        "clients": clients,
        "seconds": round(wall, 2),
        "throughput_rps": round(count / wall, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "statuses": dict(Counter(str(status) for status, _, _ in results)),
        "_bodies": [body for _, body, _ in results],
    }


def token(client: Client, email: str) -> str:
    status, body, _ = client.request("POST", "/api/v1/auth/token/", body={"email": email, "password": PASSWORD})
    assert status == 200, body
    return str(body["access_token"])


def prepare(stack: System, *, products: int, stock: int) -> tuple[list[str], list[str]]:
    accounts, catalog = Client(stack.url("accounts")), Client(stack.url("catalog"))
    staff = {"Authorization": f"Bearer {token(accounts, STAFF_EMAIL)}"}
    suffix = uuid.uuid4().hex[:8]
    status, category, _ = catalog.request(
        "POST", "/api/v1/categories/", body={"name": f"Bench {suffix}", "slug": f"bench-{suffix}"}, headers=staff
    )
    assert status == 201, category
    skus = []
    for number in range(products):
        sku = f"BENCH-{suffix}-{number}".upper()
        product = {
            "sku": sku,
            "name": f"Bench mug {number}",
            "category": category["id"],
            "price": "9.50",
            "currency": "EUR",
        }
        status, body, _ = catalog.request("POST", "/api/v1/products/", body=product, headers=staff)
        assert status == 201, body
        status, body, _ = catalog.request(
            "POST",
            f"/api/v1/products/{sku}/stock-adjustments/",
            body={"mode": "set", "quantity": stock, "reason": "restock"},
            headers=staff,
        )
        assert status == 201, body
        skus.append(sku)
    # Registration is throttled per client address; seed_demo's customer and the staff member
    # (anyone may shop) are the buyers. Idempotency keys are per buyer, and each order has its own.
    tokens = [token(accounts, DEMO_CUSTOMER_EMAIL), token(accounts, STAFF_EMAIL)]
    return skus, tokens


def run(*, orders: int, reads: int, clients: int) -> dict[str, Any]:
    with system() as stack:
        say(f"system ready: {', '.join(f'{name} {p.base_url}' for name, p in stack.processes.items())}")
        skus, tokens = prepare(stack, products=SPREAD_SKUS, stock=orders * 2 + 1000)
        hot = skus[0]
        catalog, orders_client = Client(stack.url("catalog")), Client(stack.url("orders"))

        def read(number: int) -> tuple[int, Any, float]:
            return catalog.request("GET", f"/api/v1/products/{skus[number % len(skus)]}/")

        def placing(pick: Callable[[int], str]) -> Callable[[int], tuple[int, Any, float]]:
            def place(number: int) -> tuple[int, Any, float]:
                return orders_client.request(
                    "POST",
                    "/api/v1/orders/",
                    body={"lines": [{"sku": pick(number), "quantity": 1}], "shipping_address": ADDRESS},
                    headers={
                        "Authorization": f"Bearer {tokens[number % len(tokens)]}",
                        "Idempotency-Key": str(uuid.uuid4()),
                    },
                )

            return place

        servers = {name: psutil.Process(process._popen.pid) for name, process in stack.processes.items()}  # type: ignore[union-attr]
        say("warming up")
        measure(100, clients, read)
        measure(50, clients, placing(lambda number: skus[number % len(skus)]))
        say(f"product detail x {reads}")
        product_detail = measure(reads, clients, read, servers=servers)
        product_detail.pop("_bodies")
        placements = {}
        for name, pick in (
            ("one_hot_sku", lambda number: hot),
            (f"spread_over_{SPREAD_SKUS}_skus", lambda number: skus[number % len(skus)]),
        ):
            say(f"order placement x {orders}, {name}")
            placement = measure(orders, clients, placing(pick), servers=servers)
            placement["confirmed"] = sum(
                1 for body in placement.pop("_bodies") if body and body.get("status") == "confirmed"
            )
            assert placement["confirmed"] == orders, placement
            placement["ratio_to_product_detail_throughput"] = round(
                placement["throughput_rps"] / product_detail["throughput_rps"], 3
            )
            placements[name] = placement
    return {
        "recorded_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": os.cpu_count(),
            "os": platform.platform(),
            "python": platform.python_version(),
            "versions": {name: metadata.version(name) for name in ("Django", "djangorestframework", "gunicorn")},
            "gunicorn": f"{gunicorn_conf.workers} workers x {gunicorn_conf.threads} threads per service (defaults)",
            "db_pool": os.environ.get("DB_POOL", "true (default)"),
            "note": "client, three services and PostgreSQL on the same machine",
        },
        "order_placement": placements,
        "product_detail": product_detail,
    }


def write(results: dict[str, Any], command: str) -> None:
    results["command"] = command
    RESULTS_JSON.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_JSON.write_text(json.dumps(results, indent=2) + "\n")
    detail = results["product_detail"]
    rows = [
        f"| order placement, whole saga (`POST /api/v1/orders/`, all confirmed), {name.replace('_', ' ')} | "
        f"{p['requests']} ({p['clients']}) | {p['throughput_rps']} /s | {p['p50_ms']} ms | {p['p99_ms']} ms | "
        f"{p['ratio_to_product_detail_throughput']} | {_cpu(p)} |"
        for name, p in results["order_placement"].items()
    ]
    replace_section(
        "orders",
        [
            "## Orders",
            "",
            "Written by `bench/run_orders.py` from `bench/results/orders.json`.",
            "",
            f"Recorded {results['recorded_at']}. Command: `{command}`.",
            "",
            f"Machine: {results['machine']['cores']} cores, {results['machine']['os']}, Python "
            f"{results['machine']['python']}; {results['machine']['gunicorn']}; {results['machine']['note']}.",
            "",
            "| figure | requests (clients) | throughput | p50 | p99 | throughput / product detail "
            "| CPU ms per request (accounts + catalog + orders) |",
            "|---|---|---|---|---|---|---|",
            *rows,
            f"| catalog product detail (`GET /api/v1/products/{{sku}}/`), same run | {detail['requests']} "
            f"({detail['clients']}) | {detail['throughput_rps']} /s | {detail['p50_ms']} ms | {detail['p99_ms']} ms "
            f"| 1 | {_cpu(detail)} |",
            "",
            "One placement is one request to orders and three to the others (accounts: the customer; catalog: "
            "reserve, commit). Latencies are client-side, queueing included "
            f"({results['product_detail']['clients']} clients; {results['machine']['gunicorn']}).",
            "",
        ],
    )


def _cpu(figures: dict[str, Any]) -> str:
    cpu = figures.get("cpu_ms_per_request")
    if not cpu:
        return ""
    return f"{cpu['total']} ({cpu['accounts']} + {cpu['catalog']} + {cpu['orders']})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--reads", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    results = run(orders=args.orders, reads=args.reads, clients=args.clients)
    command = ".venv/bin/python bench/run_orders.py" + "".join(
        f" --{name} {value}"
        for name, value, default in (
            ("orders", args.orders, 1000),
            ("reads", args.reads, 3000),
            ("clients", args.clients, 16),
        )
        if value != default
    )
    write(results, command)
    for name, placement in results["order_placement"].items():
        say(
            f"placement ({name}) {placement['throughput_rps']}/s, "
            f"ratio {placement['ratio_to_product_detail_throughput']}"
        )
    say(f"product detail {results['product_detail']['throughput_rps']}/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
