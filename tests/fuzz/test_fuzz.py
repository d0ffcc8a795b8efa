"""schemathesis against every service as a real process, signed in as each kind of caller.

Every check and every phase (examples, coverage, fuzzing, and stateful sequences along the
schema's links), positive and negative data, from the committed schema files (tests elsewhere
keep those equal to what the services serve). A run passes only with no failure of any check:
no 5xx, no undocumented status, content type, header or body, no invalid request accepted, no
valid one refused. docs/api.md ("Fuzzing") says how to run it with more examples.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools.devstack import REPO_ROOT, ServiceProcess
from tests.e2e.conftest import STAFF_EMAIL, STAFF_PASSWORD
from tests.e2e.orders_support import CUSTOMER_PASSWORD, register, token_for
from tests.e2e.web import call
from tests.fuzz.conftest import SEED

# Examples per operation and phase: what the test command can afford on two cores (the whole
# suite in a few minutes). FUZZ_MAX_EXAMPLES and FUZZ_SEED widen or vary a run by hand.
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "15"))
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


@dataclass(frozen=True)
class Run:
    service: str
    caller: str  # anonymous (no token), customer, staff or service
    paths: str | None = None  # a regular expression: only these operations

    @property
    def id(self) -> str:
        return f"{self.service}-as-{self.caller}"


# In this order: the staff run on accounts comes last, as it may deactivate anyone.
RUNS = [
    # No token at all: what anyone on the internet reaches (sign-in, registration, reset links,
    # the public catalog and availability) and every other operation's 401.
    Run("accounts", "anonymous"),
    Run("catalog", "anonymous"),
    Run("orders", "anonymous"),
    Run("accounts", "customer"),
    Run("catalog", "customer"),
    Run("catalog", "staff"),
    # The reservations are for services holding catalog.reservations:write (orders' client).
    Run("catalog", "service", paths="^/api/v1/reservations/"),
    Run("orders", "customer"),
    Run("orders", "staff"),
    Run("accounts", "staff"),
]


def access_token(system: dict[str, ServiceProcess], caller: str) -> str | None:
    if caller == "anonymous":
        return None
    if caller == "customer":
        # A fresh customer per run: another run may have changed or deactivated the last one.
        return token_for(system, register(system), CUSTOMER_PASSWORD)
    if caller == "staff":
        return token_for(system, STAFF_EMAIL, STAFF_PASSWORD)
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/service-token/",
        json_body={"client_id": "orders", "client_secret": system["orders"].env["SERVICE_CLIENT_SECRET"]},
    )
    assert reply.status == 200, reply.body
    token: str = reply.json()["access_token"]
    return token


@pytest.mark.parametrize("run", RUNS, ids=[run.id for run in RUNS])
def test_schemathesis_finds_nothing(
    system: dict[str, ServiceProcess], run: Run, tmp_path: Path, fuzz_summaries: list[str]
) -> None:
    report_path = tmp_path / "report.json"
    token = access_token(system, run.caller)
    command = [
        SCHEMATHESIS,
        "--config-file",
        str(Path(__file__).with_name("schemathesis.toml")),
        "run",
        str(REPO_ROOT / f"{run.service}_service" / "openapi.yaml"),
        "--url",
        system[run.service].base_url,
        *(["--header", f"Authorization: Bearer {token}"] if token else []),
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--mode",
        "all",
        "--checks",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        SEED,
        # One worker: schemathesis' threads trip a CPython 3.11 bug ("AST constructor recursion
        # depth mismatch") when they compile schema patterns at the same time.
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--report",
        "json",
        "--report-json-path",
        str(report_path),
        *(["--include-path-regex", run.paths] if run.paths else []),
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,  # schemathesis keeps a cache of past failures in its working directory
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert report_path.exists(), result.stdout + result.stderr
    report = json.loads(report_path.read_text())
    failures = {f"{failure['code']} {failure['title']}": failure["count"] for failure in report["failures"]}
    errors = {error["title"]: error["count"] for error in report["errors"]}
    fuzz_summaries.append(
        f"{run.id} (seed {SEED}): {report['operations']['tested']} operations, "
        f"{report['test_cases']['generated']} test cases, "
        f"failures {failures or 'none'}, errors {errors or 'none'}, {report['running_time']:.0f} s"
    )
    explained = (
        f"schemathesis seed {SEED}: replay with FUZZ_SEED={SEED} FUZZ_MAX_EXAMPLES={MAX_EXAMPLES}"
        f" pytest tests/fuzz -k {run.id}\n"
        + explain(result.stdout)
        + server_errors(system[run.service])
        + result.stderr[-2_000:]
    )
    assert report["operations"]["tested"] == report["operations"]["selected"] > 0, explained
    assert (failures, errors, result.returncode) == ({}, {}, 0), explained


# The lines of the CLI's account of a failure worth reading: the operation, the check, what was
# expected, the response, and the request as curl (cut short: fuzzed values can be long).
_FAILURE_LINE = re.compile(
    r"^(_{3,} .* _{3,}|- ST\d+ .*|\[\d{3}\] .*|\s+`.*|\s+curl .*"
    r"|\s+(Expected|Received|Documented|Invalid component).*)$"
)


def explain(output: str) -> str:
    lines = [line[:600] for line in output.splitlines() if _FAILURE_LINE.match(line)]
    return "\n".join(lines) + "\n"


def server_errors(process: ServiceProcess) -> str:
    """The tracebacks the service logged, for a 5xx."""
    logged = [line for line in process.log_tail(5_000).splitlines() if '"level": "ERROR"' in line]
    return "\n".join(line[-3_000:] for line in logged[-3:]) + "\n"
