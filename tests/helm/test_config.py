"""Settings and secrets: secrets stay in Secrets, every service gets what it needs to start, and
periodic work runs once (a CronJob, or the worker when the CronJob is off)."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
import yaml

from devtools.devstack import REPO_ROOT
from tests.helm.conftest import CHART_DIR, FAKE_SECRETS, PRODUCTION_VALUES, SERVICES, Rendered, name, render

SECRET_KEYS = {
    "accounts": {"SECRET_KEY", "DATABASE_URL", "EMAIL_URL", "jwt-signing-keys.pem"},
    "catalog": {"SECRET_KEY", "DATABASE_URL", "SERVICE_CLIENT_SECRET"},
    "orders": {"SECRET_KEY", "DATABASE_URL", "SERVICE_CLIENT_SECRET"},
}

# Optional with external databases: the direct URL past a pooler, the replicas' URLs.
OPTIONAL_DATABASE_KEYS = {"DATABASE_DIRECT_URL", "DATABASE_REPLICA_URLS"}


def test_no_secret_value_outside_a_secret(chart_secrets_release: Rendered) -> None:
    fakes = [value for values in FAKE_SECRETS.values() for value in values.values()]
    for obj in chart_secrets_release.objects:
        if obj["kind"] == "Secret":
            continue
        text = json.dumps(obj)
        for fake in fakes:
            assert fake not in text, f"{obj['kind']} {obj['metadata']['name']} holds a secret value"
    assert not any(fake in chart_secrets_release.notes for fake in fakes)


def test_secrets_hold_exactly_each_service_secret_values(chart_secrets_release: Rendered) -> None:
    for service in SERVICES:
        data = chart_secrets_release.named("Secret", name(service))["data"]
        assert set(data) == SECRET_KEYS[service]
        decoded = {key: base64.b64decode(value).decode() for key, value in data.items()}
        expected = {
            ("jwt-signing-keys.pem" if k == "jwtSigningKeys" else k): v for k, v in FAKE_SECRETS[service].items()
        }
        assert decoded == expected


def test_config_maps_hold_no_secret_variable(release: Rendered) -> None:
    secret_names = set().union(*SECRET_KEYS.values())
    for config_map in release.of_kind("ConfigMap"):
        assert not secret_names & config_map["data"].keys()
        for key, value in config_map["data"].items():
            assert not re.search(r"://[^/@\s]*:[^/@\s]*@", value), key  # no password in a URL
            assert "PRIVATE KEY" not in value


@pytest.mark.parametrize("path", [CHART_DIR / "values.yaml", PRODUCTION_VALUES])
def test_shipped_values_hold_no_secret(path: Any) -> None:
    values = yaml.safe_load(path.read_text())
    for service in SERVICES:
        assert all(value == "" for value in values[service].get("secretValues", {}).values()), service
        assert values[service]["existingSecret"], service
    assert "PRIVATE KEY" not in path.read_text()
    assert not re.search(r"://[^/@\s]*:[^/@\s]*@", path.read_text())


def test_pods_take_every_secret_from_the_service_secret(release: Rendered) -> None:
    for service in SERVICES:
        container = release.named("Deployment", name(service))["spec"]["template"]["spec"]["containers"][0]
        refs = {item["name"]: item["valueFrom"]["secretKeyRef"] for item in container["env"] if "valueFrom" in item}
        assert set(refs) == (SECRET_KEYS[service] | OPTIONAL_DATABASE_KEYS) - {"jwt-signing-keys.pem"}
        assert {ref["name"] for ref in refs.values()} <= {f"mercato-{service}", name(service)}
        # Only the mail URL may be absent (accounts then logs mails to the console), and the
        # database URLs a pooler or replicas add (docs/deploy.md, "Databases").
        assert {key for key, ref in refs.items() if ref.get("optional")} == (
            ({"EMAIL_URL"} & set(refs)) | OPTIONAL_DATABASE_KEYS
        )


def _production_environment(release: Rendered, service: str) -> dict[str, str]:
    """What a service's pods see, with placeholder secrets."""
    env = dict(release.named("ConfigMap", name(service))["data"])
    env.update(SECRET_KEY="placeholder", DATABASE_URL="postgresql://nobody@localhost:1/nothing")
    return env


