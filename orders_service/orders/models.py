"""Orders, their lines and status history, and the idempotency keys of order placement.

Cross-service data is copied by value when the saga learns it: the customer's email, name and
shipping address from accounts, each line's name, unit price and currency from catalog. The
customer and the catalog reservation are referenced by id only (plain UUIDs, no foreign keys).
"""

from __future__ import annotations

import uuid
from typing import Final

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.expressions import CombinedExpression
from django.utils import timezone

from common.idempotency import IdempotencyRecordBase

# Amounts: catalog's prices have 12 digits, 2 decimals; a line multiplies one by at most
# MAX_LINE_QUANTITY, an order adds up at most MAX_LINES lines.
MONEY_MAX_DIGITS: Final = 20
MONEY_DECIMAL_PLACES: Final = 2
SKU_MAX_LENGTH: Final = 64


class OrderStatus(models.TextChoices):
    PENDING = "pending", "pending"
    CONFIRMED = "confirmed", "confirmed"
    # A cancellation asked for and recorded, while catalog takes the stock back: recovery
    # finishes it (services/recovery.py) when catalog gave no definite answer at the time.
    CANCELLING = "cancelling", "cancelling"
    REJECTED = "rejected", "rejected"
    CANCELLED = "cancelled", "cancelled"
    FULFILLED = "fulfilled", "fulfilled"


# Revenue is recognised while an order stands: confirmed and not cancelled.
SOLD_STATUSES: Final = (OrderStatus.CONFIRMED, OrderStatus.FULFILLED)


class RejectionReason(models.TextChoices):
    INSUFFICIENT_STOCK = "insufficient_stock", "insufficient stock"
    UNKNOWN_SKU = "unknown_sku", "unknown SKU"
    RESERVATION_EXPIRED = "reservation_expired", "reservation expired"
    RESERVATION_REFUSED = "reservation_refused", "reservation refused"
    MIXED_CURRENCIES = "mixed_currencies", "mixed currencies"
    CUSTOMER_UNKNOWN = "customer_unknown", "customer unknown"
    CUSTOMER_INACTIVE = "customer_inactive", "customer inactive"


# The customer's e-mail and name cut into words at anything not a letter or digit
# ("alice.customer@example.com" -> alice customer example com), with the "simple" configuration
# (lower-cased, no stemming): the admin finds an order by the beginning of any of these words.
CUSTOMER_WORDS_CONFIG: Final = "simple"


