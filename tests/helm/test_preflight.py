"""A Secret of yours that is missing, or lacks a key, fails the install in seconds, naming it.

The rendered preflight hook Jobs' own commands run here against a directory laid out as the
kubelet mounts an optional Secret volume: the Secret's keys as files, or nothing at all when
the Secret does not exist.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from devtools.devstack import REPO_ROOT
from tests.helm.conftest import PRODUCTION_VALUES, SERVICES, Rendered, name, render
from tests.helm.test_hooks import _hook


def _job(release: Rendered, service: str) -> dict[str, Any]:
    return release.named("Job", name(service, "preflight"))


def _run(job: dict[str, Any], secret_dir: Path) -> subprocess.CompletedProcess[str]:
    """The Job's command, with its Secret's mount point moved to ``secret_dir``."""
    spec = job["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    (mount,) = [m for m in container["volumeMounts"] if m["name"] == "secret"]
    command = [secret_dir.as_posix() if arg == mount["mountPath"] else arg for arg in container["command"]]
    assert command[:3] == ["python", "-m", "common.preflight"]
    return subprocess.run(
        [sys.executable, *command[1:]], cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=60
    )


def _required(job: dict[str, Any]) -> list[str]:
    command = job["spec"]["template"]["spec"]["containers"][0]["command"]
    return [command[i + 1] for i, arg in enumerate(command) if arg == "--require"]


def _keys_the_pods_need(release: Rendered, secret: str) -> set[str]:
    """Every key of ``secret`` some pod reads without ``optional``: env and volume items."""
    keys = set()
    for _owner, template in release.pod_specs():
        spec = template["spec"]
        for container in spec["containers"]:
            for item in container.get("env", []):
                ref = item.get("valueFrom", {}).get("secretKeyRef")
                if ref and ref["name"] == secret and not ref.get("optional"):
                    keys.add(ref["key"])
        for volume in spec.get("volumes", []):
            source = volume.get("secret", {})
            if source.get("secretName") == secret and not source.get("optional"):
                keys.update(item["key"] for item in source.get("items", []))
    return keys


@pytest.fixture(scope="module")
def production() -> Rendered:
    return render(files=(PRODUCTION_VALUES,))


@pytest.mark.parametrize("operator", ["none", "cloudnative-pg"])
@pytest.mark.parametrize("service", SERVICES)
def test_the_check_requires_every_key_the_pods_read(service: str, operator: str) -> None:
    release = render({"postgres": {"operator": operator}}, files=(PRODUCTION_VALUES,))
    required = set(_required(_job(release, service)))
    assert required == _keys_the_pods_need(release, f"mercato-{service}")
    assert ("DATABASE_URL" in required) == (operator == "none")


@pytest.mark.parametrize("service", SERVICES)
def test_the_check_runs_first_fast_and_needs_no_secret_to_start(production: Rendered, service: str) -> None:
    job = _job(production, service)
    assert int(_hook(job)["helm.sh/hook-weight"]) < int(
        _hook(production.named("Job", name(service, "migrate")))["helm.sh/hook-weight"]
    )
    assert (job["spec"]["backoffLimit"], job["spec"]["activeDeadlineSeconds"]) == (0, 120)
    spec = job["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    assert not {"env", "envFrom"} & container.keys()
    (volume,) = [v for v in spec["volumes"] if "secret" in v]
    assert volume["secret"] == {"secretName": f"mercato-{service}", "optional": True, "defaultMode": 0o440}
    assert container["terminationMessagePolicy"] == "FallbackToLogsOnError"


@pytest.mark.parametrize("service", SERVICES)
def test_a_missing_secret_fails_naming_it_and_its_value(production: Rendered, service: str, tmp_path: Path) -> None:
    result = _run(_job(production, service), tmp_path)  # an optional volume of no Secret: empty
    assert result.returncode == 1
    assert f'Secret "mercato-{service}" ({service}.existingSecret) does not exist in this namespace' in result.stderr
    assert "DATABASE_URL" in result.stderr


@pytest.mark.parametrize("service", SERVICES)
def test_a_missing_or_empty_key_fails_naming_it(production: Rendered, service: str, tmp_path: Path) -> None:
    job = _job(production, service)
    for key in _required(job):
        (tmp_path / key).write_text("a value")
    (tmp_path / "DATABASE_URL").unlink()
    (tmp_path / "SECRET_KEY").write_text("\n")
    result = _run(job, tmp_path)
    assert result.returncode == 1
    named = f'Secret "mercato-{service}" ({service}.existingSecret) has no value for SECRET_KEY, DATABASE_URL: add them'
    assert named in result.stderr


@pytest.mark.parametrize("service", SERVICES)
def test_a_complete_secret_passes(production: Rendered, service: str, tmp_path: Path) -> None:
    job = _job(production, service)
    for key in _required(job):
        (tmp_path / key).write_text("a value")
    result = _run(job, tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_chart_made_secrets_need_no_check(chart_secrets_release: Rendered) -> None:
    assert not [job for job in chart_secrets_release.of_kind("Job") if job["metadata"]["name"].endswith("-preflight")]


def test_no_hook_job_can_wait_forever(release: Rendered) -> None:
    """Every hook Job gives up: a deadline and a bounded number of retries."""
    for job in release.of_kind("Job"):
        assert 0 < job["spec"]["activeDeadlineSeconds"] <= 1800, job["metadata"]["name"]
        assert 0 <= job["spec"]["backoffLimit"] <= 2, job["metadata"]["name"]
