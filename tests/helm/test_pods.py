"""Every pod the chart runs is hardened, sized, probed where it serves HTTP, and writable only
where it must be."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helm.conftest import Rendered, name, render


def _containers(release: Rendered) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(owner name, pod spec, container) of every container, init containers included."""
    return [
        (owner["metadata"]["name"], template["spec"], container)
        for owner, template in release.pod_specs()
        for container in [*template["spec"].get("initContainers", []), *template["spec"]["containers"]]
    ]


def test_every_pod_runs_as_non_root_with_runtime_default_seccomp(release: Rendered) -> None:
    pods = list(release.pod_specs())
    assert len(pods) >= 10
    for owner, template in pods:
        spec = template["spec"]
        context = spec["securityContext"]
        assert context["runAsNonRoot"] is True, owner["metadata"]["name"]
        assert context["runAsUser"] != 0
        assert context["seccompProfile"] == {"type": "RuntimeDefault"}
        assert spec["automountServiceAccountToken"] is False
        assert spec["serviceAccountName"].startswith("shop-mercato-")
        assert spec["serviceAccountName"] != "default"
        assert "hostNetwork" not in spec
        assert "hostPID" not in spec


def test_every_container_is_locked_down(release: Rendered) -> None:
    for owner, _spec, container in _containers(release):
        context = container["securityContext"]
        assert context["runAsNonRoot"] is True, owner
        assert context["readOnlyRootFilesystem"] is True, owner
        assert context["allowPrivilegeEscalation"] is False, owner
        assert context["privileged"] is False, owner
        assert context["capabilities"] == {"drop": ["ALL"]}, owner
        assert context["seccompProfile"] == {"type": "RuntimeDefault"}, owner


def test_every_container_has_requests_and_a_memory_limit(release: Rendered) -> None:
    for owner, _spec, container in _containers(release):
        resources = container["resources"]
        assert {"cpu", "memory"} <= resources["requests"].keys(), owner
        assert "memory" in resources["limits"], owner


def test_every_container_has_writable_scratch_space_only_in_volumes(release: Rendered) -> None:
    for owner, spec, container in _containers(release):
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        mounts = {mount["mountPath"]: volumes[mount["name"]] for mount in container["volumeMounts"]}
        assert "emptyDir" in mounts["/tmp"], owner
        assert mounts["/tmp"]["emptyDir"]["sizeLimit"], owner
        for path, volume in mounts.items():
            assert "emptyDir" in volume or "secret" in volume, (owner, path)


def test_every_container_runs_the_one_image(release: Rendered) -> None:
    images = {container["image"] for _owner, _spec, container in _containers(release)}
    assert len(images) == 1


def _web_containers(release: Rendered) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [item for item in _containers(release) if item[2]["name"] == "web"]


