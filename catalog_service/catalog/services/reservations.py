"""Reservations: stock held for a caller until it commits, releases or the hold expires.

State machine (docs/catalog.md)::

    held ──commit──▶ committed ──return──▶ returned
      │
      ├──release──▶ released
      └──(deadline, expiry job)──▶ expired

Every transition is idempotent: asking for the state a reservation is already in answers it
unchanged (commit twice, release twice, release after expiry). Asking for a transition the
state does not allow is a Conflict (release after commit, commit after release or expiry).
"""

from __future__ import annotations

import datetime
import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connections, router, transaction
from django.utils import timezone

from catalog_service.catalog.exceptions import (
    Conflict,
    InsufficientStock,
    NotFound,
    UnknownSku,
    UnknownSkus,
)
from catalog_service.catalog.metrics import RESERVATION_TRANSITIONS, RESERVATIONS
from catalog_service.catalog.models import (
    MovementReason,
    Product,
    Reservation,
    ReservationKey,
    ReservationLine,
    ReservationStatus,
)
from catalog_service.catalog.services.stock import HoldLine, StockChange, stock_apply, stock_hold
from common.idempotency import (
    IdempotencyContext,
    IdempotencyKeyReused,
    IdempotencyReplay,
    StoredResponse,
    idempotency_claim,
    idempotency_lookup,
)
from common.prepared import insert_objects

DEFAULT_TTL_SECONDS = 900
EXPIRY_ACTOR = "system:expire_reservations"


@dataclass(frozen=True)
class ReservationLineRequest:
    sku: str
    quantity: int


@dataclass(frozen=True)
class ReservationRequest:
    reference: str
    lines: tuple[ReservationLineRequest, ...]
    ttl_seconds: int = DEFAULT_TTL_SECONDS
    # Sell the stock at once: held and committed in the one transaction, for a caller that
    # needs no hold between the two (nothing to wait for, such as a payment).
    commit: bool = False


# The answer to a new reservation (status, body, headers), as saved: stored under its key.
Answer = Callable[[Reservation], tuple[int, Any, dict[str, str]]]


@dataclass(frozen=True)
class ReservationOutcome:
    # The reservation just made, with its lines, as saved: answered without reading it back.
    reservation: Reservation
    # The answer stored under the key in the transaction that made it (nothing left to store).
    stored: StoredResponse
    idempotency_record_id: int

    @property
    def reservation_id(self) -> uuid.UUID:
        return self.reservation.pk


@dataclass(frozen=True)
class _Transition:
    verb: str
    source: ReservationStatus
    target: ReservationStatus
    # Statuses in which the transition counts as already done (answered unchanged).
    done: frozenset[ReservationStatus]
    reason: MovementReason
    on_hand_sign: int
    reserved_sign: int


_COMMIT = _Transition(
    verb="committed",
    source=ReservationStatus.HELD,
    target=ReservationStatus.COMMITTED,
    done=frozenset({ReservationStatus.COMMITTED}),
    reason=MovementReason.RESERVATION_COMMITTED,
    on_hand_sign=-1,  # sold: it leaves the shelf
    reserved_sign=-1,  # and is no longer held
)
_RELEASE = _Transition(
    verb="released",
    source=ReservationStatus.HELD,
    target=ReservationStatus.RELEASED,
    # An expired hold is already released; a caller cancelling late gets what it asked for.
    done=frozenset({ReservationStatus.RELEASED, ReservationStatus.EXPIRED}),
    reason=MovementReason.RESERVATION_RELEASED,
    on_hand_sign=0,
    reserved_sign=-1,
)
_RETURN = _Transition(
    verb="returned",
    source=ReservationStatus.COMMITTED,
    target=ReservationStatus.RETURNED,
    done=frozenset({ReservationStatus.RETURNED}),
    reason=MovementReason.RESERVATION_RETURNED,
    on_hand_sign=+1,  # back on the shelf
    reserved_sign=0,
)


_EXPIRE = _Transition(
    verb="expired",
    source=ReservationStatus.HELD,
    target=ReservationStatus.EXPIRED,
    done=frozenset({ReservationStatus.EXPIRED}),
    reason=MovementReason.RESERVATION_EXPIRED,
    on_hand_sign=0,
    reserved_sign=-1,
)


