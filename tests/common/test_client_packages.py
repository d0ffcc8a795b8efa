"""The packages `make clients` builds (scripts/clients.py package), installed as a consumer would:
each wheel into a new virtualenv, each npm package into a new node_modules, and used there.

Nothing here reaches the services: the TypeScript client answers from a stand-in ``fetch`` and
the Python models parse documented bodies. What is checked is that a package installs on its own,
carries the schema's version, and is the typed client the docs say it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from devtools.devstack import REPO_ROOT
from scripts.clients import PACKAGES, SERVICES, package

VENV_BIN = Path(sys.executable).parent
NODE_BIN = REPO_ROOT / "node_modules" / ".bin"


def version(service: str) -> str:
    return str(yaml.safe_load((REPO_ROOT / f"{service}_service" / "openapi.yaml").read_text())["info"]["version"])


def run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    destination = tmp_path_factory.mktemp("dist")
    paths = package(destination)
    # uv build also leaves a .gitignore there.
    packages = [path.name for path in destination.iterdir() if path.suffix in {".whl", ".tgz"}]
    assert sorted(packages) == sorted(path.name for path in paths)
    return {path.name: path for path in paths}


def test_each_package_is_versioned_with_its_schema(built: dict[str, Path]) -> None:
    assert sorted(built) == sorted(
        [f"mercato_{service}_client-{version(service)}-py3-none-any.whl" for service in SERVICES]
        + [f"mercato-{service}-client-{version(service)}.tgz" for service in SERVICES]
    )
    # `make clients` writes them where docs/api.md says.
    assert PACKAGES == REPO_ROOT / "dist" / "clients"


def test_the_wheels_install_into_a_clean_virtualenv_and_work(built: dict[str, Path], tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([str(VENV_BIN / "uv"), "venv", "--quiet", "--python", sys.executable, str(venv)], cwd=tmp_path)
    wheels = [str(path) for name, path in built.items() if name.endswith(".whl")]
    # Their dependencies (httpx, attrs) at the versions the repository pins.
    constraints = ["--constraint", str(REPO_ROOT / "requirements.lock")]
    run(
        [
            str(VENV_BIN / "uv"),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            *constraints,
            *wheels,
        ],
        cwd=tmp_path,
    )
    program = textwrap.dedent(
        """
        import importlib.metadata, sys
        from mercato_orders_client import AuthenticatedClient
        from mercato_orders_client.api.orders import orders_create
        from mercato_orders_client.models import ErrorResponse, ValidationErrorResponse
        from mercato_catalog_client.models import PaginatedProductList
        from mercato_accounts_client.api.auth import auth_service_token

        assert "/work" not in "".join(sys.path[1:]), sys.path  # nothing from the repository
        names = ("accounts", "catalog", "orders")
        print(",".join(importlib.metadata.version(f"mercato-{name}-client") for name in names))
        reused = {"code": "idempotency_key_reused", "detail": "x", "attr": None}
        error = ErrorResponse.from_dict({"type": "client_error", "errors": [reused]})
        assert error.errors[0].code == "idempotency_key_reused"
        too_few = {"code": "min_value", "detail": "x", "attr": "lines.0.quantity"}
        refused = ValidationErrorResponse.from_dict({"type": "validation_error", "errors": [too_few]})
        assert refused.errors[0].attr == "lines.0.quantity"
        page = PaginatedProductList.from_dict({"next": None, "next_cursor": None, "previous": None, "results": []})
        assert page.next_cursor is None and page.results == []
        client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="t")
        assert str(client.get_httpx_client().base_url) == "http://127.0.0.1:9" and callable(orders_create.sync)
        assert callable(auth_service_token.sync)
        """
    )
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    printed = run([str(venv / "bin" / "python"), "-I", "-c", program], cwd=tmp_path, env=env)
    assert printed.strip() == ",".join(version(service) for service in SERVICES)


def test_the_npm_packages_install_into_a_clean_node_modules_and_work(built: dict[str, Path], tmp_path: Path) -> None:
    consumer = tmp_path / "consumer"
    consumer.mkdir()
    (consumer / "package.json").write_text(json.dumps({"name": "consumer", "private": True, "type": "module"}))
    tarballs = [str(path) for name, path in built.items() if name.endswith(".tgz")]
    # openapi-fetch comes from npm's cache when it is there (make install put it there).
    run(["npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", *tarballs], cwd=consumer)
    installed = json.loads((consumer / "node_modules" / "@mercato" / "orders-client" / "package.json").read_text())
    assert installed["version"] == version("orders")
    # A typed consumer: compiled against the installed packages only (no path into the repository).
    (consumer / "consumer.ts").write_text(
        textwrap.dedent(
            """
            import { createApiClient, everyItem } from "@mercato/catalog-client";
            import type { components } from "@mercato/orders-client";

            type Order = components["schemas"]["Order"];
            export const status: Order["status"] = "confirmed";

            const list = "http://catalog/api/v1/products/";
            const pages = [
              { next: `${list}?cursor=c2`, next_cursor: "c2", previous: null, results: [{ sku: "A" }] },
              { next: null, next_cursor: null, previous: `${list}?cursor=p1`, results: [{ sku: "B" }] },
            ];
            const seen: string[] = [];
            const catalog = createApiClient({
              baseUrl: "http://catalog",
              fetch: async (request: Request) => {
                seen.push(new URL(request.url).searchParams.get("cursor") ?? "-");
                const page = seen.length === 1 ? pages[0] : pages[1];
                return new Response(JSON.stringify(page), { headers: { "Content-Type": "application/json" } });
              },
            });
            const skus: string[] = [];
            for await (const product of everyItem(async (cursor) => {
              const query = { cursor, page_size: 1 };
              const { data, error } = await catalog.GET("/api/v1/products/", { params: { query } });
              if (error) throw new Error(error.errors[0]?.code ?? error.type);
              return data;
            })) {
              skus.push(product.sku);
            }
            console.log(JSON.stringify({ skus, seen }));
            """
        )
    )
    (consumer / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "target": "ES2022",
                    "module": "NodeNext",
                    "moduleResolution": "NodeNext",
                    "lib": ["ES2022", "DOM", "DOM.AsyncIterable"],
                    "strict": True,
                    "skipLibCheck": False,
                    "outDir": "out",
                },
                "files": ["consumer.ts"],
            }
        )
    )
    run([str(NODE_BIN / "tsc"), "--project", str(consumer / "tsconfig.json")], cwd=consumer)
    printed = run(["node", str(consumer / "out" / "consumer.js")], cwd=consumer)
    assert json.loads(printed) == {"skus": ["A", "B"], "seen": ["-", "c2"]}
