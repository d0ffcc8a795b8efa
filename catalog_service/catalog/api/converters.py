"""Path converters that refuse, at URL resolution (404), values no row can have: a SKU outside
its format (or with a NUL byte, which PostgreSQL cannot even compare) and ids beyond bigint."""

from __future__ import annotations

from catalog_service.catalog.models import SKU_PATTERN


class SkuConverter:
    regex = SKU_PATTERN.removeprefix("^").removesuffix("$")

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IdConverter:
    regex = "[0-9]{1,18}"  # < 2**63

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
