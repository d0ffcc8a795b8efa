"""Admin benchmarks: `.venv/bin/python bench/run_admin.py --scale small|full`.

Staff's big changelists at scale (docs/admin.md, "Benchmark"): fresh catalog and orders
databases on the embedded PostgreSQL (.data/bench-postgres) are migrated and filled without the
ORM (products by generate_products, which loads through COPY; stock levels and orders by INSERT
... SELECT over generate_series), VACUUM ANALYZEd, and then each big changelist is requested as
a signed-in superuser: the first page, a middle page, the last page (?p=-1), and searches (a SKU
prefix and a name word for products; part of an e-mail for orders). Each case: one warm-up, then
p50 over a few requests of the server time (bench/admin/probe.py: Django's whole middleware
stack through the test client, in the service's own settings), the query count, and the plan
(EXPLAIN ANALYZE) of its slowest query. Target: p50 < 500 ms at 1,000,000 products and
1,000,000 orders.

Writes bench/results/admin.json, the admin section of bench/RESULTS.md and the benchmark
section of docs/admin.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import psycopg  # noqa: E402

from bench.postgres import start_bench_postgres  # noqa: E402
from bench.results_file import replace_section, store_run  # noqa: E402
from devtools.devstack import (  # noqa: E402
    SERVICES_BY_NAME,
    create_database,
    database_url,
    local_environment,
)

RUN_DIR = REPO_ROOT / ".data" / "bench-run"
RESULTS_JSON = REPO_ROOT / "bench" / "results" / "admin.json"
DOCS = REPO_ROOT / "docs" / "admin.md"
SCALES = {"small": 100_000, "full": 1_000_000}
TARGET_MS = 500
PER_PAGE = 100
DOMAINS = ("example.com", "mail.test", "shop.test", "post.example", "inbox.test")


def say(line: str) -> None:
    sys.stdout.write(f"[{datetime.datetime.now(tz=datetime.UTC):%H:%M:%S}] {line}\n")
    sys.stdout.flush()


def service_env(name: str, server_url: str, dbname: str) -> dict[str, str]:
    env = local_environment(
        SERVICES_BY_NAME[name],
        database_url=database_url(server_url, dbname),
        ports={"accounts": 1, "catalog": 2, "orders": 3},
        secret_key=secrets.token_urlsafe(50),
        run_dir=RUN_DIR,
        signing_keys_file=RUN_DIR / "unused.pem",
        client_secret="",  # orders calls nobody in this benchmark
    )
    inherited = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    # The probe's test client asks for "testserver".
    return {**inherited, **env, "PYTHONPATH": str(REPO_ROOT), "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "WARNING"}


def manage(name: str, env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603  (this repository's manage.py, our arguments)
        [sys.executable, str(SERVICES_BY_NAME[name].manage_py), *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{name} manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started, result.stdout


def load_stock(conn: psycopg.Connection[Any]) -> None:
    # generate_products gives every product its stock row; make the levels vary.
    conn.execute("UPDATE catalog_stocklevel SET on_hand = (product_id * 7) % 500")


def load_orders(conn: psycopg.Connection[Any], rows: int) -> None:
    """``rows`` orders over five years, by 50,000 customers (about 20 orders each)."""
    domains = "ARRAY[" + ",".join(f"'{domain}'" for domain in DOMAINS) + "]"
    conn.execute(
        f"""
        INSERT INTO orders_order (
            id, customer_id, customer_email, customer_name, shipping_address, status, currency, total,
            units, reservation_ttl_seconds, rejection_reason, rejection_detail, rejected_lines,
            created_at, updated_at, confirmed_at, recovery_attempts, reconciliation_issue)
        SELECT gen_random_uuid(),
               md5('customer' || (n % 50000))::uuid,
               'shopper' || (n % 50000) || '@' || ({domains})[1 + n % 5],
               'Customer ' || (n % 50000) || ' ' || (ARRAY['Smith','Garcia','Novak','Rossi','Tanaka'])[1 + n % 5],
               '{{"recipient": "Pat Shopper", "line1": "1 Main Street", "city": "Berlin",
                 "postal_code": "10115", "country": "DE"}}'::jsonb,
               CASE WHEN n % 10 = 0 THEN 'cancelled' WHEN n % 3 = 0 THEN 'fulfilled' ELSE 'confirmed' END,
               'EUR', (n % 997) + 0.5, 1 + n % 4, 900, '', '', '[]'::jsonb,
               at, at, at, 0, ''
        FROM (SELECT n, now() - (n * interval '150 seconds') AS at
              FROM generate_series(1, {int(rows)}) AS n) AS generated
        """  # noqa: S608  (our constants)
    )


def sample(conn: psycopg.Connection[Any], query: str) -> str:
    row = conn.execute(query).fetchone()
    if row is None:
        raise RuntimeError(f"nothing found by {query}")
    return str(row[0])


def catalog_cases(conn: psycopg.Connection[Any], products: int) -> list[dict[str, str]]:
    middle = products // PER_PAGE // 2
    # A SKU prefix that a few hundred products share, and a word of the names.
    sku = sample(conn, "SELECT sku FROM catalog_product ORDER BY id OFFSET 1000 LIMIT 1")
    prefix = sku[: max(3, len(sku) - 3)]
    name = sample(conn, "SELECT name FROM catalog_product ORDER BY id OFFSET 2000 LIMIT 1")
    word = max(re.findall(r"[A-Za-z]{4,}", name), key=len, default=name.split()[0])
    return [
        {"name": "products: first page", "path": "/admin/catalog/product/"},
        {"name": f"products: middle page (p={middle:,})", "path": f"/admin/catalog/product/?p={middle}"},
        {"name": "products: last page (p=-1)", "path": "/admin/catalog/product/?p=-1"},
        {"name": f"products: SKU prefix '{prefix}'", "path": f"/admin/catalog/product/?q={prefix}"},
        {"name": f"products: name word '{word}'", "path": f"/admin/catalog/product/?q={word}"},
        {"name": "stock levels: first page", "path": "/admin/catalog/stocklevel/"},
        {"name": f"stock levels: middle page (p={middle:,})", "path": f"/admin/catalog/stocklevel/?p={middle}"},
        {"name": "stock levels: last page (p=-1)", "path": "/admin/catalog/stocklevel/?p=-1"},
    ]


def orders_cases(orders: int) -> list[dict[str, str]]:
    middle = orders // PER_PAGE // 2
    few = 11 * (orders // 50_000)
    return [
        {"name": "orders: first page", "path": "/admin/orders/order/"},
        {"name": f"orders: middle page (p={middle:,})", "path": f"/admin/orders/order/?p={middle}"},
        {"name": "orders: last page (p=-1)", "path": "/admin/orders/order/?p=-1"},
        # shopper4242 and shopper42420 to shopper42429 begin with it: 11 of the 50,000 customers.
        {"name": f"orders: e-mail part 'shopper4242' ({few:,} orders)", "path": "/admin/orders/order/?q=shopper4242"},
        {
            "name": f"orders: e-mail part 'shopper4242@shop' ({few:,} orders)",
            "path": "/admin/orders/order/?q=shopper4242%40shop",
        },
        {"name": f"orders: name word 'novak' ({orders // 5:,} orders)", "path": "/admin/orders/order/?q=novak"},
        {"name": "orders: status filter", "path": "/admin/orders/order/?status__exact=fulfilled"},
    ]


def probe(name: str, env: dict[str, str], cases: list[dict[str, str]], repeat: int) -> list[dict[str, Any]]:
    env = {**env, "BENCH_ADMIN_CASES": json.dumps(cases), "BENCH_ADMIN_REPEAT": str(repeat)}
    _seconds, output = manage(name, env, "shell", "-c", "from bench.admin.probe import main; main()")
    line = next(line for line in output.splitlines() if line.startswith("BENCH-ADMIN "))
    results: list[dict[str, Any]] = json.loads(line.removeprefix("BENCH-ADMIN "))
    for result in results:
        ms = result.get("server_ms", {}).get("p50")
        say(
            f"  {result['name']}: p50 {ms} ms, CPU {result.get('django_cpu_ms_p50')} ms, {result.get('queries')} "
            f"queries ({result.get('queries_ms')} ms), shows {result.get('count_shown')!r}"
        )
        if "slowest_query" in result:
            slow = result["slowest_query"]
            say(f"    slowest {slow['ms']} ms: {slow['sql'][:160]}")
            say(f"    plan: {plan_summary(slow['plan'])}")
    return results


def run(scale: str, repeat: int, *, reuse: bool = False) -> dict[str, Any]:
    size = SCALES[scale]
    server = start_bench_postgres()
    server_url = server.get_uri()
    results: dict[str, Any] = {"scale": scale, "products": size, "orders": size, "repeat": repeat, "seconds": {}}
    catalog_db, orders_db = f"bench_admin_catalog_{scale}", f"bench_admin_orders_{scale}"
    catalog_env = service_env("catalog", server_url, catalog_db)
    orders_env = service_env("orders", server_url, orders_db)
    if reuse:  # measuring again on the databases of the last run (while tuning)
        previous = json.loads(RESULTS_JSON.read_text())[scale]
        results["seconds"] = previous["seconds"]
        for name, env in (("catalog", catalog_env), ("orders", orders_env)):
            manage(name, env, "migrate", "--noinput")
        with psycopg.connect(database_url(server_url, catalog_db), autocommit=True) as conn:
            cases = catalog_cases(conn, size)
        say("catalog: changelists")
        results["catalog_cases"] = probe("catalog", catalog_env, cases, repeat)
        say("orders: changelists")
        results["orders_cases"] = probe("orders", orders_env, orders_cases(size), repeat)
        return results
    for dbname in (catalog_db, orders_db):
        create_database(server_url, dbname, recreate=True)
    for name, env in (("catalog", catalog_env), ("orders", orders_env)):
        seconds, _ = manage(name, env, "migrate", "--noinput")
        say(f"{name}: migrated in {seconds:.0f} s")

    started = time.perf_counter()
    manage("catalog", catalog_env, "generate_products", str(size), "--no-progress")
    results["seconds"]["generate_products"] = round(time.perf_counter() - started, 1)
    say(f"catalog: {size:,} products generated in {results['seconds']['generate_products']} s")
    with psycopg.connect(database_url(server_url, orders_db), autocommit=True) as conn:
        started = time.perf_counter()
        load_orders(conn, size)
        results["seconds"]["load_orders"] = round(time.perf_counter() - started, 1)
        say(f"orders: {size:,} orders inserted in {results['seconds']['load_orders']} s")
        conn.execute("VACUUM ANALYZE")
    with psycopg.connect(database_url(server_url, catalog_db), autocommit=True) as conn:
        load_stock(conn)
        conn.execute("VACUUM ANALYZE")
        cases = catalog_cases(conn, size)
    say("catalog: changelists")
    results["catalog_cases"] = probe("catalog", catalog_env, cases, repeat)
    say("orders: changelists")
    results["orders_cases"] = probe("orders", orders_env, orders_cases(size), repeat)
    return results


def plan_summary(plan: list[str]) -> str:
    """The plan's nodes with their access paths, on one line."""
    nodes = [line.strip().removeprefix("-> ").strip() for line in plan if "->" in line or line == plan[0]]
    nodes = [re.sub(r"\s*\(actual time=[^)]*\)", "", node) for node in nodes if not node.startswith("Planning")]
    return "; ".join(nodes[:10])