def customer_words() -> CombinedExpression:
    """The expression of order_customer_words_idx; a query must use this same expression."""
    email_words = Func(F("customer_email"), Value("[^[:alnum:]]+"), Value(" "), Value("g"), function="regexp_replace")
    return SearchVector(email_words, config=CUSTOMER_WORDS_CONFIG) + SearchVector(
        "customer_name", config=CUSTOMER_WORDS_CONFIG
    )


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer_id = models.UUIDField(help_text="The customer's user id on accounts.")
    # Snapshot of the customer, taken from accounts by the saga (blank until then).
    customer_email = models.EmailField(max_length=254, blank=True)
    customer_name = models.CharField(max_length=150, blank=True)
    shipping_address = models.JSONField(help_text="The address as it was when the order was placed.")
    shipping_address_id = models.UUIDField(
        null=True, blank=True, help_text="The accounts address it was copied from, if any."
    )
    status = models.CharField(max_length=16, choices=OrderStatus.choices, default=OrderStatus.PENDING)
    # Known once catalog has priced the lines; blank/null while pending.
    currency = models.CharField(max_length=3, blank=True)
    total = models.DecimalField(max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, null=True, blank=True)
    units = models.PositiveIntegerField(help_text="Sum of the lines' quantities.")
    reservation_id = models.UUIDField(null=True, blank=True, help_text="The catalog reservation holding the stock.")
    # Sent with every reservation request of this order, so that a retry (same key) sends
    # byte-for-byte the same request whatever the settings are by then.
    reservation_ttl_seconds = models.PositiveIntegerField()
    rejection_reason = models.CharField(max_length=32, choices=RejectionReason.choices, blank=True)
    rejection_detail = models.TextField(blank=True)
    # For insufficient_stock: [{"sku", "requested", "available"}]; for unknown_sku: [{"sku"}].
    rejected_lines = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Recovery (services/recovery.py): how often it has tried, and not before when again.
    # Counted again from 0 when a cancellation starts: its attempts are a new backoff.
    recovery_attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Reconciliation with catalog (services/reconciliation.py): what disagrees, blank when the
    # order and its reservation agree, and when that verdict last changed; written with
    # UPDATE, so updated_at does not move.
    reconciliation_issue = models.CharField(max_length=300, blank=True)
    reconciled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        indexes = (
            # A customer's orders, newest first, optionally by status (customer API).
            models.Index(fields=["customer_id", "-created_at"], name="order_customer_created_idx"),
            models.Index(fields=["customer_id", "status", "-created_at"], name="order_customer_status_idx"),
            # Staff lists and the CSV export: by date (with the id, the admin's total ordering,
            # whose deep pages read the ids alone from it), by status and date.
            models.Index(fields=["-created_at", "-id"], name="order_created_id_idx"),
            models.Index(fields=["status", "-created_at"], name="order_status_created_idx"),
            # Recovery scans only the pending orders.
            models.Index(
                fields=["next_attempt_at", "created_at"],
                condition=Q(status="pending"),
                name="order_pending_idx",
            ),
            # Recovery of interrupted cancellations: only the cancelling orders.
            models.Index(
                fields=["next_attempt_at", "updated_at"],
                condition=Q(status="cancelling"),
                name="order_cancelling_idx",
            ),
            # Reconciliation: the orders changed since its window (keyset by updated_at, id) ...
            models.Index(fields=["updated_at", "id"], name="order_updated_idx"),
            # ... and those it flagged (the gauge, the admin filter), however old.
            models.Index(fields=["id"], condition=~Q(reconciliation_issue=""), name="order_reconciliation_idx"),
            # The admin's search by part of the customer's e-mail or name: the words of both,
            # searched by prefix (docs/admin.md says why not trigrams).
            GinIndex(customer_words(), name="order_customer_words_idx"),
            # Sales reports: sold orders by confirmation time, covering what they add up.
            models.Index(
                fields=["confirmed_at"],
                include=["currency", "total", "units"],
                condition=Q(status__in=["confirmed", "fulfilled"]),
                name="order_sales_idx",
            ),
        )
        constraints = (
            models.CheckConstraint(condition=Q(total__isnull=True) | Q(total__gte=0), name="order_total_non_negative"),
            models.CheckConstraint(
                condition=~Q(status__in=["confirmed", "fulfilled", "cancelling", "cancelled"])
                | (Q(total__isnull=False) & ~Q(currency="") & Q(confirmed_at__isnull=False)),
                name="order_confirmed_is_priced",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""), name="order_rejected_has_reason"
            ),
        )

    def __str__(self) -> str:
        return f"order {self.id} ({self.status})"


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    sku = models.CharField(max_length=SKU_MAX_LENGTH)
    quantity = models.PositiveIntegerField()
    # As catalog returned them when it held the stock; blank/null until then.
    name = models.CharField(max_length=255, blank=True)
    unit_price = models.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, null=True, blank=True
    )
    line_total = models.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, null=True, blank=True
    )

    class Meta:
        ordering = ("id",)
        indexes = (
            # Staff filter "orders with this SKU" (an EXISTS per order) and the per-SKU report.
            models.Index(fields=["sku", "order"], name="orderline_sku_idx"),
        )
        constraints = (
            models.UniqueConstraint(fields=["order", "sku"], name="orderline_order_sku_unique"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="orderline_quantity_positive"),
        )

    def __str__(self) -> str:
        return f"{self.quantity} x {self.sku}"


class OrderStatusChange(models.Model):
    """One transition of an order: from, to, when, who and why. Written by the services only."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, choices=OrderStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=OrderStatus.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.CharField(
        max_length=200, help_text="`user:<uuid>`, `service:<name>`, `system:<job>`, `admin:<name>`."
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ("at", "id")
        indexes = (models.Index(fields=["order", "at"], name="orderstatuschange_order_idx"),)
        verbose_name = "status change"

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class ReconciliationRun(models.Model):
    """The last reconciliation run (one row, pk 1): read by /metrics in every web process,
    written by whichever worker or CronJob ran it."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    finished_at = models.DateTimeField()
    window_start = models.DateTimeField(help_text="Orders changed since this were checked.")
    checked = models.PositiveIntegerField()
    mismatches = models.PositiveIntegerField()

    class Meta:
        constraints = (models.CheckConstraint(condition=Q(id=1), name="reconciliationrun_single_row"),)

    def __str__(self) -> str:
        return f"reconciliation at {self.finished_at}: {self.mismatches} mismatch(es)"


class IdempotencyRecord(IdempotencyRecordBase):
    """The Idempotency-Key of one POST /api/v1/orders/ (common/idempotency.py)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    resource_field = "order"

    class Meta:
        constraints = (models.UniqueConstraint(fields=["principal", "key"], name="idempotency_principal_key_unique"),)
        indexes = (models.Index(fields=["expires_at"], name="idempotency_expires_idx"),)

    def __str__(self) -> str:
        return f"{self.principal} {self.key} ({self.state})"
