"""The dev runner (``make run``, scripts/run.py): start the whole system, say what it is doing,
keep it running, and stop it with one line.

- Console log lines (common/logs.py) instead of JSON, and nothing while idle: the job queue's
  per-run lines, gunicorn's start-up lines and the lockout library's per-sign-in lines are
  quieted with LOG_LEVELS (warnings and errors still show).
- A warm start does only what changed: each service's preparation (``python -m devtools.prepare``:
  migrations, demo data, service clients) runs only when a fingerprint of its inputs differs
  from the one recorded after its last successful run, or when its database does not have the
  migrations it had then (one query). Static files are served from the apps (STATIC_USE_FINDERS),
  never collected.
- A process that exits is started again after a back-off (1 s, doubling, at most 16 s); the
  sixth exit of one process within a minute stops everything.
- Ctrl-C (or SIGTERM) at any moment: every process started is stopped, one line, exit status 0.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

import psycopg

from common.logs import name_colour
from devtools.devstack import (
    REPO_ROOT,
    SERVICES,
    ServiceProcess,
    ServiceSpec,
    create_database,
    database_url,
    local_environment,
    persistent_secret,
    release_embedded_postgres,
    start_embedded_postgres,
    write_signing_key,
)

DEMO_ADMIN_EMAIL = "admin@mercato.local"
DEMO_CUSTOMER_EMAIL = "customer@mercato.local"
DEMO_PASSWORD = "mercato-admin"  # noqa: S105  (a documented local demo login)
# Quiet while idle: procrastinate writes lines per job run and at start per task registered,
# gunicorn per worker boot and exit: their warnings and errors remain. django-axes writes a line
# per sign-in, a WARNING for a failed one, which the request's own 401 line already says.
# orders' reconciliation reports a clean check every ten minutes at INFO (a mismatch at ERROR).
DEV_LOG_LEVELS = ",".join(
    (
        "procrastinate=WARNING",
        "gunicorn.error=WARNING",
        "axes=ERROR",
        "orders_service.orders.services.reconciliation=WARNING",
    )
)
CRASHES_ALLOWED = 5  # exits of one process within CRASH_WINDOW; one more stops everything
CRASH_WINDOW = 60.0
MAX_BACKOFF = 16.0
READY_TIMEOUT = 180.0
_TIMESTAMPED = re.compile(r"^(\x1b\[[0-9;]*m)?\d\d:\d\d:\d\d(\x1b\[0m)? ")


class Stopped(Exception):
    """Ctrl-C or SIGTERM: stop what was started."""


class Failed(Exception):
    """A step failed; the message says which, and the runner stops."""


class Console:
    """The runner's own lines and its children's, one writer at a time; muted once stopping."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.tty = stream.isatty() and not os.environ.get("NO_COLOR")
        self.muted = False
        self._lock = threading.Lock()
        self._progress = False  # the last line written is a progress line to overwrite

    def say(self, text: str, *, progress: bool = False) -> None:
        with self._lock:
            if self.muted:
                return
            if self._progress:
                self.stream.write("\r\033[K" if self.tty else "")
            self._progress = progress and self.tty
            self.stream.write(text if self._progress else text + "\n")
            self.stream.flush()

    def paint(self, colour: str, text: str) -> str:
        return f"{colour}{text}\033[0m" if self.tty else text

    def final(self, text: str) -> None:
        """The last line, written even when muted."""
        with self._lock:
            self.muted = True
            if self._progress:
                self.stream.write("\r\033[K")
            self.stream.write(text + "\n")
            self.stream.flush()


# --- What a warm start may skip --------------------------------------------------------------


