"""The orders admin: orders with their lines and history, cancel and fulfil actions through the
same services as the API, the orders that disagree with catalog (reconciliation), and counts
that never COUNT(*) the whole table."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from common.admin import BigTableAdminMixin
from orders_service.orders.exceptions import OrderError
from orders_service.orders.models import IdempotencyRecord, Order, OrderLine, OrderStatus, OrderStatusChange
from orders_service.orders.services.transitions import order_cancel, order_fulfil


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
    # Indexed lookups only: an exact id, customer id or email; no LIKE scan over every order.
    search_fields = ("=id", "=customer_id", "=customer_email")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    list_select_related = ()  # an order has no foreign keys to follow; lines and history are inlines
    inlines = (OrderLineInline, OrderStatusChangeInline)
    actions = ("cancel_orders", "fulfil_orders")
    readonly_fields = tuple(field.name for field in Order._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # orders are placed through the API's saga only

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
