"""Placing an order: the REST saga between orders, accounts and catalog (docs/orders.md).

1. ``order_place`` records the order ``pending`` and claims the Idempotency-Key, in one
   transaction: a key is never stored without its order, nor an order without its key.
2. ``order_settle`` drives a pending order as far as it can go:
   a. snapshot the customer from accounts (email, name);
   b. reserve and sell every line in catalog, all or none, in one call (``commit``), with the key
      ``order-<id>`` (derived from the order, so every retry is the same request and catalog
      never holds the stock twice); a hold an earlier attempt left is committed (by that same
      request, or by ``reservations_commit`` when catalog answers it held);
   c. confirm the order with the lines priced as catalog returned them, writing the customer's
      snapshot and the reservation's id in the same transaction.
   A definite refusal (shortage, unknown SKU, unknown customer, an expired hold) rejects it,
   releasing any hold first. No definite answer (timeout, connection error, 5xx, open circuit)
   leaves it pending; the recovery job (services/recovery.py) calls ``order_settle`` again later,
   with the same keys.

The order is confirmed only once its stock is committed: a confirmed order always has its
stock sold, whatever fails in between (the failure leaves the order pending, and settling it
again finds the reservation committed and confirms it).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Final

from django.conf import settings
from django.db import transaction

from common.clients import accounts, catalog
from common.clients.base import DownstreamRefused, DownstreamUnavailable, circuit_wait
from common.idempotency import IdempotencyContext, StoredResponse, idempotency_claim, idempotency_completion
from common.prepared import Write, insert_objects
from orders_service.orders import metrics
from orders_service.orders.exceptions import DependencyUnavailable, ShippingAddressNotFound
from orders_service.orders.models import IdempotencyRecord, Order, OrderLine, OrderStatus, RejectionReason
from orders_service.orders.services.transitions import (
    PricedLine,
    SettledFacts,
    order_confirm,
    order_history_entry,
    order_reject,
)

logger = logging.getLogger(__name__)

# The services the saga calls, in the order it calls them.
DOWNSTREAMS: Final = (accounts.SERVICE, catalog.SERVICE)


@dataclass(frozen=True)
class PlacementLine:
    sku: str
    quantity: int


@dataclass(frozen=True)
class ShippingAddress:
    recipient: str
    line1: str
    city: str
    postal_code: str
    country: str
    line2: str = ""
    region: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PlacementRequest:
    lines: tuple[PlacementLine, ...]
    # Exactly one of these: an address given in full, or one from the customer's address book.
    shipping_address: ShippingAddress | None = None
    shipping_address_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Customer:
    """Who places the order, from their verified token."""

    id: uuid.UUID
    principal: str
    # Their bearer token, relayed to accounts to read an address from their address book.
    bearer_token: str


@dataclass(frozen=True)
class PlacementOutcome:
    order: Order
    idempotency_record_id: int
    # The answer stored under the key in the transaction that confirmed or rejected the order
    # (``answer``); None when the order stays pending and the caller completes the key itself.
    stored: StoredResponse | None = None


# The response a settled order answers (status, body, headers), stored under its Idempotency-Key.
Answer = Callable[[Order], tuple[int, Any, dict[str, str]]]
# Given the order as the transaction that confirms or rejects it saves it, a write to make in it.
Finish = Callable[[Order], Write]


def reservation_key(order_id: uuid.UUID) -> str:
    """The Idempotency-Key of the order's reservation request: the same on every attempt."""
    return f"order-{order_id}"