def write(results: dict[str, Any], command: str) -> None:
    store_run(RESULTS_JSON, results, command)
    rows = [*results["catalog_cases"], *results["orders_cases"]]
    over = [row["name"] for row in rows if row.get("server_ms", {}).get("p50", 1e9) >= TARGET_MS]
    lines = [
        f"## Admin changelists at {results['products']:,} products and {results['orders']:,} orders "
        f"({results['scale']}, recorded {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"Command: `{command}`. Loaded: products by generate_products (COPY) in "
        f"{results['seconds']['generate_products']} s, orders by INSERT ... SELECT generate_series in "
        f"{results['seconds']['load_orders']} s, then VACUUM ANALYZE. Server time: p50 of {results['repeat']} "
        "requests after a warm-up, through Django's whole middleware stack (bench/admin/probe.py); the machine "
        "was shared with other work (2 cores, several test runs at once), so the figures are upper bounds. "
        f"Target: p50 < {TARGET_MS} ms" + (f"; over it: {', '.join(over)}." if over else "; every case meets it."),
        "",
        "| changelist | server p50 ms (min-max) | Django CPU p50 ms | queries (ms) | count shown "
        "| slowest query ms | its plan |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "server_ms" not in row:
            lines.append(f"| {row['name']} | status {row['status']} | | | | | |")
            continue
        ms = row["server_ms"]
        slow = row["slowest_query"]
        lines.append(
            f"| {row['name']} | {ms['p50']} ({ms['min']}-{ms['max']}) | {row['django_cpu_ms_p50']} "
            f"| {row['queries']} ({row['queries_ms']}) | {row['count_shown']} "
            f"| {slow['ms']} | {plan_summary(slow['plan']).replace('|', '/')} |"
        )
    lines.append("")
    # One section per scale, so a small run leaves the full one in place.
    replace_section(f"admin-{results['scale']}", lines)
    text = DOCS.read_text()
    begin, end = f"<!-- bench-{results['scale']}:begin -->", f"<!-- bench-{results['scale']}:end -->"
    section = "\n".join([begin, *lines[2:], end])
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOCS.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "small"), choices=sorted(SCALES))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="measure again on the last run's databases")
    args = parser.parse_args()
    results = run(args.scale, args.repeat, reuse=args.reuse)
    write(results, f".venv/bin/python bench/run_admin.py --scale {args.scale} --repeat {args.repeat}")
    say("wrote bench/results/admin.json, bench/RESULTS.md and docs/admin.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
