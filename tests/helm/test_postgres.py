"""PostgreSQL by CloudNativePG (postgres.operator: cloudnative-pg), or external (none).

The custom resources are checked against CloudNativePG's own CRDs, copied from
/work/shared/crds/cloudnative-pg-1.30.yaml into tests/helm/crds/ (the operator's chart 0.29.0,
charts/cloudnative-pg/templates/crds/crds.yaml of github.com/cloudnative-pg/charts; its header
says so): each object against its version's openAPIV3Schema with jsonschema, plus the check
the API server's structural pruning makes, which a JSON-schema validator does not: CRD schemas
leave additionalProperties out, and the API server drops (or, with strict field validation,
refuses) a field its schema does not name, so a misspelt field would vanish without a word.
The CEL rules (x-kubernetes-validations) are not evaluated here.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import helm_python as helm
import jsonschema
import kubernetes_validate
import pytest
import yaml

from tests.helm.conftest import (
    CHART_DIR,
    CHART_MADE_SECRETS,
    NAMESPACE,
    PRODUCTION_VALUES,
    SERVICES,
    Rendered,
    name,
    render,
)
from tests.helm.test_chart import KUBERNETES_VERSIONS
from tests.helm.test_config import _in_django
from tests.helm.test_hooks import _hook, _references
from tests.helm.test_network_policies import DATABASES, Peer, _pods, connects

CRDS = Path(__file__).parent / "crds" / "cloudnative-pg-1.30.yaml"
GROUP = "postgresql.cnpg.io"
CNPG = {"operator": "cloudnative-pg"}
PLUGIN_BACKUP = {"method": "plugin", "objectStore": "mercato-backups"}
BARMAN_BACKUP = {
    "method": "barmanObjectStore",
    "destinationPath": "s3://backups/mercato",
    "endpointURL": "https://minio.storage.svc:9000",
    "s3CredentialsSecret": "mercato-backup-s3",
}


@cache
def _schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> openAPIV3Schema of every served version in the CRD file."""
    schemas = {}
    for crd in yaml.safe_load_all(CRDS.read_text()):
        spec = crd["spec"]
        for version in spec["versions"]:
            if version["served"]:
                key = (f"{spec['group']}/{version['name']}", spec["names"]["kind"])
                schemas[key] = version["schema"]["openAPIV3Schema"]
    return schemas


def _unknown_fields(value: Any, schema: dict[str, Any], path: str) -> list[str]:
    """Fields of ``value`` that ``schema`` does not name, where the API server would prune them."""
    if schema.get("x-kubernetes-preserve-unknown-fields"):
        return []
    found = []
    if isinstance(value, dict):
        properties = schema.get("properties")
        additional = schema.get("additionalProperties")
        for key, item in value.items():
            if properties is not None and key in properties:
                found += _unknown_fields(item, properties[key], f"{path}.{key}")
            elif isinstance(additional, dict):
                found += _unknown_fields(item, additional, f"{path}.{key}")
            elif properties is not None or additional is False:
                found.append(f"{path}.{key}")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            found += _unknown_fields(item, schema["items"], f"{path}[{index}]")
    return found


def crd_problems(obj: dict[str, Any]) -> list[str]:
    """What is wrong with a custom resource by its CRD: schema errors and unknown fields."""
    schema = _schemas()[(obj["apiVersion"], obj["kind"])]
    validator = jsonschema.Draft4Validator(schema)
    problems = [
        f"{'.'.join(str(part) for part in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(obj)
    ]
    spec_schema = schema["properties"]["spec"]
    problems += [f"unknown field {field}" for field in _unknown_fields(obj["spec"], spec_schema, "spec")]
    return problems


def _cnpg(release: Rendered) -> list[dict[str, Any]]:
    return [obj for obj in release.objects if obj["apiVersion"].startswith(f"{GROUP}/")]


def _values(**cloudnative_pg: Any) -> dict[str, Any]:
    return {"postgres": {**CNPG, "cloudnativePg": cloudnative_pg}}


@pytest.fixture(scope="module")
def cnpg_release() -> Rendered:
    """Production values with CloudNativePG, a read-only pooler and backups by the plugin."""
    return render(
        _values(readPooler={"enabled": True, "instances": 2}, backup=PLUGIN_BACKUP), files=(PRODUCTION_VALUES,)
    )


@pytest.fixture(scope="module")
def barman_release() -> Rendered:
    return render(_values(backup=BARMAN_BACKUP), files=(PRODUCTION_VALUES,))


@pytest.fixture(scope="module")
def no_backup_release() -> Rendered:
    return render({"postgres": CNPG})