def reservation_create(
    *,
    request: ReservationRequest,
    caller: str,
    idempotency: IdempotencyContext,
    answer: Answer,
    now: datetime.datetime | None = None,
) -> ReservationOutcome:
    """Hold every line of ``request`` for ``caller``, or none of them; with ``request.commit``
    the stock is sold in the same transaction (the reservation is ``committed``).

    The key (common/idempotency.py) is claimed with ``answer`` in the transaction that makes
    the reservation, before any stock is touched: a key used before (also by a request still
    running: the claim waits for it) raises ``IdempotencyReplay`` with the first answer, or
    ``IdempotencyKeyReused`` for another request. A refused request (unknown SKU, shortage)
    stores nothing, so retrying it with the same key is evaluated afresh.
    """
    try:
        outcome = _create(request=request, caller=caller, idempotency=idempotency, answer=answer, now=now)
    except UnknownSkus:
        RESERVATIONS.labels("unknown_sku").inc()
        raise
    except InsufficientStock:
        RESERVATIONS.labels("insufficient_stock").inc()
        raise
    except IdempotencyReplay:
        RESERVATIONS.labels("replayed").inc()
        raise
    except IdempotencyKeyReused:
        RESERVATIONS.labels("key_reused").inc()
        raise
    RESERVATIONS.labels("sold" if request.commit else "held").inc()
    return outcome


def reservation_commit(
    *, reservation_id: uuid.UUID, caller: str, now: datetime.datetime | None = None
) -> ReservationStatus:
    return _transition(reservation_id=reservation_id, caller=caller, transition=_COMMIT, now=now)


def reservation_release(
    *, reservation_id: uuid.UUID, caller: str, now: datetime.datetime | None = None
) -> ReservationStatus:
    return _transition(reservation_id=reservation_id, caller=caller, transition=_RELEASE, now=now)


def reservation_return(
    *, reservation_id: uuid.UUID, caller: str, now: datetime.datetime | None = None
) -> ReservationStatus:
    return _transition(reservation_id=reservation_id, caller=caller, transition=_RETURN, now=now)


