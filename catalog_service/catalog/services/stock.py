"""Writes to stock levels. Every change writes its StockMovement rows in the same transaction.

Concurrency rules, followed by every function here:
- Arithmetic happens in the UPDATE (``on_hand = on_hand + %s``), never read-modify-write in
  Python, and the database's check constraints (``on_hand >= reserved >= 0``) have the last
  word: a change that would break them fails, whatever raced with it.
- A transaction that changes several stock rows locks them first, in product id order, so two
  such transactions never wait on each other in a cycle (no deadlocks).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DataError, IntegrityError, connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Model
from django.utils import timezone

from catalog_service.catalog.exceptions import Conflict, InvalidInput, NotFound, Shortage
from catalog_service.catalog.metrics import STOCK_OUTS
from catalog_service.catalog.models import MovementReason, Product, StockAdjustmentKey, StockLevel, StockMovement
from catalog_service.catalog.services.common import constraint_name
from common.idempotency import IdempotencyContext, idempotency_claim
from common.prepared import insert_objects

STOCK_TABLE = StockLevel._meta.db_table
STOCK_CONSTRAINTS = frozenset({"stock_reserved_non_negative", "stock_on_hand_covers_reserved"})
# The reasons staff may give; the others belong to reservations and import.
ADJUSTMENT_REASONS = (MovementReason.RESTOCK, MovementReason.CORRECTION, MovementReason.DAMAGED, MovementReason.LOST)
ADJUSTMENT_REASON_CHOICES = [(reason.value, reason.label) for reason in ADJUSTMENT_REASONS]


class AdjustmentMode(enum.StrEnum):
    SET = "set"  # on_hand becomes the quantity (a stock count)
    ADD = "add"  # the quantity, positive or negative, is added to on_hand


ADJUSTMENT_MODE_CHOICES = [(mode.value, mode.value) for mode in AdjustmentMode]


@dataclass(frozen=True)
class StockAdjustment:
    """The outcome of a staff adjustment: the movement written and the level after it."""

    sku: str
    movement_id: int
    delta_on_hand: int
    on_hand: int
    reserved: int
    # The record that claimed the request's Idempotency-Key, when it had one.
    idempotency_record_id: int | None = None

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class StockChange:
    """A change to one product's stock, recorded as one movement."""

    product_id: int
    delta_on_hand: int
    delta_reserved: int
    reference: str


@dataclass(frozen=True)
class HoldLine:
    line: int  # the index of the line in the caller's request, for error reporting
    product_id: int
    sku: str
    quantity: int


