"""Every benchmark in one run: `make bench` (BENCH_SCALE=small, the default, or full).

Runs, one after the other and each as its own process with a time limit:

1. bench/run_catalog.py: generation, filtered and deep pages, search, import against COPY,
   export memory (fresh database bench_catalog_<scale>);
2. bench/run_api.py: the ladder of catalog's product detail and 100-row list (bare WSGI +
   psycopg, bare Django view, that view in catalog's middleware and settings, a DRF APIView, the
   real endpoint), its profiles, and the gunicorn workers x threads x connections sweep (on the
   database step 1 filled);
3. bench/run_orders.py: order placement through the whole saga against product detail;
4. bench/run_devloop.py: the dev runner's first start and its warm restarts, until ready;
5. bench/run_admin.py: staff's big changelists (first, middle and last page, searches) at the
   scale's products and orders (fresh databases bench_admin_*_<scale>).

Each writes its own JSON in bench/results/ and its section of bench/RESULTS.md; this script
then writes bench/results/bench-<scale>.json and the summary at the top of RESULTS.md: every
figure beside its floor and their ratio, all measured in this run. Every step starts and stops
its own processes (PostgreSQL in .data/bench-postgres, gunicorn on free ports); nothing stays
running.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.results_file import replace_section  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results"
# (name, argv after the interpreter, seconds allowed) per scale.
STEPS: dict[str, list[tuple[str, list[str], int]]] = {
    "small": [
        ("catalog", ["bench/run_catalog.py", "--scale", "small"], 900),
        ("api", ["bench/run_api.py", "--scale", "small"], 1200),
        ("orders", ["bench/run_orders.py", "--orders", "150", "--reads", "500"], 900),
        ("devloop", ["bench/run_devloop.py"], 1200),
        ("admin", ["bench/run_admin.py", "--scale", "small"], 1800),
    ],
    "full": [
        ("catalog", ["bench/run_catalog.py", "--scale", "full"], 3600),
        ("api", ["bench/run_api.py", "--scale", "full"], 2400),
        ("orders", ["bench/run_orders.py"], 1800),
        ("devloop", ["bench/run_devloop.py"], 1200),
        ("admin", ["bench/run_admin.py", "--scale", "full"], 5400),
    ],
}


def say(line: str) -> None:
    sys.stdout.write(f"[{datetime.datetime.now(tz=datetime.UTC):%H:%M:%S}] {line}\n")
    sys.stdout.flush()


def run_step(name: str, argv: list[str], limit: int) -> float:
    """Run one benchmark; past ``limit`` seconds interrupt it (its finally blocks stop what it
    started), then kill it."""
    say(f"{name}: {' '.join(argv)} (at most {limit} s)")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *argv], cwd=REPO_ROOT)  # noqa: S603  (our own scripts)
    try:
        code = process.wait(limit)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        raise RuntimeError(f"{name} took longer than {limit} s") from None
    except BaseException:
        process.send_signal(signal.SIGINT)
        process.wait(60)
        raise
    if code != 0:
        raise RuntimeError(f"{name} failed with exit code {code}")
    seconds = time.perf_counter() - started
    say(f"{name}: done in {seconds:.0f} s")
    return seconds


def catalog_rows(catalog: dict[str, Any], row: Callable[..., None]) -> None:
    """The summary's rows of the catalog step (bench/run_catalog.py)."""
    filtered = catalog["filtered_pages"]["server"]["p50_ms"]
    row("catalog: filtered page, server p50", f"{filtered} ms", "limit 25 ms", round(filtered / 25, 3), "< 1")
    search = catalog["search"]["server"]["p50_ms"]
    row("catalog: full-text search, server p50", f"{search} ms", "limit 50 ms", round(search / 50, 3), "< 1")
    deep = catalog["deep_page"]
    row(
        "catalog: page after 90% of the rows (by price), server p50",
        f"{deep['deep']['server']['p50_ms']} ms",
        f"first page {deep['first']['server']['p50_ms']} ms",
        deep["ratio_p50"],
        "<= 1.5",
    )
    imp = catalog["import"]
    row(
        "catalog: import of new products",
        f"{imp['first_run']['rows_per_second']:,} rows/s",
        f"raw COPY {imp['raw_copy']['rows_per_second']:,} rows/s",
        imp["ratio_first_run_to_copy"],
        ">= 0.1",
    )
    row(
        "catalog: import of new products",
        f"{imp['first_run']['rows_per_second']:,} rows/s",
        f"INSERT into the indexed table {imp['raw_copy']['indexed_table_floor']['rows_per_second']:,} rows/s",
        imp["ratio_first_run_to_indexed_floor"],
    )
    raw = imp["raw_copy"]
    if bulk := raw.get("bulk_build_floor", {}).get("without_search"):  # not in runs recorded before it
        row(
            "catalog: rows loaded, then the indexes built in bulk (no search vector, no checks)",
            f"{bulk['rows_per_second']:,} rows/s",
            f"raw COPY {raw['rows_per_second']:,} rows/s",
            round(bulk["rows_per_second"] / raw["rows_per_second"], 3),
        )
    if "second_run" in imp and "unchanged_floor" in imp:  # not in runs recorded before issue #19
        row(
            "catalog: import again, nothing changed",
            f"{imp['second_run']['rows_per_second']:,} rows/s",
            f"raw COPY {raw['rows_per_second']:,} rows/s (COPY + join comparing values: "
            f"{round(imp['unchanged_floor']['rows_per_second'] / raw['rows_per_second'], 3)})",
            imp["ratio_second_run_to_copy"],
            ">= 0.3",
        )
    if current := catalog.get("search_current_after_import"):
        row(
            "catalog: full-text search current after the import of new products ends",
            f"{current['seconds']} s ({current['products_indexed']:,} products waiting then)",
            "limit 60 s",
            round(current["seconds"] / 60, 3),
            "<= 1",
        )
    if readers := catalog.get("import_readers"):
        row(
            "catalog: product detail p99 during an import of new products ÷ idle, server",
            f"{readers['during']['server']['p99_ms']} ms",
            f"idle {readers['idle']['server']['p99_ms']} ms",
            readers["ratio_server_p99"],
            "<= 2",
        )
    if alone := catalog.get("import_readers_without_indexer"):
        row(
            "catalog: the same with no search indexer beside the import (what holds the row above)",
            f"{alone['during']['server']['p99_ms']} ms",
            f"idle {alone['idle']['server']['p99_ms']} ms",
            alone["ratio_server_p99"],
            "",
        )
    exports = [catalog[name] for name in ("export_csv", "export_ndjson", "export_parquet") if name in catalog]
    rss = max(export["worker_rss_peak_mb"] for export in exports)
    row("catalog: export, worker peak RSS", f"{rss} MB", "limit 200 MB", round(rss / 200, 3), "< 1")


