"""cProfile of one API rung in-process: ``python -m bench.api.profile RUNG SCENARIO PATHS_FILE``.

The rung's WSGI application (what gunicorn would import) is called directly, ``--requests``
times after a warm-up, with the environ gunicorn builds for a keep-alive GET; the environment
(database, settings module) is the benchmark's. Prints one JSON object: CPU milliseconds per
request, the functions with the most own time, and own time summed per layer (the package or
module a function lives in), so a rung's cost can be put next to the one below it.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
APPLICATIONS = {
    "django_floor": ("bench.api.floors", "django_application", {}),
    "django_in_catalog": ("bench.api.ladder", "application", {"BENCH_LADDER_VIEW": "django"}),
    "drf_view": ("bench.api.ladder", "application", {"BENCH_LADDER_VIEW": "drf"}),
    "catalog": ("catalog_service.wsgi", "application", {}),
}


def _environ(path: str, host: str) -> dict[str, Any]:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "RAW_URI": path,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": f"{host}:8000",
        "HTTP_ACCEPT": "*/*",
        "HTTP_USER_AGENT": "python/gevent-http-client",
        "HTTP_CONNECTION": "keep-alive",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _call(application: Callable[..., Iterable[bytes]], environ: dict[str, Any]) -> None:
    status: list[str] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        status.append(line)
        return lambda data: None

    body = application(environ, start_response)
    for _chunk in body:
        pass
    close = getattr(body, "close", None)
    if close is not None:
        close()
    if not status or not status[0].startswith("200"):
        raise RuntimeError(f"{environ['PATH_INFO']}: {status}")


def layer(filename: str) -> str:
    """The package (or standard-library module) a profiled function belongs to."""
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C)"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        if rest[0] in {"django", "rest_framework"} and len(rest) > 1:
            return "/".join(rest[:2]).removesuffix(".py")
        return rest[0].removesuffix(".py")
    try:
        relative = path.relative_to(REPO_ROOT)
    except ValueError:
        name = path.parent.name if path.stem == "__init__" else path.stem  # logging, json, ...
        return f"stdlib {name}" if "python3" in filename else name
    return str(relative.with_suffix(""))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rung", choices=sorted(APPLICATIONS))
    parser.add_argument("paths_file", type=Path)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    module_name, attribute, extra_env = APPLICATIONS[args.rung]
    os.environ.update(extra_env)
    os.environ.setdefault("LOG_LEVEL", "INFO")
    sys.path.insert(0, str(REPO_ROOT))
    import importlib

    application = getattr(importlib.import_module(module_name), attribute)
    host = "127.0.0.1"
    paths = [line for line in args.paths_file.read_text().splitlines() if line]
    # A request's log line goes to stdout in production; here to a null device, so the
    # formatting is paid and the terminal stays readable.
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        for number in range(200):
            _call(application, _environ(paths[number % len(paths)], host))
        # CPU time, not wall time: waiting for PostgreSQL is not the web tier's cost.
        profiler = cProfile.Profile(time.process_time)
        started = time.process_time()
        profiler.enable()
        for number in range(args.requests):
            _call(application, _environ(paths[number % len(paths)], host))
        profiler.disable()
        cpu = time.process_time() - started
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    by_layer: dict[str, float] = defaultdict(float)
    functions = []
    for (filename, line, name), (_cc, calls, own, _cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_layer[layer(filename)] += own
        where = (
            f"{layer(filename)}/{Path(filename).stem}"
            if "/" in layer(filename) or "site-packages" not in filename
            else layer(filename)
        )
        functions.append((own, calls, f"{where}:{line}({name})" if line else name))
    functions.sort(reverse=True)
    per_request = 1000 / args.requests
    json.dump(
        {
            "rung": args.rung,
            "requests": args.requests,
            "cpu_ms_per_request": round(cpu * per_request, 3),
            "profiled_ms_per_request": round(total * per_request, 3),
            "layers": [
                {"layer": name, "ms_per_request": round(own * per_request, 3), "share": round(own / total, 3)}
                for name, own in sorted(by_layer.items(), key=lambda item: -item[1])[: args.top]
            ],
            "functions": [
                {
                    "function": name,
                    "calls_per_request": round(calls / args.requests, 1),
                    "ms_per_request": round(own * per_request, 3),
                    "share": round(own / total, 3),
                }
                for own, calls, name in functions[: args.top]
            ],
        },
        sys.stdout,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