def db(service: str, suffix: str = "") -> str:
    return name(service, "db") + (f"-{suffix}" if suffix else "")


# --- the custom resources against the operator's CRDs --------------------------------------


def test_the_crd_file_holds_the_four_kinds() -> None:
    assert {kind for _version, kind in _schemas()} == {"Cluster", "Pooler", "ScheduledBackup", "Database"}


@pytest.mark.parametrize("variant", ["plugin backup, read pooler", "barmanObjectStore backup", "no backup"])
def test_every_custom_resource_is_valid_by_its_crd(
    variant: str, cnpg_release: Rendered, barman_release: Rendered, no_backup_release: Rendered
) -> None:
    release = {"plugin backup, read pooler": cnpg_release, "barmanObjectStore backup": barman_release}.get(
        variant, no_backup_release
    )
    objects = _cnpg(release)
    kinds = sorted(obj["kind"] for obj in objects)
    backups = 0 if variant == "no backup" else 3
    poolers = 6 if variant.endswith("read pooler") else 3
    assert kinds == sorted(["Cluster"] * 3 + ["Pooler"] * poolers + ["ScheduledBackup"] * backups)
    for obj in objects:
        assert crd_problems(obj) == [], (obj["kind"], obj["metadata"]["name"])


@pytest.mark.parametrize(
    ("kind", "path", "value", "complaint"),
    [
        # Misspelt fields: JSON-schema validation alone passes them, pruning would drop them.
        ("Cluster", ("storage", "sise"), "20Gi", "unknown field spec.storage.sise"),
        ("Cluster", ("bootstrap", "initdb", "databse"), "x", "unknown field spec.bootstrap.initdb.databse"),
        ("Pooler", ("pgbouncer", "poolmode"), "transaction", "unknown field spec.pgbouncer.poolmode"),
        ("ScheduledBackup", ("imediate",), True, "unknown field spec.imediate"),
        # Wrong types and values, which the schema itself refuses.
        ("Cluster", ("instances",), "3", "'3' is not of type 'integer'"),
        ("Pooler", ("pgbouncer", "poolMode"), "statement", "'statement' is not one of"),
        ("Pooler", ("pgbouncer", "parameters", "default_pool_size"), 20, "20 is not of type 'string'"),
        ("ScheduledBackup", ("method",), "snapshot", "'snapshot' is not one of"),
        ("Cluster", ("backup", "retentionPolicy"), "30 days", "does not match"),
    ],
)
def test_the_check_catches_a_wrong_field(
    cnpg_release: Rendered, kind: str, path: tuple[str, ...], value: Any, complaint: str
) -> None:
    obj = yaml.safe_load(yaml.safe_dump(cnpg_release.of_kind(kind)[0]))
    assert crd_problems(obj) == []
    node = obj["spec"]
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    assert any(complaint in problem for problem in crd_problems(obj)), crd_problems(obj)


def test_the_other_objects_are_valid_kubernetes(cnpg_release: Rendered) -> None:
    for obj in cnpg_release.objects:
        if obj["apiVersion"].startswith(f"{GROUP}/") or obj["apiVersion"] == "monitoring.coreos.com/v1":
            continue
        for version in KUBERNETES_VERSIONS:
            kubernetes_validate.validate(obj, version, strict=True)


@pytest.mark.parametrize("values_file", [None, PRODUCTION_VALUES], ids=["default", "production"])
def test_helm_lint_is_clean_with_cloudnative_pg(values_file: Path | None) -> None:
    values = yaml.safe_load(values_file.read_text()) if values_file else {}
    values["postgres"] = {**CNPG, "cloudnativePg": {"backup": PLUGIN_BACKUP}}
    report = helm.lint(CHART_DIR, values, strict=True, namespace=NAMESPACE, kube_version="v1.30.0")
    assert report["errors"] == []
    assert [message for message in report["messages"] if message["severity"] >= 2] == []


# --- what is rendered per service -----------------------------------------------------------