def reservations_expire(*, now: datetime.datetime, batch_size: int = 500) -> int:
    """Expire every hold whose deadline is at or before ``now``; the number expired.

    Set-based, a batch per transaction. SKIP LOCKED leaves alone a reservation that a commit
    or release holds at this moment (it decides its fate itself), and lets several workers
    run this at once without waiting on each other.
    """
    expired = 0
    while True:
        with transaction.atomic():
            ids = list(
                Reservation.objects.select_for_update(skip_locked=True)
                .filter(status=ReservationStatus.HELD, expires_at__lte=now)
                .order_by("expires_at")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                return expired
            lines = ReservationLine.objects.filter(reservation_id__in=ids).values_list(
                "reservation_id", "product_id", "quantity"
            )
            stock_apply(
                changes=[StockChange(product_id, 0, -quantity, str(rid)) for rid, product_id, quantity in lines],
                reason=MovementReason.RESERVATION_EXPIRED,
                actor=EXPIRY_ACTOR,
            )
            Reservation.objects.filter(pk__in=ids).update(status=ReservationStatus.EXPIRED, updated_at=timezone.now())
        RESERVATION_TRANSITIONS.labels(ReservationStatus.EXPIRED.value).inc(len(ids))
        expired += len(ids)
        if len(ids) < batch_size:
            return expired


def _create(
    *,
    request: ReservationRequest,
    caller: str,
    idempotency: IdempotencyContext,
    answer: Answer,
    now: datetime.datetime | None,
) -> ReservationOutcome:
    now = now or timezone.now()
    with transaction.atomic():
        # A sale is inserted committed: the transaction holds and commits it, or nothing at all.
        status = ReservationStatus.COMMITTED if request.commit else ReservationStatus.HELD
        # Written, and the products read, with statements built once (common/prepared.py and
        # _active_products) instead of the ORM's per call: the same statements and values. The
        # reservation first: its answer, stored with the claim below, shows the times saving
        # it sets.
        reservation = Reservation(
            status=status,
            expires_at=now + datetime.timedelta(seconds=request.ttl_seconds),
            reference=request.reference,
            caller=caller,
        )
        insert_objects([reservation])
        products = _active_products([line.sku for line in request.lines])
        unknown = tuple(
            UnknownSku(line=index, sku=line.sku) for index, line in enumerate(request.lines) if line.sku not in products
        )
        if unknown:
            # A repeat of a request that succeeded is replayed even if a product has gone since.
            stored = idempotency_lookup(
                ReservationKey, principal=caller, key=idempotency.key, fingerprint=idempotency.fingerprint
            )
            if stored is not None:
                raise IdempotencyReplay(stored)
            raise UnknownSkus(unknown)
        # The name, price and currency of each line are the ones promised now, whatever changes
        # later: the caller copies them (an order line) without reading the product again.
        lines = [
            ReservationLine(
                reservation=reservation,
                product_id=products[line.sku].pk,
                sku=line.sku,
                name=products[line.sku].name,
                quantity=line.quantity,
                unit_price=products[line.sku].price,
                currency=products[line.sku].currency,
            )
            for line in request.lines
        ]
        reservation._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
        status_code, body, headers = answer(reservation)
        # The answer is known now (the reservation as it will be saved): the key is claimed
        # with it, before any stock is touched, so that two requests with one key are
        # serialized by the claim's INSERT and the second replays the first's answer. Rolled
        # back with the reservation if the hold fails below.
        record = idempotency_claim(
            ReservationKey,
            principal=caller,
            key=idempotency.key,
            fingerprint=idempotency.fingerprint,
            now=now,
            answer=StoredResponse(status_code, body, headers),
            reservation=reservation,
        )
        shortages = stock_hold(
            lines=[
                HoldLine(line=index, product_id=products[line.sku].pk, sku=line.sku, quantity=line.quantity)
                for index, line in enumerate(request.lines)
            ],
            actor=caller,
            reference=str(reservation.pk),
            # Sold at once: the hold's and the sale's movements, as a hold committed later.
            sell=request.commit,
            # The lines are written with the movements, in one statement.
            save_with=(lines,),
        )
        if shortages:
            raise InsufficientStock(shortages)
    return ReservationOutcome(
        reservation=reservation, stored=StoredResponse(status_code, body, headers), idempotency_record_id=record.pk
    )


class _Product(NamedTuple):
    pk: int
    name: str
    price: Decimal
    currency: str


def _active_products(skus: Sequence[str]) -> dict[str, _Product]:
    """The active products among ``skus``, by SKU: what a reservation line copies.

    ``Product.objects.filter(sku__in=skus, is_active=True).only(...)``, written once: building
    and compiling that queryset cost more CPU than the rest of the read. ``= ANY`` of one array
    parameter keeps the statement the same whatever the number of lines; the SKU's unique index
    (collation "C", the column's) answers it as it answers ``IN``."""
    connection = connections[router.db_for_write(Product)]
    with connection.cursor() as cursor:
        cursor.execute(_active_products_sql(connection.ops.quote_name), [list(skus)])
        return {sku: _Product(pk, name, price, currency) for pk, sku, name, price, currency in cursor.fetchall()}


@functools.cache
def _active_products_sql(quote: Callable[[str], str]) -> str:
    column = {field.name: quote(field.column) for field in Product._meta.concrete_fields}
    columns = ", ".join(column[name] for name in ("id", "sku", "name", "price", "currency"))
    # The model's names, never input; the SKUs are the parameter.
    return (
        f"SELECT {columns} FROM {quote(Product._meta.db_table)} "  # noqa: S608
        f"WHERE {column['sku']} = ANY(%s::text[]) AND {column['is_active']}"
    )


def _transition(
    *, reservation_id: uuid.UUID, caller: str, transition: _Transition, now: datetime.datetime | None
) -> ReservationStatus:
    now = now or timezone.now()
    with transaction.atomic():
        reservation = Reservation.objects.select_for_update().filter(pk=reservation_id, caller=caller).first()
        if reservation is None:
            raise NotFound("No such reservation.")
        status = ReservationStatus(reservation.status)
        if status in transition.done:
            return status
        lapsed = status is ReservationStatus.HELD and reservation.expires_at <= now
        if lapsed and transition is _COMMIT:
            # Past its deadline, the hold is gone even if the expiry job has not run yet:
            # expire it here (committed below, even though the commit is refused).
            applied = _EXPIRE
        elif status is not transition.source:
            raise Conflict(
                f"The reservation is {status.value} and cannot be {transition.verb}.",
                code="reservation_expired" if status is ReservationStatus.EXPIRED else "reservation_state_conflict",
            )
        else:
            applied = transition
        _apply(reservation, applied, actor=EXPIRY_ACTOR if applied is _EXPIRE else caller)
    # Counted once the transaction has committed the change.
    RESERVATION_TRANSITIONS.labels(applied.target.value).inc()
    if applied is not transition:
        raise Conflict("The reservation expired before it was committed.", code="reservation_expired")
    return transition.target


def _apply(reservation: Reservation, transition: _Transition, *, actor: str) -> None:
    lines: Sequence[tuple[int, int]] = list(reservation.lines.values_list("product_id", "quantity"))
    stock_apply(
        changes=[
            StockChange(
                product_id=product_id,
                delta_on_hand=transition.on_hand_sign * quantity,
                delta_reserved=transition.reserved_sign * quantity,
                reference=str(reservation.pk),
            )
            for product_id, quantity in lines
        ],
        reason=transition.reason,
        actor=actor,
    )
    reservation.status = transition.target
    reservation.save(update_fields=["status", "updated_at"])
