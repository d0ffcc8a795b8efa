"""The dev runner (scripts/run.py, devtools/devloop.py) as a user meets it: a real process with its
own PostgreSQL and data directory, started cold once for the module, then restarted warm.

The tests run in file order: cold start, a request's console line, silence while idle, a killed
gunicorn master restarted, Ctrl-C after ready; then a warm start on the same data, and Ctrl-C in
the middle of a cold start.
"""

from __future__ import annotations

import datetime
import io
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from common.logs import ConsoleFormatter, SkipSuccessfulProbes
from devtools import devloop
from devtools.devstack import REPO_ROOT, SERVICES_BY_NAME, ServiceProcess
from devtools.testing.devrunner import READY_LINE, DevRunnerProcess

# Few demo products: the test is about the runner, not the generator.
DEMO = {"DEMO_PRODUCTS": "300"}
START_TIMEOUT = 300.0


def _record(name: str, message: str, level: int = logging.INFO, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord(name, level, __file__, 1, message, None, None)
    record.__dict__.update(extra)
    record.created = datetime.datetime(2026, 1, 2, 13, 4, 5).timestamp()
    return record


def test_a_request_is_one_short_line() -> None:
    formatter = ConsoleFormatter(service="catalog", colour=False)
    record = _record(
        "mercato.request",
        "request",
        method="GET",
        path="/api/v1/products/",
        status=200,
        duration_ms=12.4,
        user="42",
        request_id="abc",
    )
    assert formatter.format(record) == "13:04:05 catalog         INFO  GET /api/v1/products/ 200 12ms user=42"


def test_other_records_name_their_library_and_indent_the_traceback() -> None:
    formatter = ConsoleFormatter(service="orders", colour=False)
    assert formatter.format(_record("orders_service.orders.tasks", "recovered 2 orders")) == (
        "13:04:05 orders          INFO  recovered 2 orders"
    )
    try:
        raise ValueError("boom")
    except ValueError:
        record = _record("procrastinate.worker", "job failed", logging.ERROR)
        record.exc_info = sys.exc_info()
    lines = formatter.format(record).splitlines()
    assert lines[0] == "13:04:05 orders          ERROR job failed [procrastinate.worker]"
    assert lines[-1] == "    ValueError: boom"


def test_colour_only_when_asked() -> None:
    record = _record("mercato.request", "request", method="POST", path="/x", status=503, duration_ms=1.0, user=None)
    coloured = ConsoleFormatter(service="orders", colour=True).format(record)
    assert "\033[31m503\033[0m" in coloured
    assert "\033[" not in ConsoleFormatter(service="orders", colour=False).format(record)


def test_answered_probes_are_left_out_of_the_console() -> None:
    keep = SkipSuccessfulProbes().filter
    assert not keep(_record("mercato.request", "request", path="/readyz", status=200))
    assert keep(_record("mercato.request", "request", path="/readyz", status=503))
    assert keep(_record("mercato.request", "request", path="/api/v1/products/", status=200))


def test_the_runner_names_only_the_lines_that_do_not_name_themselves() -> None:
    out = io.StringIO()
    relay = devloop.DevRunner(data_dir=REPO_ROOT / ".data", console=devloop.Console(out)).relay("catalog-worker")
    record = _record("mercato.request", "request", method="GET", path="/x", status=200, duration_ms=3.0, user=None)
    coloured = ConsoleFormatter(service="catalog", colour=True).format(record)
    relay(coloured)
    relay("Launching a worker on all queues")
    assert out.getvalue().splitlines() == [coloured, "catalog-worker  Launching a worker on all queues"]


def test_a_service_is_prepared_again_when_its_inputs_or_its_database_changed(tmp_path: Path) -> None:
    spec = SERVICES_BY_NAME["catalog"]
    fingerprint = devloop.prepare_fingerprint(spec, {"DEMO_PRODUCTS": "10000"})
    assert devloop.prepare_fingerprint(spec, {"DEMO_PRODUCTS": "10000"}) == fingerprint
    assert devloop.prepare_fingerprint(spec, {"DEMO_PRODUCTS": "500"}) != fingerprint
    assert devloop.prepare_fingerprint(SERVICES_BY_NAME["orders"], {"DEMO_PRODUCTS": "10000"}) != fingerprint
    stamp = devloop.Stamp(tmp_path / "prepared.json")
    assert not stamp.matches(fingerprint, 67)  # never prepared
    stamp.write(fingerprint, 67)
    assert stamp.matches(fingerprint, 67)
    assert not stamp.matches(fingerprint, 68)  # a migration applied (or lost) since
    assert not stamp.matches(fingerprint, None)  # a fresh database
    assert not stamp.matches("other", 67)
    stamp.clear()
    assert not stamp.matches(fingerprint, 67)


# --- The runner as a process --------------------------------------------------------------------


def _fresh_data_dir() -> Path:
    # Under .data like the suites' own PostgreSQL: pgserver runs the server as its own user when
    # the tests run as root, and that user cannot enter pytest's private temporary directories.
    (REPO_ROOT / ".data").mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="devloop-", dir=REPO_ROOT / ".data"))


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    path = _fresh_data_dir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def runner(data_dir: Path) -> Iterator[DevRunnerProcess]:
    """One cold start shared by the tests that need a running system."""
    process = DevRunnerProcess(data_dir, extra_env=DEMO).start()
    try:
        process.wait_for(READY_LINE, START_TIMEOUT)
        yield process
    finally:
        process.kill()


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_cold_start_says_what_it_does_and_prints_both_logins(runner: DevRunnerProcess) -> None:
    out = runner.text()
    assert "PostgreSQL ready" in out
    for service in ("accounts", "catalog", "orders"):
        assert f"{service:<15} preparing: migrations, demo data" in out
        assert f"{service:<15} ready at http://127.0.0.1:{runner.ports[service]}/" in out
    assert "demo products: 300 of 300" in out
    # The indexing of the demo products is said once, by seed_demo, not again by the indexer's log.
    assert "indexed 300 demo products for search" in out
    assert not [line for line in runner.output if line.startswith("catalog ") and "search index refreshed" in line]
    assert "staff login (admin of every service): admin@mercato.local / mercato-admin" in out
    assert "demo customer login (accounts API):   customer@mercato.local / mercato-admin" in out
    assert "collectstatic" not in out
    assert "XDG_RUNTIME_DIR" not in out
    assert "Traceback" not in out
    # Console lines, not JSON; no line of the start-up is a log library's chatter.
    assert not [line for line in runner.output if line.lstrip().startswith("{")]
    assert not [line for line in runner.output if "procrastinate" in line or "Booting worker" in line]