def test_operator_none_renders_no_database_objects(release: Rendered) -> None:
    assert _cnpg(release) == []


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_gets_a_cluster_and_a_transaction_pooler_in_front(cnpg_release: Rendered, service: str) -> None:
    # helm uninstall leaves the database: the operator would delete its volumes with it.
    assert cnpg_release.named("Cluster", db(service))["metadata"]["annotations"] == {"helm.sh/resource-policy": "keep"}
    cluster = cnpg_release.named("Cluster", db(service))["spec"]
    assert cluster["instances"] == 3
    assert cluster["bootstrap"] == {"initdb": {"database": f"mercato_{service}", "owner": f"mercato_{service}"}}
    assert cluster["storage"] == {"size": "20Gi"}
    assert cluster["resources"] == {"requests": {"cpu": "500m", "memory": "1Gi"}, "limits": {"memory": "1Gi"}}
    assert cluster["affinity"] == {
        "enablePodAntiAffinity": True,
        "podAntiAffinityType": "preferred",
        "topologyKey": "kubernetes.io/hostname",
    }
    assert cluster["postgresql"]["parameters"]["max_connections"] == "200"
    pooler = cnpg_release.named("Pooler", db(service, "pooler"))["spec"]
    assert pooler["cluster"] == {"name": db(service)}
    assert (pooler["type"], pooler["pgbouncer"]["poolMode"], pooler["instances"]) == ("rw", "transaction", 2)
    assert {"max_client_conn", "default_pool_size"} <= pooler["pgbouncer"]["parameters"].keys()
    read = cnpg_release.named("Pooler", db(service, "pooler-ro"))["spec"]
    assert (read["cluster"], read["type"], read["pgbouncer"]["poolMode"]) == (
        {"name": db(service)},
        "ro",
        "transaction",
    )


def test_a_service_overrides_the_shared_settings() -> None:
    release = render(
        {
            "postgres": CNPG,
            "catalog": {"database": {"cloudnativePg": {"storage": {"size": "200Gi"}, "pooler": {"instances": 3}}}},
        }
    )
    assert release.named("Cluster", db("catalog"))["spec"]["storage"] == {"size": "200Gi"}
    assert release.named("Pooler", db("catalog", "pooler"))["spec"]["instances"] == 3
    # The rest of catalog's and the other services' settings stay the shared ones.
    assert release.named("Pooler", db("catalog", "pooler"))["spec"]["pgbouncer"]["parameters"]["default_pool_size"]
    assert release.named("Cluster", db("orders"))["spec"]["storage"] == {"size": "20Gi"}
    assert release.named("Pooler", db("orders", "pooler"))["spec"]["instances"] == 2


@pytest.mark.parametrize("service", SERVICES)
def test_backups_by_the_plugin_archive_wal_and_run_on_schedule(cnpg_release: Rendered, service: str) -> None:
    cluster = cnpg_release.named("Cluster", db(service))["spec"]
    assert "backup" not in cluster
    assert cluster["plugins"] == [
        {
            "name": "barman-cloud.cloudnative-pg.io",
            "isWALArchiver": True,
            "parameters": {"barmanObjectName": "mercato-backups", "serverName": db(service)},
        }
    ]
    scheduled = cnpg_release.named("ScheduledBackup", db(service))["spec"]
    assert scheduled["cluster"] == {"name": db(service)}
    assert (scheduled["method"], scheduled["pluginConfiguration"]) == (
        "plugin",
        {"name": "barman-cloud.cloudnative-pg.io"},
    )
    assert scheduled["immediate"] is True
    assert len(scheduled["schedule"].split()) == 6  # seconds first, unlike a CronJob's


@pytest.mark.parametrize("service", SERVICES)
def test_backups_by_barman_object_store_name_the_credentials_secret(barman_release: Rendered, service: str) -> None:
    cluster = barman_release.named("Cluster", db(service))["spec"]
    assert "plugins" not in cluster
    store = cluster["backup"]["barmanObjectStore"]
    assert (store["destinationPath"], store["endpointURL"]) == (
        "s3://backups/mercato",
        "https://minio.storage.svc:9000",
    )
    assert store["s3Credentials"] == {
        "accessKeyId": {"name": "mercato-backup-s3", "key": "ACCESS_KEY_ID"},
        "secretAccessKey": {"name": "mercato-backup-s3", "key": "ACCESS_SECRET_KEY"},
    }
    assert cluster["backup"]["retentionPolicy"] == "30d"
    scheduled = barman_release.named("ScheduledBackup", db(service))["spec"]
    assert scheduled["method"] == "barmanObjectStore"
    assert "pluginConfiguration" not in scheduled


def test_without_a_backup_method_nothing_is_backed_up(no_backup_release: Rendered) -> None:
    assert no_backup_release.of_kind("ScheduledBackup") == []
    for cluster in no_backup_release.of_kind("Cluster"):
        assert "backup" not in cluster["spec"]
        assert "plugins" not in cluster["spec"]


# --- how the pods reach their database ------------------------------------------------------


def _env(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in container.get("env", [])}


def _secret_ref(item: dict[str, Any]) -> tuple[str, str]:
    ref = item["valueFrom"]["secretKeyRef"]
    return ref["name"], ref["key"]


