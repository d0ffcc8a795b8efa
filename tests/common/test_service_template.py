"""Every service follows the service template of docs/architecture.md: the same modules, and the
one idiom for each role, read from the source (no service is imported: each is its own Django
project)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICES = sorted(path.name.removesuffix("_service") for path in REPO_ROOT.glob("*_service") if path.is_dir())

# Relative to the app (<service>_service/<service>/); a trailing "/" is a package.
EVERY_APP = (
    "apps.py",
    "models.py",
    "exceptions.py",
    "admin.py",
    "services/",
    "selectors/",
    "api/urls.py",
    "api/errors.py",
    "api/filters.py",
    "api/serializers/",
    "api/views/",
    "api/views/base.py",
    "migrations/",
    "management/commands/seed_demo.py",
)
EVERY_PROJECT = ("manage.py", "settings.py", "urls.py", "wsgi.py", "openapi.yaml")


def _app(service: str) -> Path:
    return REPO_ROOT / f"{service}_service" / service


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _base_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for base in node.bases:
        target = base.value if isinstance(base, ast.Subscript) else base  # ListAPIView[User]
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def _classes(paths: list[Path]) -> dict[str, tuple[Path, set[str]]]:
    return {
        node.name: (path, _base_names(node))
        for path in paths
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.ClassDef)
    }


def _python_files(service: str) -> list[Path]:
    return [path for path in (REPO_ROOT / f"{service}_service").rglob("*.py") if "migrations" not in path.parts]


def test_there_are_three_services() -> None:
    assert SERVICES == ["accounts", "catalog", "orders"]


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_has_the_template_modules(service: str) -> None:
    project, app = REPO_ROOT / f"{service}_service", _app(service)
    missing = [name for name in EVERY_PROJECT if not (project / name).is_file()]
    for name in EVERY_APP:
        path = app / name
        if not ((path / "__init__.py").is_file() if name.endswith("/") else path.is_file()):
            missing.append(name)
    assert missing == []


@pytest.mark.parametrize("service", SERVICES)
def test_services_and_selectors_are_packages_that_re_export_nothing(service: str) -> None:
    app = _app(service)
    assert not (app / "services.py").exists()
    assert not (app / "selectors.py").exists()
    for package in ("services", "selectors"):
        body = _tree(app / package / "__init__.py").body
        # A docstring at most: callers import from the module that defines a function.
        assert all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body), package


@pytest.mark.parametrize("service", SERVICES)
def test_domain_refusals_have_one_base_and_one_mapping(service: str) -> None:
    app = _app(service)
    bases = [name for name, (_path, parents) in _classes([app / "exceptions.py"]).items() if "Exception" in parents]
    assert len(bases) == 1
    assert bases[0].endswith("Error")
    functions = {node.name for node in _tree(app / "api" / "errors.py").body if isinstance(node, ast.FunctionDef)}
    assert "api_exception" in functions


@pytest.mark.parametrize("service", SERVICES)
def test_every_view_derives_from_the_app_base_view(service: str) -> None:
    views = sorted((_app(service) / "api" / "views").glob("*.py"))
    classes = _classes(views)
    [base] = [name for name, (_path, parents) in classes.items() if "DomainErrorAPIView" in parents]
    assert classes[base][0].name == "base.py"

    def derives(name: str) -> bool:
        if name == base:
            return True
        return name in classes and any(derives(parent) for parent in classes[name][1])

    views_only = {name: where for name, where in classes.items() if name.endswith("View")}
    strays = [f"{path.name}: {name}" for name, (path, _parents) in views_only.items() if not derives(name)]
    assert len(views_only) > 3
    assert strays == []


@pytest.mark.parametrize("service", SERVICES)
def test_query_parameters_are_declared_in_api_filters_only(service: str) -> None:
    filters = _app(service) / "api" / "filters.py"
    declared = []
    for path in _python_files(service):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef) and _base_names(node) & {"QueryParametersSerializer", "FilterSet"}:
                declared.append((path, node.name))
    assert declared
    assert [f"{path.relative_to(REPO_ROOT)}: {name}" for path, name in declared if path != filters] == []


@pytest.mark.parametrize("service", SERVICES)
def test_shared_idioms_are_not_written_again_in_a_service(service: str) -> None:
    # Permissions live in common.auth.permissions; the query errors' documentation in
    # common.query_params; the error mapping of a view in common.views.
    strays = []
    for path in _python_files(service):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef) and "BasePermission" in _base_names(node):
                strays.append(f"{path.name}: permission {node.name}")
            if isinstance(node, ast.FunctionDef) and node.name in {"document_query_errors", "handle_exception"}:
                strays.append(f"{path.name}: {node.name}")
    assert strays == []


@pytest.mark.parametrize("service", SERVICES)
def test_other_services_are_called_through_their_one_typed_client(service: str) -> None:
    # common/clients/<service>.py is the one client of each downstream, contract-checked by
    # tests/common/test_client_contracts.py; common.http is what it is built on, not for services.
    assert list((_app(service) / "clients").glob("*.py")) == []
    strays = []
    for path in _python_files(service):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                names = {alias.name for alias in node.names}
                if node.module == "common.http" or (
                    node.module == "common.clients.base" and names & {"send", "Operation"}
                ):
                    strays.append(
                        f"{path.relative_to(REPO_ROOT)}: from {node.module} import {', '.join(sorted(names))}"
                    )
            if isinstance(node, ast.Import) and any(alias.name == "common.http" for alias in node.names):
                strays.append(f"{path.relative_to(REPO_ROOT)}: import common.http")
    assert strays == []


def test_the_typed_clients_are_one_per_downstream() -> None:
    clients = sorted(path.stem for path in (REPO_ROOT / "common" / "clients").glob("*.py"))
    assert clients == ["__init__", "accounts", "base", "catalog"]
    assert set(clients) - {"__init__", "base"} < set(SERVICES)


WORKER_SERVICES = [service for service in SERVICES if (_app(service) / "tasks.py").exists()]


def test_the_services_with_a_worker() -> None:
    assert WORKER_SERVICES == ["catalog", "orders"]


@pytest.mark.parametrize("service", WORKER_SERVICES)
def test_every_worker_keeps_its_job_queue(service: str) -> None:
    tasks = _app(service) / "tasks.py"
    calls = {
        node.func.id
        for node in ast.walk(_tree(tasks))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert "register_job_housekeeping" in calls


def _names_used(tree: ast.Module) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }


def _strings(tree: ast.Module) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


@pytest.mark.parametrize("service", SERVICES)
def test_every_idempotent_endpoint_answers_through_common_idempotency(service: str) -> None:
    # One mechanism (common/idempotency.py): a view that takes an Idempotency-Key answers through
    # idempotent_response (the one fingerprint, conflict error and replay); no service reads the
    # header, marks a replay or fingerprints a request by hand.
    strays = []
    for path in _python_files(service):
        tree = _tree(path)
        names, strings = _names_used(tree), _strings(tree)
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "common.idempotency"
            for alias in node.names
        }
        if imported & {"idempotency_key", "optional_idempotency_key"} and "idempotent_response" not in imported:
            strays.append(f"{path.name}: takes an Idempotency-Key without idempotent_response")
        if {"REPLAYED_HEADER", "Idempotent-Replayed"} & (names | strings):
            strays.append(f"{path.name}: marks a replay itself")
        if "Idempotency-Key" in strings and "clients" not in path.parts:
            strays.append(f"{path.name}: reads the Idempotency-Key header itself")
        if "hashlib" in names and any("fingerprint" in name for name in names):
            strays.append(f"{path.name}: fingerprints a request itself")
    assert strays == []


@pytest.mark.parametrize("service", WORKER_SERVICES)
def test_every_idempotency_record_model_is_purged_by_the_worker(service: str) -> None:
    models = _tree(_app(service) / "models.py")
    records = {
        node.name
        for node in ast.walk(models)
        if isinstance(node, ast.ClassDef) and "IdempotencyRecordBase" in _base_names(node)
    }
    purged = {
        node.args[0].id
        for node in ast.walk(_tree(_app(service) / "tasks.py"))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "idempotency_records_purge"
        and node.args
        and isinstance(node.args[0], ast.Name)
    }
    assert records
    assert records == purged