def stock_adjust(
    *,
    sku: str,
    mode: AdjustmentMode,
    quantity: int,
    reason: MovementReason,
    actor: str,
    note: str = "",
    reference: str = "",
    idempotency: IdempotencyContext | None = None,
) -> StockAdjustment:
    """Set or add to a product's on_hand and record the movement. With ``idempotency``, the key
    is claimed in the same transaction: a request that repeats it changes nothing (its claim
    fails and this raises ``IdempotencyReplay`` or ``IdempotencyInFlight``)."""
    product_id = Product.objects.filter(sku=sku).values_list("pk", flat=True).first()
    if product_id is None:
        raise NotFound(f"No product with SKU {sku!r}.")
    now = timezone.now()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # A product imported without a stock row gets one (at zero) first. Not an upsert of
            # the change itself: PostgreSQL checks constraints on the row an upsert proposes to
            # insert, which a negative quantity would fail even when the row exists.
            cursor.execute(
                f"INSERT INTO {STOCK_TABLE} (product_id, on_hand, reserved, updated_at) "  # noqa: S608  (our table)
                "VALUES (%s, 0, 0, %s) ON CONFLICT (product_id) DO NOTHING",
                [product_id, now],
            )
            if mode is AdjustmentMode.ADD:
                delta_from_old = None
                cursor.execute(
                    f"UPDATE {STOCK_TABLE} SET on_hand = on_hand + %s, updated_at = %s "  # noqa: S608
                    "WHERE product_id = %s RETURNING on_hand, reserved",
                    [quantity, now, product_id],
                )
            else:
                # A count replaces on_hand; the movement records the difference it made.
                cursor.execute(
                    f"SELECT on_hand FROM {STOCK_TABLE} WHERE product_id = %s FOR UPDATE",  # noqa: S608
                    [product_id],
                )
                (delta_from_old,) = cursor.fetchone()
                cursor.execute(
                    f"UPDATE {STOCK_TABLE} SET on_hand = %s, updated_at = %s "  # noqa: S608
                    "WHERE product_id = %s RETURNING on_hand, reserved",
                    [quantity, now, product_id],
                )
            on_hand, reserved = cursor.fetchone()
            delta = quantity if delta_from_old is None else quantity - delta_from_old
            if on_hand - reserved == 0 and delta < 0:
                # This change took the available stock to zero: a stock-out, once committed (the
                # admin may run this inside a transaction of its own).
                transaction.on_commit(lambda: STOCK_OUTS.labels("adjustment").inc())
            movement = StockMovement.objects.create(
                product_id=product_id,
                delta_on_hand=delta,
                delta_reserved=0,
                reason=reason,
                note=note,
                actor=actor,
                reference=reference,
            )
            record = (
                idempotency_claim(
                    StockAdjustmentKey,
                    principal=actor,
                    key=idempotency.key,
                    fingerprint=idempotency.fingerprint,
                    movement=movement,
                )
                if idempotency is not None
                else None
            )
    except IntegrityError as exc:
        if constraint_name(exc) not in STOCK_CONSTRAINTS:
            raise
        level = StockLevel.objects.filter(product_id=product_id).values_list("on_hand", "reserved").first()
        current_on_hand, current_reserved = level or (0, 0)
        raise Conflict(
            f"on_hand cannot go below what is reserved: on_hand is {current_on_hand}, "
            f"{current_reserved} of it reserved.",
            code="insufficient_stock",
            field="quantity",
        ) from exc
    except DataError as exc:  # on_hand would leave the integer range
        raise InvalidInput("The resulting quantity is out of range.", field="quantity", code="out_of_range") from exc
    return StockAdjustment(
        sku=sku,
        movement_id=movement.pk,
        delta_on_hand=delta,
        on_hand=on_hand,
        reserved=reserved,
        idempotency_record_id=record.pk if record is not None else None,
    )