@pytest.mark.parametrize("service", SERVICES)
def test_pods_use_the_pooler_and_hooks_the_primary_with_the_operators_secret(
    cnpg_release: Rendered, service: str
) -> None:
    cluster = cnpg_release.named("Cluster", db(service))["spec"]["bootstrap"]["initdb"]
    poolers = {pooler["metadata"]["name"]: pooler["spec"] for pooler in cnpg_release.of_kind("Pooler")}
    app_secret = db(service, "app")  # the operator's: <cluster>-app
    seen = 0
    for owner, template in cnpg_release.pod_specs():
        if template["metadata"]["labels"].get("mercato/service") != service:
            continue
        component = template["metadata"]["labels"]["app.kubernetes.io/component"]
        if component == "preflight":
            continue
        env = _env(template["spec"]["containers"][0])
        if _hook(owner):
            # Migrations and the service clients go straight to the primary (session work).
            assert _secret_ref(env["DATABASE_URL"]) == (app_secret, "uri"), owner["metadata"]["name"]
            assert "DATABASE_POOL_MODE" not in env
            continue
        seen += 1
        url = urlsplit(env["DATABASE_URL"]["value"])
        # A pooler's Service is named after the Pooler, port 5432; no password in the URL.
        assert url.hostname == db(service, "pooler")
        assert (poolers[url.hostname]["type"], poolers[url.hostname]["cluster"]) == ("rw", {"name": db(service)})
        assert (url.port, url.username, url.password, url.path) == (
            5432,
            cluster["owner"],
            None,
            f"/{cluster['database']}",
        )
        assert _secret_ref(env["PGPASSWORD"]) == (app_secret, "password")
        assert _secret_ref(env["DATABASE_DIRECT_URL"]) == (app_secret, "uri")
        assert env["DATABASE_POOL_MODE"]["value"] == "transaction"
        replica = urlsplit(env["DATABASE_REPLICA_URLS"]["value"])
        assert poolers[replica.hostname or ""]["type"] == "ro"
        assert poolers[replica.hostname or ""]["cluster"] == {"name": db(service)}
        assert (replica.username, replica.password, replica.path) == (cluster["owner"], None, url.path)
    assert seen >= 2  # web, and a worker or CronJobs


def test_without_a_read_pooler_no_replica_urls(no_backup_release: Rendered) -> None:
    for _owner, template in no_backup_release.pod_specs():
        assert "DATABASE_REPLICA_URLS" not in _env(template["spec"]["containers"][0])


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_settings_read_the_pooled_url_and_libpqs_password(cnpg_release: Rendered, service: str) -> None:
    """The URL without a password parses, and leaves the password to PGPASSWORD (libpq)."""
    env = dict(cnpg_release.named("ConfigMap", name(service))["data"])
    container = cnpg_release.named("Deployment", name(service))["spec"]["template"]["spec"]["containers"][0]
    env.update({k: v["value"] for k, v in _env(container).items() if "value" in v and k.startswith("DATABASE_")})
    env.update(SECRET_KEY="placeholder", PGPASSWORD="from-the-operator")
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['HOST'], d['PORT'], d['NAME'], d['USER'], repr(d['PASSWORD']))"
    )
    assert _in_django(env, code) == f"{db(service, 'pooler')} 5432 mercato_{service} mercato_{service} ''"


def test_every_hook_finds_what_it_needs_after_the_first_install(cnpg_release: Rendered) -> None:
    """With CloudNativePG the first install migrates post-install: every ordinary object exists,
    the operator's Secrets too once it has made each Cluster (the Job's pods wait for them)."""
    available: dict[str, set[str]] = {"Secret": {"mercato-accounts", "mercato-catalog", "mercato-orders"}}
    available["Secret"] |= {f"{cluster['metadata']['name']}-app" for cluster in cnpg_release.of_kind("Cluster")}
    for obj in cnpg_release.objects:
        if not _hook(obj):
            available.setdefault(obj["kind"], set()).add(obj["metadata"]["name"])
    jobs = cnpg_release.of_kind("Job")
    assert len(jobs) == 8
    for job in jobs:
        assert _hook(job)["helm.sh/hook"] == "post-install,pre-upgrade"
        weight = int(_hook(job)["helm.sh/hook-weight"])
        for obj in cnpg_release.objects:
            hook = _hook(obj)
            if hook and int(hook["helm.sh/hook-weight"]) < weight:
                available.setdefault(obj["kind"], set()).add(obj["metadata"]["name"])
        for kind, ref_name, optional in _references(job["spec"]["template"]["spec"]):
            assert optional or ref_name in available.get(kind, set()), (job["metadata"]["name"], kind, ref_name)


