"""The committed OpenAPI schemas and their operations, for the e2e tests that hold a rule over
every operation of every service (test_limits.py, test_unknown_fields.py): a new operation is
covered by them without a line of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from devtools.devstack import REPO_ROOT

SERVICES = ("accounts", "catalog", "orders")
METHODS = ("get", "put", "patch", "post", "delete")
SCHEMAS: dict[str, dict[str, Any]] = {
    service: yaml.safe_load((REPO_ROOT / f"{service}_service" / "openapi.yaml").read_text()) for service in SERVICES
}


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.service}:{self.method.upper()} {self.path}"

    @property
    def anonymous_only(self) -> bool:
        # No security requirement: registering, signing in, the JWKS.
        return not self.spec.get("security")

    @property
    def body_media_types(self) -> list[str]:
        return list(self.spec.get("requestBody", {}).get("content", {}))

    def query_parameters(self) -> list[dict[str, Any]]:
        return [p for p in self.spec.get("parameters", []) if p["in"] == "query"]


OPERATIONS = [
    Operation(service, method, path, item[method])
    for service, schema in SCHEMAS.items()
    for path, item in schema["paths"].items()
    for method in METHODS
    if method in item
]
