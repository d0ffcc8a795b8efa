"""The chart lints clean, renders, validates against Kubernetes' schemas, and refuses bad values."""

from __future__ import annotations

import json
import re
from typing import Any

import helm_python as helm
import kubernetes_validate
import pytest
import yaml

from tests.helm.conftest import CHART_DIR, CHART_MADE_SECRETS, EXPORTED_METRICS, PRODUCTION_VALUES, Rendered, render

# The chart's floor (Chart.yaml kubeVersion) and the newest release kubernetes-validate knows.
# The labels the monitors' relabelings add to every series (not metrics).
METRIC_LABELS = {"mercato_service", "mercato_component"}
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")
# Custom resources Kubernetes itself has no schema for: checked by shape below instead.
CUSTOM_RESOURCES = {("monitoring.coreos.com/v1", kind) for kind in ("ServiceMonitor", "PodMonitor", "PrometheusRule")}


@pytest.mark.parametrize("values_file", [None, PRODUCTION_VALUES], ids=["default", "production"])
@pytest.mark.parametrize("kube_version", KUBERNETES_VERSIONS)
def test_helm_lint_finds_no_error_and_no_warning(values_file: Any, kube_version: str) -> None:
    values = yaml.safe_load(values_file.read_text()) if values_file else None
    report = helm.lint(CHART_DIR, values, strict=True, namespace="mercato", kube_version=f"v{kube_version}")
    assert report["errors"] == []
    # Severity 1 is information ("icon is recommended"); 2 is a warning, 3 an error.
    assert [message for message in report["messages"] if message["severity"] >= 2] == []


def test_every_manifest_is_valid_kubernetes_in_strict_mode(release: Rendered) -> None:
    assert release.objects
    for obj in release.objects:
        if (obj["apiVersion"], obj["kind"]) in CUSTOM_RESOURCES:
            continue
        for version in KUBERNETES_VERSIONS:
            try:
                kubernetes_validate.validate(obj, version, strict=True)
            except kubernetes_validate.ValidationError as exc:
                pytest.fail(f"{obj['kind']} {obj['metadata']['name']} (Kubernetes {version}): {exc}")


def test_service_monitors_scrape_each_service_metrics(production_release: Rendered) -> None:
    monitors = production_release.of_kind("ServiceMonitor")
    services = {svc["metadata"]["name"]: svc for svc in production_release.of_kind("Service")}
    assert len(monitors) == 3
    for monitor in monitors:
        assert set(monitor) == {"apiVersion", "kind", "metadata", "spec"}
        (endpoint,) = monitor["spec"]["endpoints"]
        assert (endpoint["port"], endpoint["path"]) == ("http", "/metrics")
        assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
        selected = [
            svc
            for svc in services.values()
            if monitor["spec"]["selector"]["matchLabels"].items() <= svc["metadata"]["labels"].items()
        ]
        assert [svc["metadata"]["name"] for svc in selected] == [monitor["metadata"]["name"]]
        assert [port["name"] for port in selected[0]["spec"]["ports"]] == ["http"]


