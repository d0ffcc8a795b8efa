"""The chart's alerts, as Prometheus itself reads them: ``promtool check rules`` on the rendered
PrometheusRule, and ``promtool test rules`` evaluating every alert against a small series that
must fire it and one that must not (docs/deploy.md, "Alerts").

promtool comes from Debian's ``prometheus`` package, which ``make install`` installs; without
it these tests fail (they do not skip): the alerts would go unchecked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helm.conftest import EXPORTED_METRICS, NAMESPACE, PRODUCTION_VALUES, Rendered, render

NS = f'namespace="{NAMESPACE}"'
RESPONSES = "mercato_django_http_responses_total_by_status_view_method_total"
LATENCY = "mercato_django_http_requests_latency_seconds_by_view_method_bucket"


@dataclass(frozen=True)
class Case:
    """Series under which ``alert`` must fire at ``at`` with ``labels`` (bad), and series under
    which it must stay silent (good)."""

    alert: str
    bad: dict[str, str]
    good: dict[str, str]
    labels: dict[str, str] = field(default_factory=dict)
    at: str = "20m"


def series(metric: str, **labels: str) -> str:
    return metric + "{" + ", ".join([NS, *(f'{key}="{value}"' for key, value in labels.items())]) + "}"


def elsewhere(text: str) -> str:
    """The same series in another namespace: another release's, which must not count here."""
    return text.replace(NS, 'namespace="elsewhere"')