def stock_hold(
    *,
    lines: Sequence[HoldLine],
    actor: str,
    reference: str,
    sell: bool = False,
    save_with: Sequence[Sequence[Model]] = (),
) -> tuple[Shortage, ...]:
    """Reserve every line, or none: the shortages when any line cannot be held.

    Must run inside the caller's transaction, which must roll back when shortages are returned
    (a reservation raises). ``reference`` ties the movements to what they are for. With
    ``sell`` the held stock is sold at once (a hold committed in the same transaction): one
    UPDATE takes it off the shelf, and both movements, held then committed, are recorded.
    ``save_with``: unsaved rows (groups of one model each) the caller writes only when the
    stock is held, inserted by the statement that records the movements (one round trip).
    """
    if not lines:
        return ()
    # The locks must last until the caller commits: inside its transaction, never autocommit.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        available = dict(_lock(cursor, sorted({line.product_id for line in lines}), "on_hand - reserved"))
        # Every short line is reported, not only the first: the caller can fix its request once.
        shortages = tuple(
            Shortage(
                line=line.line,
                sku=line.sku,
                requested=line.quantity,
                available=max(available.get(line.product_id, 0), 0),
            )
            for line in lines
            if available.get(line.product_id, 0) < line.quantity
        )
        if shortages:
            return shortages
        # Held: reserved + q. Held and sold: on_hand - q (reserved + q - q).
        change = "on_hand = s.on_hand - v.quantity" if sell else "reserved = s.reserved + v.quantity"
        cursor.execute(
            f"""UPDATE {STOCK_TABLE} AS s
                SET {change}, updated_at = %s
                FROM unnest(%s::bigint[], %s::integer[]) AS v(product_id, quantity)
                WHERE s.product_id = v.product_id AND s.on_hand - s.reserved >= v.quantity
                RETURNING s.on_hand - s.reserved""",  # noqa: S608
            [timezone.now(), [line.product_id for line in lines], [line.quantity for line in lines]],
        )
        # The rows are locked and were checked above, so every line matched; a miss here is a
        # bug, and raising rolls the whole reservation back.
        if cursor.rowcount != len(lines):
            raise RuntimeError("stock changed under a lock")
        if stock_outs := sum(1 for (left,) in cursor.fetchall() if left == 0):
            # Counted when the caller's transaction commits: a reservation rolled back sold nothing.
            transaction.on_commit(lambda: STOCK_OUTS.labels("reservation").inc(stock_outs))
        movements = [
            StockMovement(
                product_id=line.product_id,
                delta_on_hand=0,
                delta_reserved=line.quantity,
                reason=MovementReason.RESERVATION_HELD,
                actor=actor,
                reference=reference,
            )
            for line in lines
        ]
        if sell:
            movements += [
                StockMovement(
                    product_id=line.product_id,
                    delta_on_hand=-line.quantity,
                    delta_reserved=-line.quantity,
                    reason=MovementReason.RESERVATION_COMMITTED,
                    actor=actor,
                    reference=reference,
                )
                for line in lines
            ]
        # bulk_create's INSERT, built once (common/prepared.py), with the caller's rows.
        insert_objects(*save_with, movements)
    return ()


def stock_apply(*, changes: Sequence[StockChange], reason: MovementReason, actor: str) -> None:
    """Apply changes to several products' stock in one set-based UPDATE, with their movements.

    Runs inside the caller's transaction. The database constraints refuse any change that
    would break ``on_hand >= reserved >= 0``.
    """
    if not changes:
        return
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for change in changes:
        totals[change.product_id][0] += change.delta_on_hand
        totals[change.product_id][1] += change.delta_reserved
    product_ids = sorted(totals)
    # No savepoint of its own: it is one step of the caller's transaction.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        _lock(cursor, product_ids, "1")
        cursor.execute(
            f"""UPDATE {STOCK_TABLE} AS s
                SET on_hand = s.on_hand + v.on_hand, reserved = s.reserved + v.reserved, updated_at = %s
                FROM unnest(%s::bigint[], %s::integer[], %s::integer[]) AS v(product_id, on_hand, reserved)
                WHERE s.product_id = v.product_id""",  # noqa: S608
            [
                timezone.now(),
                product_ids,
                [totals[pid][0] for pid in product_ids],
                [totals[pid][1] for pid in product_ids],
            ],
        )
        if cursor.rowcount != len(product_ids):
            raise RuntimeError("a stock row to change is missing")
        StockMovement.objects.bulk_create(
            StockMovement(
                product_id=change.product_id,
                delta_on_hand=change.delta_on_hand,
                delta_reserved=change.delta_reserved,
                reason=reason,
                actor=actor,
                reference=change.reference,
            )
            for change in changes
        )


def _lock(cursor: CursorWrapper, product_ids: list[int], column: str) -> list[tuple[int, int]]:
    """Lock the stock rows of ``product_ids`` in id order; ``(product_id, <column>)`` per row."""
    cursor.execute(
        f"SELECT product_id, {column} FROM {STOCK_TABLE} "  # noqa: S608  (our table, a fixed expression)
        "WHERE product_id = ANY(%s) ORDER BY product_id FOR UPDATE",
        [product_ids],
    )
    rows: list[tuple[int, int]] = cursor.fetchall()
    return rows