def test_pod_monitors_scrape_each_worker_metrics_port(production_release: Rendered) -> None:
    deployments = production_release.of_kind("Deployment")
    for monitor in production_release.of_kind("PodMonitor"):
        assert set(monitor) == {"apiVersion", "kind", "metadata", "spec"}
        (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
        assert (endpoint["port"], endpoint["path"]) == ("metrics", "/metrics")
        assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
        selector = monitor["spec"]["selector"]["matchLabels"]
        (selected,) = [
            d for d in deployments if selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()
        ]
        assert selected["metadata"]["name"] == monitor["metadata"]["name"]
        (container,) = selected["spec"]["template"]["spec"]["containers"]
        assert [port["name"] for port in container["ports"]] == ["metrics"]


def test_every_scraped_series_is_labelled_with_its_service_and_component(production_release: Rendered) -> None:
    monitors = [
        (monitor, endpoint)
        for monitor in production_release.of_kind("ServiceMonitor")
        for endpoint in monitor["spec"]["endpoints"]
    ] + [
        (monitor, endpoint)
        for monitor in production_release.of_kind("PodMonitor")
        for endpoint in monitor["spec"]["podMetricsEndpoints"]
    ]
    assert len(monitors) == 5
    for monitor, endpoint in monitors:
        labels = {r["targetLabel"]: r["replacement"] for r in endpoint["relabelings"]}
        pod_labels = monitor["spec"]["selector"]["matchLabels"]
        assert labels == {
            "mercato_service": pod_labels["mercato/service"],
            "mercato_component": pod_labels["app.kubernetes.io/component"],
        }


def test_the_dashboard_is_a_configmap_for_grafanas_sidecar(production_release: Rendered) -> None:
    dashboard = production_release.named("ConfigMap", "shop-mercato-dashboard")
    assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert dashboard["metadata"]["annotations"] == {"grafana_folder": "Mercato"}
    board = json.loads(dashboard["data"]["mercato.json"])
    assert board["uid"] == "mercato-overview"
    expressions = [target["expr"] for panel in board["panels"] for target in panel.get("targets", [])]
    assert len(expressions) >= 15
    # Every series a panel reads is one the services or workers export (docs/deploy.md).
    for expr in expressions:
        for metric in set(re.findall(r"\b(mercato_[a-z0-9_]+)", expr)) - METRIC_LABELS:
            assert metric in EXPORTED_METRICS, (metric, expr)


def test_default_values_install_no_monitoring_objects(default_release: Rendered) -> None:
    for kind in ("ServiceMonitor", "PodMonitor", "PrometheusRule"):
        assert default_release.of_kind(kind) == []
    config_maps = [c["metadata"]["name"] for c in default_release.of_kind("ConfigMap")]
    assert not [config_map for config_map in config_maps if config_map.endswith("-dashboard")]


def test_every_service_has_its_objects(production_release: Rendered) -> None:
    kinds: dict[str, set[str]] = {}
    for obj in production_release.objects:
        kinds.setdefault(obj["kind"], set()).add(obj["metadata"]["name"])
    web = {"shop-mercato-accounts", "shop-mercato-catalog", "shop-mercato-orders"}
    workers = {"shop-mercato-catalog-worker", "shop-mercato-orders-worker"}
    assert kinds["Deployment"] == web | workers
    assert kinds["Service"] == web
    assert kinds["ServiceAccount"] == web | {"shop-mercato-hooks"}
    assert kinds["ConfigMap"] == web | {"shop-mercato-dashboard"}
    assert kinds["ServiceMonitor"] == web
    assert kinds["PodMonitor"] == workers
    assert kinds["PrometheusRule"] == {"shop-mercato"}
    assert kinds["Ingress"] == web
    assert kinds["PodDisruptionBudget"] == web | workers
    assert kinds["HorizontalPodAutoscaler"] == web | {"shop-mercato-catalog-worker"}
    assert kinds["CronJob"] == {
        "shop-mercato-accounts-purge-refresh-tokens",
        "shop-mercato-catalog-expire-reservations",
        "shop-mercato-orders-recover-orders",
        "shop-mercato-orders-reconcile-orders",
    }
    assert "Secret" not in kinds  # existing secrets only


def test_autoscaled_deployments_leave_replicas_to_the_hpa(production_release: Rendered) -> None:
    scaled = {hpa["spec"]["scaleTargetRef"]["name"] for hpa in production_release.of_kind("HorizontalPodAutoscaler")}
    for deployment in production_release.of_kind("Deployment"):
        assert ("replicas" in deployment["spec"]) == (deployment["metadata"]["name"] not in scaled)


def test_ingress_exposes_only_the_public_paths(production_release: Rendered) -> None:
    for ingress in production_release.of_kind("Ingress"):
        (rule,) = ingress["spec"]["rules"]
        paths = {path["path"] for path in rule["http"]["paths"]}
        assert not paths & {"/", "/healthz", "/readyz", "/metrics"}
        assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]
    catalog = production_release.named("Ingress", "shop-mercato-catalog")
    assert catalog["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "2g"
    assert catalog["metadata"]["annotations"]["nginx.ingress.kubernetes.io/force-ssl-redirect"] == "true"
    accounts = production_release.named("Ingress", "shop-mercato-accounts")
    assert "nginx.ingress.kubernetes.io/proxy-body-size" not in accounts["metadata"]["annotations"]


def test_notes_say_what_was_installed_and_where(production_release: Rendered) -> None:
    notes = production_release.notes
    assert 'release "shop" in namespace "mercato"' in notes
    for text in (
        "https://accounts.shop.example.com/api/docs/",
        "deployment/shop-mercato-catalog-worker",
        "expire_reservations",
        "recover_orders",
        "reconcile_orders",
        "purge_refresh_tokens",
        "mercato-orders (yours: it must exist before install)",
    ):
        assert text in notes


# --- the values schema ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "complaint"),
    [
        ({"accounts": {"web": {"replicas": "two"}}}, "/accounts/web/replicas"),
        ({"replicaCount": 2}, "replicaCount"),
        ({"catalog": {"worker": {"replica": 2}}}, "replica"),
        ({"accounts": {"worker": {"replicas": 1}}}, "worker"),  # accounts has no worker
        ({"image": {"pullPolicy": "Sometimes"}}, "/image/pullPolicy"),
        ({"orders": {"web": {"autoscaling": {"minReplicas": 0}}}}, "/orders/web/autoscaling/minReplicas"),
        ({"catalog": {"web": {"resources": {"limits": {"memory": "lots"}}}}}, "/catalog/web/resources/limits/memory"),
        ({"config": {"extraEnv": {"lower-case": "x"}}}, "lower-case"),
        ({"config": {"corsAllowedOrigins": ["https://shop.example.com/app"]}}, "/config/corsAllowedOrigins/0"),
        ({"config": {"corsAllowedOrigins": "https://shop.example.com"}}, "/config/corsAllowedOrigins"),
        ({"networkPolicy": {"enabled": "yes"}}, "/networkPolicy/enabled"),
    ],
)
def test_schema_refuses_bad_values(values: dict[str, Any], complaint: str) -> None:
    with helm.Chart.load(CHART_DIR) as chart:
        with pytest.raises(helm.HelmValuesError, match=complaint):
            chart.validate_schema(values)
        with pytest.raises(helm.HelmValuesError):
            chart.render(values, name="shop", namespace="mercato")


