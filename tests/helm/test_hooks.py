"""Migrations run as hook Jobs before any pod rolls, and work on a fresh install."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helm.conftest import SERVICES, Rendered, name, render


def _hook(obj: dict[str, Any]) -> dict[str, str]:
    annotations = obj["metadata"].get("annotations", {})
    return {key: value for key, value in annotations.items() if key.startswith("helm.sh/hook")}


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_migrates_in_a_pre_install_and_pre_upgrade_hook(release: Rendered, service: str) -> None:
    job = release.named("Job", name(service, "migrate"))
    assert _hook(job) == {
        "helm.sh/hook": "pre-install,pre-upgrade",
        "helm.sh/hook-weight": "0",
        "helm.sh/hook-delete-policy": "before-hook-creation",
    }
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["django-admin", "migrate", "--noinput"]
    env = {item["name"]: item for item in container["env"]}
    assert env["DJANGO_SETTINGS_MODULE"]["value"] == f"{service}_service.settings"
    assert "valueFrom" in env["DATABASE_URL"]


def test_only_hooks_are_jobs(release: Rendered) -> None:
    for job in release.of_kind("Job"):
        assert _hook(job)["helm.sh/hook"] == "pre-install,pre-upgrade"


def _available_at_fresh_install(release: Rendered, existing_secrets: set[str], weight: int) -> dict[str, set[str]]:
    """What a hook of ``weight`` can read on a fresh install: what the operator made beforehand
    and the hooks of lower weight. The chart's ordinary objects come only after every hook."""
    available: dict[str, set[str]] = {"Secret": set(existing_secrets), "ConfigMap": set(), "ServiceAccount": set()}
    for obj in release.objects:
        hook = _hook(obj)
        if hook and "pre-install" in hook["helm.sh/hook"] and int(hook["helm.sh/hook-weight"]) < weight:
            available.setdefault(obj["kind"], set()).add(obj["metadata"]["name"])
    return available


def _references(pod_spec: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(kind, name, optional) of every ServiceAccount, Secret and ConfigMap a pod needs to start."""
    found = [("ServiceAccount", pod_spec["serviceAccountName"], False)]
    for container in pod_spec["containers"]:
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                found.append(("ConfigMap", source["configMapRef"]["name"], False))
            if "secretRef" in source:
                found.append(("Secret", source["secretRef"]["name"], False))
        for item in container.get("env", []):
            ref = item.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                found.append(("Secret", ref["name"], ref.get("optional", False)))
    for volume in pod_spec.get("volumes", []):
        if "secret" in volume:
            found.append(("Secret", volume["secret"]["secretName"], volume["secret"].get("optional", False)))
    return found


@pytest.mark.parametrize("variant", ["existing secrets", "chart-made secrets"])
def test_every_hook_job_finds_what_it_needs_on_a_fresh_install(
    variant: str, production_release: Rendered, chart_secrets_release: Rendered
) -> None:
    if variant == "existing secrets":
        release, existing = production_release, {"mercato-accounts", "mercato-catalog", "mercato-orders"}
    else:
        release, existing = chart_secrets_release, set()
    jobs = release.of_kind("Job")
    # Migrations, the two service clients and, for Secrets of yours, the check of each.
    assert len(jobs) == (8 if existing else 5)
    for job in jobs:
        available = _available_at_fresh_install(release, existing, int(_hook(job)["helm.sh/hook-weight"]))
        for kind, ref_name, optional in _references(job["spec"]["template"]["spec"]):
            assert optional or ref_name in available.get(kind, set()), (job["metadata"]["name"], kind, ref_name)


def test_chart_made_secrets_have_a_hook_copy_that_goes_away(chart_secrets_release: Rendered) -> None:
    for service in SERVICES:
        secret = chart_secrets_release.named("Secret", name(service))
        copy = chart_secrets_release.named("Secret", name(service, "hooks"))
        assert _hook(secret) == {}
        assert _hook(copy) == {
            "helm.sh/hook": "pre-install,pre-upgrade",
            "helm.sh/hook-weight": "-10",
            "helm.sh/hook-delete-policy": "before-hook-creation,hook-succeeded",
        }
        assert copy["data"] == secret["data"]


def test_hook_jobs_get_the_same_settings_as_the_pods(release: Rendered) -> None:
    for service in SERVICES:
        config = release.named("ConfigMap", name(service))["data"]
        job = release.named("Job", name(service, "migrate"))
        (container,) = job["spec"]["template"]["spec"]["containers"]
        inline = {item["name"]: item["value"] for item in container["env"] if "value" in item}
        assert inline == config


CLIENT_SCOPES = {
    # Admin sign-in relays the browser's address to accounts (docs/identity.md).
    "catalog": ["accounts.sign-in:relay"],
    "orders": ["accounts.sign-in:relay", "accounts.users:read", "catalog.reservations:write"],
}


@pytest.mark.parametrize("service", sorted(CLIENT_SCOPES))
def test_each_service_client_is_registered_after_accounts_migrations(release: Rendered, service: str) -> None:
    job = release.named("Job", name("accounts", f"client-{service}"))
    assert int(_hook(job)["helm.sh/hook-weight"]) > int(
        _hook(release.named("Job", name("accounts", "migrate")))["helm.sh/hook-weight"]
    )
    (container,) = job["spec"]["template"]["spec"]["containers"]
    scope_args = [arg for scope in CLIENT_SCOPES[service] for arg in ("--scope", scope)]
    assert container["command"] == [
        "django-admin",
        "create_service_client",
        service,
        *scope_args,
        "--secret-from-env",
        "SERVICE_CLIENT_SECRET",
    ]
    env = {item["name"]: item for item in container["env"]}
    assert env["DJANGO_SETTINGS_MODULE"]["value"] == "accounts_service.settings"
    # The secret the service itself reads, so the two always agree.
    pods = release.named("Deployment", name(service))["spec"]["template"]["spec"]["containers"][0]
    pods_ref = next(i for i in pods["env"] if i["name"] == "SERVICE_CLIENT_SECRET")["valueFrom"]["secretKeyRef"]
    job_ref = env["SERVICE_CLIENT_SECRET"]["valueFrom"]["secretKeyRef"]
    assert job_ref["key"] == pods_ref["key"]
    assert job_ref["name"] in {pods_ref["name"], name(service, "hooks")}
    config = release.named("ConfigMap", name(service))["data"]
    assert config["SERVICE_CLIENT_ID"] == service


def test_service_client_registration_can_be_left_to_the_operator() -> None:
    release = render({"serviceClients": {"register": False}})
    assert [job["metadata"]["name"] for job in release.of_kind("Job")] == [
        name(service, suffix) for suffix in ("preflight", "migrate") for service in SERVICES
    ]
    assert "serviceClients.register=false" in release.notes


def test_nothing_is_seeded(release: Rendered) -> None:
    for _owner, template in release.pod_specs():
        for container in template["spec"]["containers"]:
            assert "seed_demo" not in container["command"]
            assert "generate_products" not in container["command"]