def _in_django(env: dict[str, str], code: str) -> str:
    """What ``code`` prints after ``django.setup()`` in a fresh process that sees only ``env`` of
    the service's variables: none of this test process's own (the pytest plugin sets some)."""
    own = set(env) | {"ACCOUNTS_URL", "CATALOG_URL", "ALLOWED_HOSTS", "SECRET_KEY", "DATABASE_URL"}
    clean = {key: value for key, value in os.environ.items() if key not in own | {"DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        # Quiet: only what the code prints is on stdout.
        env={**clean, **env, "LOG_LEVEL": "WARNING"},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _setting_with(env: dict[str, str], setting: str) -> str:
    """The repr of a Django setting in the settings ``env`` gives."""
    return _in_django(env, f"from django.conf import settings; print(settings.{setting})")


def _worker_environment(release: Rendered, service: str) -> dict[str, str]:
    container = release.named("Deployment", name(service, "worker"))["spec"]["template"]["spec"]["containers"][0]
    return {item["name"]: item["value"] for item in container["env"] if "value" in item}


def _registered_periodic_ids(service: str, env: dict[str, str]) -> set[str]:
    """The periodic tasks procrastinate's worker would defer, in the real settings, in a child."""
    script = (
        "from procrastinate.contrib.django import app; "
        "print(' '.join(sorted(p for _t, p in app.periodic_registry.periodic_tasks)))"
    )
    return set(_in_django(env, script).split())


@pytest.mark.parametrize(
    ("service", "cron_job", "periodic_id"),
    [
        ("catalog", "expireReservations", "reservations_expire"),
        ("orders", "recoverOrders", "recover_orders"),
        ("orders", "reconcileOrders", "reconcile_orders"),
    ],
)
def test_periodic_work_runs_in_the_cron_job_or_in_the_worker_never_both(
    production_release: Rendered, service: str, cron_job: str, periodic_id: str
) -> None:
    env = _production_environment(production_release, service)
    with_cron = _registered_periodic_ids(service, {**env, **_worker_environment(production_release, service)})
    assert periodic_id not in with_cron
    assert with_cron  # the queue's housekeeping stays in the worker

    without = render({service: {"cronJobs": {cron_job: {"enabled": False}}}}, files=(PRODUCTION_VALUES,))
    command = periodic_id if service == "orders" else "expire_reservations"
    component = command.replace("_", "-")
    assert not [
        c
        for c in without.of_kind("CronJob")
        if c["metadata"]["labels"]["mercato/service"] == service and c["metadata"]["name"].endswith(component)
    ]
    worker_env = _worker_environment(without, service)
    assert periodic_id not in worker_env["EXTERNAL_PERIODIC_TASKS"].split(",")
    assert _registered_periodic_ids(service, {**env, **worker_env}) == with_cron | {periodic_id}


@pytest.mark.parametrize(
    ("cron", "service", "command"),
    [
        ("shop-mercato-accounts-purge-refresh-tokens", "accounts", "purge_refresh_tokens"),
        ("shop-mercato-catalog-expire-reservations", "catalog", "expire_reservations"),
        ("shop-mercato-orders-recover-orders", "orders", "recover_orders"),
        ("shop-mercato-orders-reconcile-orders", "orders", "reconcile_orders"),
    ],
)
def test_cron_jobs_run_existing_management_commands(
    production_release: Rendered, cron: str, service: str, command: str
) -> None:
    job = production_release.named("CronJob", cron)
    container = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    assert container["command"] == ["django-admin", command]
    assert container["envFrom"] == [{"configMapRef": {"name": name(service)}}]
    assert (REPO_ROOT / f"{service}_service" / service / "management" / "commands" / f"{command}.py").exists()


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_settings_import_with_what_the_chart_gives(production_release: Rendered, service: str) -> None:
    """Every variable the settings require at import is in the ConfigMap or the Secret."""
    env = _production_environment(production_release, service)
    assert f"{service}.shop.example.com" in _setting_with(env, "ALLOWED_HOSTS")


def test_cors_allows_no_origin_unless_configured(release: Rendered) -> None:
    for service in SERVICES:
        assert release.named("ConfigMap", name(service))["data"]["CORS_ALLOWED_ORIGINS"] == ""


@pytest.mark.parametrize("service", SERVICES)
def test_configured_cors_origins_reach_each_service_settings(service: str) -> None:
    origins = ["https://shop.example.com", "http://localhost:3000"]
    configured = render({"config": {"corsAllowedOrigins": origins}}, files=(PRODUCTION_VALUES,))
    env = _production_environment(configured, service)
    assert env["CORS_ALLOWED_ORIGINS"] == "https://shop.example.com,http://localhost:3000"
    assert _setting_with(env, "CORS_ALLOWED_ORIGINS") == repr(origins)
