"""The API ladder and server settings: `BENCH_SCALE=small|full .venv/bin/python bench/run_api.py`.

Uses the catalog benchmark's database (bench_catalog_<scale> in .data/bench-postgres; fills it
with the scale's generated products if `run_catalog.py` has not), then, over real HTTP with a
closed-loop load driver (bench/api/load.py, CONCURRENCY keep-alive connections):

1. the ladder: catalog's product detail (`GET /api/v1/products/{sku}/`, over 1,000 SKUs) and a
   100-row list page (`GET /api/v1/products/?page_size=100`), the same rows from five servers,
   each one layer more than the one below (RUNGS): a bare WSGI callable with psycopg and a bare
   Django view (bench/api/floors.py); that view inside catalog's real settings and middleware and
   a DRF APIView with catalog's authentication, permissions, renderer and exception handling
   returning the same dict (bench/api/ladder.py); catalog's endpoint. All are served by the same
   gunicorn config and database settings. The rungs take turns, ROUNDS (at least five) times;
   each ratio (rung over the bare Django view) is taken within a round and reported as the median
   over the rounds with its spread, so a burst of load from elsewhere moves one round only.
   Then a cProfile of rungs 2 to 5 in-process (bench/api/profile.py), by layer.
2. server settings: catalog's detail and list under each gunicorn workers x threads of SWEEP,
   with the psycopg pool (DB_POOL=true) and with persistent connections (DB_POOL=false,
   DB_CONN_MAX_AGE=60).

Each figure is throughput (requests/s), p50/p99 (client side) and requests per CPU-second of
the gunicorn processes ("per core": what one core of the web tier serves); the CPU-seconds the
PostgreSQL backends spent are reported beside it. Writes bench/results/api.json and the API
section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any, TypedDict

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402

from bench.catalog.stack import CATALOG, RUN_DIR, Stack, stack  # noqa: E402
from bench.results_file import RESULTS_MD, replace_section, store_run  # noqa: E402
from devtools.devstack import ServiceProcess, free_port  # noqa: E402

SCALES = {"small": 100_000, "full": 1_000_000}


class Settings(TypedDict):
    seconds: float
    rounds: int
    profile_requests: int


SETTINGS: dict[str, Settings] = {
    # seconds per measurement, rounds of the ladder (at least five: each ratio is their median),
    # requests per profile (a quarter of them for the list)
    "small": {"seconds": 5.0, "rounds": 5, "profile_requests": 2000},
    "full": {"seconds": 10.0, "rounds": 5, "profile_requests": 2000},
}
CONCURRENCY = 16
LIST_PAGE_SIZE = 100
DETAIL_SKUS = 1000
# (workers, threads): one to four processes on the benchmark's cores, 2 to 8 threads each.
SWEEP = ((1, 4), (1, 8), (2, 2), (2, 4), (2, 8), (4, 2), (4, 4))
DB_MODES = {
    "pool": {"DB_POOL": "true"},
    "persistent": {"DB_POOL": "false", "DB_CONN_MAX_AGE": "60"},
}
# The ladder, from the floor up (docs/performance.md, "The ladder"): each rung adds one layer of
# what catalog's endpoint runs, all served by the same gunicorn config. name -> (WSGI app, env).
RUNGS: dict[str, tuple[str, dict[str, str]]] = {
    "wsgi_floor": ("bench.api.floors:wsgi_application", {}),
    "django_floor": ("bench.api.floors:django_application", {}),
    "django_in_catalog": ("bench.api.ladder:application", {"BENCH_LADDER_VIEW": "django"}),
    "drf_view": ("bench.api.ladder:application", {"BENCH_LADDER_VIEW": "drf"}),
    "catalog": (f"{CATALOG.package}.wsgi", {}),
}
LABELS = {
    "wsgi_floor": "1. bare WSGI + psycopg",
    "django_floor": "2. bare Django view",
    "django_in_catalog": "3. the bare view in catalog's settings and middleware",
    "drf_view": "4. DRF APIView (catalog's authentication, permissions, renderer, errors), the same dict",
    "catalog": "5. catalog's endpoint",
}
# The rungs the profile covers (bench/api/profile.py).
PROFILED = ("django_floor", "django_in_catalog", "drf_view", "catalog")
# Each ratio is to this rung; the targets of issue #14 are catalog's, at least TARGET of it.
BASE = "django_floor"
TARGET = 0.5
RESULTS_JSON = REPO_ROOT / "bench" / "results" / "api.json"
LOAD_DIR = RUN_DIR / "api"


def say(line: str) -> None:
    sys.stdout.write(f"[{datetime.datetime.now(tz=datetime.UTC):%H:%M:%S}] {line}\n")
    sys.stdout.flush()


# --- processes and CPU ----------------------------------------------------------------------


def tree_cpu_seconds(root: psutil.Process) -> float:
    """CPU seconds of ``root`` and its children, dead (reaped) children included."""
    total = 0.0
    try:
        times = root.cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
        for child in root.children(recursive=True):
            try:
                child_times = child.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += child_times.user + child_times.system
    except psutil.NoSuchProcess:
        pass
    return total


def _postmaster(system: Stack) -> psutil.Process:
    with system.connect() as conn:
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        # While the connection is open: its backend process exits with it.
        parent = psutil.Process(row[0]).parent()
    assert parent is not None
    return parent


@contextmanager
def served(system: Stack, app: str, extra_env: dict[str, str]) -> Iterator[ServiceProcess]:
    """``app`` under gunicorn with the services' config on a free port; stopped afterwards."""
    wsgi_app, rung_env = RUNGS[app]
    env = {**system.env, **rung_env, **extra_env, "BIND": f"127.0.0.1:{free_port()}"}
    # The services' log level: each request writes its JSON line (to the log file), as deployed.
    env.setdefault("LOG_LEVEL", "INFO")
    metrics_dir = LOAD_DIR / "prometheus"
    env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    argv = [sys.executable, "-m", "gunicorn", "-c", "python:common.gunicorn_conf", wsgi_app]
    process = ServiceProcess(spec=CATALOG, env=env, argv=argv, label=app, log_path=LOAD_DIR / f"{app}.log")
    process.log_path.unlink(missing_ok=True)  # type: ignore[union-attr]
    process.start()
    try:
        process.wait_ready(timeout=120)
        yield process
    finally:
        process.stop()