ORDERS_WEB = {"mercato_service": "orders", "mercato_component": "web"}
CASES = [
    Case(
        "MercatoHighErrorRatio",
        bad={
            # 10% of the API's requests fail; the probes' many 200s do not dilute that.
            series(RESPONSES, **ORDERS_WEB, view="orders-list", method="POST", status="503"): "0+10x30",
            series(RESPONSES, **ORDERS_WEB, view="orders-list", method="POST", status="201"): "0+90x30",
            series(RESPONSES, **ORDERS_WEB, view="healthz", method="GET", status="200"): "0+1000x30",
        },
        good={
            series(RESPONSES, **ORDERS_WEB, view="orders-list", method="POST", status="503"): "0+1x30",
            series(RESPONSES, **ORDERS_WEB, view="orders-list", method="POST", status="201"): "0+99x30",
            elsewhere(series(RESPONSES, **ORDERS_WEB, view="orders-list", method="POST", status="500")): "0+50x30",
        },
        labels={"mercato_service": "orders"},
    ),
    Case(
        "MercatoHighLatencyP99",
        bad={
            # Every request between 1 and 2.5 s.
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="0.5"): "0x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="1.0"): "0x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="2.5"): "0+10x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="+Inf"): "0+10x30",
        },
        good={
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="0.5"): "0+10x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="1.0"): "0+10x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="2.5"): "0+10x30",
            series(LATENCY, **ORDERS_WEB, view="orders-list", method="POST", le="+Inf"): "0+10x30",
            # A slow probe (a /readyz waiting on the database) is no user's wait.
            series(LATENCY, **ORDERS_WEB, view="readyz", method="GET", le="2.5"): "0x30",
            series(LATENCY, **ORDERS_WEB, view="readyz", method="GET", le="+Inf"): "0+10x30",
        },
        labels={"mercato_service": "orders"},
    ),
    Case(
        "MercatoCircuitOpen",
        # Open, then half-open for its trial call, then open again: a downstream still failing.
        bad={
            series(
                "mercato_downstream_circuit_state", **ORDERS_WEB, downstream="catalog", pod="a"
            ): "0 0 2 2 1 2 2 2 2 2",
            series("mercato_downstream_circuit_state", **ORDERS_WEB, downstream="catalog", pod="b"): "0x10",
        },
        # Opened once for a minute, then closed: a blip.
        good={
            series(
                "mercato_downstream_circuit_state", **ORDERS_WEB, downstream="catalog", pod="a"
            ): "0 0 2 0 0 0 0 0 0 0",
        },
        labels={"mercato_service": "orders", "downstream": "catalog"},
        at="9m",
    ),
    Case(
        "MercatoJobQueueStalled",
        # Reported alike by a web pod and a worker (the age is read from the database).
        bad={
            series(
                "mercato_jobs_oldest_waiting_age_seconds",
                mercato_service="catalog",
                mercato_component="web",
                queue="imports",
            ): "0+60x20",
            series(
                "mercato_jobs_oldest_waiting_age_seconds",
                mercato_service="catalog",
                mercato_component="worker",
                queue="imports",
            ): "0+60x20",
        },
        good={
            series(
                "mercato_jobs_oldest_waiting_age_seconds",
                mercato_service="catalog",
                mercato_component="worker",
                queue="imports",
            ): "0 30 0 45 0 10 0x14",
        },
        labels={"mercato_service": "catalog", "queue": "imports"},
    ),
    Case(
        "MercatoOrdersLeftPending",
        # One a minute, 15 in 15 minutes, spread over two gunicorn pods; one pod restarts (its
        # counter starts over), which increase() sees through.
        bad={
            series("mercato_orders_left_pending_total", **ORDERS_WEB, pod="a"): "0+1x10 0+1x20",
            series("mercato_orders_left_pending_total", **ORDERS_WEB, pod="b"): "0x30",
        },
        good={series("mercato_orders_left_pending_total", **ORDERS_WEB, pod="a"): "0 0 0 1 1 1 1 1 2 2 2 2x20"},
        labels={"mercato_service": "orders"},
    ),
    Case(
        "MercatoProductImportsFailed",
        # The counter exists at 0 from the start (catalog_service/catalog/metrics.py), so the
        # first failure after a restart is an increase.
        bad={
            series(
                "mercato_catalog_imports_finished_total",
                mercato_service="catalog",
                mercato_component="worker",
                status="failed",
            ): "0 0 0 1x20",
        },
        good={
            series(
                "mercato_catalog_imports_finished_total",
                mercato_service="catalog",
                mercato_component="worker",
                status="failed",
            ): "0x20",
            series(
                "mercato_catalog_imports_finished_total",
                mercato_service="catalog",
                mercato_component="worker",
                status="succeeded",
            ): "0+1x20",
        },
        labels={"mercato_service": "catalog"},
        at="10m",
    ),
    Case(
        "MercatoSearchIndexBehind",
        # Reported alike by catalog's web pods and its worker (read from the database); an import
        # keeps the oldest waiting product young in the good series: the indexer keeps up.
        bad={
            series(
                "mercato_catalog_search_oldest_waiting_age_seconds", mercato_service="catalog", mercato_component=pod
            ): "0+60x30"
            for pod in ("web", "worker")
        },
        good={
            series(
                "mercato_catalog_search_oldest_waiting_age_seconds", mercato_service="catalog", mercato_component="web"
            ): "0 30 5 40 0 20 10 0x23",
        },
        labels={"mercato_service": "catalog"},
        at="28m",
    ),
    Case(
        "MercatoReadReplicaUnreachable",
        # Exported at 0 for each replica from the start (common/replicas.py); one web pod meets an
        # outage at minute 3.
        bad={
            series(
                "mercato_replica_unreachable_total",
                mercato_service="catalog",
                mercato_component="web",
                replica="replica_1",
            ): "0 0 0 1x20",
        },
        good={
            series(
                "mercato_replica_unreachable_total",
                mercato_service="catalog",
                mercato_component="web",
                replica="replica_1",
            ): "0x20",
        },
        labels={"mercato_service": "catalog", "replica": "replica_1"},
        at="10m",
    ),
]


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.fail(
            "promtool is missing: `make install` installs it (Debian package prometheus); "
            "as root: apt-get install prometheus"
        )
    return found