def order_place(
    *, customer: Customer, request: PlacementRequest, idempotency: IdempotencyContext, answer: Answer
) -> PlacementOutcome:
    """Claim the key and record the order, then settle it as far as the downstreams allow.

    The key's claim is the first statement of the recording transaction (the order's id is
    chosen before it, and the record's foreign key to the order is checked at commit): a key
    used before raises, from the claim, ``IdempotencyReplay``/``IdempotencyInFlight``/
    ``IdempotencyKeyReused`` before anything else is done, so the caller need not look it up
    first. The order settled, ``answer`` is stored under the key in the transaction that
    confirmed or rejected it (``PlacementOutcome.stored``).

    Raises ``DependencyUnavailable`` *before recording anything* when a circuit is open or the
    address book cannot be read (the client retries with the same key), ``ShippingAddressNotFound``.
    """
    address, address_id = _shipping_address(customer=customer, request=request)
    order_id = uuid.uuid4()
    with transaction.atomic():
        record = idempotency_claim(
            IdempotencyRecord,
            principal=customer.principal,
            key=idempotency.key,
            fingerprint=idempotency.fingerprint,
            order_id=order_id,
        )
        # After the claim: a repeat is answered even while a downstream is down.
        _fail_fast_while_a_circuit_is_open()
        order = Order(
            id=order_id,
            customer_id=customer.id,
            shipping_address=address,
            shipping_address_id=address_id,
            units=sum(line.quantity for line in request.lines),
            reservation_ttl_seconds=settings.ORDERS_RESERVATION_TTL_SECONDS,
        )
        lines = [OrderLine(order=order, sku=line.sku, quantity=line.quantity) for line in request.lines]
        placed = order_history_entry(
            order=order, from_status="", to_status=OrderStatus.PENDING, actor=customer.principal, reason="placed"
        )
        # The order, its lines and its first history entry in one statement, built once
        # (common/prepared.py): the ORM's create, bulk_create and create were three statements,
        # each built and compiled on every call.
        insert_objects([order], lines, [placed])
    metrics.ORDERS_PLACED.inc()
    stored: list[StoredResponse] = []

    def complete(settled: Order) -> Write:
        status_code, body, headers = answer(settled)
        return idempotency_completion(
            IdempotencyRecord,
            record_id=record.pk,
            status_code=status_code,
            body=body,
            headers=headers,
            done=stored.append,
        )

    ordered = [(line.sku, line.quantity) for line in request.lines]
    settled = _settle_pending(order, ordered, actor=customer.principal, finish=complete, lines=lines)
    return PlacementOutcome(order=settled, idempotency_record_id=record.pk, stored=stored[0] if stored else None)


def order_settle(*, order_id: uuid.UUID, actor: str) -> Order:
    """Drive a pending order to confirmed or rejected, or leave it pending when a downstream
    gives no definite answer. Safe to call again and concurrently: every step is idempotent."""
    order = Order.objects.get(pk=order_id)
    if order.status != OrderStatus.PENDING:
        return order
    return _settle_pending(order, list(order.lines.order_by("id").values_list("sku", "quantity")), actor=actor)


def _settle_pending(
    order: Order,
    ordered: list[tuple[str, int]],
    *,
    actor: str,
    finish: Finish | None = None,
    lines: Sequence[OrderLine] | None = None,
) -> Order:
    """``order_settle`` for an order in hand with its lines (sku, quantity) in their order:
    placement has both already, and every query less is one less wait under load. ``finish``'s
    write goes into the transaction that confirms or rejects the order (not when it stays pending);
    ``lines``, the order's lines as just saved, spare the confirmation reading them again."""
    progress = _Progress()
    try:
        settled = _settle(order, ordered, actor=actor, progress=progress, finish=finish, lines=lines)
    except DownstreamUnavailable as exc:
        metrics.ORDERS_LEFT_PENDING.inc()
        logger.warning("order %s stays pending: %s", order.id, exc)
        # What was learnt stays with the pending order: staff see its reservation, and the
        # next attempt does not ask accounts again. Only on this path: a settled order wrote
        # them with its status.
        fields = {"customer_email": progress.facts.customer_email, "customer_name": progress.facts.customer_name}
        if progress.facts.customer_email is not None:
            Order.objects.filter(pk=order.id, status=OrderStatus.PENDING, customer_email="").update(**fields)
        if progress.facts.reservation_id is not None:
            Order.objects.filter(pk=order.id, reservation_id__isnull=True).update(
                reservation_id=progress.facts.reservation_id
            )
        return Order.objects.get(pk=order.id)
    # Confirmed or rejected: the transaction that did it answered the order as it stands.
    return settled