def test_a_request_shows_as_one_console_line(runner: DevRunnerProcess) -> None:
    assert _get(f"http://127.0.0.1:{runner.ports['catalog']}/api/v1/products/") == 200
    runner.wait_for(r"^\d\d:\d\d:\d\d catalog +INFO  GET /api/v1/products/ 200 \d+ms$", 10)
    # Served from the apps without collectstatic: the admin's stylesheet.
    assert _get(f"http://127.0.0.1:{runner.ports['catalog']}/static/admin/css/base.css") == 200
    # Its line too, before the next test listens for silence.
    runner.wait_for(r"^\d\d:\d\d:\d\d catalog +INFO  GET /static/admin/css/base.css 200 \d+ms$", 10)


def test_nothing_is_printed_while_idle(runner: DevRunnerProcess) -> None:
    # Idle across a minute's turn: the periodic jobs (order recovery, reservation expiry) run
    # every minute, and each run used to print lines.
    idle_from = time.monotonic()
    time.sleep(60 - time.time() % 60 + 5)  # until five seconds past the next minute
    after = [line for at, line in list(runner.lines) if at > idle_from]
    assert after == [], after


def test_a_killed_gunicorn_master_is_restarted(runner: DevRunnerProcess) -> None:
    assert runner.popen is not None
    master = _child_running(runner.popen.pid, "catalog_service.wsgi")
    os.kill(master, signal.SIGKILL)
    runner.wait_for(r"catalog exited \(killed by SIGKILL\); restarting it in 1s", 15)
    runner.wait_for(r"catalog +ready again at ", 90)
    assert _get(f"http://127.0.0.1:{runner.ports['catalog']}/healthz") == 200
    assert _child_running(runner.popen.pid, "catalog_service.wsgi") != master


def _child_running(parent: int, needle: str) -> int:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat[1]) == parent and needle in cmdline:
            return int(entry.name)
    raise AssertionError(f"no child of {parent} runs {needle}")


def test_ctrl_c_after_ready_stops_everything_with_one_line(runner: DevRunnerProcess) -> None:
    assert runner.descendants()
    before = len(runner.output)
    assert runner.interrupt() == 0
    assert runner.output[before:] == ["Mercato stopped."]
    assert runner.descendants() == []


def test_a_warm_start_skips_preparation(data_dir: Path, runner: DevRunnerProcess) -> None:
    assert runner.popen is not None
    assert runner.popen.poll() is not None  # the cold runner has stopped (previous test)
    warm = DevRunnerProcess(data_dir, extra_env=DEMO).start()
    try:
        warm.wait_for(READY_LINE, START_TIMEOUT)
        out = warm.text()
        for service in ("accounts", "catalog", "orders"):
            assert f"{service:<15} migrations and demo data up to date" in out
        assert "preparing" not in out
        assert "demo products" not in out
        assert "applying" not in out
        assert warm.interrupt() == 0
        assert warm.descendants() == []
    finally:
        warm.kill()


def test_ctrl_c_during_a_cold_start_stops_everything_with_one_line() -> None:
    cold = DevRunnerProcess(_fresh_data_dir(), extra_env=DEMO).start()
    try:
        cold.wait_for("preparing: migrations", START_TIMEOUT)
        assert cold.interrupt() == 0
        # A line already on its way when Ctrl-C came may land before it; nothing comes after it.
        assert cold.output[-1] == "Mercato stopped."
        assert cold.output.count("Mercato stopped.") == 1
        assert "Traceback" not in cold.text()
        assert cold.descendants() == []
    finally:
        cold.kill()
        shutil.rmtree(cold.data_dir, ignore_errors=True)


def test_repeated_exits_stop_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    # A process that exits at once, restarted with the back-off shortened: the sixth exit within
    # the minute ends the run with a line naming it.
    monkeypatch.setattr(devloop, "MAX_BACKOFF", 0.05)
    out = io.StringIO()
    runner = devloop.DevRunner(data_dir=REPO_ROOT / ".data", console=devloop.Console(out))
    spec = SERVICES_BY_NAME["orders"]
    crashing = ServiceProcess(
        spec=spec, env={}, argv=[sys.executable, "-c", "raise SystemExit(3)"], label="orders-worker"
    )
    crashing.prefix_output = False
    crashing.start()
    runner.supervised.append(devloop.Supervised(process=crashing, web=False))

    def supervise_for_a_minute() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            runner.tick(deadline=None)
            time.sleep(0.05)

    with pytest.raises(devloop.Failed, match="orders-worker exited 6 times within 60s"):
        supervise_for_a_minute()
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "orders-worker exited (exit status 3); restarting it in 0.05s (1 exit(s) in the last minute, 6 stop everything)"
    )
    assert len(lines) == 5
