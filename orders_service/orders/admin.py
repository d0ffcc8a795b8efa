"""The orders admin: orders with their lines and history, a cancel action through the same
service as the API, and counts that never COUNT(*) the whole table."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from common.admin import EstimatedCountPaginator
from orders_service.orders.exceptions import OrderError
from orders_service.orders.models import IdempotencyRecord, Order, OrderLine, OrderStatusChange
from orders_service.orders.services.transitions import order_cancel


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


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    list_display = ("id", "created_at", "status", "customer_email", "currency", "total", "units")
    list_filter = ("status",)
    # Indexed lookups only: an exact id, customer id or email; no LIKE scan over every order.
    search_fields = ("=id", "=customer_id", "=customer_email")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    list_select_related = ()  # an order has no foreign keys to follow; lines and history are inlines
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_max_show_all = 200
    inlines = (OrderLineInline, OrderStatusChangeInline)
    actions = ("cancel_orders",)
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
        cancelled = 0
        for order_id in queryset.values_list("pk", flat=True):
            try:
                order_cancel(order_id=order_id, actor=actor, reason="cancelled in the admin")
                cancelled += 1
            except OrderError as exc:
                self.message_user(request, f"{order_id}: {exc.message}", messages.WARNING)
        if cancelled:
            self.message_user(request, f"Cancelled {cancelled} order(s).", messages.SUCCESS)


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(admin.ModelAdmin[IdempotencyRecord]):
    list_display = ("key", "principal", "state", "response_status", "order", "created_at", "expires_at")
    list_filter = ("state",)
    search_fields = ("=key",)
    list_select_related = ("order",)
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    readonly_fields = tuple(field.name for field in IdempotencyRecord._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
