"""What services and selectors refuse, as domain exceptions; ``api/errors.py`` maps each to an
HTTP status and the standard error body. Nothing here knows about HTTP."""

from __future__ import annotations

from dataclasses import dataclass


class CatalogError(Exception):
    """Base of every refusal of the catalog's services."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(CatalogError):
    pass


class InvalidInput(CatalogError):
    """Input that passed the API's validation but not the domain's (e.g. an unknown category)."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


class Conflict(CatalogError):
    """The request is valid but the current state forbids it."""

    def __init__(self, message: str, *, code: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class StaleWrite(CatalogError):
    """If-Match named a version that is no longer current."""

    def __init__(self) -> None:
        super().__init__("The resource has changed since you read it; read it again and retry.")


@dataclass(frozen=True)
class Shortage:
    """One reservation line that cannot be held: what was asked and what is there."""

    line: int  # its index in the request
    sku: str
    requested: int
    available: int


class InsufficientStock(CatalogError):
    """No line of the reservation was held, because these lines cannot be."""

    def __init__(self, shortages: tuple[Shortage, ...]) -> None:
        super().__init__(f"Insufficient stock for {', '.join(s.sku for s in shortages)}.")
        self.shortages = shortages


@dataclass(frozen=True)
class UnknownSku:
    line: int
    sku: str


class UnknownSkus(CatalogError):
    """Reservation lines naming SKUs that are not (active) products."""

    def __init__(self, unknown: tuple[UnknownSku, ...]) -> None:
        super().__init__(f"Unknown SKU {', '.join(u.sku for u in unknown)}.")
        self.unknown = unknown
