"""Run the whole Mercato system on this machine: `make run`.

Starts an embedded PostgreSQL (data in .data/postgres, kept across restarts) with one database
per service, migrates and seeds each service, then serves all three under gunicorn on
127.0.0.1:8001 (accounts), 8002 (catalog) and 8003 (orders), with their workers. Ctrl-C stops
everything it started.

Set ACCOUNTS_DATABASE_URL, CATALOG_DATABASE_URL and ORDERS_DATABASE_URL to use external
PostgreSQL servers instead (the databases must exist); then no embedded server is started.
Set ACCOUNTS_PORT, CATALOG_PORT and ORDERS_PORT to serve on other ports.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from types import FrameType

from common.devstack import (
    REPO_ROOT,
    SERVICES,
    ServiceProcess,
    create_database,
    database_url,
    local_environment,
    manage,
    persistent_secret,
    register_service_clients,
    running,
    start_embedded_postgres,
    write_signing_key,
)

DATA_DIR = REPO_ROOT / ".data"
DEMO_ADMIN_EMAIL = "admin@mercato.local"
DEMO_ADMIN_PASSWORD = "mercato-admin"  # noqa: S105  (a documented local demo login)
print_lock = threading.Lock()


def say(line: str) -> None:
    with print_lock:
        print(line, flush=True)


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def main() -> int:
    ports = {spec.name: int(os.environ.get(f"{spec.name.upper()}_PORT", spec.dev_port)) for spec in SERVICES}
    busy = [port for port in ports.values() if port_in_use(port)]
    if busy:
        say(f"Port(s) {', '.join(map(str, busy))} already in use on 127.0.0.1: is Mercato already running?")
        return 1

    external_urls = {spec.name: os.environ.get(f"{spec.name.upper()}_DATABASE_URL") for spec in SERVICES}
    server = None
    if not all(external_urls.values()):
        say(f"Starting the embedded PostgreSQL (data in {DATA_DIR / 'postgres'}) ...")
        server = start_embedded_postgres(DATA_DIR / "postgres")

    signing_keys_file = write_signing_key(DATA_DIR / "secrets" / "jwt-signing-keys.pem")
    client_secrets = {spec.name: persistent_secret(DATA_DIR / "secrets" / f"{spec.name}-client") for spec in SERVICES}
    processes: list[ServiceProcess] = []
    for spec in SERVICES:
        url = external_urls[spec.name]
        if url is None:
            assert server is not None
            create_database(server.get_uri(), spec.name)
            url = database_url(server.get_uri(), spec.name)
        run_dir = DATA_DIR / "run" / spec.name
        env = local_environment(
            spec,
            database_url=url,
            ports=ports,
            secret_key=persistent_secret(DATA_DIR / "secrets" / spec.name),
            run_dir=run_dir,
            signing_keys_file=signing_keys_file,
            client_secret=client_secrets[spec.name],
        )
        env["DEMO_ADMIN_EMAIL"] = DEMO_ADMIN_EMAIL
        env["DEMO_ADMIN_PASSWORD"] = DEMO_ADMIN_PASSWORD
        say(f"{spec.name}: migrating, collecting static files, seeding demo data ...")
        manage(spec, env, "migrate", "--noinput")
        manage(spec, env, "collectstatic", "--noinput")
        manage(spec, env, "seed_demo")
        if spec.name == "accounts":
            register_service_clients(env, client_secrets)
        processes.append(ServiceProcess.web(spec, env, metrics_dir=run_dir / "prometheus", output=say))
        processes.extend(ServiceProcess.worker(spec, env, command, output=say) for command in spec.workers)

    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    with running(processes):
        for process in processes:
            if process.label == process.spec.name:
                process.wait_ready(timeout=120)
        say("")
        say("Mercato is running:")
        for spec in SERVICES:
            base = f"http://127.0.0.1:{ports[spec.name]}"
            say(f"  {spec.name:<9} API docs {base}/api/docs/   admin {base}/admin/")
        say(f"  demo admin login: {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}")
        say("Press Ctrl-C to stop.")
        while not stop.wait(1.0):
            dead = [process.label for process in processes if not process.running()]
            if dead:
                say(f"{', '.join(dead)} stopped unexpectedly; shutting down.")
                return 1
        say("Stopping ...")
    # The embedded PostgreSQL stops when this process exits (pgserver's exit handler).
    return 0


if __name__ == "__main__":
    sys.exit(main())