def rendered_rules(directory: Path, values: dict[str, Any] | None = None) -> tuple[Path, list[dict[str, Any]]]:
    release: Rendered = render(values, files=(PRODUCTION_VALUES,))
    (rule,) = release.of_kind("PrometheusRule")
    path = directory / "rules.yaml"
    path.write_text(yaml.safe_dump({"groups": rule["spec"]["groups"]}, sort_keys=False))
    alerts = [entry for group in rule["spec"]["groups"] for entry in group["rules"] if "alert" in entry]
    return path, alerts


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    return rendered_rules(tmp_path_factory.mktemp("rules"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([promtool(), *args], capture_output=True, text=True, timeout=120, check=False)


def test_promtool_accepts_the_rules(rules: tuple[Path, list[dict[str, Any]]]) -> None:
    path, alerts = rules
    checked = run("check", "rules", str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"SUCCESS: {len(alerts)} rules found" in checked.stdout, checked.stdout


def test_the_alerts_read_only_exported_metrics(rules: tuple[Path, list[dict[str, Any]]]) -> None:
    _, alerts = rules
    for alert in alerts:
        for metric in set(re.findall(r"\b(mercato_[a-z0-9_]+)", alert["expr"])) - {"mercato_service"}:
            assert metric in EXPORTED_METRICS, (alert["alert"], metric)
        assert 'namespace="mercato"' in alert["expr"], alert["alert"]  # this release's series only


def test_every_alert_fires_on_a_bad_series_and_not_on_a_good_one(
    rules: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    path, alerts = rules
    assert {case.alert for case in CASES} == {alert["alert"] for alert in alerts}, "every alert needs a case here"
    result = promtool_test(path, alerts, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout, result.stdout


def test_the_thresholds_come_from_the_values(tmp_path: Path) -> None:
    # Raised far above the bad series: those alerts stay silent, and promtool says so.
    path, alerts = rendered_rules(
        tmp_path,
        {
            "metrics": {
                "prometheusRule": {
                    "errorRatio": 0.5,
                    "latencyP99Seconds": 10,
                    "circuitOpenFor": "1h",
                    "queueAgeSeconds": 100000,
                    "ordersLeftPending": 1000,
                    "searchLagSeconds": 100000,
                }
            }
        },
    )
    result = promtool_test(path, alerts, tmp_path)
    assert result.returncode != 0
    failed = set(re.findall(r"alertname: (\w+)", result.stdout + result.stderr))
    # Those two have no threshold: any failed import, any unreachable replica.
    unthresholded = {"MercatoProductImportsFailed", "MercatoReadReplicaUnreachable"}
    assert failed == {case.alert for case in CASES} - unthresholded, result.stdout + result.stderr


def promtool_test(path: Path, alerts: list[dict[str, Any]], directory: Path) -> subprocess.CompletedProcess[str]:
    """``promtool test rules`` with two tests per case: the bad series fire the alert (with its
    labels and annotations), the good ones fire nothing."""
    by_name = {alert["alert"]: alert for alert in alerts}
    tests = []
    for case in CASES:
        alert = by_name[case.alert]
        labels = {"namespace": NAMESPACE, **case.labels, **alert["labels"]}
        expected = {
            "exp_labels": labels,
            "exp_annotations": {key: expand(text, labels) for key, text in alert["annotations"].items()},
        }
        for kind, input_series, alerts_expected in (("bad", case.bad, [expected]), ("good", case.good, [])):
            tests.append(
                {
                    "name": f"{case.alert} ({kind} series)",
                    "interval": "1m",
                    "input_series": [{"series": text, "values": values} for text, values in input_series.items()],
                    "alert_rule_test": [{"eval_time": case.at, "alertname": case.alert, "exp_alerts": alerts_expected}],
                }
            )
    test_file = directory / "tests.yaml"
    test_file.write_text(yaml.safe_dump({"rule_files": [str(path)], "evaluation_interval": "1m", "tests": tests}))
    return run("test", "rules", str(test_file))


def expand(text: str, labels: dict[str, str]) -> str:
    """An annotation as Prometheus renders it: the alerts' annotations use only $labels."""
    assert "$value" not in text
    return re.sub(r"\{\{\s*\$labels\.([a-z_]+)\s*\}\}", lambda match: labels[match.group(1)], text)
