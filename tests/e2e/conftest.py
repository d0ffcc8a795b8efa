"""The three services as real gunicorn processes on free ports, each with a fresh database."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from common.devstack import (
    SERVICES,
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    free_port,
    local_environment,
    manage,
    running,
)


def service_process(
    spec_name: str, *, dbname: str, ports: dict[str, int], run_dir: Path, migrate: bool = True
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
    )
    if migrate:
        manage(spec, env, "migrate", "--noinput")
    return ServiceProcess.web(spec, env, metrics_dir=run_dir / "prometheus", log_path=run_dir / "server.log")


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceProcess]]:
    """All three services, migrated and ready; stopped (process groups and all) at the end."""
    root = tmp_path_factory.mktemp("system")
    ports = {spec.name: free_port() for spec in SERVICES}
    processes = {
        spec.name: service_process(spec.name, dbname=f"e2e_{spec.name}", ports=ports, run_dir=root / spec.name)
        for spec in SERVICES
    }
    with running(list(processes.values())):
        for process in processes.values():
            process.wait_ready(timeout=90)
        yield processes
