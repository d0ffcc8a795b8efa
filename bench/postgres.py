"""The benchmarks' PostgreSQL: the embedded server (.data/bench-postgres), configured as
docs/deploy.md ("PostgreSQL's settings") says to configure a database for its memory, here a
database given 8 GiB of the machine.

The tests and `make run` keep PostgreSQL's defaults (128MB of shared buffers, 1GB of WAL between
checkpoints), which suit a laptop but no catalog of a million products: at those the import of new
products ran 25% slower (docs/catalog-bulk.md, "PostgreSQL's settings").
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from devtools.devstack import REPO_ROOT, release_embedded_postgres, start_embedded_postgres

DATA_DIR = REPO_ROOT / ".data" / "bench-postgres"
# docs/deploy.md's rule for 8 GiB: a quarter of it as shared buffers, the rest counted as the
# operating system's cache, and room for a million-row import's WAL between checkpoints.
SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "6GB", "max_wal_size": "8GB"}


def start_bench_postgres() -> Any:
    """Start (or attach to) the benchmarks' server with ``SETTINGS``; the pgserver handle.

    Settings are written with ALTER SYSTEM; shared_buffers takes a restart, which happens here
    when this process is the server's only holder (a benchmark never shares it while it runs)."""
    server = start_embedded_postgres(DATA_DIR)
    if _pending(server):
        _apply(server)
        release_embedded_postgres(server)  # stops it: nobody else holds it
        server = start_embedded_postgres(DATA_DIR)
        if still := _pending(server):
            raise RuntimeError(f"the benchmarks' PostgreSQL did not take {still}: is another process holding it?")
    return server


def settings_in_force(server: Any) -> dict[str, str]:
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        return {name: str(conn.execute(f"SHOW {name}").fetchone()[0]) for name in SETTINGS}  # type: ignore[index]


def _pending(server: Any) -> dict[str, str]:
    in_force = settings_in_force(server)
    return {name: value for name, value in SETTINGS.items() if in_force[name] != value}


def _apply(server: Any) -> None:
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        for name, value in SETTINGS.items():
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
