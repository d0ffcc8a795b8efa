"""The NetworkPolicies, evaluated the way Kubernetes does, allow exactly the design's traffic.

Each pod the chart runs is taken with its labels; a connection from A to B on a port is allowed
when some policy selecting A allows it out (or none selects A for egress) and some policy
selecting B allows it in (or none selects B for ingress).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from devtools.devstack import SERVICES as SERVICE_SPECS
from tests.helm.conftest import NAMESPACE, SERVICES, Rendered, render

INGRESS_NAMESPACE = {"kubernetes.io/metadata.name": "ingress-nginx"}
INGRESS_POD = {"app.kubernetes.io/name": "ingress-nginx"}
PROMETHEUS_NAMESPACE = {"kubernetes.io/metadata.name": "monitoring"}
PROMETHEUS_POD = {"app.kubernetes.io/name": "prometheus"}
DNS_NAMESPACE = {"kubernetes.io/metadata.name": "kube-system"}
DNS_POD = {"k8s-app": "kube-dns"}
# The production values' database addresses.
DATABASES = {"accounts": "10.20.1.10", "catalog": "10.20.1.11", "orders": "10.20.1.12"}


@dataclass(frozen=True)
class Peer:
    labels: dict[str, str]
    namespace: dict[str, str]
    ip: str = ""  # set for an address outside the cluster

    @property
    def name(self) -> str:
        return self.labels.get("app.kubernetes.io/component", "") + "@" + self.labels.get("mercato/service", self.ip)


def _matches(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    for key, value in selector.get("matchLabels", {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions", []):
        present = expression["key"] in labels
        value = labels.get(expression["key"])
        operator = expression["operator"]
        if (
            (operator == "In" and value not in expression["values"])
            or (operator == "NotIn" and value in expression.get("values", []))
            or (operator == "Exists" and not present)
            or (operator == "DoesNotExist" and present)
        ):
            return False
    return True


def _in_cidr(ip: str, cidr: str) -> bool:
    import ipaddress

    return ipaddress.ip_address(ip) in ipaddress.ip_network(cidr)


def _peer_matches(rule_peer: dict[str, Any], peer: Peer) -> bool:
    if "ipBlock" in rule_peer:
        block = rule_peer["ipBlock"]
        return (
            bool(peer.ip)
            and _in_cidr(peer.ip, block["cidr"])
            and not any(_in_cidr(peer.ip, cidr) for cidr in block.get("except", []))
        )
    if peer.ip:
        return False
    if "namespaceSelector" in rule_peer:
        if not _matches(rule_peer["namespaceSelector"], peer.namespace):
            return False
    elif peer.namespace != {"kubernetes.io/metadata.name": NAMESPACE}:
        return False  # a bare podSelector selects in the policy's own namespace
    return _matches(rule_peer.get("podSelector", {}), peer.labels)


def _rule_allows(rule: dict[str, Any], direction: str, peer: Peer, port: int, protocol: str) -> bool:
    peers = rule.get("from" if direction == "Ingress" else "to")
    if peers is not None and not any(_peer_matches(p, peer) for p in peers):
        return False
    ports = rule.get("ports")
    return ports is None or any(p.get("port") == port and p.get("protocol", "TCP") == protocol for p in ports)


def _allowed(
    policies: list[dict[str, Any]], direction: str, pod: Peer, peer: Peer, *, port: int, protocol: str
) -> bool:
    if pod.ip or pod.namespace != {"kubernetes.io/metadata.name": NAMESPACE}:
        return True  # not a pod these policies govern
    selecting = [
        p for p in policies if direction in p["spec"]["policyTypes"] and _matches(p["spec"]["podSelector"], pod.labels)
    ]
    if not selecting:
        return True
    key = "ingress" if direction == "Ingress" else "egress"
    return any(
        _rule_allows(rule, direction, peer, port, protocol) for p in selecting for rule in p["spec"].get(key, [])
    )


def connects(release: Rendered, source: Peer, target: Peer, port: int, protocol: str = "TCP") -> bool:
    policies = release.of_kind("NetworkPolicy")
    return _allowed(policies, "Egress", source, target, port=port, protocol=protocol) and _allowed(
        policies, "Ingress", target, source, port=port, protocol=protocol
    )


def _pods(release: Rendered) -> list[Peer]:
    here = {"kubernetes.io/metadata.name": NAMESPACE}
    return [Peer(template["metadata"]["labels"], here) for _owner, template in release.pod_specs()]


def _web(release: Rendered, service: str) -> Peer:
    (pod,) = [
        p
        for p in _pods(release)
        if p.labels["mercato/service"] == service and p.labels["app.kubernetes.io/component"] == "web"
    ]
    return pod


INGRESS_CONTROLLER = Peer(INGRESS_POD, INGRESS_NAMESPACE)
PROMETHEUS = Peer(PROMETHEUS_POD, PROMETHEUS_NAMESPACE)
KUBE_DNS = Peer(DNS_POD, DNS_NAMESPACE)
OTHER_POD_IN_NAMESPACE = Peer({"app": "something-else"}, {"kubernetes.io/metadata.name": NAMESPACE})
POD_ELSEWHERE = Peer(INGRESS_POD, {"kubernetes.io/metadata.name": "default"})
DESIGN_CALLS = {(spec.name, callee) for spec in SERVICE_SPECS for callee in spec.calls}


def test_the_design_calls_are_the_ones_the_code_declares() -> None:
    assert {("orders", "accounts"), ("orders", "catalog"), ("catalog", "accounts")} == DESIGN_CALLS


@pytest.fixture(scope="module")
def policies_release(production_release: Rendered) -> Rendered:
    return production_release


def test_pods_reach_exactly_the_web_pods_of_the_services_they_call(policies_release: Rendered) -> None:
    pods = _pods(policies_release)
    allowed = set()
    for source in pods:
        for target in pods:
            if connects(policies_release, source, target, 8000):
                allowed.add((source.name, target.name))
    expected = set()
    for source in pods:
        for caller, callee in DESIGN_CALLS:
            if source.labels["mercato/service"] == caller:
                expected.add((source.name, f"web@{callee}"))
    assert allowed == expected
    # Every pod of the caller, not only its web pods: orders' recovery CronJob and worker call too.
    assert ("recover-orders@orders", "web@catalog") in allowed
    assert ("worker@orders", "web@accounts") in allowed


def test_web_pods_take_traffic_from_the_ingress_controller_only_from_outside(policies_release: Rendered) -> None:
    for service in SERVICES:
        web = _web(policies_release, service)
        assert connects(policies_release, INGRESS_CONTROLLER, web, 8000)
        assert not connects(policies_release, INGRESS_CONTROLLER, web, 5432)
        assert not connects(policies_release, OTHER_POD_IN_NAMESPACE, web, 8000)
        assert not connects(policies_release, POD_ELSEWHERE, web, 8000)
        assert connects(policies_release, PROMETHEUS, web, 8000)  # the ServiceMonitor is on
    for pod in _pods(policies_release):
        if pod.labels["app.kubernetes.io/component"] != "web":
            assert not connects(policies_release, INGRESS_CONTROLLER, pod, 8000), pod.name


def test_prometheus_is_let_in_only_with_the_service_monitor() -> None:
    release = render({"metrics": {"serviceMonitor": {"enabled": False}}})
    for service in SERVICES:
        assert not connects(release, PROMETHEUS, _web(release, service), 8000)


def test_every_pod_reaches_its_own_database_only(policies_release: Rendered) -> None:
    for pod in _pods(policies_release):
        own = pod.labels["mercato/service"]
        for service, ip in DATABASES.items():
            database = Peer({}, {}, ip=ip)
            assert connects(policies_release, pod, database, 5432) == (service == own), (pod.name, service)
            assert not connects(policies_release, pod, database, 22)


def test_every_pod_resolves_names_and_reaches_nothing_else(policies_release: Rendered) -> None:
    internet = Peer({}, {}, ip="93.184.216.34")
    collector = Peer({"app.kubernetes.io/name": "otel-collector"}, {"kubernetes.io/metadata.name": "observability"})
    smtp = Peer({}, {}, ip="10.20.0.25")
    for pod in _pods(policies_release):
        assert connects(policies_release, pod, KUBE_DNS, 53, "UDP")
        assert connects(policies_release, pod, KUBE_DNS, 53, "TCP")
        assert not connects(policies_release, pod, KUBE_DNS, 8000)
        assert not connects(policies_release, pod, internet, 443)
        assert not connects(policies_release, pod, internet, 5432)
        assert not connects(policies_release, pod, OTHER_POD_IN_NAMESPACE, 8000)
        # The production values' extra egress: the trace collector and the SMTP relay.
        assert connects(policies_release, pod, collector, 4318)
        assert connects(policies_release, pod, smtp, 587)


def test_default_values_allow_the_database_port_only() -> None:
    release = render()
    for pod in _pods(release):
        assert connects(release, pod, Peer({}, {}, ip="10.1.2.3"), 5432)
        assert not connects(release, pod, Peer({}, {}, ip="10.1.2.3"), 443)


def test_every_pod_is_under_the_default_deny(policies_release: Rendered) -> None:
    deny = policies_release.named("NetworkPolicy", "shop-mercato-default-deny")
    assert deny["spec"]["policyTypes"] == ["Ingress", "Egress"]
    assert "ingress" not in deny["spec"]
    assert "egress" not in deny["spec"]
    for pod in _pods(policies_release):
        assert _matches(deny["spec"]["podSelector"], pod.labels)


def test_callers_reach_the_urls_their_settings_name(policies_release: Rendered) -> None:
    """ACCOUNTS_URL and CATALOG_URL name Services whose pods the policies let the caller reach,
    and the callee answers to that host name (ALLOWED_HOSTS)."""
    services = {svc["metadata"]["name"]: svc for svc in policies_release.of_kind("Service")}
    configs = {service: policies_release.named("ConfigMap", f"shop-mercato-{service}")["data"] for service in SERVICES}
    for caller, callee in DESIGN_CALLS:
        url = configs[caller][f"{callee.upper()}_URL"]
        host = url.removeprefix("http://")
        assert services[host]["spec"]["selector"].items() <= _web(policies_release, callee).labels.items()
        assert host in configs[callee]["ALLOWED_HOSTS"].split(",")
    for service in SERVICES:
        declared = {key for key in configs[service] if key in {f"{other.upper()}_URL" for other in SERVICES}}
        assert declared == {f"{callee.upper()}_URL" for caller, callee in DESIGN_CALLS if caller == service}


def test_each_side_alone_allows_exactly_the_design_calls(policies_release: Rendered) -> None:
    """Egress of the caller and ingress of the callee each hold the line on their own."""
    policies = policies_release.of_kind("NetworkPolicy")
    pods = _pods(policies_release)
    for source in pods:
        for target in pods:
            expected = (source.labels["mercato/service"], target.labels["mercato/service"]) in DESIGN_CALLS and (
                target.labels["app.kubernetes.io/component"] == "web"
            )
            assert _allowed(policies, "Egress", source, target, port=8000, protocol="TCP") == expected, (
                source.name,
                target.name,
            )
            assert _allowed(policies, "Ingress", target, source, port=8000, protocol="TCP") == expected, (
                source.name,
                target.name,
            )