def test_chart_made_secrets_hold_no_database_url_with_the_operator() -> None:
    values = {
        service: {
            "existingSecret": "",
            "secretValues": {**CHART_MADE_SECRETS[service]["secretValues"], "DATABASE_URL": ""},
        }
        for service in SERVICES
    }
    release = render({"postgres": CNPG, **values})
    for service in SERVICES:
        data = release.named("Secret", name(service))["data"]
        assert "DATABASE_URL" not in data
        given = CHART_MADE_SECRETS[service]["secretValues"]["SECRET_KEY"]
        assert base64.b64decode(data["SECRET_KEY"]).decode() == given


# --- network policies and monitoring --------------------------------------------------------


def test_each_services_pods_reach_their_own_cluster_and_pooler_only(cnpg_release: Rendered) -> None:
    here = {"kubernetes.io/metadata.name": NAMESPACE}
    for pod in _pods(cnpg_release):
        own = pod.labels["mercato/service"]
        for service in SERVICES:
            instance = Peer({"cnpg.io/cluster": db(service), "cnpg.io/podRole": "instance"}, here)
            pooler = Peer({"cnpg.io/cluster": db(service), "cnpg.io/poolerName": db(service, "pooler")}, here)
            for target in (instance, pooler):
                assert connects(cnpg_release, pod, target, 5432) == (service == own), (pod.name, service)
                assert not connects(cnpg_release, pod, target, 22)
            # No more way out to the external addresses.
            assert not connects(cnpg_release, pod, Peer({}, {}, ip=DATABASES[service]), 5432)


def test_each_cluster_and_pooler_has_a_pod_monitor(cnpg_release: Rendered) -> None:
    monitors = {m["metadata"]["name"]: m["spec"] for m in cnpg_release.of_kind("PodMonitor")}
    for service in SERVICES:
        assert monitors[db(service)]["selector"]["matchLabels"] == {
            "cnpg.io/cluster": db(service),
            "cnpg.io/podRole": "instance",
        }
        for pooler in (db(service, "pooler"), db(service, "pooler-ro")):
            assert monitors[pooler]["selector"]["matchLabels"] == {"cnpg.io/poolerName": pooler}
            assert [e["port"] for e in monitors[pooler]["podMetricsEndpoints"]] == ["metrics"]
    assert render({"postgres": CNPG}).of_kind("PodMonitor") == []


# --- values that cannot work stop the render, naming the value ------------------------------


@pytest.mark.parametrize(
    ("values", "complaint"),
    [
        ({"postgres": {"operator": "zalando"}}, "/postgres/operator"),
        (_values(backup={"method": "plugin"}), r"postgres\.cloudnativePg\.backup\.objectStore is required"),
        (
            _values(backup={"method": "barmanObjectStore", "s3CredentialsSecret": "s3"}),
            r"postgres\.cloudnativePg\.backup\.destinationPath is required",
        ),
        (
            _values(backup={"method": "barmanObjectStore", "destinationPath": "s3://b/m"}),
            r"postgres\.cloudnativePg\.backup\.s3CredentialsSecret is required",
        ),
        (_values(backup={"method": "pg_dump"}), "/postgres/cloudnativePg/backup/method"),
        (_values(backup={"retentionPolicy": "a month"}), "/postgres/cloudnativePg/backup/retentionPolicy"),
        (_values(storage={"size": "lots"}), "/postgres/cloudnativePg/storage/size"),
        (_values(parameters={"max_connections": 200}), "/postgres/cloudnativePg/parameters/max_connections"),
        ({"catalog": {"database": {"cloudnativePg": {"instance": 2}}}}, "instance"),
        (
            {**_values(), "orders": {"existingSecret": "", "secretValues": {"DATABASE_URL": "postgresql://x@y/z"}}},
            r"orders\.secretValues\.DATABASE_URL is set, but with postgres\.operator cloudnative-pg",
        ),
    ],
)
def test_unworkable_values_stop_the_render_naming_them(values: dict[str, Any], complaint: str) -> None:
    with pytest.raises((helm.HelmValuesError, helm.HelmRenderError), match=complaint):
        render(values)


def test_notes_name_each_database_and_when_migrations_run(cnpg_release: Rendered) -> None:
    notes = cnpg_release.notes
    assert "the migrations run once the Clusters exist (post-install)" in notes
    for service in SERVICES:
        assert (
            f"database: cluster/{db(service)} (mercato_{service}), pooler/{db(service, 'pooler')}, "
            f"pooler/{db(service, 'pooler-ro')}, secret {db(service, 'app')} (the operator's), "
            f"scheduledbackup/{db(service)}"
        ) in notes
    assert "database:" not in render().notes
