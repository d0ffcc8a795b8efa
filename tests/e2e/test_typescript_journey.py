"""A customer's journey from TypeScript (tests/e2e/journey.ts: openapi-fetch over the generated
types), compiled with the repository's tsc and run with node against the three services."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

from devtools.devstack import REPO_ROOT, ServiceProcess
from tests.e2e.orders_support import CUSTOMER_PASSWORD, create_product, person, register

JOURNEY = REPO_ROOT / "tests" / "e2e" / "journey.ts"
NODE_MODULES = REPO_ROOT / "node_modules"


def compile_journey(out: Path) -> Path:
    """journey.ts as CommonJS in ``out`` (so that node finds openapi-fetch through NODE_PATH)."""
    config = {
        "compilerOptions": {
            "target": "ES2022",
            "module": "CommonJS",
            "moduleResolution": "node10",
            "lib": ["ES2022", "DOM"],
            "types": [],
            "strict": True,
            "noUncheckedIndexedAccess": True,
            "exactOptionalPropertyTypes": True,
            "rootDir": str(REPO_ROOT),
            "outDir": str(out),
        },
        "files": [str(JOURNEY)],
    }
    (out / "tsconfig.json").write_text(json.dumps(config))
    compiled = subprocess.run(
        [str(NODE_MODULES / ".bin" / "tsc"), "--project", str(out / "tsconfig.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    return out / "tests" / "e2e" / "journey.js"


def test_the_typescript_journey(
    system: dict[str, ServiceProcess], staff_member: tuple[str, str], tmp_path: Path
) -> None:
    node = shutil.which("node")
    assert node is not None, "node is needed (make install runs npm)"
    staff = person(system, *staff_member)
    sku = create_product(system["catalog"].base_url, staff, stock=5, price="12.25")
    email = register(system)
    script = compile_journey(tmp_path)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "NODE_PATH": str(NODE_MODULES),
        "ACCOUNTS_URL": system["accounts"].base_url,
        "CATALOG_URL": system["catalog"].base_url,
        "ORDERS_URL": system["orders"].base_url,
        "EMAIL": email,
        "PASSWORD": CUSTOMER_PASSWORD,
        "SKU": sku,
        # create_product names it "E2E product <suffix>", the SKU's suffix in lower case.
        "QUERY": sku.removeprefix("E2E-").lower(),
    }
    ran = subprocess.run([node, str(script)], capture_output=True, text=True, check=False, env=env, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    seen = json.loads(ran.stdout)
    order_id = seen["placed"]["id"]
    assert uuid.UUID(order_id)
    assert seen == {
        "token_type": "Bearer",
        "found": True,
        "product": {"sku": sku, "price": "12.25", "currency": "EUR"},
        "revalidated": 304,
        "placed": {"status": 201, "id": order_id, "order_status": "confirmed"},
        "retried": {"id": order_id, "replayed": "true"},
        "read_back": {"id": order_id, "status": "confirmed", "total": "24.50", "lines": [[sku, 2]]},
    }
