"""catalog, as orders calls it: reservations (scope catalog.reservations:write).

Operations (catalog_service/openapi.yaml): ``reservations_create`` (all lines or none, with an
Idempotency-Key; with ``commit`` it also sells the stock), ``reservations_commit``,
``reservations_release`` and ``reservations_return``,
and ``reservations_states`` (a batch of reservations' states, for the reconciliation).
A reservation's lines carry each product's name, price and currency as catalog held them, which
is all an order line copies.
"""

from __future__ import annotations

import datetime
import enum
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Final, TypeVar

from common.clients import accounts
from common.clients.base import (
    DownstreamError,
    DownstreamRefused,
    DownstreamUnavailable,
    Operation,
    decode_body,
    error_codes,
    to_json,
)
from common.http import Response

logger = logging.getLogger(__name__)

SERVICE: Final = "catalog"
T = TypeVar("T")


class ReservationStatus(enum.StrEnum):
    """catalog's ReservationStatusEnum, member for member (the contract test checks both ways)."""

    HELD = "held"
    COMMITTED = "committed"
    RELEASED = "released"
    EXPIRED = "expired"
    RETURNED = "returned"


class ErrorCode(enum.StrEnum):
    """The codes of catalog's ErrorCodeEnum this client tells apart (catalog has more)."""

    INSUFFICIENT_STOCK = "insufficient_stock"
    UNKNOWN_SKU = "unknown_sku"
    RESERVATION_EXPIRED = "reservation_expired"
    RESERVATION_STATE_CONFLICT = "reservation_state_conflict"


@dataclass(frozen=True)
class ReservationLineRequest:
    sku: str
    quantity: int


@dataclass(frozen=True)
class ReservationRequest:
    reference: str
    lines: tuple[ReservationLineRequest, ...]
    ttl_seconds: int
    # Sell at once (catalog 1.4.0): the reservation answered is committed.
    commit: bool = False


@dataclass(frozen=True)
class ReservationLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class Reservation:
    id: uuid.UUID
    status: ReservationStatus
    reference: str
    expires_at: datetime.datetime
    lines: tuple[ReservationLine, ...]


@dataclass(frozen=True)
class ReservationStatesRequest:
    ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class ReservationState:
    id: uuid.UUID
    status: ReservationStatus
    reference: str
    updated_at: datetime.datetime


@dataclass(frozen=True)
class ReservationStates:
    results: tuple[ReservationState, ...]
    unknown: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class CatalogError:
    """One entry of a 409 or 422 answer: insufficient_stock (with ``sku``, ``requested`` and
    ``available``), unknown_sku (with ``sku``), a transition's conflict, or another code."""

    code: Annotated[str, ErrorCode]
    sku: str | None = None
    requested: int | None = None
    available: int | None = None


@dataclass(frozen=True)
class CatalogErrorBody:
    errors: tuple[CatalogError, ...]


RESERVATION_CREATE: Final = Operation(
    SERVICE,
    "reservations_create",
    "POST",
    "/api/v1/reservations/",
    ReservationRequest,
    Reservation,
    errors=((409, CatalogErrorBody), (422, CatalogErrorBody)),
)
RESERVATION_COMMIT: Final = Operation(
    SERVICE,
    "reservations_commit",
    "POST",
    "/api/v1/reservations/{reservation_id}/commit/",
    None,
    Reservation,
    errors=((409, CatalogErrorBody),),
)
RESERVATION_RELEASE: Final = Operation(
    SERVICE,
    "reservations_release",
    "POST",
    "/api/v1/reservations/{reservation_id}/release/",
    None,
    Reservation,
    errors=((409, CatalogErrorBody),),
)
RESERVATION_RETURN: Final = Operation(
    SERVICE,
    "reservations_return",
    "POST",
    "/api/v1/reservations/{reservation_id}/return/",
    None,
    Reservation,
    errors=((409, CatalogErrorBody),),
)
RESERVATION_STATES: Final = Operation(
    SERVICE,
    "reservations_states",
    "POST",
    "/api/v1/reservations/states/",
    ReservationStatesRequest,
    ReservationStates,
)
# catalog reads at most this many ids per request (its MAX_STATE_IDS).
MAX_STATE_IDS: Final = 200
OPERATIONS: Final = (
    RESERVATION_CREATE,
    RESERVATION_COMMIT,
    RESERVATION_RELEASE,
    RESERVATION_RETURN,
    RESERVATION_STATES,
)


# --- definite refusals --------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortage:
    sku: str
    requested: int
    available: int