def test_web_containers_probe_healthz_and_readyz(release: Rendered) -> None:
    web = _web_containers(release)
    assert {owner for owner, _spec, _container in web} == {name(s) for s in ("accounts", "catalog", "orders")}
    for owner, _spec, container in web:
        assert container["ports"] == [{"name": "http", "containerPort": 8000, "protocol": "TCP"}], owner
        assert container["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert container["lifecycle"]["preStop"]["sleep"]["seconds"] > 0


def test_web_containers_run_gunicorn_with_its_scratch_dirs_in_memory(release: Rendered) -> None:
    for owner, spec, container in _web_containers(release):
        service = owner.removeprefix("shop-mercato-")
        assert container["command"] == ["gunicorn", "-c", "python:common.gunicorn_conf", f"{service}_service.wsgi"]
        env = {item["name"]: item.get("value") for item in container["env"]}
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        mounts = {mount["mountPath"]: volumes[mount["name"]] for mount in container["volumeMounts"]}
        for variable in ("WEB_WORKER_TMP_DIR", "PROMETHEUS_MULTIPROC_DIR"):
            assert mounts[env[variable]]["emptyDir"]["medium"] == "Memory", (owner, variable)
        assert env["BIND"] == "0.0.0.0:8000"


def test_catalog_web_can_spool_the_largest_import(production_release: Rendered) -> None:
    spec = production_release.named("Deployment", name("catalog"))["spec"]["template"]["spec"]
    (tmp,) = [volume for volume in spec["volumes"] if volume["name"] == "tmp"]
    assert tmp["emptyDir"]["sizeLimit"] == "3Gi"  # above PRODUCT_IMPORT_MAX_BYTES, 2 GiB


@pytest.mark.parametrize("service", ["catalog", "orders"])
def test_workers_run_procrastinate_with_a_liveness_check(release: Rendered, service: str) -> None:
    deployment = release.named("Deployment", name(service, "worker"))
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["django-admin", "procrastinate", "worker"]
    # The worker process serves its /metrics and its liveness (procrastinate's heartbeat of it,
    # common/worker.py) on the metrics port.
    assert container["ports"] == [{"name": "metrics", "containerPort": 9100, "protocol": "TCP"}]
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert env["WORKER_METRICS_BIND"] == "0.0.0.0:9100"
    for probe in ("startupProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    # Restarted after 3 failed checks 10 s apart, past the 30 s a heartbeat may age.
    assert container["livenessProbe"]["periodSeconds"] * container["livenessProbe"]["failureThreshold"] >= 30


def test_jobs_have_a_deadline(release: Rendered) -> None:
    for job in release.of_kind("Job"):
        assert job["spec"]["activeDeadlineSeconds"] > 0
        assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    for cron in release.of_kind("CronJob"):
        assert cron["spec"]["jobTemplate"]["spec"]["activeDeadlineSeconds"] > 0
        assert cron["spec"]["concurrencyPolicy"] == "Forbid"


def test_deployments_spread_and_roll_without_losing_capacity(release: Rendered) -> None:
    for deployment in release.of_kind("Deployment"):
        spec = deployment["spec"]
        assert spec["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
        selector = spec["selector"]["matchLabels"]
        assert selector.items() <= spec["template"]["metadata"]["labels"].items()
        keys = set()
        for constraint in spec["template"]["spec"]["topologySpreadConstraints"]:
            assert constraint["labelSelector"]["matchLabels"] == selector
            keys.add(constraint["topologyKey"])
        assert keys == {"topology.kubernetes.io/zone", "kubernetes.io/hostname"}


def test_each_deployment_of_two_pods_or_more_has_a_pdb_selecting_exactly_its_pods(release: Rendered) -> None:
    deployments = {d["metadata"]["name"]: d for d in release.of_kind("Deployment")}
    hpas = {h["metadata"]["name"]: h for h in release.of_kind("HorizontalPodAutoscaler")}
    protected = set()
    for pdb in release.of_kind("PodDisruptionBudget"):
        selector = pdb["spec"]["selector"]["matchLabels"]
        matched = [
            name
            for name, d in deployments.items()
            if selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()
        ]
        assert matched == [pdb["metadata"]["name"]]
        protected.add(pdb["metadata"]["name"])
    for name_, deployment in deployments.items():
        floor = hpas[name_]["spec"]["minReplicas"] if name_ in hpas else deployment["spec"]["replicas"]
        # With one pod, a budget would either let a drain evict it or block every drain.
        assert (name_ in protected) == (floor >= 2), name_
        if name_ in protected:
            # A drain never takes every pod at once.
            assert release.named("PodDisruptionBudget", name_)["spec"]["maxUnavailable"] < floor


def test_a_single_worker_gets_no_pdb_and_two_get_one(default_release: Rendered) -> None:
    budgets = {p["metadata"]["name"] for p in default_release.of_kind("PodDisruptionBudget")}
    assert name("catalog", "worker") not in budgets
    two = render({"catalog": {"worker": {"replicas": 2}}})
    pdb = two.named("PodDisruptionBudget", name("catalog", "worker"))
    assert pdb["spec"]["maxUnavailable"] == 1
    off = render({"catalog": {"web": {"podDisruptionBudget": {"enabled": False, "maxUnavailable": 1}}}})
    assert name("catalog") not in {p["metadata"]["name"] for p in off.of_kind("PodDisruptionBudget")}


def test_accounts_reads_its_signing_keys_from_a_mounted_secret_file(release: Rendered) -> None:
    config = release.named("ConfigMap", name("accounts"))["data"]
    path = config["JWT_SIGNING_KEYS_FILE"]
    for owner, spec, container in _containers(release):
        # The preflight check reads the Secret's keys from a directory of its own.
        if not owner.startswith(name("accounts")) or owner == name("accounts", "preflight"):
            continue
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        (mount,) = [m for m in container["volumeMounts"] if path.startswith(m["mountPath"] + "/")]
        secret = volumes[mount["name"]]["secret"]
        assert secret["items"] == [{"key": "jwt-signing-keys.pem", "path": path.rsplit("/", 1)[1]}]
        assert mount["readOnly"] is True
