"""The three services as real processes on free ports, each with a fresh database: the machinery
that the suites running real processes share (tests/e2e, tests/fuzz, tests/browser). Each suite's
conftest builds its own ``system`` from these, with its own database names and environment."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from devtools.devstack import (
    SERVICES,
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    free_port,
    local_environment,
    manage,
    register_service_clients,
    running,
    write_signing_key,
)

# The staff member seed_demo creates on accounts (a superuser, in the catalog-managers group).
STAFF_EMAIL = "staff@e2e.example"
STAFF_PASSWORD = "e2e-staff-Pass-1"


def service_process(
    spec_name: str,
    *,
    dbname: str,
    ports: dict[str, int],
    run_dir: Path,
    migrate: bool = True,
    signing_keys_file: Path | None = None,
    client_secret: str = "",
    extra_env: Mapping[str, str] | None = None,
) -> ServiceProcess:
    """A not yet started web process of a service on a freshly created (and migrated) database."""
    spec = SERVICES_BY_NAME[spec_name]
    server_url = os.environ["DATABASE_URL"]
    create_database(server_url, dbname, recreate=True)
    env = local_environment(
        spec,
        database_url=database_url(server_url, dbname),
        ports=ports,
        secret_key=secrets.token_urlsafe(50),
        run_dir=run_dir,
        signing_keys_file=signing_keys_file or write_signing_key(run_dir / "jwt-signing-keys.pem"),
        client_secret=client_secret,
    )
    env.update(extra_env or {})
    if migrate:
        manage(spec, env, "migrate", "--noinput")
    return ServiceProcess.web(spec, env, metrics_dir=run_dir / "prometheus", log_path=run_dir / "server.log")


def manage_env(process: ServiceProcess) -> dict[str, str]:
    """A web process's environment for a ``manage.py`` run beside it.

    Without the Prometheus multiprocess directory: a one-off command's samples do not belong in
    the server's metrics (and before the server starts, the directory does not exist).
    """
    return {key: value for key, value in process.env.items() if key != "PROMETHEUS_MULTIPROC_DIR"}


def service_processes(
    root: Path, *, dbname_prefix: str, extra_env: Callable[[str], Mapping[str, str]]
) -> dict[str, ServiceProcess]:
    """The three services' web processes, not yet started, on fresh migrated databases named
    ``<prefix>_<service>``: one signing key for accounts, and catalog's and orders' service
    clients registered on accounts with fresh secrets."""
    ports = {spec.name: free_port() for spec in SERVICES}
    signing_keys_file = write_signing_key(root / "secrets" / "jwt-signing-keys.pem")
    client_secrets = {spec.name: secrets.token_urlsafe(32) for spec in SERVICES if spec.scopes}
    processes = {
        spec.name: service_process(
            spec.name,
            dbname=f"{dbname_prefix}_{spec.name}",
            ports=ports,
            run_dir=root / spec.name,
            signing_keys_file=signing_keys_file,
            client_secret=client_secrets.get(spec.name, ""),
            extra_env=extra_env(spec.name),
        )
        for spec in SERVICES
    }
    register_service_clients(manage_env(processes["accounts"]), client_secrets)
    return processes


@contextmanager
def started(processes: list[ServiceProcess], *, timeout: float = 90) -> Iterator[None]:
    """``processes`` running and each answering /readyz; stopped (process groups and all) after."""
    with running(processes):
        for process in processes:
            process.wait_ready(timeout=timeout)
        yield


def worker_process(process: ServiceProcess, log_path: Path) -> ServiceProcess:
    """The background worker of a service's web ``process`` (its one procrastinate command), on
    the same database, not yet started."""
    (command,) = process.spec.workers
    return ServiceProcess.worker(process.spec, manage_env(process), command, log_path=log_path)


def seed_staff(accounts: ServiceProcess, email: str, password: str) -> None:
    """A staff member (superuser, in catalog-managers) on accounts, through its seed_demo."""
    env = {**manage_env(accounts), "DEMO_ADMIN_EMAIL": email, "DEMO_ADMIN_PASSWORD": password}
    manage(accounts.spec, env, "seed_demo")
