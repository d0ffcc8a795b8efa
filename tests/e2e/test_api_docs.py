"""The Python examples of docs/api.md run, in order, as one script, against the real services."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from devtools.devstack import REPO_ROOT, ServiceProcess
from tests.e2e.orders_support import CUSTOMER_PASSWORD, create_product, person

DOC = REPO_ROOT / "docs" / "api.md"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks(path: Path) -> list[str]:
    return PYTHON_BLOCK.findall(path.read_text())


def test_the_python_examples_of_docs_api_md_run(
    system: dict[str, ServiceProcess], staff_member: tuple[str, str], tmp_path: Path
) -> None:
    blocks = python_blocks(DOC)
    # One per section: people, refreshing tokens, anonymous reads, services, pagination,
    # idempotency, retrying a placement, ETags, search freshness, errors, exports.
    assert len(blocks) == 11
    staff = person(system, *staff_member)
    orders_env = system["orders"].env
    names: dict[str, Any] = {
        "ACCOUNTS_URL": system["accounts"].base_url,
        "CATALOG_URL": system["catalog"].base_url,
        "ORDERS_URL": system["orders"].base_url,
        "EMAIL": f"docs-{uuid.uuid4().hex[:10]}@e2e.example",
        "PASSWORD": CUSTOMER_PASSWORD,
        "STAFF_EMAIL": staff_member[0],
        "STAFF_PASSWORD": staff_member[1],
        "SERVICE_CLIENT_ID": orders_env["SERVICE_CLIENT_ID"],
        "SERVICE_CLIENT_SECRET": orders_env["SERVICE_CLIENT_SECRET"],
        "SKU": create_product(system["catalog"].base_url, staff, stock=10),
        "EXPORT_PATH": tmp_path / "products.csv",
        "__name__": "docs_api_md",
    }
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"docs/api.md, python example {number}", "exec"), names)