@dataclass
class _Progress:
    facts: SettledFacts = field(default_factory=SettledFacts)


def _settle(
    order: Order,
    ordered: list[tuple[str, int]],
    *,
    actor: str,
    progress: _Progress,
    finish: Finish | None,
    lines: Sequence[OrderLine] | None,
) -> Order:
    if not order.customer_email:
        user = _customer(order, actor=actor, finish=finish)
        if isinstance(user, Order):
            return user  # rejected
        progress.facts = SettledFacts(customer_email=user.email, customer_name=user.full_name)
    reservation = _reserve(order, ordered, actor=actor, facts=progress.facts, finish=finish)
    if isinstance(reservation, Order):
        return reservation  # rejected
    progress.facts = facts = replace(progress.facts, reservation_id=reservation.id)
    if {line.sku: line.quantity for line in reservation.lines} != dict(ordered):
        # catalog replayed a reservation of other lines under this order's key: outside the
        # contract. Nothing here can fix it; it stays visible as pending (and in the logs).
        logger.error("order %s: reservation %s does not match the order's lines", order.id, reservation.id)
        raise DownstreamUnavailable("catalog", "reservation lines differ from the order's")
    currencies = {line.currency for line in reservation.lines}
    if len(currencies) != 1:
        # Checked before the status: a sale (commit with the hold) is given back here, and a
        # settling that died after giving it back finds it returned and ends the same way.
        _give_back(reservation)
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.MIXED_CURRENCIES,
            detail=f"The products are priced in several currencies ({', '.join(sorted(currencies))}).",
            actor=actor,
            facts=facts,
            finish=finish,
        )
    if reservation.status in (catalog.ReservationStatus.EXPIRED, catalog.ReservationStatus.RELEASED):
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.RESERVATION_EXPIRED,
            detail=f"The stock hold {reservation.status} before the order was confirmed.",
            actor=actor,
            facts=facts,
            finish=finish,
        )
    if reservation.status is catalog.ReservationStatus.RETURNED:
        # Only a cancelled (confirmed) order's reservation is ever returned, or a mixed-currency
        # one's (above). Nothing to do but keep it visible.
        logger.error("order %s: its reservation %s is %s", order.id, reservation.id, reservation.status)
        raise DownstreamUnavailable("catalog", f"reservation in unexpected status {reservation.status}")
    if reservation.status is catalog.ReservationStatus.HELD:
        # A hold made by an attempt that did not ask for the sale (or a catalog that only holds):
        # commit it.
        try:
            catalog.reservation_commit(reservation_id=reservation.id)
        except catalog.ReservationConflict as exc:
            # Expired (the hold outlived its TTL while a downstream was away) or released.
            return order_reject(
                order_id=order.id,
                reason=RejectionReason.RESERVATION_EXPIRED,
                detail=f"The stock hold could not be committed ({exc.code}).",
                actor=actor,
                facts=facts,
                finish=finish,
            )
    priced = {
        line.sku: PricedLine(sku=line.sku, name=line.name, unit_price=line.unit_price, currency=line.currency)
        for line in reservation.lines
    }
    return order_confirm(order_id=order.id, priced=priced, actor=actor, facts=facts, finish=finish, lines=lines)


def _customer(order: Order, *, actor: str, finish: Finish | None) -> accounts.AccountsUser | Order:
    """The customer, to copy their email and name; the rejected order when accounts says no."""
    try:
        user = accounts.user_get(user_id=order.customer_id)
    except accounts.UserNotFound:
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.CUSTOMER_UNKNOWN,
            detail="No such user.",
            actor=actor,
            finish=finish,
        )
    if not user.is_active:
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.CUSTOMER_INACTIVE,
            detail="The account is deactivated.",
            actor=actor,
            finish=finish,
        )
    return user