def test_schema_accepts_the_shipped_values() -> None:
    with helm.Chart.load(CHART_DIR) as chart:
        chart.validate_schema({})
        chart.validate_schema(yaml.safe_load(PRODUCTION_VALUES.read_text()))
        chart.validate_schema(CHART_MADE_SECRETS)


def test_schema_closes_every_object() -> None:
    """additionalProperties is false on every object the schema describes, except free maps."""
    schema = yaml.safe_load((CHART_DIR / "values.schema.json").read_text())
    free_maps = {"global", "affinity"}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, path
            for key, value in node.items():
                if key == "properties":
                    for prop, sub in value.items():
                        if prop not in free_maps:
                            walk(sub, f"{path}.{prop}")
                else:
                    walk(value, path)
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, "values")
    values = yaml.safe_load((CHART_DIR / "values.yaml").read_text())

    def typed(node: dict[str, Any], values: Any, path: str) -> None:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        assert "type" in node or "anyOf" in node or "$ref" in node, path
        if isinstance(values, dict) and "properties" in node:
            for key, value in values.items():
                assert key in node["properties"], f"{path}.{key} is not in values.schema.json"
                typed(node["properties"][key], value, f"{path}.{key}")

    typed(schema, values, "values")


def test_missing_secret_values_stop_the_render() -> None:
    with pytest.raises(helm.HelmRenderError, match=r"catalog\.secretValues\.DATABASE_URL is required"):
        render(
            {"catalog": {"existingSecret": "", "secretValues": {"SECRET_KEY": "x", "SERVICE_CLIENT_SECRET": "y" * 16}}}
        )


def test_notes_name_the_monitoring_and_warn_of_alerts_without_monitors(production_release: Rendered) -> None:
    assert "alerts (PrometheusRule shop-mercato)" in production_release.notes
    assert "never fire" not in production_release.notes
    alone = render({"metrics": {"prometheusRule": {"enabled": True}}})
    assert "enable metrics.serviceMonitor too, or they never fire" in alone.notes
    assert "Monitoring:" not in render().notes
