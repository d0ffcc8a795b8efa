"""Generate the API clients from the committed OpenAPI schemas, or check the committed ones.

    python scripts/clients.py generate   # make clients: rewrite clients/ from <svc>_service/openapi.yaml
    python scripts/clients.py check      # make clients-check: regenerate elsewhere, compare, build

Per service: a typed Python package (openapi-python-client, settings in
clients/python/config/<svc>.yaml) in clients/python/mercato-<svc>-client/, and TypeScript types
(openapi-typescript, from node_modules, installed by `make install`) in
clients/typescript/<svc>.d.ts. Any generator warning fails the run: a warning means the schema
is wrong, and the fix belongs in the service's code (then `make schema`), not here.

`check` fails when the committed clients differ from what the committed schemas generate, when
a Python package does not import or is not mypy --strict clean, or when the TypeScript types do
not type-check against clients/typescript/usage.ts (`tsc --noEmit`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("accounts", "catalog", "orders")
CLIENTS = REPO_ROOT / "clients"
PYTHON_CONFIG = CLIENTS / "python" / "config"
# One template of openapi-python-client 0.29.1, fixed where it generates code that does not
# import (see the comment in it); the rest come from the generator. Drop it once upstream fixes it.
PYTHON_TEMPLATES = CLIENTS / "python" / "templates"
TYPESCRIPT = CLIENTS / "typescript"
NODE_BIN = REPO_ROOT / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent
# Files a build or an editable install leaves beside the generated code; never generated.
BUILD_LEFTOVERS = ["__pycache__", ".mypy_cache", ".ruff_cache"]


class ClientsError(Exception):
    pass


def schema(service: str) -> Path:
    return REPO_ROOT / f"{service}_service" / "openapi.yaml"


def python_project(service: str) -> str:
    return f"mercato-{service}-client"


def python_package(service: str) -> str:
    return f"mercato_{service}_client"


def run(command: list[str], *, cwd: Path = REPO_ROOT) -> str:
    """Run a tool; its output when it succeeded and said nothing about warnings, else ClientsError."""
    # The generator's post hooks run ruff by name: the venv's pinned one.
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    output = result.stdout + result.stderr
    if result.returncode != 0 or "warning" in output.lower():
        raise ClientsError(f"{' '.join(command)} (exit {result.returncode}):\n{output}")
    return output


def generate(destination: Path) -> None:
    """Every client, generated from the committed schemas into ``destination`` (shaped like clients/)."""
    for service in SERVICES:
        run(
            [
                str(VENV_BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(schema(service)),
                "--config",
                str(PYTHON_CONFIG / f"{service}.yaml"),
                "--meta",
                "setup",
                "--custom-template-path",
                str(PYTHON_TEMPLATES),
                "--output-path",
                str(destination / "python" / python_project(service)),
                "--overwrite",
                "--fail-on-warning",
            ]
        )
        (destination / "typescript").mkdir(parents=True, exist_ok=True)
        run(
            [
                str(NODE_BIN / "openapi-typescript"),
                str(schema(service)),
                # A default makes a field optional to send, not always present: without this,
                # a request type would demand every defaulted field (an address's `line2`).
                "--default-non-nullable",
                "false",
                "--output",
                str(destination / "typescript" / f"{service}.d.ts"),
            ]
        )


def generated_paths(service: str) -> list[Path]:
    """The generated parts of clients/, relative to it (the rest is written by hand)."""
    return [Path("python") / python_project(service), Path("typescript") / f"{service}.d.ts"]


def tree(root: Path) -> dict[Path, bytes]:
    """Every file under ``root`` (or ``root`` itself), by relative path, without build leftovers."""
    if root.is_file():
        return {Path(): root.read_bytes()}
    return {
        path.relative_to(root): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not any(part in BUILD_LEFTOVERS or part.endswith(".egg-info") for part in path.relative_to(root).parts)
    }


def differences(committed: Path, fresh: Path) -> list[str]:
    """Files under ``committed`` that are missing, extra or different compared with ``fresh``."""
    old, new = tree(committed), tree(fresh)
    return [
        f"{committed / path} ({'not generated' if path not in new else 'missing' if path not in old else 'differs'})"
        for path in sorted(old.keys() | new.keys())
        if old.get(path) != new.get(path)
    ]


def check_stale() -> None:
    with tempfile.TemporaryDirectory(prefix="mercato-clients-") as tmp:
        fresh = Path(tmp)
        generate(fresh)
        stale = [
            line
            for service in SERVICES
            for part in generated_paths(service)
            for line in differences(CLIENTS / part, fresh / part)
        ]
    if stale:
        raise ClientsError(
            "The committed clients differ from what the committed schemas generate; run `make clients`:\n  "
            + "\n  ".join(stale)
        )


def check_python_builds() -> None:
    for service in SERVICES:
        project = CLIENTS / "python" / python_project(service)
        # Every module imports, from the committed tree (not from whatever is installed).
        importer = (
            "import importlib, pkgutil, sys\n"
            f"package = importlib.import_module({python_package(service)!r})\n"
            "assert package.__file__.startswith(sys.argv[1]), package.__file__\n"
            "for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
            "    importlib.import_module(module.name)\n"
        )
        run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, sys.argv[1]); {importer}", str(project)])
        # The generated pyproject.toml has no [tool.mypy]: it keeps the repository's Django
        # settings (plugins, per-module overrides) away from code that has nothing to do with them.
        run(
            [
                str(VENV_BIN / "mypy"),
                "--strict",
                "--config-file",
                str(project / "pyproject.toml"),
                "--cache-dir",
                str(REPO_ROOT / ".mypy_cache" / "clients"),
                python_package(service),
            ],
            cwd=project,
        )


def check_typescript_builds() -> None:
    run([str(NODE_BIN / "tsc"), "--noEmit", "--project", str(TYPESCRIPT / "tsconfig.json")])


def main(argv: list[str]) -> int:
    if argv not in (["generate"], ["check"]):
        print(__doc__)
        return 2
    try:
        if argv == ["generate"]:
            generate(CLIENTS)
            print("wrote clients/python/ and clients/typescript/ from the committed schemas")
        else:
            check_stale()
            check_python_builds()
            check_typescript_builds()
            print("clients: up to date with the schemas; the Python packages import and pass mypy --strict; tsc passes")
    except ClientsError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
