"""common/worker.py and the procrastinate command in front of procrastinate's, in a project
without a job queue (the worker itself runs in tests/catalog/test_worker.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from django.core.management import CommandError, call_command

from common.worker import parse_bind, start_probe_server


def test_the_procrastinate_command_refuses_a_service_without_a_job_queue() -> None:
    # accounts, like this project, has no procrastinate app: a clear refusal, not a traceback.
    with pytest.raises(CommandError, match="no job queue"):
        call_command("procrastinate", "worker")


@pytest.mark.parametrize(
    ("bind", "address"),
    [("0.0.0.0:9100", ("0.0.0.0", 9100)), ("127.0.0.1:8", ("127.0.0.1", 8)), ("[::]:9100", ("::", 9100))],
)
def test_bind_addresses(bind: str, address: tuple[str, int]) -> None:
    assert parse_bind(bind) == address


@pytest.mark.parametrize("bind", ["9100", ":9100", "localhost:", "localhost:http"])
def test_bad_bind_addresses_are_refused(bind: str) -> None:
    with pytest.raises(ValueError, match="WORKER_METRICS_BIND"):
        parse_bind(bind)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_the_probe_server_listens_on_ipv4_and_ipv6(host: str) -> None:
    # A worker not registered (yet): the probe says so, and /metrics still answers.
    worker: Any = SimpleNamespace(worker_id=None, stalled_worker_timeout=30.0)
    server = start_probe_server(worker, f"[{host}]:0" if ":" in host else f"{host}:0")
    try:
        port = server.server_address[1]
        base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        with pytest.raises(HTTPError) as refused:
            urlopen(f"{base}/healthz", timeout=5)
        assert refused.value.code == 503
        assert json.loads(refused.value.read())["reason"] == "the worker is not registered (starting or stopped)"
        with urlopen(f"{base}/metrics", timeout=5) as response:
            assert "mercato_worker_alive 0.0" in response.read().decode()
    finally:
        server.shutdown()
        server.server_close()