def drive(process: ServiceProcess, postmaster: psutil.Process, paths_file: Path, seconds: float) -> dict[str, Any]:
    """Run the load driver against ``process``; its figures plus the server's and database's CPU."""
    assert process._popen is not None
    master = psutil.Process(process._popen.pid)
    web_before, db_before = tree_cpu_seconds(master), tree_cpu_seconds(postmaster)
    result = subprocess.run(  # noqa: S603  (our own driver, our arguments)
        [
            sys.executable,
            "-m",
            "bench.api.load",
            process.base_url,
            "--paths-file",
            str(paths_file),
            "--seconds",
            str(seconds),
            "--concurrency",
            str(CONCURRENCY),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout)
    web_cpu = tree_cpu_seconds(master) - web_before
    db_cpu = tree_cpu_seconds(postmaster) - db_before
    if figures["errors"] or not figures["requests"]:
        raise RuntimeError(f"{process.label}: {figures}\n{process.log_tail()}")
    figures["web_cpu_seconds"] = round(web_cpu, 2)
    figures["db_cpu_seconds"] = round(db_cpu, 2)
    figures["rps_per_web_core"] = round(figures["requests"] / web_cpu, 1) if web_cpu else None
    figures["web_cpu_ms_per_request"] = round(web_cpu * 1000 / figures["requests"], 3)
    figures["db_cpu_ms_per_request"] = round(db_cpu * 1000 / figures["requests"], 3)
    return figures


# --- data -----------------------------------------------------------------------------------


def prepare(system: Stack, products: int) -> dict[str, Path]:
    """Migrate, make sure the scale's products exist, and write the request paths of each scenario."""
    system.manage("migrate", "--noinput")
    with system.connect() as conn:
        row = conn.execute("SELECT count(*) FROM catalog_product WHERE sku LIKE 'GEN-%%'").fetchone()
    if row is None or row[0] < products:
        say(f"generating {products:,} products")
        system.manage("generate_products", str(products), "--no-progress")
        with system.connect() as conn:
            conn.execute("VACUUM ANALYZE")
    with system.connect() as conn:
        skus = [
            sku
            for (sku,) in conn.execute(
                "SELECT sku FROM catalog_product TABLESAMPLE SYSTEM (5) REPEATABLE (7) WHERE is_active LIMIT %s",
                [DETAIL_SKUS],
            )
        ]
    LOAD_DIR.mkdir(parents=True, exist_ok=True)
    paths = {
        "detail": LOAD_DIR / "detail-paths.txt",
        "list": LOAD_DIR / "list-paths.txt",
    }
    paths["detail"].write_text("".join(f"/api/v1/products/{sku}/\n" for sku in skus))
    paths["list"].write_text(f"/api/v1/products/?page_size={LIST_PAGE_SIZE}\n")
    return paths


def check_same_rows(system: Stack, paths: dict[str, Path]) -> None:
    """The floors must answer what catalog answers, or their figures mean nothing."""
    import urllib.request

    detail_path = paths["detail"].read_text().splitlines()[0]
    list_path = paths["list"].read_text().strip()
    answers: dict[str, tuple[Any, Any]] = {}
    for app in RUNGS:
        with served(system, app, DB_MODES["pool"]) as process:
            with urllib.request.urlopen(process.base_url + detail_path) as response:  # noqa: S310
                detail = json.loads(response.read())
            with urllib.request.urlopen(process.base_url + list_path) as response:  # noqa: S310
                listing = json.loads(response.read())
        answers[app] = (detail, [row["sku"] for row in listing["results"]])
    reference = answers["catalog"]
    for app, (detail, skus) in answers.items():
        if skus != reference[1] or len(skus) != LIST_PAGE_SIZE:
            raise RuntimeError(f"{app} lists other rows than catalog")
        for name in ("sku", "name", "price", "currency", "category", "attributes", "updated_at"):
            if detail[name] != reference[0][name]:
                raise RuntimeError(f"{app} answers {name}={detail[name]!r}, catalog {reference[0][name]!r}")


# --- scenarios ------------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def ladder(system: Stack, paths: dict[str, Path], *, seconds: float, rounds: int) -> dict[str, Any]:
    """Every rung, ``rounds`` times, interleaved: each round serves each rung in turn (starting
    one rung later each round) and measures detail then list. A ratio is taken within a round,
    rung over the bare Django view, and reported as the median over the rounds with its spread:
    a burst of load from elsewhere moves one round's ratio, not the median."""
    postmaster = _postmaster(system)
    names = list(RUNGS)
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {app: {"detail": [], "list": []} for app in names}
    for number in range(rounds):
        for app in names[number % len(names) :] + names[: number % len(names)]:
            with served(system, app, DB_MODES["pool"]) as process:
                drive(process, postmaster, paths["detail"], 1.0)  # warm the pool and the imports
                for scenario in ("detail", "list"):
                    figures = drive(process, postmaster, paths[scenario], seconds)
                    runs[app][scenario].append(figures)
                    say(f"round {number + 1} {app} {scenario}: {_brief(figures)}")
    results: dict[str, Any] = {}
    for scenario in ("detail", "list"):
        rungs: dict[str, Any] = {}
        for app in names:
            rounds_figures = runs[app][scenario]
            per_core = [figures["rps_per_web_core"] for figures in rounds_figures]
            ratios = [
                round(figures["rps_per_web_core"] / base["rps_per_web_core"], 3)
                for figures, base in zip(rounds_figures, runs[BASE][scenario], strict=True)
            ]
            rungs[app] = {
                "label": LABELS[app],
                "rps_per_web_core": round(_median(per_core), 1),
                "rounds_rps_per_web_core": per_core,
                "web_cpu_ms_per_request": round(_median([f["web_cpu_ms_per_request"] for f in rounds_figures]), 3),
                "db_cpu_ms_per_request": round(_median([f["db_cpu_ms_per_request"] for f in rounds_figures]), 3),
                "rps": round(_median([f["rps"] for f in rounds_figures]), 1),
                "p50_ms": round(_median([f["p50_ms"] for f in rounds_figures]), 2),
                "p99_ms": round(_median([f["p99_ms"] for f in rounds_figures]), 2),
                f"ratio_to_{BASE}": {"median": round(_median(ratios), 3), "min": min(ratios), "max": max(ratios)},
                f"rounds_ratio_to_{BASE}": ratios,
            }
        results[scenario] = {"rungs": rungs}
    return results


def profiles(system: Stack, paths: dict[str, Path], *, requests: int) -> dict[str, Any]:
    """cProfile of rungs 2 to 5 in-process (bench/api/profile.py), detail and list."""
    results: dict[str, Any] = {}
    for scenario in ("detail", "list"):
        results[scenario] = {}
        for app in PROFILED:
            env = {**os.environ, **system.env, "LOG_LEVEL": "INFO"}
            result = subprocess.run(  # noqa: S603  (our own profiler, our arguments)
                [
                    sys.executable,
                    "-m",
                    "bench.api.profile",
                    app,
                    str(paths[scenario]),
                    "--requests",
                    str(requests if scenario == "detail" else requests // 4),
                ],
                cwd=REPO_ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise RuntimeError(f"profile of {app} {scenario} failed:\n{result.stderr[-3000:]}")
            results[scenario][app] = json.loads(result.stdout.strip().splitlines()[-1])
            say(f"profile {app} {scenario}: {results[scenario][app]['cpu_ms_per_request']} CPU ms per request")
    return results


def sweep(system: Stack, paths: dict[str, Path], *, seconds: float) -> list[dict[str, Any]]:
    postmaster = _postmaster(system)
    rows = []
    for workers, threads in SWEEP:
        for mode, mode_env in DB_MODES.items():
            env = {**mode_env, "WEB_WORKERS": str(workers), "WEB_THREADS": str(threads)}
            # A pool at least as big as the threads that borrow from it (docs/architecture.md).
            env["DB_POOL_MAX_SIZE"] = str(max(8, threads))
            row: dict[str, Any] = {"workers": workers, "threads": threads, "db": mode}
            with served(system, "catalog", env) as process:
                drive(process, postmaster, paths["detail"], 1.0)
                for scenario in ("detail", "list"):
                    row[scenario] = drive(process, postmaster, paths[scenario], seconds)
            row["score"] = round(math.sqrt(row["detail"]["rps"] * row["list"]["rps"]), 1)
            say(f"{workers}x{threads} {mode}: detail {_brief(row['detail'])}; list {_brief(row['list'])}")
            rows.append(row)
    return rows


def _brief(figures: dict[str, Any]) -> str:
    return (
        f"{figures['rps']}/s, p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
        f"{figures['rps_per_web_core']}/s per web core"
    )


# --- the run and its report -----------------------------------------------------------------


def machine() -> dict[str, Any]:
    import platform

    return {
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            name: metadata.version(name)
            for name in ("Django", "djangorestframework", "psycopg", "psycopg-pool", "gunicorn", "geventhttpclient")
        },
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def run(
    scale: str, *, do_sweep: bool, rounds: int | None, seconds: float | None, profile_only: bool = False
) -> dict[str, Any]:
    settings = SETTINGS[scale].copy()
    settings["rounds"] = rounds or settings["rounds"]
    settings["seconds"] = seconds or settings["seconds"]
    results: dict[str, Any] = {
        "scale": scale,
        "products": SCALES[scale],
        "machine": machine(),
        "settings": {
            **settings,
            "concurrency": CONCURRENCY,
            "list_page_size": LIST_PAGE_SIZE,
            "detail_skus": DETAIL_SKUS,
            "floors_server": "gunicorn defaults of common/gunicorn_conf.py, DB_POOL=true, LOG_LEVEL=INFO",
        },
    }
    with stack(dbname=f"bench_catalog_{scale}", fresh=False) as system:
        paths = prepare(system, SCALES[scale])
        if profile_only:
            results["profiles"] = profiles(system, paths, requests=settings["profile_requests"])
            return results
        check_same_rows(system, paths)
        say(f"ladder: {', '.join(RUNGS)}; {settings['rounds']} rounds")
        results["ladder"] = ladder(system, paths, seconds=settings["seconds"], rounds=settings["rounds"])
        say("profiles of rungs 2 to 5")
        results["profiles"] = profiles(system, paths, requests=settings["profile_requests"])
        if do_sweep:
            say("sweep: gunicorn workers x threads, pool vs persistent connections")
            results["sweep"] = sweep(system, paths, seconds=settings["seconds"])
    results["machine"]["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    return results


def write_results(results: dict[str, Any], command: str) -> None:
    existing = store_run(RESULTS_JSON, results, command)
    lines = [
        "## API ladder and server settings",
        "",
        "Written by `bench/run_api.py` from `bench/results/api.json`.",
        "",
    ]
    for scale in ("small", "full"):
        run = existing.get(scale)
        lines += _section(scale, run) if run else [f"### {scale}: not run yet", ""]
    replace_section("api", lines)


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _section(scale: str, run: dict[str, Any]) -> list[str]:
    m, s = run["machine"], run["settings"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    lines = [
        f"### {scale}: {run['products']:,} products (recorded {run['recorded_at']})",
        "",
        f"Command: `{run['command']}` (total {run.get('total_seconds', '?')} s). Machine: {m['cores']} cores, "
        f"{m['memory_gb']} GB, {m['os']}, Python {m['python']}; {versions}; load average "
        f"{m['load_average_at_start']} at start, {m['load_average_at_end']} at end. Load: {s['concurrency']} "
        f"keep-alive connections, closed loop, {s['seconds']} s per figure; the ladder's rungs served in turn, "
        f"{s['rounds']} rounds, each ratio taken within a round, then the median over rounds; {s['floors_server']}. "
        "Client, server and database share the machine.",
        "",
        _row(
            "scenario",
            "rung",
            "requests per web CPU-second (rounds)",
            "÷ bare Django view: median (min to max)",
            "web / db CPU ms per request",
            "this rung's added web CPU ms",
            "requests/s, p50 / p99 ms",
        ),
        "|---|---|---|---|---|---|---|",
    ]
    names = {
        "detail": "product detail (`GET /api/v1/products/{sku}/`)",
        "list": f"list page of {s['list_page_size']} (`GET /api/v1/products/?page_size={s['list_page_size']}`)",
    }
    if "ladder" not in run:
        return [
            *lines[:2],
            f"Command: `{run['command']}`. Recorded before the ladder (floors only, best of {s['rounds']} rounds, "
            "request log lines off), superseded by the runs above; rerun `bench/run_api.py`.",
            "",
        ]
    for scenario in ("detail", "list"):
        below = None
        for rung in run["ladder"][scenario]["rungs"].values():
            ratio = rung[f"ratio_to_{BASE}"]
            added = "" if below is None else round(rung["web_cpu_ms_per_request"] - below, 3)
            below = rung["web_cpu_ms_per_request"]
            lines.append(
                _row(
                    names[scenario],
                    rung["label"],
                    f"{rung['rps_per_web_core']} ({', '.join(str(v) for v in rung['rounds_rps_per_web_core'])})",
                    f"{ratio['median']} ({ratio['min']} to {ratio['max']})",
                    f"{rung['web_cpu_ms_per_request']} / {rung['db_cpu_ms_per_request']}",
                    added,
                    f"{rung['rps']}, {rung['p50_ms']} / {rung['p99_ms']}",
                )
            )
    lines += ["", "Targets (issue #14), each the median of the rounds' ratios:", ""]
    lines += [_row("figure", "median", "spread (min to max)", "target", "verdict"), "|---|---|---|---|---|"]
    for scenario, label in (("detail", "product detail"), ("list", "100-row list page")):
        ratio = run["ladder"][scenario]["rungs"]["catalog"][f"ratio_to_{BASE}"]
        lines.append(
            _row(
                f"{label} ÷ bare Django view, requests per web CPU-second",
                ratio["median"],
                f"{ratio['min']} to {ratio['max']}",
                f">= {TARGET}",
                "met" if ratio["median"] >= TARGET else "NOT met",
            )
        )
    for scenario in ("detail", "list"):
        for app, profile in run.get("profiles", {}).get(scenario, {}).items():
            lines += [
                "",
                f"Profile, {LABELS[app]}, {scenario} (cProfile on CPU time, in-process, {profile['requests']} "
                f"requests; {profile['cpu_ms_per_request']} CPU ms per request under the profiler), "
                "own time by layer:",
                "",
                _row("layer", "ms per request", "share"),
                "|---|---|---|",
                *(_row(f"`{row['layer']}`", row["ms_per_request"], row["share"]) for row in profile["layers"][:10]),
            ]
    if "sweep" in run:
        top = max(run["sweep"], key=lambda row: row["score"])
        lines += [
            "",
            "Server settings, catalog only (score: geometric mean of detail and list requests/s; "
            f"best in this run: {top['workers']} x {top['threads']}, {top['db']}):",
            "",
            _row("workers x threads", "connections", "detail rps (p99 ms)", "list rps (p99 ms)", "score"),
            "|---|---|---|---|---|",
        ]
        for row in run["sweep"]:
            lines.append(
                _row(
                    f"{row['workers']} x {row['threads']}",
                    row["db"],
                    f"{row['detail']['rps']} ({row['detail']['p99_ms']})",
                    f"{row['list']['rps']} ({row['list']['p99_ms']})",
                    row["score"],
                )
            )
    return [*lines, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "small"), choices=sorted(SCALES))
    parser.add_argument("--no-sweep", action="store_true", help="Only the ladder and its profiles.")
    parser.add_argument("--rounds", type=int, help="Rounds of the ladder (default: the scale's, 5).")
    parser.add_argument("--seconds", type=float, help="Seconds per figure (default: the scale's).")
    parser.add_argument(
        "--profile-only", action="store_true", help="Only print the profiles of rungs 2 to 5 (nothing is recorded)."
    )
    args = parser.parse_args()
    if args.profile_only:
        profiled = run(args.scale, do_sweep=False, rounds=None, seconds=None, profile_only=True)["profiles"]
        sys.stdout.write(json.dumps(profiled) + "\n")
        return 0
    if args.rounds is not None and args.rounds < 1:
        parser.error("--rounds must be at least 1")
    started = time.perf_counter()
    results = run(args.scale, do_sweep=not args.no_sweep, rounds=args.rounds, seconds=args.seconds)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    command = " ".join(
        [
            f"BENCH_SCALE={args.scale} .venv/bin/python bench/run_api.py",
            *(["--no-sweep"] if args.no_sweep else []),
            *([f"--rounds {args.rounds}"] if args.rounds else []),
            *([f"--seconds {args.seconds}"] if args.seconds else []),
        ]
    )
    write_results(results, command)
    say(f"wrote {RESULTS_JSON.relative_to(REPO_ROOT)} and {RESULTS_MD.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