def summary(scale: str, seconds: dict[str, float]) -> dict[str, Any]:
    catalog = json.loads((RESULTS / "catalog.json").read_text())[scale]
    api = json.loads((RESULTS / "api.json").read_text())[scale]
    orders = json.loads((RESULTS / "orders.json").read_text())
    rows: list[dict[str, Any]] = []

    def row(scenario: str, figure: str, floor: str, ratio: float | str, target: str = "") -> None:
        rows.append({"scenario": scenario, "figure": figure, "floor": floor, "ratio": ratio, "target": target})

    catalog_rows(catalog, row)
    for scenario, label in (("detail", "product detail"), ("list", "100-row list page")):
        if "ladder" not in api:  # recorded before the ladder (bench/run_api.py)
            continue
        rungs = api["ladder"][scenario]["rungs"]
        ratio = rungs["catalog"]["ratio_to_django_floor"]
        row(
            f"API: {label} ÷ bare Django view, requests per web CPU-second (median of the rounds, spread)",
            f"{rungs['catalog']['rps_per_web_core']}",
            f"bare Django view {rungs['django_floor']['rps_per_web_core']}",
            f"{ratio['median']} ({ratio['min']} to {ratio['max']})",
            ">= 0.5",
        )
    for name, placement in orders["order_placement"].items():
        label = f"orders: placement, whole saga, {name.replace('_', ' ')}"
        detail = orders["product_detail"]
        ratios = placement.get("ratios")
        if ratios is None:  # a run recorded before the rounds: one figure, no spread
            row(
                label,
                f"{placement['throughput_rps']}/s, p50 {placement['p50_ms']} ms",
                f"catalog product detail {detail['throughput_rps']}/s",
                placement["ratio_to_product_detail_throughput"],
            )
            continue

        def spread(figure: dict[str, Any]) -> str:
            return f"median of {orders['rounds']} rounds ({figure['min']} to {figure['max']})"

        throughput, cpu, p99 = (
            ratios["throughput_to_product_detail"],
            ratios["cpu_to_product_detail"],
            ratios["p99_ms"],
        )
        row(
            f"{label}, throughput at {placement['clients']} clients",
            f"{placement['throughput_rps']}/s, {spread(throughput)}",
            f"catalog product detail {detail['throughput_rps']}/s",
            throughput["median"],
            ">= 0.2",
        )
        row(
            f"{label}, CPU of the three services",
            f"{placement['cpu_ms_per_request']['total']} ms per order, {spread(cpu)}",
            f"catalog product detail {detail['cpu_ms_per_request']['total']} ms",
            cpu["median"],
            "<= 5",
        )
        row(
            f"{label}, p99 at {placement['clients']} clients",
            f"{p99['median']} ms, {spread(p99)}",
            "limit 250 ms",
            round(p99["median"] / 250, 3),
            "< 1",
        )
    devloop_json = RESULTS / "devloop.json"
    if devloop_json.exists():  # not in runs recorded before it
        devloop = json.loads(devloop_json.read_text())["default"]
        row(
            "dev loop: warm `make run` until every service is ready (median of the warm starts)",
            f"{devloop['warm_median_seconds']} s",
            f"limit {devloop['warm_target_seconds']:.0f} s (cold start {devloop['cold']['ready_seconds']} s)",
            devloop["ratio_warm_to_target"],
            "< 1",
        )
    admin_path = RESULTS / "admin.json"
    admin_runs = json.loads(admin_path.read_text()) if admin_path.exists() else {}
    if scale in admin_runs:  # recorded since the admin benchmark exists
        cases = [*admin_runs[scale]["catalog_cases"], *admin_runs[scale]["orders_cases"]]
        timed = [case for case in cases if "server_ms" in case]
        worst = max(timed, key=lambda case: case["server_ms"]["p50"])
        p50 = worst["server_ms"]["p50"]
        row(
            f"admin: slowest of {len(timed)} big changelist pages and searches, server p50 ({worst['name']})",
            f"{p50} ms",
            "limit 500 ms",
            round(p50 / 500, 3),
            "< 1",
        )
    return {
        "scale": scale,
        "recorded_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "command": f"make bench BENCH_SCALE={scale}",
        "seconds": {name: round(value) for name, value in seconds.items()},
        "machine": {
            "cores": os.cpu_count(),
            "os": platform.platform(),
            "python": platform.python_version(),
            "cpu": catalog["machine"]["cpu"],
            "memory_gb": catalog["machine"]["memory_gb"],
            "postgresql": catalog["machine"]["postgresql"],
            "postgresql_settings": catalog["machine"]["postgresql_settings"],
            "versions": {
                name: metadata.version(name)
                for name in ("Django", "djangorestframework", "psycopg", "psycopg-pool", "gunicorn", "locust")
            },
        },
        "server_settings": {
            "gunicorn": "WEB_WORKERS x WEB_THREADS defaults of common/gunicorn_conf.py",
            "database": "DB_POOL defaults of common/settings.py",
        },
        "rows": rows,
    }


