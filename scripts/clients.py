"""Generate the API clients from the committed OpenAPI schemas, check them, or package them.

    python scripts/clients.py generate   # make clients: rewrite clients/ from <svc>_service/openapi.yaml
    python scripts/clients.py package    # make clients: a wheel and an npm package per service, in dist/clients/
    python scripts/clients.py check      # make clients-check: regenerate elsewhere, compare, build

Per service: a typed Python package (the stock openapi-python-client, pinned in pyproject.toml,
no template of ours; settings in clients/python/config/<svc>.yaml) in
clients/python/mercato-<svc>-client/, and TypeScript types (openapi-typescript, from
node_modules, installed by `make install`) in clients/typescript/<svc>.d.ts. Any generator
warning fails the run: a warning means the schema is wrong, and the fix belongs in the service's
code or the schema hooks in common/ (then `make schema`), not here.

`package` builds, versioned with the schema's info.version: the wheel of each Python client
(`uv build`), and the npm package `@mercato/<svc>-client` of each service: its generated types
(`schema.d.ts`) and clients/typescript/package/index.ts compiled (an openapi-fetch client typed
by them, and a helper that walks every page of a list).

`check` fails when the committed clients differ from what the committed schemas generate, when
a Python package does not import or is not mypy --strict clean, or when the TypeScript types do
not type-check against clients/typescript/usage.ts and the npm package's source (`tsc`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("accounts", "catalog", "orders")
CLIENTS = REPO_ROOT / "clients"
PYTHON_CONFIG = CLIENTS / "python" / "config"
TYPESCRIPT = CLIENTS / "typescript"
NPM_SOURCE = TYPESCRIPT / "package"
PACKAGES = REPO_ROOT / "dist" / "clients"
# The runtime the npm packages depend on, at the version the repository pins (package-lock.json).
OPENAPI_FETCH = "openapi-fetch"
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
    # The npm package's source, against each service's types, as `package` compiles it.
    with tempfile.TemporaryDirectory(prefix="mercato-npm-", dir=REPO_ROOT / "node_modules") as tmp:
        for service in SERVICES:
            stage_npm_package(service, Path(tmp) / service)
            run([str(NODE_BIN / "tsc"), "--noEmit", "--project", str(Path(tmp) / service / "tsconfig.json")])


def api_version(service: str) -> str:
    return str(yaml.safe_load(schema(service).read_text())["info"]["version"])


def npm_package(service: str) -> str:
    return f"@mercato/{service}-client"


def stage_npm_package(service: str, stage: Path) -> None:
    """The npm package's files before compiling: package.json, index.ts, schema.d.ts."""
    stage.mkdir(parents=True)
    pinned = json.loads((REPO_ROOT / "package.json").read_text())
    runtime = {**pinned.get("dependencies", {}), **pinned.get("devDependencies", {})}[OPENAPI_FETCH]
    manifest = {
        "name": npm_package(service),
        "version": api_version(service),
        "description": f"Mercato {service} API: generated types and an openapi-fetch client",
        "license": "UNLICENSED",
        "type": "module",
        "main": "index.js",
        "types": "index.d.ts",
        "exports": {".": {"types": "./index.d.ts", "default": "./index.js"}},
        "files": ["index.js", "index.d.ts", "schema.d.ts"],
        "dependencies": {OPENAPI_FETCH: runtime},
    }
    (stage / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.copy(NPM_SOURCE / "index.ts", stage / "index.ts")
    shutil.copy(NPM_SOURCE / "tsconfig.json", stage / "tsconfig.json")
    shutil.copy(TYPESCRIPT / f"{service}.d.ts", stage / "schema.d.ts")


def package(destination: Path) -> list[Path]:
    """A wheel per Python client and an npm tarball per service, in ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    # Staged under node_modules/, so that the compiler finds openapi-fetch by walking up.
    with tempfile.TemporaryDirectory(prefix="mercato-packages-", dir=REPO_ROOT / "node_modules") as tmp:
        for service in SERVICES:
            # Built from a copy: setuptools leaves build/ and *.egg-info/ beside the sources.
            source = Path(tmp) / "python" / python_project(service)
            shutil.copytree(CLIENTS / "python" / python_project(service), source)
            run([str(VENV_BIN / "uv"), "build", "--wheel", "--quiet", "--out-dir", str(destination), str(source)])
            built.append(destination / f"{python_package(service)}-{api_version(service)}-py3-none-any.whl")
            stage = Path(tmp) / "npm" / service
            stage_npm_package(service, stage)
            run([str(NODE_BIN / "tsc"), "--project", str(stage / "tsconfig.json")])
            run(["npm", "pack", "--quiet", "--pack-destination", str(destination)], cwd=stage)
            built.append(destination / f"mercato-{service}-client-{api_version(service)}.tgz")
    missing = [path for path in built if not path.is_file()]
    if missing:
        raise ClientsError(f"not built: {missing}")
    return built


def main(argv: list[str]) -> int:
    if argv not in (["generate"], ["package"], ["check"]):
        print(__doc__)
        return 2
    try:
        if argv == ["generate"]:
            generate(CLIENTS)
            print("wrote clients/python/ and clients/typescript/ from the committed schemas")
        elif argv == ["package"]:
            for path in package(PACKAGES):
                print(f"built {path.relative_to(REPO_ROOT)}")
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
