"""Orders benchmark: `.venv/bin/python bench/run_orders.py [--orders N] [--reads N] [--clients N]
[--rounds N] [--count N] [--profile]`.

Starts the embedded PostgreSQL (.data/bench-postgres) and the three services under gunicorn on
fresh databases (bench/orders/stack.py), creates products with ample stock and some customers,
then, from a bounded pool of client threads over keep-alive connections, in each of ``--rounds``
interleaved rounds:

- reads catalog's product detail (`GET /api/v1/products/{sku}/`) ``--reads`` times: the baseline;
- places ``--orders`` orders of one unit through the whole saga, all of one product (every sale
  queues on its stock row), then ``--orders`` spread over 50 products: each one is checked to be
  201 confirmed.

Each round gives each scenario's ratios to product detail of that round (throughput, CPU of the
three services per request) and its p99; the figures are the medians over the rounds, printed
with their spread. Then ``--count`` placements one at a time are counted: HTTP calls between
services (their downstream metrics), transactions (pg_stat_database), queries (the server log,
log_statement=all for the while) per database, and WAL flushes (pg_stat_io). With ``--profile``,
py-spy (``PY_SPY`` or on PATH; a tool of this benchmark, not a dependency) samples the three
services during one more spread run, and the top frames go into the results. Writes
bench/results/orders.json and the orders section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
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
import psycopg  # noqa: E402

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
        "_latencies": latencies,
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


def interleaved(rounds: int, run_round: Callable[[int], dict[str, Any]]) -> list[dict[str, Any]]:
    return [run_round(number) for number in range(rounds)]


def spread(values: list[float], digits: int = 3) -> dict[str, Any]:
    """Median, min and max of one ratio over the rounds (the figure and its spread)."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "values": [round(value, digits) for value in values],
    }