def write_summary(result: dict[str, Any]) -> None:
    (RESULTS / f"bench-{result['scale']}.json").write_text(json.dumps(result, indent=2) + "\n")
    m = result["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    lines = [
        f"## Summary: {result['scale']} (recorded {result['recorded_at']})",
        "",
        f"Command: `{result['command']}`; steps took "
        + ", ".join(f"{name} {value} s" for name, value in result["seconds"].items())
        + f". Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}; Python {m['python']}; "
        f"PostgreSQL {m['postgresql']} (embedded); {versions}. Every figure and its floor come from this run; "
        "the sections below give the details.",
        "",
        "| scenario | figure | floor | figure / floor | target |",
        "|---|---|---|---|---|",
        *(f"| {r['scenario']} | {r['figure']} | {r['floor']} | {r['ratio']} | {r['target']} |" for r in result["rows"]),
        "",
    ]
    replace_section("summary", lines, first=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "small"), choices=sorted(STEPS))
    args = parser.parse_args()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    for name, argv, limit in STEPS[args.scale]:
        seconds[name] = run_step(name, argv, limit)
    seconds["total"] = time.perf_counter() - started
    write_summary(summary(args.scale, seconds))
    say(f"wrote bench/results/bench-{args.scale}.json and bench/RESULTS.md in {seconds['total']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
