"""The chart rendered by the real Helm engine (helm-python-sdk, Helm v4), offline.

No cluster and no helm binary: ``Chart.render`` runs Helm's template engine and its values
schema validation, exactly as ``helm install --dry-run`` would, minus the API server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import django_prometheus
import helm_python as helm
import pytest
import yaml

from devtools.devstack import REPO_ROOT

CHART_DIR = REPO_ROOT / "helm"
PRODUCTION_VALUES = CHART_DIR / "values-production.yaml"
RELEASE = "shop"
NAMESPACE = "mercato"
SERVICES = ("accounts", "catalog", "orders")

# Fake secrets for rendering the chart-made Secrets; each is a string no template would invent,
# so finding one outside a Secret means it leaked.
FAKE_SECRETS: dict[str, dict[str, str]] = {
    "accounts": {
        "SECRET_KEY": "fake-accounts-secret-key-5c1e",
        "DATABASE_URL": "postgresql://accounts:fake-pw-accounts-81d2@db.example:5432/accounts",
        "EMAIL_URL": "smtp+tls://mailer:fake-smtp-pw-77aa@smtp.example:587",
        "jwtSigningKeys": "-----BEGIN PRIVATE KEY-----\nfake-signing-key-0f9e\n-----END PRIVATE KEY-----\n",
    },
    "catalog": {
        "SECRET_KEY": "fake-catalog-secret-key-9a3b",
        "DATABASE_URL": "postgresql://catalog:fake-pw-catalog-4e6f@db.example:5432/catalog",
        "SERVICE_CLIENT_SECRET": "fake-catalog-client-secret-1f4a",
    },
    "orders": {
        "SECRET_KEY": "fake-orders-secret-key-2d7c",
        "DATABASE_URL": "postgresql://orders:fake-pw-orders-c3a1@db.example:5432/orders",
        "SERVICE_CLIENT_SECRET": "fake-orders-client-secret-6b8d",
    },
}
CHART_MADE_SECRETS: dict[str, Any] = {
    service: {"existingSecret": "", "secretValues": values} for service, values in FAKE_SECRETS.items()
}


@dataclass(frozen=True)
class Rendered:
    """A rendered release: every object, with the template it came from."""

    objects: list[dict[str, Any]]
    notes: str

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [obj for obj in self.objects if obj["kind"] == kind]

    def named(self, kind: str, name: str) -> dict[str, Any]:
        (found,) = [obj for obj in self.of_kind(kind) if obj["metadata"]["name"] == name]
        return found

    def pod_specs(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(owner, pod template) of every Deployment, Job and CronJob."""
        for obj in self.objects:
            if obj["kind"] in {"Deployment", "Job"}:
                yield obj, obj["spec"]["template"]
            elif obj["kind"] == "CronJob":
                yield obj, obj["spec"]["jobTemplate"]["spec"]["template"]


def render(values: dict[str, Any] | None = None, *, files: tuple[Path, ...] = ()) -> Rendered:
    merged: dict[str, Any] = {}
    for path in files:
        merged = _deep_merge(merged, yaml.safe_load(path.read_text()))
    merged = _deep_merge(merged, values or {})
    with helm.Chart.load(CHART_DIR) as chart:
        manifests = chart.render(merged, name=RELEASE, namespace=NAMESPACE, is_install=True)
    objects = [
        doc
        for template, text in sorted(manifests.items())
        if template.endswith(".yaml")
        for doc in yaml.safe_load_all(text)
        if doc
    ]
    notes = next((text for template, text in manifests.items() if template.endswith("NOTES.txt")), "")
    return Rendered(objects=objects, notes=notes)


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def name(service: str, suffix: str = "") -> str:
    return f"{RELEASE}-mercato-{service}" + (f"-{suffix}" if suffix else "")


@pytest.fixture(scope="session")
def default_release() -> Rendered:
    return render()


@pytest.fixture(scope="session")
def production_release() -> Rendered:
    return render(files=(PRODUCTION_VALUES,))


@pytest.fixture(scope="session")
def chart_secrets_release() -> Rendered:
    """Production values, but with the Secrets made by the chart from values."""
    return render(CHART_MADE_SECRETS, files=(PRODUCTION_VALUES,))


@pytest.fixture(scope="session", params=["default", "production", "chart-made secrets"])
def release(request: pytest.FixtureRequest) -> Rendered:
    """Each of the three renders in turn."""
    fixture = {"default": "default_release", "production": "production_release"}.get(
        request.param, "chart_secrets_release"
    )
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]


def _exported_metrics() -> frozenset[str]:
    """The names of the series the services and workers export, read from their code: our
    prometheus_client metrics and collectors, and django-prometheus' request metrics under the
    services' PROMETHEUS_METRIC_NAMESPACE (mercato). The alerts and the dashboard may use no other."""
    suffixes = {
        "Counter": ("_total",),
        "Histogram": ("_bucket", "_sum", "_count"),
        "Gauge": ("",),
        "GaugeMetricFamily": ("",),
    }
    definition = re.compile(r"\b(Counter|Histogram|Gauge|GaugeMetricFamily)\(\s*\"([a-z0-9_]+)\"")
    names: set[str] = set()
    sources = [*REPO_ROOT.glob("common/**/*.py"), *REPO_ROOT.glob("*_service/**/*.py")]
    for path in sources:
        for kind, metric in definition.findall(path.read_text()):
            names.update(_series(kind, metric, suffixes))
    middleware = Path(django_prometheus.__file__).parent / "middleware.py"
    for kind, metric in re.findall(r"(Counter|Histogram),\s*\"(django_http_[a-z_]+)\"", middleware.read_text()):
        names.update(_series(kind, f"mercato_{metric}", suffixes))
    return frozenset(names)


def _series(kind: str, metric: str, suffixes: dict[str, tuple[str, ...]]) -> list[str]:
    # prometheus_client names a counter's series <name>_total, whether or not <name> ends so.
    base = metric.removesuffix("_total") if kind == "Counter" else metric
    return [base + suffix for suffix in suffixes[kind]]


EXPORTED_METRICS = _exported_metrics()
