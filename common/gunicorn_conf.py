"""gunicorn settings for every service: `gunicorn -c python:common.gunicorn_conf <service>.wsgi`.

Threads serve concurrent requests inside a worker (most of a request's time is spent waiting
on PostgreSQL), and each worker process keeps its own psycopg pool.
"""

import json
import os
from pathlib import Path
from typing import Any

import environ
import gunicorn.util  # type: ignore[import-untyped]

env = environ.Env()

bind = env.str("BIND", default="0.0.0.0:8000")
worker_class = "gthread"
# Defaults chosen by the sweep of bench/run_api.py on a quiet machine (bench/RESULTS.md,
# docs/performance.md): one worker per core of the 2-CPU pod the chart requests (one worker
# left a core idle, four lost to contention), and 4 threads: within 3% of 2 threads on
# catalog's detail and list, 13% ahead of 8 (whose p99 was 2.5 times longer), and more room
# than 2 for orders, whose requests wait on other services. Each worker's pool
# (DB_POOL_MAX_SIZE, 8) has a connection for every thread.
# The chart takes these defaults unless WEB_WORKERS/WEB_THREADS are set; the dev runner runs one
# worker per service (three services share the machine) unless WEB_WORKERS is set.
workers = env.int("WEB_WORKERS", default=2)
threads = env.int("WEB_THREADS", default=4)
timeout = env.int("WEB_TIMEOUT", default=30)
graceful_timeout = env.int("WEB_GRACEFUL_TIMEOUT", default=20)
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound; the jitter keeps them
# from restarting together.
max_requests = env.int("WEB_MAX_REQUESTS", default=10_000)
max_requests_jitter = max_requests // 10
# RequestLogMiddleware writes the access log, as JSON and with the request id.
accesslog = None
# No runtime control socket: nothing uses it, and the root filesystem may be read-only.
control_socket_disable = True
worker_tmp_dir = env.str("WEB_WORKER_TMP_DIR", default="/dev/shm" if os.path.isdir("/dev/shm") else "/tmp")
# gunicorn's own lines (the master's start, worker boots and timeouts) in the services' format
# (LOG_FORMAT, common/settings.py); the dev runner quiets its INFO lines with LOG_LEVELS.
_log_format = env.str("LOG_FORMAT", default="json")
_log_levels = dict(item.partition("=")[::2] for item in env.list("LOG_LEVELS", default=[]))
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",
        },
        "console": {"()": "common.logs.ConsoleFormatter"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": _log_format}},
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {
            "handlers": ["stderr"],
            "level": _log_levels.get("gunicorn.error", "INFO").upper(),
            "propagate": False,
        },
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}


def on_starting(server: Any) -> None:
    # PROMETHEUS_MULTIPROC_DIR must exist and start empty, and a container that restarts keeps
    # its emptyDir volume (a local run, its directory): the previous gunicorn's samples would
    # be added to this one's. The master runs this before any worker loads the application.
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        for stale in Path(directory).glob("*.db"):
            stale.unlink()


def child_exit(server: Any, worker: Any) -> None:
    # With several workers, Prometheus metrics are aggregated from files in
    # PROMETHEUS_MULTIPROC_DIR; a dead worker's live gauges must be dropped.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def write_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's answer to a request it refuses before the application sees it (a request line
    or header over its limits, a malformed request), in the API's error shape rather than HTML."""
    codes = {414: "uri_too_long", 431: "request_header_fields_too_large"}
    error_type = "server_error" if status_int >= 500 else "client_error"
    body = json.dumps(
        {"type": error_type, "errors": [{"code": codes.get(status_int, "bad_request"), "detail": reason, "attr": None}]}
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1")
    gunicorn.util.write_nonblock(sock, head + body)


# gunicorn has no setting for the body of these answers; the workers call util.write_error.
gunicorn.util.write_error = write_error