def pooled(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The rounds of one scenario as one run: throughput over the summed time, percentiles over
    every request, CPU per request over all of them."""
    latencies = [latency for run in runs for latency in run.pop("_latencies")]
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)
    cpu: dict[str, float] | None = None
    if runs[0]["cpu_ms_per_request"]:
        cpu = {
            name: round(sum(run["cpu_ms_per_request"][name] * run["requests"] for run in runs) / requests, 2)
            for name in runs[0]["cpu_ms_per_request"]
        }
    statuses: Counter[str] = Counter()
    for run in runs:
        statuses.update(run["statuses"])
    return {
        "cpu_ms_per_request": cpu,
        "requests": requests,
        "clients": runs[0]["clients"],
        "seconds": round(seconds, 2),
        "throughput_rps": round(requests / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "statuses": dict(statuses),
    }


def run(*, orders: int, reads: int, clients: int, rounds: int, count: int, profile: bool) -> dict[str, Any]:
    with system() as stack:
        say(f"system ready: {', '.join(f'{name} {p.base_url}' for name, p in stack.processes.items())}")
        placements_made = orders * rounds * 2 + count + (orders if profile else 0) + 100
        skus, tokens = prepare(stack, products=SPREAD_SKUS, stock=placements_made * 2 + 1000)
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

        scenarios: dict[str, Callable[[int], tuple[int, Any, float]]] = {
            "one_hot_sku": placing(lambda number: hot),
            f"spread_over_{SPREAD_SKUS}_skus": placing(lambda number: skus[number % len(skus)]),
        }
        servers = {name: psutil.Process(process._popen.pid) for name, process in stack.processes.items()}  # type: ignore[union-attr]
        say("warming up")
        measure(100, clients, read)
        measure(50, clients, scenarios[f"spread_over_{SPREAD_SKUS}_skus"])

        def run_round(number: int) -> dict[str, Any]:
            # Product detail and each placement scenario back to back, so that each round's
            # ratios compare runs that shared the machine's load of that moment.
            say(f"round {number + 1}/{rounds}: product detail x {reads}, then each placement x {orders}")
            result = {"product_detail": measure(reads, clients, read, servers=servers)}
            for name, place in scenarios.items():
                placement = measure(orders, clients, place, servers=servers)
                confirmed = sum(1 for body in placement["_bodies"] if body and body.get("status") == "confirmed")
                assert confirmed == orders, placement["statuses"]
                result[name] = placement
            for figures in result.values():
                figures.pop("_bodies")
            return result

        measured = interleaved(rounds, run_round)
        detail_rounds = [round_["product_detail"] for round_ in measured]
        placements = {}
        for name in scenarios:
            runs = [round_[name] for round_ in measured]
            ratios = {
                "throughput_to_product_detail": spread(
                    [
                        run["throughput_rps"] / detail["throughput_rps"]
                        for run, detail in zip(runs, detail_rounds, strict=True)
                    ]
                ),
                "cpu_to_product_detail": spread(
                    [
                        run["cpu_ms_per_request"]["total"] / detail["cpu_ms_per_request"]["total"]
                        for run, detail in zip(runs, detail_rounds, strict=True)
                    ],
                    digits=2,
                ),
                "p99_ms": spread([run["p99_ms"] for run in runs], digits=1),
            }
            placement = pooled(runs)
            placement["confirmed"] = placement["requests"]
            placement["ratio_to_product_detail_throughput"] = ratios["throughput_to_product_detail"]["median"]
            placement["ratios"] = ratios
            placements[name] = placement
        product_detail = pooled(detail_rounds)
        say(f"counting what one placement does ({count} placements, one at a time)")
        counts = count_placement(stack, scenarios[f"spread_over_{SPREAD_SKUS}_skus"], count)
        profiles = None
        if profile:
            say(f"profiling {orders} placements (py-spy)")
            profiles = profile_placements(
                servers, lambda: measure(orders, clients, scenarios[f"spread_over_{SPREAD_SKUS}_skus"])
            )
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
        "rounds": rounds,
        "order_placement": placements,
        "product_detail": product_detail,
        "per_placement": counts,
        "profiles": profiles,
    }


# --- what one placement does --------------------------------------------------------------------

DATABASES = {name: f"bench_orders_{name}" for name in ("accounts", "catalog", "orders")}
STATEMENT = re.compile(r"^(?P<db>bench_orders_\w+)\|\S*\s*LOG:\s+(?:statement|execute [^:]*):\s+(?P<sql>.*)$")
# PostgreSQL's backends send their statistics at most once a second, and an idle one within
# ten (PGSTAT_IDLE_INTERVAL): wait that long before and after the counted placements.
STATS_SETTLE_SECONDS = 11


def count_placement(stack: System, place: Callable[[int], tuple[int, Any, float]], count: int) -> dict[str, Any]:
    """Per placement, averaged over ``count`` placed one at a time: HTTP calls between services
    (from each service's downstream metrics), and per database the transactions committed
    (pg_stat_database), the statements run (the server log, log_statement=all for the while) and
    the cluster's WAL flushes (pg_stat_io: one database server holds the three databases)."""
    with psycopg.connect(stack.server_uri, autocommit=True) as admin:
        calls_before = downstream_calls(stack)
        admin.execute("ALTER SYSTEM SET log_statement = 'all'")
        admin.execute("ALTER SYSTEM SET log_line_prefix = '%d|'")
        admin.execute("SELECT pg_reload_conf()")
        time.sleep(STATS_SETTLE_SECONDS)
        log = Path(stack.server_log)
        offset = log.stat().st_size
        before = database_figures(admin)
        for number in range(count):
            status, body, _ = place(number)
            assert status == 201, body
            assert body["status"] == "confirmed", body
        time.sleep(STATS_SETTLE_SECONDS)
        after = database_figures(admin)
        admin.execute("ALTER SYSTEM RESET log_statement")
        admin.execute("ALTER SYSTEM RESET log_line_prefix")
        admin.execute("SELECT pg_reload_conf()")
        with log.open(encoding="utf-8", errors="replace") as lines:
            lines.seek(offset)
            statements: Counter[tuple[str, str]] = Counter()
            for line in lines:
                if (match := STATEMENT.match(line.strip())) and match["db"] in DATABASES.values():
                    verb = match["sql"].split(None, 1)[0].upper() if match["sql"].strip() else ""
                    kind = "transaction control" if verb in {"BEGIN", "COMMIT", "ROLLBACK"} else "queries"
                    if verb in {"SAVEPOINT", "RELEASE"}:
                        kind = "savepoints"
                    statements[(match["db"], kind)] += 1
        calls_after = downstream_calls(stack)

    def per(value: float) -> float:
        return round(value / count, 2)

    databases = {}
    for service, dbname in DATABASES.items():
        databases[service] = {
            "transactions_committed": per(after["xact_commit"][dbname] - before["xact_commit"][dbname]),
            "queries": per(statements[(dbname, "queries")]),
            "savepoints": per(statements[(dbname, "savepoints")]),
            "begin_commit": per(statements[(dbname, "transaction control")]),
        }
    calls = {
        f"{caller} -> {callee}: {operation}": per(value - calls_before.get((caller, callee, operation), 0))
        for (caller, callee, operation), value in sorted(calls_after.items())
        if value - calls_before.get((caller, callee, operation), 0) > 0
    }
    return {
        "placements": count,
        "http_calls": calls,
        "http_calls_total": round(sum(calls.values()), 2),
        "databases": databases,
        "wal_flushes_cluster": per(after["wal_fsyncs"] - before["wal_fsyncs"]),
        "wal_writes_cluster": per(after["wal_writes"] - before["wal_writes"]),
    }


def database_figures(admin: psycopg.Connection[Any]) -> dict[str, Any]:
    commits = dict(admin.execute("SELECT datname, xact_commit FROM pg_stat_database").fetchall())
    writes, fsyncs = admin.execute(
        "SELECT coalesce(sum(writes), 0), coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal'"
    ).fetchone() or (0, 0)
    return {"xact_commit": commits, "wal_writes": int(writes), "wal_fsyncs": int(fsyncs)}


DOWNSTREAM_COUNT = re.compile(
    r"^mercato_downstream_request_duration_seconds_count\{(?P<labels>[^}]*)\}\s+(?P<value>[0-9.e+]+)$"
)


def downstream_calls(stack: System) -> dict[tuple[str, str, str], float]:
    """(caller, downstream, operation): calls made so far, from each service's /metrics."""
    calls: dict[tuple[str, str, str], float] = {}
    for service in stack.processes:
        with urllib.request.urlopen(f"{stack.url(service)}/metrics", timeout=30) as response:  # noqa: S310
            page = response.read().decode()
        for line in page.splitlines():
            if match := DOWNSTREAM_COUNT.match(line):
                labels = dict(re.findall(r'(\w+)="([^"]*)"', match["labels"]))
                key = (service, labels.get("downstream", "?"), labels.get("operation", "?"))
                calls[key] = calls.get(key, 0.0) + float(match["value"])
    return calls


# --- where the CPU goes -------------------------------------------------------------------------

PROFILE_DIR = REPO_ROOT / ".data" / "bench-orders-profile"  # raw samples, not committed
OWN_CODE = ("common/", "accounts_service/", "catalog_service/", "orders_service/")


def profile_placements(servers: dict[str, psutil.Process], load: Callable[[], Any]) -> dict[str, Any] | None:
    """Sample every process of each service with py-spy while ``load`` runs; the top frames,
    by own samples and by inclusive samples, per service. None when py-spy is not installed
    (it is a tool of this benchmark, not a dependency: ``pip install py-spy`` anywhere on PATH,
    or PY_SPY=/path/to/py-spy)."""
    py_spy = os.environ.get("PY_SPY") or shutil.which("py-spy")
    if not py_spy:
        say("py-spy not found: no profile")
        return None
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    recorders = {}
    for name, master in servers.items():
        out = PROFILE_DIR / f"{name}.collapsed"
        recorders[name] = (
            subprocess.Popen(  # noqa: S603
                [
                    py_spy,
                    "record",
                    "--pid",
                    str(master.pid),
                    "--subprocesses",
                    "--rate",
                    "200",
                    # Only the thread holding the GIL: Python's CPU, not threads waiting on a
                    # socket or the database.
                    "--gil",
                    "--format",
                    "raw",
                    "--nonblocking",
                    "--output",
                    str(out),
                    "--duration",
                    "600",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            out,
        )
    time.sleep(2)
    load()
    profiles = {}
    for name, (recorder, out) in recorders.items():
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=60)
        profiles[name] = top_frames(out.read_text(errors="replace") if out.exists() else "")
    return profiles


def top_frames(collapsed: str, limit: int = 15) -> dict[str, Any]:
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, samples = line.rpartition(" ")
        if not stack or not samples.isdigit():
            continue
        count = int(samples)
        # py-spy's --subprocesses puts a "process <pid>:<command line>" frame at the root.
        frames = [_frame(frame) for frame in stack.split(";") if not frame.startswith("process ")]
        if not frames:
            continue
        total += count
        own[frames[-1]] += count
        # Inclusive shares of this repository's own functions: where in the code the time goes.
        for frame in set(frames):
            if frame.partition(" (")[2].startswith(OWN_CODE):
                inclusive[frame] += count

    def share(counter: Counter[str]) -> list[list[Any]]:
        return [[frame, round(100 * count / total, 1)] for frame, count in counter.most_common(limit)] if total else []

    return {"samples": total, "own": share(own), "inclusive": share(inclusive)}


def _frame(frame: str) -> str:
    # py-spy's raw frames: "function (path/to/file.py:line)"; keep the function and the file
    # from its package down, without the line, so that one function is one row.
    function, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    path = path.removeprefix(f"{REPO_ROOT}/")
    for marker in ("site-packages/", "lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{function} ({path})"


def write(results: dict[str, Any], command: str) -> None:
    results["command"] = command
    RESULTS_JSON.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_JSON.write_text(json.dumps(results, indent=2) + "\n")
    detail = results["product_detail"]

    def ratio(figure: dict[str, Any], unit: str = "") -> str:
        return f"{figure['median']}{unit} ({figure['min']} to {figure['max']})"

    rows = [
        f"| order placement, whole saga (`POST /api/v1/orders/`, all confirmed), {name.replace('_', ' ')} | "
        f"{p['requests']} ({p['clients']}) | {p['throughput_rps']} /s | {p['p50_ms']} ms | {p['p99_ms']} ms | "
        f"{ratio(p['ratios']['throughput_to_product_detail'])} | {_cpu(p)} | "
        f"{ratio(p['ratios']['cpu_to_product_detail'])} | {ratio(p['ratios']['p99_ms'], ' ms')} |"
        for name, p in results["order_placement"].items()
    ]
    counts = results["per_placement"]
    count_rows = [
        f"| {service} | {figures['transactions_committed']} | {figures['queries']} | {figures['savepoints']} |"
        for service, figures in counts["databases"].items()
    ]
    call_rows = [f"| {call} | {value} |" for call, value in counts["http_calls"].items()]
    profile_lines: list[str] = []
    for service, profile in (results.get("profiles") or {}).items():
        profile_lines += [
            "",
            f"{service} ({profile['samples']} samples while placing orders; % of its busy samples):",
            "",
            "| own time (any code) | % | inclusive, this repository's functions | % |",
            "|---|---|---|---|",
            *(
                f"| {own[0]} | {own[1]} | {inc[0]} | {inc[1]} |"
                for own, inc in zip(profile["own"], profile["inclusive"], strict=False)
            ),
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
            f"{results['rounds']} interleaved rounds (product detail, then each placement scenario, in each "
            "round); each ratio is the median of the rounds' ratios, (min to max) beside it. Throughput, p50, p99 "
            "and CPU per request pool every round.",
            "",
            "| figure | requests (clients) | throughput | p50 | p99 | throughput / product detail "
            "| CPU ms per request (accounts + catalog + orders) | CPU / product detail's | p99 per round |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            f"| catalog product detail (`GET /api/v1/products/{{sku}}/`), same rounds | {detail['requests']} "
            f"({detail['clients']}) | {detail['throughput_rps']} /s | {detail['p50_ms']} ms | {detail['p99_ms']} ms "
            f"| 1 | {_cpu(detail)} | 1 | |",
            "",
            "Latencies are client-side, queueing included "
            f"({results['product_detail']['clients']} clients; {results['machine']['gunicorn']}).",
            "",
            f"### What one placement does (mean of {counts['placements']} placed one at a time)",
            "",
            f"HTTP calls between services: {counts['http_calls_total']} per placement (besides the client's "
            "own request to orders), from each service's `mercato_downstream_request_duration_seconds_count`:",
            "",
            "| call | per placement |",
            "|---|---|",
            *call_rows,
            "",
            "| database | transactions committed (pg_stat_database) | queries (server log) | savepoints |",
            "|---|---|---|---|",
            *count_rows,
            "",
            f"WAL flushes (fsyncs, pg_stat_io, the one server holding all three databases): "
            f"{counts['wal_flushes_cluster']} per placement ({counts['wal_writes_cluster']} WAL writes).",
            *profile_lines,
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
    parser.add_argument("--orders", type=int, default=300, help="placements per scenario and round")
    parser.add_argument("--reads", type=int, default=1000, help="product details per round")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=40, help="placements counted one at a time")
    parser.add_argument("--profile", action="store_true", help="sample the services with py-spy")
    args = parser.parse_args()
    results = run(
        orders=args.orders,
        reads=args.reads,
        clients=args.clients,
        rounds=args.rounds,
        count=args.count,
        profile=args.profile,
    )
    command = ".venv/bin/python bench/run_orders.py" + "".join(
        f" --{name} {value}"
        for name, value, default in (
            ("orders", args.orders, 300),
            ("reads", args.reads, 1000),
            ("clients", args.clients, 16),
            ("rounds", args.rounds, 5),
            ("count", args.count, 40),
        )
        if value != default
    )
    write(results, command + (" --profile" if args.profile else ""))
    for name, placement in results["order_placement"].items():
        figures = placement["ratios"]
        say(
            f"placement ({name}) {placement['throughput_rps']}/s; "
            + "; ".join(
                f"{label} {figures[key]['median']} ({figures[key]['min']}-{figures[key]['max']})"
                for key, label in (
                    ("throughput_to_product_detail", "throughput ratio"),
                    ("cpu_to_product_detail", "CPU ratio"),
                    ("p99_ms", "p99 ms"),
                )
            )
        )
    say(f"product detail {results['product_detail']['throughput_rps']}/s")
    say(f"per placement: {json.dumps(results['per_placement'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