def _reserve(
    order: Order, ordered: list[tuple[str, int]], *, actor: str, facts: SettledFacts, finish: Finish | None
) -> catalog.Reservation | Order:
    """The order's reservation, sold (made now, or by an earlier attempt); the rejected order
    when catalog refused it."""
    request = catalog.ReservationRequest(
        reference=str(order.id),
        lines=tuple(catalog.ReservationLineRequest(sku=sku, quantity=quantity) for sku, quantity in ordered),
        ttl_seconds=order.reservation_ttl_seconds,
        # No hold is needed between holding and selling (nothing is waited for in between, such
        # as a payment): one call and one catalog transaction instead of two. A repeat under the
        # same key commits a hold an earlier attempt left, or answers the sale it made.
        commit=True,
    )
    try:
        return catalog.reservation_create(request=request, idempotency_key=reservation_key(order.id))
    except catalog.InsufficientStock as exc:
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.INSUFFICIENT_STOCK,
            detail="Not enough stock: "
            + "; ".join(f"{s.sku}: {s.requested} requested, {s.available} available" for s in exc.shortages),
            rejected_lines=[asdict(shortage) for shortage in exc.shortages],
            actor=actor,
            facts=facts,
            finish=finish,
        )
    except catalog.UnknownSkus as exc:
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.UNKNOWN_SKU,
            detail=f"No such product: {', '.join(exc.skus)}.",
            rejected_lines=[{"sku": sku} for sku in exc.skus],
            actor=actor,
            facts=facts,
            finish=finish,
        )
    except DownstreamRefused as exc:
        # A definite "no" that is none of the above (e.g. the key used with another body): the
        # same request would be refused again, so retrying cannot help.
        logger.error("order %s: catalog refused the reservation: %s", order.id, exc)
        return order_reject(
            order_id=order.id,
            reason=RejectionReason.RESERVATION_REFUSED,
            detail=f"The catalog refused the reservation ({', '.join(exc.codes) or exc.status}).",
            actor=actor,
            facts=facts,
            finish=finish,
        )


def _give_back(reservation: catalog.Reservation) -> None:
    """Free the stock of a reservation the order will not use: release a hold, return a sale."""
    if reservation.status is catalog.ReservationStatus.COMMITTED:
        try:
            catalog.reservation_return(reservation_id=reservation.id)
        except catalog.ReservationConflict as exc:
            logger.info("reservation %s not returned: %s", reservation.id, exc.code)
        return
    _release(reservation)


def _release(reservation: catalog.Reservation) -> None:
    if reservation.status is not catalog.ReservationStatus.HELD:
        return
    try:
        catalog.reservation_release(reservation_id=reservation.id)
    except catalog.ReservationConflict as exc:
        # Already expired or released: the stock is free, which is what was wanted.
        logger.info("reservation %s not released: %s", reservation.id, exc.code)


def _fail_fast_while_a_circuit_is_open() -> None:
    for name in DOWNSTREAMS:
        wait = circuit_wait(name)
        if wait is not None:
            raise DependencyUnavailable(name, retry_after=wait)


def _shipping_address(*, customer: Customer, request: PlacementRequest) -> tuple[dict[str, str], uuid.UUID | None]:
    if request.shipping_address is not None:
        return asdict(request.shipping_address), None
    assert request.shipping_address_id is not None
    try:
        found = accounts.my_address_get(address_id=request.shipping_address_id, bearer_token=customer.bearer_token)
    except accounts.AddressNotFound:
        raise ShippingAddressNotFound from None
    except DownstreamUnavailable as exc:
        raise DependencyUnavailable("accounts", retry_after=exc.retry_after) from exc
    address = ShippingAddress(
        recipient=found.recipient,
        line1=found.line1,
        line2=found.line2,
        city=found.city,
        region=found.region,
        postal_code=found.postal_code,
        country=found.country,
        phone=found.phone,
    )
    return asdict(address), found.id
