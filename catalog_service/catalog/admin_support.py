"""Admin pieces for tables of millions of rows: counts that never scan (common.admin), filters
that use indexes."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import admin
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest

from catalog_service.catalog.models import Product
from catalog_service.catalog.services.stock import ADJUSTMENT_REASONS, AdjustmentMode
from catalog_service.catalog.versions import entity_tag
from common.admin import BigTableAdminMixin


class BigTableAdmin(BigTableAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """A ModelAdmin for big tables: estimated counts, every row reachable, no "show all" of millions."""


class DistinctValuesFilter(admin.SimpleListFilter):
    """A list filter over a column's distinct values, read from the index that leads with it.

    Django's default filter for a field runs SELECT DISTINCT over the whole table; this one
    skips from one value to the next through the index (a "loose index scan"), reading one
    index entry per distinct value.
    """

    column: str

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        table = model_admin.model._meta.db_table
        column = self.column
        with connection.cursor() as cursor:
            cursor.execute(
                f"""WITH RECURSIVE v AS (
                        (SELECT {column} AS value FROM {table} ORDER BY {column} LIMIT 1)
                        UNION ALL
                        SELECT (SELECT {column} FROM {table} WHERE {column} > v.value ORDER BY {column} LIMIT 1)
                        FROM v WHERE v.value IS NOT NULL
                    )
                    SELECT value FROM v WHERE value IS NOT NULL LIMIT 500"""  # noqa: S608  (our table and column)
            )
            return [(value, value) for (value,) in cursor.fetchall()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(**{self.column: value}) if value else queryset


class CurrencyFilter(DistinctValuesFilter):
    title = "currency"
    parameter_name = "currency"
    column = "currency"


class StockAdjustmentForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[
            (AdjustmentMode.ADD.value, "Add (or remove, with a negative quantity)"),
            (AdjustmentMode.SET.value, "Set to"),
        ],
        initial=AdjustmentMode.ADD.value,
    )
    quantity = forms.IntegerField(min_value=-1_000_000_000, max_value=1_000_000_000)
    reason = forms.ChoiceField(choices=[(reason.value, reason.label) for reason in ADJUSTMENT_REASONS])
    note = forms.CharField(max_length=500, required=False)
    # Drawn when the form is shown and sent back with it: the adjustment's idempotency key.
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("mode") == AdjustmentMode.SET.value and (cleaned.get("quantity") or 0) < 0:
            self.add_error("quantity", "A stock level cannot be set below zero.")
        return cleaned


class ProductAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """A product's page, carrying the version it was opened at (the API's ETag).

    Saving over a change someone else made since the page was opened is refused with a message,
    as the API refuses a stale If-Match with 412, instead of silently overwriting their change.
    The admin saves in one transaction (ModelAdmin.changeform_view), and the check locks the row
    in it, so no other write lands between the comparison and the save.
    """

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"].initial = entity_tag(pk=self.instance.pk, updated_at=self.instance.updated_at)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk is None:
            return cleaned
        current = Product.objects.select_for_update().only("updated_at").get(pk=self.instance.pk)
        if cleaned.get("version") != entity_tag(pk=current.pk, updated_at=current.updated_at):
            raise forms.ValidationError(
                "Someone changed this product since you opened this page (last change: %(at)s UTC), "
                "so nothing was saved. Open the product again to see their change, then make yours.",
                code="stale",
                params={"at": current.updated_at.strftime("%Y-%m-%d %H:%M:%S")},
            )
        return cleaned
