"""The orders admin: orders with their lines and history, cancel and fulfil actions through the
same services as the API, the orders that disagree with catalog (reconciliation), and counts
that never COUNT(*) the whole table."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

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
# Each order is its own transaction and, to cancel, a call to catalog: a selection is bounded.
MAX_ORDERS_PER_ACTION: Final = 200
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
    # By date with a filter, not date_hierarchy: its year/month links come from SELECT DISTINCT
    # date_trunc(...) over every matching order (181 ms of one page at 100,000 orders in
    # bench/run_admin.py, growing with the table); the filter's
    # choices (today, past 7 days, this month, this year) cost nothing and use order_created_id_idx.
    list_filter = ("status", ("created_at", admin.DateFieldListFilter), ReconciliationFilter)
    # Searched by get_search_results below, with indexes only: an order or customer id exactly,
    # the beginnings of the words of the customer's e-mail or name (order_customer_words_idx).
    search_fields = ("customer_email",)
    search_help_text = (
        "Words of the customer's e-mail or name, or their beginnings ('alice', 'cust', "
        "'example.com'), or an order or customer id."
    )
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

    # --- fulfil and cancel: a confirmation page, then the same services as the API ------------

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("<uuid:order_id>/fulfil/", view(self.fulfil_view), name="orders_order_fulfil"),
            path("<uuid:order_id>/cancel/", view(self.cancel_view), name="orders_order_cancel"),
            *super().get_urls(),
        ]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        order = self.get_object(request, object_id)
        transitions = order is not None and order.status == OrderStatus.CONFIRMED
        context = {**(extra_context or {}), "order_transitions": transitions and self.has_change_permission(request)}
        return super().change_view(request, object_id, form_url, context)

    def fulfil_view(self, request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
        return self._transition_view(request, order_id, TRANSITIONS["fulfil"])

    def cancel_view(self, request: HttpRequest, order_id: uuid.UUID) -> HttpResponse:
        return self._transition_view(request, order_id, TRANSITIONS["cancel"])

    def _transition_view(self, request: HttpRequest, order_id: uuid.UUID, transition: Transition) -> HttpResponse:
        order = self.get_object(request, str(order_id))
        if order is None:
            raise Http404("No such order.")
        if not self.has_change_permission(request, order):
            raise PermissionDenied
        change_url = reverse("admin:orders_order_change", args=[order.pk])
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            self._apply(request, [order.pk], transition)
            return HttpResponseRedirect(change_url)
        return self._confirmation(request, [order], transition, change_url=change_url)

    @admin.action(
        description="Cancel the selected confirmed orders (stock returned to catalog)", permissions=["change"]
    )
    def cancel_orders(self, request: HttpRequest, queryset: QuerySet[Order]) -> TemplateResponse | None:
        return self._transition_action(request, queryset, TRANSITIONS["cancel"])

    @admin.action(description="Mark the selected confirmed orders fulfilled (shipped)", permissions=["change"])
    def fulfil_orders(self, request: HttpRequest, queryset: QuerySet[Order]) -> TemplateResponse | None:
        return self._transition_action(request, queryset, TRANSITIONS["fulfil"])

    def _transition_action(
        self, request: HttpRequest, queryset: QuerySet[Order], transition: Transition
    ) -> TemplateResponse | None:
        orders = list(queryset.order_by("-created_at", "-id")[: MAX_ORDERS_PER_ACTION + 1])
        if len(orders) > MAX_ORDERS_PER_ACTION:
            self.message_user(
                request,
                f"Select at most {MAX_ORDERS_PER_ACTION} orders at once; the staff API serves more.",
                messages.ERROR,
            )
            return None
        if request.POST.get("confirm") == "yes":
            self._apply(request, [order.pk for order in orders], transition)
            return None
        return self._confirmation(request, orders, transition, change_url=None)

    def _confirmation(
        self, request: HttpRequest, orders: list[Order], transition: Transition, *, change_url: str | None
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": transition.title,
            "opts": self.model._meta,
            "transition": transition,
            "orders": orders,
            "refused": [order for order in orders if order.status != OrderStatus.CONFIRMED],
            "change_url": change_url,
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/orders/order/confirm_transition.html", context)

    def _apply(self, request: HttpRequest, order_ids: list[uuid.UUID], transition: Transition) -> None:
        actor = f"admin:{request.user.get_username()}"
        done = pending = 0
        for order_id in order_ids:
            try:
                order = transition.service(order_id=order_id, actor=actor, reason=transition.reason)
            except OrderError as exc:
                # A cancelling order asked to be fulfilled, a fulfilled one to be cancelled, ...
                self.message_user(request, f"{order_id}: {exc.message}", messages.WARNING)
                continue
            if order.status == OrderStatus.CANCELLING:
                pending += 1
            else:
                done += 1
        if done:
            self.message_user(request, transition.done.format(count=done), messages.SUCCESS)
        if pending:
            self.message_user(
                request,
                f"{pending} order(s) are cancelling: catalog did not answer; recovery finishes them.",
                messages.WARNING,
            )


@dataclass(frozen=True)
class Transition:
    name: str
    title: str
    question: str
    button: str
    reason: str
    done: str
    service: Callable[..., Order]


TRANSITIONS: Final = {
    "fulfil": Transition(
        name="fulfil",
        title="Fulfil orders",
        question="Mark these orders fulfilled (shipped)? Only confirmed orders can be.",
        button="Yes, fulfil",
        reason="fulfilled in the admin",
        done="Fulfilled {count} order(s).",
        service=order_fulfil,
    ),
    "cancel": Transition(
        name="cancel",
        title="Cancel orders",
        question="Cancel these orders? Their stock goes back to catalog. Only confirmed orders can be.",
        button="Yes, cancel",
        reason="cancelled in the admin",
        done="Cancelled {count} order(s).",
        service=order_cancel,
    ),
}


@admin.register(OrderStatusChange)
class OrderStatusChangeAdmin(BigTableAdminMixin, admin.ModelAdmin[OrderStatusChange]):
    """Every order's status history, newest first: written only by the order services."""

    list_display = ("at", "order_link", "from_status", "to_status", "actor", "reason")
    ordering = ("-id",)  # the primary key: the order they were written in, an index for the list
    sortable_by = ()
    search_fields = ("order__id",)
    search_help_text = "An order id (exact): its history."
    raw_id_fields = ("order",)
    readonly_fields = tuple(field.name for field in OrderStatusChange._meta.fields)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[OrderStatusChange], search_term: str
    ) -> tuple[QuerySet[OrderStatusChange], bool]:
        term = search_term.replace("\x00", "").strip()
        if not term:
            return queryset, False
        try:
            order_id = uuid.UUID(term)
        except ValueError:
            self.message_user(request, "Type an order id to see its history.", messages.WARNING)
            return queryset.none(), False
        return queryset.filter(order_id=order_id), False  # orderstatuschange_order_idx

    @admin.display(description="order")
    def order_link(self, change: OrderStatusChange) -> str:
        # The id is on the row: a link without a join (or a query per row) to the orders.
        url = reverse("admin:orders_order_change", args=[change.order_id])
        return format_html('<a href="{}">{}</a>', url, change.order_id)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
