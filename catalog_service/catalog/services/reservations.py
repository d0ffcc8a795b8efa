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

import contextlib
import datetime
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from catalog_service.catalog.exceptions import (
    Conflict,
    IdempotencyKeyReused,
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
    ReservationLine,
    ReservationStatus,
)
from catalog_service.catalog.services.common import constraint_name
from catalog_service.catalog.services.stock import HoldLine, StockChange, stock_apply, stock_hold

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

    def fingerprint(self) -> str:
        """sha256 of what to hold, in canonical form: equal requests, equal fingerprints.

        Computed from the validated request, not the raw body, so that key order, whitespace
        or an explicit default do not make a retry look like a different request. ``commit``
        is left out: it says what to do with the hold, not what to hold, so a caller may repeat
        a plain hold with ``commit`` (it commits the hold) and a request made before the field
        existed keeps its fingerprint.
        """
        what = asdict(self)
        del what["commit"]
        canonical = json.dumps(what, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ReservationOutcome:
    reservation_id: uuid.UUID
    created: bool  # False when an earlier request with the same Idempotency-Key made it
    status: ReservationStatus = ReservationStatus.HELD  # as found (a replay) or made
    # The reservation just made, with its lines, as saved: answered without reading it back.
    reservation: Reservation | None = None


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
    *, request: ReservationRequest, caller: str, idempotency_key: str, now: datetime.datetime | None = None
) -> ReservationOutcome:
    """Hold every line of ``request`` for ``caller``, or none of them.

    The same ``idempotency_key`` with the same request answers the reservation made the first
    time (also when both arrive at once); with another request it is IdempotencyKeyReused.
    A refused request (unknown SKU, shortage) stores nothing, so retrying it with the same key
    is evaluated afresh.

    With ``request.commit`` the stock is sold in the same transaction (the reservation is
    ``committed``); a replay of it commits the reservation found if it is still held, and
    otherwise answers it as it is (expired, released, ...: its status says why it was not sold).
    """
    now = now or timezone.now()
    fingerprint = request.fingerprint()
    # No look-up of the key first: the reservation's INSERT comes first in its transaction, so a
    # key used before fails it at once on the unique constraint, before any stock is touched, and
    # a new key (nearly every request) costs no query for it.
    try:
        outcome = _create(
            request=request, caller=caller, idempotency_key=idempotency_key, fingerprint=fingerprint, now=now
        )
    except UnknownSkus:
        RESERVATIONS.labels("unknown_sku").inc()
        raise
    except InsufficientStock:
        RESERVATIONS.labels("insufficient_stock").inc()
        raise
    except IntegrityError as exc:
        if constraint_name(exc) != "reservation_caller_key_unique":
            raise
    else:
        RESERVATIONS.labels("sold" if request.commit else "held").inc()
        return outcome
    # An earlier request with this key made a reservation (or a concurrent one did: our INSERT
    # waited for it to commit, then failed). Its reservation is the answer.
    try:
        replay = _replay(caller=caller, idempotency_key=idempotency_key, fingerprint=fingerprint)
    except IdempotencyKeyReused:
        RESERVATIONS.labels("key_reused").inc()
        raise
    if replay is None:
        raise RuntimeError("idempotency key conflict without a committed reservation")
    RESERVATIONS.labels("replayed").inc()
    if request.commit and replay.status is ReservationStatus.HELD:
        # Expired meanwhile (a Conflict): the reservation answered says so.
        with contextlib.suppress(Conflict):
            _transition(reservation_id=replay.reservation_id, caller=caller, transition=_COMMIT, now=now)
    return replay


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
    *, request: ReservationRequest, caller: str, idempotency_key: str, fingerprint: str, now: datetime.datetime
) -> ReservationOutcome:
    with transaction.atomic():
        # Inserted first: the unique (caller, key) index is what serializes concurrent
        # requests with one key, before any stock is touched. A sale is inserted committed:
        # the transaction holds and commits it, or nothing at all.
        status = ReservationStatus.COMMITTED if request.commit else ReservationStatus.HELD
        reservation = Reservation.objects.create(
            status=status,
            expires_at=now + datetime.timedelta(seconds=request.ttl_seconds),
            reference=request.reference,
            caller=caller,
            idempotency_key=idempotency_key,
            request_fingerprint=fingerprint,
        )
        products = {
            product.sku: product
            for product in Product.objects.filter(sku__in=[line.sku for line in request.lines], is_active=True).only(
                "pk", "sku", "name", "price", "currency"
            )
        }
        unknown = tuple(
            UnknownSku(line=index, sku=line.sku) for index, line in enumerate(request.lines) if line.sku not in products
        )
        if unknown:
            raise UnknownSkus(unknown)
        shortages = stock_hold(
            lines=[
                HoldLine(line=index, product_id=products[line.sku].pk, sku=line.sku, quantity=line.quantity)
                for index, line in enumerate(request.lines)
            ],
            actor=caller,
            reference=str(reservation.pk),
            # Sold at once: the hold's and the sale's movements, as a hold committed later.
            sell=request.commit,
        )
        if shortages:
            raise InsufficientStock(shortages)
        # The name, price and currency of each line are the ones promised now, whatever changes
        # later: the caller copies them (an order line) without reading the product again.
        lines = ReservationLine.objects.bulk_create(
            ReservationLine(
                reservation=reservation,
                product=products[line.sku],
                sku=line.sku,
                name=products[line.sku].name,
                quantity=line.quantity,
                unit_price=products[line.sku].price,
                currency=products[line.sku].currency,
            )
            for line in request.lines
        )
    reservation._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
    return ReservationOutcome(reservation_id=reservation.pk, created=True, status=status, reservation=reservation)


def _replay(*, caller: str, idempotency_key: str, fingerprint: str) -> ReservationOutcome | None:
    found = (
        Reservation.objects.filter(caller=caller, idempotency_key=idempotency_key)
        .values_list("pk", "request_fingerprint", "status")
        .first()
    )
    if found is None:
        return None
    reservation_id, stored_fingerprint, status = found
    if stored_fingerprint != fingerprint:
        raise IdempotencyKeyReused
    return ReservationOutcome(reservation_id=reservation_id, created=False, status=ReservationStatus(status))


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
