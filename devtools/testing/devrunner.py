"""The dev runner (scripts/run.py) as a real process, for its tests (tests/common/test_devloop.py)
and its benchmark (bench/run_devloop.py): started on free ports and its own data directory,
its output read line by line as it comes."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from devtools.devstack import REPO_ROOT, SERVICES, free_port

READY_LINE = "Press Ctrl-C to stop."


class DevRunnerProcess:
    def __init__(self, data_dir: Path, *, extra_env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.ports = {spec.name: free_port() for spec in SERVICES}
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO_ROOT),
            "PYTHONUNBUFFERED": "1",
            "MERCATO_DATA_DIR": str(data_dir),
            **{f"{name.upper()}_PORT": str(port) for name, port in self.ports.items()},
            **(extra_env or {}),
        }
        for name in ("ACCOUNTS_DATABASE_URL", "CATALOG_DATABASE_URL", "ORDERS_DATABASE_URL", "LOG_LEVELS"):
            self.env.pop(name, None)
        self.lines: list[tuple[float, str]] = []  # (time.monotonic(), line)
        self._changed = threading.Condition()
        self.started_at = 0.0
        self.popen: subprocess.Popen[str] | None = None
        self._reader = threading.Thread()

    def start(self) -> DevRunnerProcess:
        self.started_at = time.monotonic()
        self.popen = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "scripts" / "run.py")],
            env=self.env,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        assert self.popen is not None
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            with self._changed:
                self.lines.append((time.monotonic(), line.rstrip("\n")))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def output(self) -> list[str]:
        with self._changed:
            return [line for _at, line in self.lines]

    def wait_for(self, pattern: str, timeout: float) -> float:
        """Wait for a line matching ``pattern`` (a regex); the seconds from start until it came."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for at, line in self.lines:
                    if regex.search(line):
                        return at - self.started_at
                assert self.popen is not None
                if self.popen.poll() is not None and not self._reader.is_alive():
                    raise AssertionError(f"runner exited ({self.popen.returncode}) before {pattern!r}:\n{self.text()}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no {pattern!r} within {timeout:.0f}s:\n{self.text()}")
                self._changed.wait(min(remaining, 0.5))

    def text(self) -> str:
        return "\n".join(self.output)

    def descendants(self) -> list[int]:
        """Every live process started for this run (they inherit MERCATO_DATA_DIR), PostgreSQL too."""
        marker = f"MERCATO_DATA_DIR={self.data_dir}\0".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or (self.popen is not None and int(entry.name) == self.popen.pid):
                continue
            try:
                environ = (entry / "environ").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker in environ and state != "Z":
                found.append(int(entry.name))
        return found

    def interrupt(self, timeout: float = 60.0) -> int:
        """Ctrl-C: SIGINT to the runner (a terminal sends it to the whole foreground group, but
        the runner's children are in groups of their own); its exit status."""
        assert self.popen is not None
        self.popen.send_signal(signal.SIGINT)
        code = self.popen.wait(timeout)
        self._reader.join(10)
        return code

    def kill(self) -> None:
        """Tear-down after a failed test: the runner and anything it left."""
        if self.popen is not None and self.popen.poll() is None:
            self.interrupt()
        for pid in self.descendants():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
