"""The orders admin: orders with their lines and history, cancel and fulfil actions through the
same services as the API, the orders that disagree with catalog (reconciliation), and counts
that never COUNT(*) the whole table."""

from __future__ import annotations

import re
import uuid
from typing import Any, Final

from django.contrib import admin, messages
from django.contrib.postgres.search import SearchQuery
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from common.admin import BigTableAdminMixin
from orders_service.orders.exceptions import OrderError
from orders_service.orders.models import (
    CUSTOMER_WORDS_CONFIG,
    IdempotencyRecord,
    Order,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    customer_words,
)
from orders_service.orders.services.transitions import order_cancel, order_fulfil

MIN_SEARCH_LENGTH: Final = 3
MAX_SEARCH_LENGTH: Final = 200
# The words of a search, cut as the index cuts the e-mail (anything not a letter or digit).
_WORD: Final = re.compile(r"[^\W_]+")


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ("sku", "name", "quantity", "unit_price", "line_total")
    readonly_fields = fields


class OrderStatusChangeInline(ReadOnlyInline):
    model = OrderStatusChange
    fields = ("at", "from_status", "to_status", "actor", "reason")
    readonly_fields = fields
    ordering = ("at", "id")


class ReconciliationFilter(admin.SimpleListFilter):
    """The orders the reconciliation found disagreeing with catalog (a partial index)."""

    title = "agreement with catalog"
    parameter_name = "reconciliation"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("mismatch", "disagrees with catalog")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Order]) -> QuerySet[Order]:
        if self.value() == "mismatch":
            return queryset.exclude(reconciliation_issue="")
        return queryset


@admin.register(Order)
class OrderAdmin(BigTableAdminMixin, admin.ModelAdmin[Order]):
    list_display = (
        "id",
        "created_at",
        "status",
        "customer_email",
        "currency",
        "total",
        "units",
        "reconciliation_issue",
    )
    list_filter = ("status", ReconciliationFilter)
    # Searched by get_search_results below, with indexes only: an order or customer id exactly,
    # the beginnings of the words of the customer's e-mail or name (order_customer_words_idx).
    search_fields = ("customer_email",)
    search_help_text = (
        "Words of the customer's e-mail or name, or their beginnings ('alice', 'cust', "
        "'example.com'), or an order or customer id."
    )
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    list_select_related = ()  # an order has no foreign keys to follow; lines and history are inlines
    inlines = (OrderLineInline, OrderStatusChangeInline)
    actions = ("cancel_orders", "fulfil_orders")
    readonly_fields = tuple(field.name for field in Order._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # orders are placed through the API's saga only

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Order], search_term: str
    ) -> tuple[QuerySet[Order], bool]:
        term = search_term.replace("\x00", "").strip()[:MAX_SEARCH_LENGTH]
        if not term:
            return queryset, False
        try:
            key = uuid.UUID(term)
        except ValueError:
            pass
        else:
            return queryset.filter(Q(pk=key) | Q(customer_id=key)), False
        words = _WORD.findall(term)
        if not words or sum(map(len, words)) < MIN_SEARCH_LENGTH:
            # One or two letters would match the beginning of most words of the index.
            self.message_user(
                request, f"Type at least {MIN_SEARCH_LENGTH} letters or digits to search.", messages.WARNING
            )
            return queryset.none(), False
        # Every word typed begins a word of the e-mail or the name; the expression is the
        # index's (order_customer_words_idx), so PostgreSQL reads the index.
        query = SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config=CUSTOMER_WORDS_CONFIG)
        return queryset.alias(customer_words=customer_words()).filter(customer_words=query), False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(
        description="Cancel the selected confirmed orders (stock returned to catalog)", permissions=["change"]
    )
    def cancel_orders(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        actor = f"admin:{request.user.get_username()}"
        cancelled = cancelling = 0
        for order_id in queryset.values_list("pk", flat=True):
            try:
                order = order_cancel(order_id=order_id, actor=actor, reason="cancelled in the admin")
            except OrderError as exc:
                self.message_user(request, f"{order_id}: {exc.message}", messages.WARNING)
                continue
            if order.status == OrderStatus.CANCELLING:
                cancelling += 1
            else:
                cancelled += 1
        if cancelled:
            self.message_user(request, f"Cancelled {cancelled} order(s).", messages.SUCCESS)
        if cancelling:
            self.message_user(
                request,
                f"{cancelling} order(s) are cancelling: catalog did not answer; recovery finishes them.",
                messages.WARNING,
            )

    @admin.action(description="Mark the selected confirmed orders fulfilled (shipped)", permissions=["change"])
    def fulfil_orders(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        actor = f"admin:{request.user.get_username()}"
        fulfilled = 0
        for order_id in queryset.values_list("pk", flat=True):
            try:
                order_fulfil(order_id=order_id, actor=actor, reason="fulfilled in the admin")
                fulfilled += 1
            except OrderError as exc:
                # A cancelling order among them: refused (CancellationInFlight), named here.
                self.message_user(request, f"{order_id}: {exc.message}", messages.WARNING)
        if fulfilled:
            self.message_user(request, f"Fulfilled {fulfilled} order(s).", messages.SUCCESS)


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(BigTableAdminMixin, admin.ModelAdmin[IdempotencyRecord]):
    list_display = ("key", "principal", "state", "response_status", "order", "created_at", "expires_at")
    list_filter = ("state",)
    search_fields = ("=key",)
    list_select_related = ("order",)
    readonly_fields = tuple(field.name for field in IdempotencyRecord._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
