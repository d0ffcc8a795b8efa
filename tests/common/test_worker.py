"""common/worker.py and the procrastinate command in front of procrastinate's, in a project
without a job queue (the worker itself runs in tests/catalog/test_worker.py)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from common.worker import parse_bind


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