def prepare_fingerprint(spec: ServiceSpec, settings: Mapping[str, str]) -> str:
    """A digest of everything devtools/prepare.py's outcome depends on: the migration files (the
    service's and common's; other packages' change only with requirements.lock), the demo data
    commands, and ``settings`` (demo logins, service clients)."""
    files = [REPO_ROOT / "requirements.lock", REPO_ROOT / "devtools" / "prepare.py"]
    for root in (REPO_ROOT / spec.package, REPO_ROOT / "common"):
        files += sorted(root.rglob("migrations/*.py"))
        files += sorted(root.rglob("management/commands/seed_demo.py"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(REPO_ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    for key, value in sorted(settings.items()):
        digest.update(f"{key}={value}\0".encode())
    return digest.hexdigest()


def applied_migrations(url: str) -> int | None:
    """How many migrations the database records as applied; None before the first."""
    with psycopg.connect(url, connect_timeout=5, autocommit=True) as conn:
        try:
            row = conn.execute("SELECT count(*) FROM django_migrations").fetchone()
        except psycopg.errors.UndefinedTable:
            return None
    return int(row[0]) if row else None


@dataclass(frozen=True)
class Stamp:
    """Written after a service's preparation succeeded, read by the next start."""

    path: Path

    def matches(self, fingerprint: str, applied: int | None) -> bool:
        try:
            recorded = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return False
        return bool(recorded.get("fingerprint") == fingerprint and recorded.get("migrations") == applied)

    def write(self, fingerprint: str, applied: int | None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps({"fingerprint": fingerprint, "migrations": applied}))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


# --- Supervision --------------------------------------------------------------------------------


@dataclass
class Supervised:
    """A long-running process, restarted after a back-off when it exits."""

    process: ServiceProcess
    web: bool
    crashes: collections.deque[float] = field(default_factory=collections.deque)
    restart_at: float | None = None
    ready: bool = False
    announced_ready: bool = False


def is_ready(process: ServiceProcess) -> bool:
    try:
        with urllib.request.urlopen(f"{process.base_url}/readyz", timeout=1) as response:  # noqa: S310  (http on loopback)
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


# --- The runner -------------------------------------------------------------------------------


class DevRunner:
    def __init__(self, *, data_dir: Path, console: Console) -> None:
        self.data_dir = data_dir
        self.console = console
        self.stop_requested = threading.Event()
        self.supervised: list[Supervised] = []
        self.preparing: dict[str, subprocess.Popen[str]] = {}
        self.server: Any = None
        self.ports = {spec.name: int(os.environ.get(f"{spec.name.upper()}_PORT", spec.dev_port)) for spec in SERVICES}

    # Ctrl-C lands here; the main loop notices within a fraction of a second. No exception is
    # raised into whatever the main thread is doing (a process half started would be lost).
    def request_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop_requested.set()
        self.console.muted = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def check_stop(self) -> None:
        if self.stop_requested.is_set():
            raise Stopped

    def sleep(self, seconds: float) -> None:
        if self.stop_requested.wait(seconds):
            raise Stopped

    def say(self, text: str, **kwargs: Any) -> None:
        self.console.say(text, **kwargs)

    def label(self, name: str) -> str:
        return self.console.paint(name_colour(name), f"{name:<15}")

    def run(self) -> int:
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)
        began = time.monotonic()
        try:
            self.start(began)
            self.supervise()
        except Stopped:
            self.shutdown()
            self.console.final("Mercato stopped.")
            return 0
        except Failed as exc:
            self.shutdown()
            self.console.final(f"Mercato stopped: {exc}")
            return 1
        except BaseException:
            # A bug, or PostgreSQL failing to start: its traceback is the report, but nothing
            # started may outlive the runner.
            self.shutdown()
            raise
        return 0  # not reached: supervise() ends by raising

    # --- start -------------------------------------------------------------------------------

    def start(self, began: float) -> None:
        busy = [port for port in self.ports.values() if _port_in_use(port)]
        if busy:
            raise Failed(
                f"port(s) {', '.join(map(str, busy))} already in use on 127.0.0.1: is Mercato already running?"
            )
        urls = self.databases()
        self.check_stop()
        envs = self.environments(urls)
        pending = [spec for spec in SERVICES if self.needs_prepare(spec, envs[spec.name])]
        for spec in SERVICES:
            if spec not in pending:
                self.say(f"{self.label(spec.name)} migrations and demo data up to date")
        for spec in pending:
            self.say(f"{self.label(spec.name)} preparing: migrations, demo data ...")
            self.preparing[spec.name] = self.start_prepare(spec, envs[spec.name])
        for spec in SERVICES:
            if spec not in pending:
                self.launch(spec, envs[spec.name])
        while self.preparing or not all(item.ready for item in self.supervised if item.web):
            self.sleep(0.2)
            for name, popen in list(self.preparing.items()):
                if popen.poll() is None:
                    continue
                del self.preparing[name]
                spec = next(spec for spec in SERVICES if spec.name == name)
                if popen.returncode != 0:
                    raise Failed(f"{name}: preparation (python -m devtools.prepare) failed with {popen.returncode}")
                stamp_inputs = envs[name]
                Stamp(self.stamp_path(spec)).write(
                    prepare_fingerprint(spec, self.fingerprint_settings(spec, stamp_inputs)),
                    applied_migrations(stamp_inputs["DATABASE_URL"]),
                )
                self.launch(spec, envs[name])
            self.tick(deadline=began + READY_TIMEOUT)
        self.banner(time.monotonic() - began)

    def databases(self) -> dict[str, str]:
        external = {spec.name: os.environ.get(f"{spec.name.upper()}_DATABASE_URL") for spec in SERVICES}
        if all(external.values()):
            self.say("Using the PostgreSQL databases from *_DATABASE_URL")
            return {name: url for name, url in external.items() if url}
        started = time.monotonic()
        self.say(f"Starting PostgreSQL (data in {self.data_dir / 'postgres'}) ...")
        self.server = start_embedded_postgres(self.data_dir / "postgres")
        urls = {}
        for spec in SERVICES:
            url = external[spec.name]
            if url is None:
                create_database(self.server.get_uri(), spec.name)
                url = database_url(self.server.get_uri(), spec.name)
            urls[spec.name] = url
        self.say(f"PostgreSQL ready ({time.monotonic() - started:.1f}s)")
        return urls

    def environments(self, urls: Mapping[str, str]) -> dict[str, dict[str, str]]:
        secrets_dir = self.data_dir / "secrets"
        signing_keys_file = write_signing_key(secrets_dir / "jwt-signing-keys.pem")
        client_secrets = {spec.name: persistent_secret(secrets_dir / f"{spec.name}-client") for spec in SERVICES}
        envs = {}
        for spec in SERVICES:
            run_dir = self.data_dir / "run" / spec.name
            env = local_environment(
                spec,
                database_url=urls[spec.name],
                ports=self.ports,
                secret_key=persistent_secret(secrets_dir / spec.name),
                run_dir=run_dir,
                signing_keys_file=signing_keys_file,
                client_secret=client_secrets[spec.name],
            )
            # Served from the apps, never collected; the empty directory keeps WhiteNoise from
            # warning that STATIC_ROOT is missing.
            (run_dir / "static").mkdir(parents=True, exist_ok=True)
            env.update(
                {
                    "STATIC_USE_FINDERS": "true",
                    "LOG_FORMAT": "console",
                    "LOG_LEVELS": os.environ.get("LOG_LEVELS", DEV_LOG_LEVELS),
                    # One gunicorn worker (with its threads) per service: a laptop or a shared
                    # 2-core machine runs three services, and each worker is a Django start-up.
                    "WEB_WORKERS": os.environ.get("WEB_WORKERS", "1"),
                    "DEMO_ADMIN_EMAIL": DEMO_ADMIN_EMAIL,
                    "DEMO_ADMIN_PASSWORD": DEMO_PASSWORD,
                    "DEMO_CUSTOMER_EMAIL": DEMO_CUSTOMER_EMAIL,
                    "PYTHONUNBUFFERED": "1",
                }
            )
            if self.console.tty:
                env["FORCE_COLOR"] = "1"
            if spec.name == "accounts":
                for other in SERVICES:
                    if other.scopes:
                        env[f"SERVICE_CLIENT_SECRET_{other.name.upper()}"] = client_secrets[other.name]
            envs[spec.name] = env
        return envs

    def stamp_path(self, spec: ServiceSpec) -> Path:
        return self.data_dir / "run" / spec.name / "prepared.json"

    def fingerprint_settings(self, spec: ServiceSpec, env: Mapping[str, str]) -> dict[str, str]:
        keys = ["DEMO_ADMIN_EMAIL", "DEMO_ADMIN_PASSWORD", "DEMO_CUSTOMER_EMAIL", "DEMO_PRODUCTS"]
        settings = {key: env.get(key, os.environ.get(key, "")) for key in keys}
        if spec.name == "accounts":
            settings["service_clients"] = " ".join(self.service_client_args())
            for key, value in env.items():
                if key.startswith("SERVICE_CLIENT_SECRET_"):
                    settings[key] = hashlib.sha256(value.encode()).hexdigest()
        return settings

    def service_client_args(self) -> list[str]:
        return [f"--service-client={spec.name}={','.join(spec.scopes)}" for spec in SERVICES if spec.scopes]

    def needs_prepare(self, spec: ServiceSpec, env: Mapping[str, str]) -> bool:
        fingerprint = prepare_fingerprint(spec, self.fingerprint_settings(spec, env))
        return not Stamp(self.stamp_path(spec)).matches(fingerprint, applied_migrations(env["DATABASE_URL"]))

    def start_prepare(self, spec: ServiceSpec, env: Mapping[str, str]) -> subprocess.Popen[str]:
        Stamp(self.stamp_path(spec)).clear()
        args = self.service_client_args() if spec.name == "accounts" else []
        popen = subprocess.Popen(  # noqa: S603  (this interpreter, our own module)
            [sys.executable, "-m", "devtools.prepare", *args],
            env={**os.environ, **env, "LOG_NAME": spec.name},
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # Out of the terminal's process group: Ctrl-C reaches the runner only, which stops
            # this child itself (no traceback from it).
            start_new_session=True,
        )
        threading.Thread(target=self._relay_prepare, args=(spec.name, popen), daemon=True).start()
        return popen

    def _relay_prepare(self, name: str, popen: subprocess.Popen[str]) -> None:
        assert popen.stdout is not None
        for line in popen.stdout:
            text = line.rstrip()
            if text:
                self.say(f"{self.label(name)} {text}", progress=text.startswith("demo products:"))

    def launch(self, spec: ServiceSpec, env: Mapping[str, str]) -> None:
        run_dir = self.data_dir / "run" / spec.name
        web = ServiceProcess.web(
            spec, {**env, "LOG_NAME": spec.name}, metrics_dir=run_dir / "prometheus", output=self.relay(spec.name)
        )
        workers = [
            ServiceProcess.worker(
                spec, {**env, "LOG_NAME": f"{spec.name}-worker"}, command, output=self.relay(f"{spec.name}-worker")
            )
            for command in spec.workers
        ]
        for process in (web, *workers):
            process.prefix_output = False
            process.start()
            self.supervised.append(Supervised(process=process, web=process is web))

    def relay(self, name: str) -> Callable[[str], None]:
        # Console lines carry their time and process; anything else (a crash before logging is
        # set up, a warning, a command's print) gets the process's name.
        def say(line: str) -> None:
            if line:
                self.say(line if _TIMESTAMPED.match(line) else f"{self.label(name)} {line}")

        return say

    def banner(self, elapsed: float) -> None:
        self.say("")
        self.say(f"Mercato is running (ready in {elapsed:.1f}s):")
        for spec in SERVICES:
            base = f"http://127.0.0.1:{self.ports[spec.name]}"
            self.say(f"  {spec.name:<9} API docs {base}/api/docs/   admin {base}/admin/")
        self.say(f"  staff login (admin of every service): {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}")
        self.say(f"  demo customer login (accounts API):   {DEMO_CUSTOMER_EMAIL} / {DEMO_PASSWORD}")
        self.say("Press Ctrl-C to stop.")

    # --- keep running ----------------------------------------------------------------------

    def supervise(self) -> None:
        while True:
            self.sleep(0.5)
            self.tick(deadline=None)

    def tick(self, *, deadline: float | None) -> None:
        now = time.monotonic()
        for item in self.supervised:
            process = item.process
            if item.restart_at is not None:
                if now >= item.restart_at:
                    item.restart_at = None
                    item.ready = item.announced_ready = False
                    process.start()
                continue
            if not process.running():
                self.crashed(item, now)
                continue
            if item.web and not item.ready:
                item.ready = is_ready(process)
                if item.ready:
                    again = " again" if item.announced_ready or item.crashes else ""
                    self.say(f"{self.label(process.label)} ready{again} at http://{process.env['BIND']}/")
                    item.announced_ready = True
                elif deadline is not None and now > deadline:
                    raise Failed(f"{process.label} not ready after {READY_TIMEOUT:.0f}s")

    def crashed(self, item: Supervised, now: float) -> None:
        process = item.process
        code = process.returncode
        process.stop()  # what is left of its process group (a master's workers) goes too
        item.crashes.append(now)
        while item.crashes and item.crashes[0] < now - CRASH_WINDOW:
            item.crashes.popleft()
        if len(item.crashes) > CRASHES_ALLOWED:
            raise Failed(f"{process.label} exited {len(item.crashes)} times within {CRASH_WINDOW:.0f}s")
        delay = min(2.0 ** (len(item.crashes) - 1), MAX_BACKOFF)
        self.say(
            self.console.paint(
                "\033[33m",
                f"{process.label} exited ({describe_exit(code)}); restarting it in {delay:g}s "
                f"({len(item.crashes)} exit(s) in the last minute, {CRASHES_ALLOWED + 1} stop everything)",
            )
        )
        item.restart_at = now + delay

    # --- stop --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        self.console.muted = True
        for popen in self.preparing.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(popen.pid, signal.SIGKILL)
            popen.wait()
        # In parallel: each gunicorn drains for up to a second or two.
        threads = [threading.Thread(target=item.process.stop) for item in self.supervised]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if self.server is not None:
            release_embedded_postgres(self.server)


def _port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _no_traceback_on_interrupt() -> Iterator[None]:
    # A Ctrl-C before the runner's handler is installed (while Python imports) ends quietly too.
    try:
        yield
    except KeyboardInterrupt:
        sys.stdout.write("Mercato stopped.\n")
        sys.exit(0)


def main() -> int:
    with _no_traceback_on_interrupt():
        data_dir = Path(os.environ.get("MERCATO_DATA_DIR") or REPO_ROOT / ".data").resolve()
        return DevRunner(data_dir=data_dir, console=Console(sys.stdout)).run()