class InsufficientStock(Exception):
    def __init__(self, shortages: tuple[Shortage, ...]) -> None:
        super().__init__(", ".join(s.sku for s in shortages))
        self.shortages = shortages


class UnknownSkus(Exception):
    def __init__(self, skus: tuple[str, ...]) -> None:
        super().__init__(", ".join(skus))
        self.skus = skus


class ReservationConflict(Exception):
    """A definite 409 on a transition: ``code`` is reservation_expired or reservation_state_conflict
    (``ErrorCode``), or a code this client does not know."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# --- calls --------------------------------------------------------------------------------------


def reservation_create(*, request: ReservationRequest, idempotency_key: str) -> Reservation:
    """Hold every line or none. Sent with ``idempotency_key``: a repeat gets the first answer
    (catalog replays the reservation as it made it, whatever became of it since: the saga
    commits a replayed hold and learns then if it expired), so a retry never holds the stock
    twice.

    Raises ``InsufficientStock``, ``UnknownSkus``, ``DownstreamRefused`` (any other definite
    refusal, e.g. the key reused with another body) or ``DownstreamUnavailable``.
    """
    response = accounts.send_with_service_token(
        RESERVATION_CREATE, json=to_json(request), headers={"Idempotency-Key": idempotency_key}
    )
    # 201 for the reservation made and for its replay (common/idempotency.py: the first answer
    # again, marked Idempotent-Replayed); 200 is how catalog before 1.6.0 answered a replay,
    # still met while its pods roll.
    if response.status_code in (200, 201):
        return _decode(Reservation, response)
    if response.status_code == 409:
        body = _decode(CatalogErrorBody, response)
        shortages = tuple(
            Shortage(sku=error.sku, requested=error.requested or 0, available=error.available or 0)
            for error in body.errors
            if error.code == ErrorCode.INSUFFICIENT_STOCK and error.sku is not None
        )
        if shortages:
            raise InsufficientStock(shortages)
    if response.status_code == 422:
        unprocessable = _decode(CatalogErrorBody, response)
        skus = tuple(error.sku for error in unprocessable.errors if error.code == ErrorCode.UNKNOWN_SKU and error.sku)
        if skus:
            raise UnknownSkus(skus)
    raise _refusal_or_unavailable(response)


def reservation_commit(*, reservation_id: uuid.UUID) -> Reservation:
    return _transition(RESERVATION_COMMIT, reservation_id)


def reservation_release(*, reservation_id: uuid.UUID) -> Reservation:
    return _transition(RESERVATION_RELEASE, reservation_id)


def reservation_return(*, reservation_id: uuid.UUID) -> Reservation:
    return _transition(RESERVATION_RETURN, reservation_id)


def reservation_states(*, reservation_ids: tuple[uuid.UUID, ...]) -> ReservationStates:
    """The states of up to MAX_STATE_IDS of this service's reservations. A read sent as a POST
    (the ids do not fit a URL): declared idempotent, so common.http retries it."""
    response = accounts.send_with_service_token(
        RESERVATION_STATES, json=to_json(ReservationStatesRequest(ids=reservation_ids)), idempotent=True
    )
    if response.status_code == 200:
        return _decode(ReservationStates, response)
    raise _refusal_or_unavailable(response)


# --- plumbing -----------------------------------------------------------------------------------


def _transition(operation: Operation, reservation_id: uuid.UUID) -> Reservation:
    """Commit, release or return. Each is idempotent on catalog's side (asking for the state a
    reservation is in answers it unchanged), so the call is declared idempotent: common.http
    then retries it when the answer is lost."""
    path = operation.path_for(reservation_id=str(reservation_id))
    response = accounts.send_with_service_token(operation, path=path, idempotent=True)
    if response.status_code == 200:
        return _decode(Reservation, response)
    if response.status_code == 409:
        conflict = _decode(CatalogErrorBody, response)
        raise ReservationConflict(conflict.errors[0].code if conflict.errors else "conflict")
    raise _refusal_or_unavailable(response)


def _decode(cls: type[T], response: Response) -> T:
    if response.status_code >= 500:
        raise DownstreamUnavailable(SERVICE, f"answered {response.status_code}")
    return decode_body(SERVICE, cls, response)


def _refusal_or_unavailable(response: Response) -> DownstreamError:
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        # A 5xx is ambiguous; 401/403 are this service's misconfiguration and 429 a passing
        # overload: none is the order's fault, so none may reject it.
        if response.status_code in (401, 403):
            logger.error("catalog refused this service's token (%s)", response.status_code)
        return DownstreamUnavailable(SERVICE, f"answered {response.status_code}")
    return DownstreamRefused(SERVICE, response.status_code, error_codes(response))
