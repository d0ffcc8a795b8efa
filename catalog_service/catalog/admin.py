"""The catalog's admin, built for tables of millions of rows (docs/catalog-bulk.md, "The admin").

No changelist counts a big table (EstimatedCountPaginator), search uses indexes only (SKU
prefix, full-text search), relations are picked with autocomplete or raw ids, and stock changes
only through the stock service, which writes the audit trail.
"""

from __future__ import annotations

import csv
import itertools
import re
from typing import Any, ClassVar, Final
from uuid import UUID

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.views import View
from treebeard.admin import TreeAdmin  # type: ignore[import-untyped]
from treebeard.forms import movenodeform_factory  # type: ignore[import-untyped]

from catalog_service.catalog.admin_support import BigTableAdmin, CurrencyFilter, ProductAdminForm, StockAdjustmentForm
from catalog_service.catalog.exceptions import CatalogError
from catalog_service.catalog.models import (
    Category,
    ImportFormat,
    ImportStatus,
    MovementReason,
    Product,
    ProductImport,
    ProductImportError,
    Reservation,
    ReservationLine,
    StockAdjustmentKey,
    StockLevel,
    StockMovement,
)
from catalog_service.catalog.selectors.products import search_matches, search_query
from catalog_service.catalog.selectors.search_index import search_freshness
from catalog_service.catalog.services.categories import TREE_LOCK_KEY
from catalog_service.catalog.services.imports import product_import_upload
from catalog_service.catalog.services.product_bulk import products_set_active
from catalog_service.catalog.services.search_index import search_index_request
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from common.csv_cells import csv_row
from common.idempotency import (
    IdempotencyContext,
    IdempotencyInFlight,
    IdempotencyKeyReused,
    IdempotencyReplay,
    idempotency_complete,
    request_fingerprint,
)

# A stock adjustment writes one movement per product; more than this at once is a job for an import.
MAX_STOCK_ADJUSTMENTS: Final = 1_000
# The product list says how many products wait for the search indexer up to this many, and
# "more than" past it.
ADMIN_SEARCH_WAITING_COUNT_UP_TO: Final = 10_000
_SKU_PREFIX: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _actor(request: HttpRequest) -> str:
    return f"admin:{request.user.get_username()}"


# --- categories ---------------------------------------------------------------------------------


@admin.register(Category)
class CategoryAdmin(TreeAdmin):  # type: ignore[misc]
    form = movenodeform_factory(Category, exclude=("created_at", "updated_at"))
    list_display = ("name", "slug", "depth")
    search_fields = ("name", "slug")  # also what the products' category autocomplete searches
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012

    # Tree writes compute materialized paths from the siblings present; like the category
    # service, the admin takes the tree's advisory lock first, so concurrent writes queue up.
    def save_form(self, request: HttpRequest, form: Any, change: bool) -> Any:
        _lock_tree()
        return super().save_form(request, form, change)

    def move_node(self, request: HttpRequest) -> HttpResponse:
        with transaction.atomic():
            _lock_tree()
            response: HttpResponse = super().move_node(request)
            return response


def _lock_tree() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])


# --- products -------------------------------------------------------------------------------


class StockLevelInline(admin.StackedInline):  # type: ignore[type-arg]
    model = StockLevel
    fields = ("on_hand", "reserved", "updated_at")
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0
    verbose_name_plural = "stock (change it with the “Adjust stock” action: it records the movement)"


@admin.register(Product)
class ProductAdmin(BigTableAdmin):
    list_display = ("sku", "name", "category", "price", "currency", "is_active", "on_hand", "updated_at")
    list_select_related = ("category", "stock")
    list_filter = ("is_active", CurrencyFilter)
    # Only orderings an index serves (see Product.Meta.indexes).
    sortable_by = ("sku", "name", "price", "updated_at")
    ordering = ("-updated_at", "-id")
    # Searched by get_search_results below: SKU prefix and full-text search, both indexed.
    search_fields = ("sku",)
    search_help_text = "A SKU or its beginning, or words of the name, SKU or description."
    autocomplete_fields = ("category",)
    readonly_fields = ("created_at", "updated_at")
    # A save over someone else's change since the page was opened is refused (ProductAdminForm).
    form = ProductAdminForm
    fields = (
        "sku",
        "name",
        "slug",
        "category",
        "description",
        "price",
        "currency",
        "attributes",
        "is_active",
        "created_at",
        "updated_at",
        "version",
    )
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012
    inlines = (StockLevelInline,)
    actions = ("activate", "deactivate", "adjust_stock")

    @admin.display(description="on hand")
    def on_hand(self, product: Product) -> int | None:
        stock = getattr(product, "stock", None)
        return stock.on_hand if stock is not None else None

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # How far full-text search is behind the writes (templates/admin/catalog/product/change_list.html).
        # Counted up to a bound: after a bulk write of a million products not yet indexed, the
        # exact count is a scan of them all on every page (103 ms of 187, bench/run_admin.py).
        freshness = search_freshness(count_up_to=ADMIN_SEARCH_WAITING_COUNT_UP_TO)
        context = {**(extra_context or {}), "search_freshness": freshness}
        return super().changelist_view(request, context)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Product]:
        # The search vector is only searched, never shown.
        return super().get_queryset(request).defer("search_vector", "search_indexed_at")

    def get_readonly_fields(self, request: HttpRequest, obj: Product | None = None) -> Any:
        # The SKU is the product's identity, copied into orders: it never changes.
        return (*self.readonly_fields, "sku") if obj is not None else self.readonly_fields

    def get_actions(self, request: HttpRequest) -> Any:
        actions = super().get_actions(request)
        # Deleting thousands of products through the admin's confirmation page (which lists
        # every related row) is not an operation for a big table; deactivate them instead.
        actions.pop("delete_selected", None)
        return actions

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Product], search_term: str
    ) -> tuple[QuerySet[Product], bool]:
        term = search_term.replace("\x00", "").strip()[:200]
        if not term:
            return queryset, False
        # A term some SKU begins with is a SKU search (product_sku_unique: C collation), else full-text
        # search of the name, SKU and description (product_search_vector_gin). Not both at once:
        # "GEN-00001" in full text is 'gen' <-> '00001', and 'gen' is in every generated SKU, so
        # the planner expected most rows to match and walked the whole list order filtering
        # (1.5 s at a million products, docs/admin.md).
        if _SKU_PREFIX.match(term) and Product.objects.filter(sku__startswith=term).exists():
            return queryset.filter(sku__startswith=term), False
        return queryset.filter(search_matches(search_query(term))), False

    def save_model(self, request: HttpRequest, obj: Product, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # Like the product service: every product has its stock row from the start.
            StockLevel.objects.get_or_create(product=obj)
        # Like the product service: the indexing job makes the new text findable.
        search_index_request()

    @admin.action(description="Activate selected products", permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        changed = products_set_active(products=queryset, is_active=True)
        self.message_user(request, f"{changed} product(s) activated.", messages.SUCCESS)

    @admin.action(description="Deactivate selected products", permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        changed = products_set_active(products=queryset, is_active=False)
        self.message_user(request, f"{changed} product(s) deactivated.", messages.SUCCESS)

    @admin.action(description="Adjust stock of selected products", permissions=["change"])
    def adjust_stock(self, request: HttpRequest, queryset: QuerySet[Product]) -> TemplateResponse | None:
        skus = list(queryset.order_by("id").values_list("sku", flat=True)[: MAX_STOCK_ADJUSTMENTS + 1])
        if len(skus) > MAX_STOCK_ADJUSTMENTS:
            self.message_user(
                request,
                f"Select at most {MAX_STOCK_ADJUSTMENTS} products to adjust; use an import for more.",
                messages.ERROR,
            )
            return None
        form = StockAdjustmentForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._apply_adjustment(request, skus, form.cleaned_data)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Adjust stock",
            "opts": self.model._meta,
            "form": form,
            "skus": skus,
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/catalog/product/adjust_stock.html", context)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("<int:product_id>/adjust-stock/", view(self.adjust_stock_view), name="catalog_product_adjust_stock"),
            *super().get_urls(),
        ]

    def adjust_stock_view(self, request: HttpRequest, product_id: int) -> HttpResponse:
        """One product's "Adjust stock" (the button on its page): the action's form and service."""
        product = self.get_object(request, str(product_id))
        if product is None:
            raise Http404("No such product.")
        if not self.has_change_permission(request, product):
            raise PermissionDenied
        change_url = reverse("admin:catalog_product_change", args=[product.pk])
        form = StockAdjustmentForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            self._apply_adjustment(request, [product.sku], form.cleaned_data)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Adjust stock of {product.sku}",
            "opts": self.model._meta,
            "form": form,
            "skus": [product.sku],
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/catalog/product/adjust_stock.html", context)

    def _apply_adjustment(self, request: HttpRequest, skus: list[str], data: dict[str, Any]) -> None:
        """Adjust each product through the stock service, as the API does. The form's key
        (drawn when the form was shown) makes each product's adjustment idempotent like an
        Idempotency-Key: the same form sent again (a double click, a reload) changes nothing."""
        done = 0
        replayed: list[str] = []
        refused: list[str] = []
        values = {name: value for name, value in data.items() if name != "idempotency_key"}
        for sku in skus:
            idempotency = IdempotencyContext(
                key=f"admin:{data['idempotency_key']}:{sku}",
                fingerprint=request_fingerprint(method="POST", path=f"admin/stock/{sku}", body=values),
            )
            try:
                adjustment = stock_adjust(
                    sku=sku,
                    mode=AdjustmentMode(data["mode"]),
                    quantity=data["quantity"],
                    reason=MovementReason(data["reason"]),
                    actor=_actor(request),
                    note=data["note"],
                    reference="admin",
                    idempotency=idempotency,
                )
            except (IdempotencyReplay, IdempotencyInFlight):
                replayed.append(sku)
                continue
            except IdempotencyKeyReused:
                refused.append(f"{sku}: this form was already sent with other values; open it again")
                continue
            except CatalogError as exc:
                refused.append(f"{sku}: {exc.message}")
                continue
            assert adjustment.idempotency_record_id is not None
            idempotency_complete(
                StockAdjustmentKey,
                record_id=adjustment.idempotency_record_id,
                status_code=201,
                body={"movement_id": adjustment.movement_id},
            )
            done += 1
        if done:
            self.message_user(request, f"Stock adjusted for {done} product(s).", messages.SUCCESS)
        if replayed:
            self.message_user(
                request, f"Already adjusted by this form, not again: {', '.join(replayed[:20])}", messages.INFO
            )
        if refused:
            shown = "; ".join(refused[:20]) + (" ..." if len(refused) > 20 else "")
            self.message_user(request, f"{len(refused)} refused: {shown}", messages.WARNING)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        context = {**(extra_context or {}), "adjust_stock_url": None}
        if object_id.isdigit() and self.has_change_permission(request):
            context["adjust_stock_url"] = reverse("admin:catalog_product_adjust_stock", args=[int(object_id)])
        return super().change_view(request, object_id, form_url, context)


# --- stock and reservations: read-only, they change through their services -----------------


class ReadOnlyAdminMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(StockLevel)
class StockLevelAdmin(ReadOnlyAdminMixin, BigTableAdmin):
    """Every product's stock, one row each; it changes through "Adjust stock" (on the products
    list, or a product's page), which records the movement."""

    list_display = ("product", "on_hand", "reserved", "updated_at")
    list_select_related = ("product",)
    sortable_by = ()
    ordering = ("-product",)  # the primary key: newest products first
    search_fields = ("product__sku",)
    search_help_text = "A SKU or its beginning."

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[StockLevel], search_term: str
    ) -> tuple[QuerySet[StockLevel], bool]:
        term = search_term.replace("\x00", "").strip()[:200]
        if not term:
            return queryset, False
        return queryset.filter(product__sku__startswith=term), False


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnlyAdminMixin, BigTableAdmin):
    list_display = ("created_at", "product", "delta_on_hand", "delta_reserved", "reason", "actor", "reference")
    list_select_related = ("product",)
    list_filter = ("reason",)
    raw_id_fields = ("product",)
    sortable_by = ()
    ordering = ("-id",)
    search_fields = ("reference",)  # exact match on an indexed column, see get_search_results
    search_help_text = "An exact reference: a reservation id, import:<id>, ..."

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[StockMovement], search_term: str
    ) -> tuple[QuerySet[StockMovement], bool]:
        term = search_term.replace("\x00", "").strip()[:200]
        return (queryset.filter(reference=term) if term else queryset), False


class ReservationLineInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ReservationLine
    fields = ("sku", "product", "quantity", "unit_price", "currency")
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0


@admin.register(Reservation)
class ReservationAdmin(ReadOnlyAdminMixin, BigTableAdmin):
    list_display = ("id", "status", "caller", "reference", "expires_at", "created_at")
    list_filter = ("status",)
    sortable_by = ()
    ordering = ("-created_at",)
    search_fields = ("reference",)
    search_help_text = "An exact reference (e.g. an order id)."
    inlines = (ReservationLineInline,)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Reservation], search_term: str
    ) -> tuple[QuerySet[Reservation], bool]:
        term = search_term.replace("\x00", "").strip()[:200]
        return (queryset.filter(reference=term) if term else queryset), False


# --- import jobs ----------------------------------------------------------------------------


class ProductImportErrorInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProductImportError
    fields = ("line", "sku", "field", "code", "message")
    readonly_fields = fields
    ordering = ("line", "id")
    can_delete = False
    extra = 0
    max_num = 0
    verbose_name_plural = "rejected rows (the first 1,000 problems are kept)"


@admin.register(ProductImport)
class ProductImportAdmin(BigTableAdmin):
    list_display = (
        "id",
        "status",
        "file_name",
        "created_by",
        "rows_processed",
        "created_count",
        "updated_count",
        "unchanged_count",
        "rejected_count",
        "created_at",
        "finished_at",
    )
    list_filter = ("status", "file_format")
    ordering = ("-created_at",)
    sortable_by = ()
    inlines = (ProductImportErrorInline,)
    fields = (
        "id",
        "status",
        "error",
        "file_format",
        "file_name",
        "file_size",
        "total_rows",
        "rows_processed",
        "created_count",
        "updated_count",
        "unchanged_count",
        "rejected_count",
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
    )
    readonly_fields = fields
    # What the page's live Progress box shows (change_form.html): left out of the static fields,
    # which would keep showing the values of when the page was opened.
    live_fields = frozenset(
        {"status", "error", "rows_processed", "created_count", "updated_count", "unchanged_count", "rejected_count"}
    )

    # A job's record is history: it changes only as the import runs.
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str | list[str] | tuple[str, ...] | tuple[()]]:
        return [name for name in self.fields if name not in self.live_fields]

    def get_inline_instances(self, request: HttpRequest, obj: Any = None) -> list[InlineModelAdmin[Any, Any]]:
        # The rejected rows are listed once the job is finished; while it runs they are in the
        # download (and the live box counts them).
        if obj is not None and obj.status not in (ImportStatus.SUCCEEDED, ImportStatus.FAILED):
            return []
        return super().get_inline_instances(request, obj)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            # The add page is the upload: a file in, a queued job out (the API's service).
            path("add/", view(ProductImportUploadView.as_view(model_admin=self)), name="catalog_productimport_add"),
            path("<uuid:import_id>/progress/", view(self.progress_view), name="catalog_productimport_progress"),
            path("<uuid:import_id>/rejected.csv", view(self.rejected_view), name="catalog_productimport_rejected"),
            *super().get_urls(),
        ]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        job = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if job is not None:
            context["progress"] = import_progress(job)
            context["progress_url"] = reverse("admin:catalog_productimport_progress", args=[job.pk])
            context["rejected_url"] = reverse("admin:catalog_productimport_rejected", args=[job.pk])
        return super().change_view(request, object_id, form_url, context)

    def progress_view(self, request: HttpRequest, import_id: UUID) -> JsonResponse:
        """The job's progress as JSON, which the change page polls (catalog/admin/import_progress.js)."""
        job = self._job(request, import_id)
        return JsonResponse(import_progress(job))  # never cached: admin_view adds never_cache

    def rejected_view(self, request: HttpRequest, import_id: UUID) -> StreamingHttpResponse:
        """The rejected rows kept (the first 1,000 problems), one problem a line, as CSV."""
        job = self._job(request, import_id)
        writer = csv.writer(_Echo())
        rows = ProductImportError.objects.filter(product_import=job).order_by("line", "id")
        lines = itertools.chain(
            [writer.writerow(("line", "sku", "field", "code", "message"))],
            (
                writer.writerow(csv_row((error.line, error.sku, error.field, error.code, error.message)))
                for error in rows.iterator(chunk_size=500)
            ),
        )
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-rejected.csv"'
        return response

    def _job(self, request: HttpRequest, import_id: UUID) -> ProductImport:
        job: ProductImport | None = self.get_object(request, str(import_id))
        if job is None:
            raise Http404("No such import.")
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return job


def import_progress(job: ProductImport) -> dict[str, Any]:
    finished = job.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED)
    total = job.total_rows
    percent = 100 if finished else (min(99, job.rows_processed * 100 // total) if total else None)
    return {
        "status": job.status,
        "finished": finished,
        "percent": percent,
        "total_rows": total,
        "rows_processed": job.rows_processed,
        "created": job.created_count,
        "updated": job.updated_count,
        "unchanged": job.unchanged_count,
        "rejected": job.rejected_count,
        "error": job.error,
    }


class _Echo:
    """A file-like whose write returns the line: the csv writer then yields lines to stream."""

    def write(self, value: str) -> str:
        return value


class ProductImportUploadForm(forms.Form):
    file = forms.FileField(label="Product file", help_text="CSV or NDJSON, as docs/catalog-bulk.md describes.")
    file_format = forms.ChoiceField(
        label="Format",
        choices=[("", "from the file's name"), *ImportFormat.choices],
        required=False,
    )


class ProductImportUploadView(View):
    """Upload a product file and start its import: the same service as the API's POST."""

    # As large as the API takes (common/request_limits.py reads this through the admin's wrapper).
    request_body_limits: ClassVar[dict[str, str]] = {"POST": "PRODUCT_IMPORT_MAX_BYTES"}
    model_admin: ProductImportAdmin | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        assert self.model_admin is not None
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, ProductImportUploadForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        assert self.model_admin is not None
        form = ProductImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            requested = form.cleaned_data["file_format"]
            try:
                job = product_import_upload(
                    upload=upload, requested=ImportFormat(requested) if requested else None, actor=_actor(request)
                )
            except CatalogError as exc:
                form.add_error("file", exc.message)
            else:
                self.model_admin.message_user(
                    request, f"Import of {job.file_name} started: this page follows its progress.", messages.SUCCESS
                )
                return HttpResponseRedirect(reverse("admin:catalog_productimport_change", args=[job.pk]))
        return self._page(request, form)

    def _page(self, request: HttpRequest, form: ProductImportUploadForm) -> HttpResponse:
        assert self.model_admin is not None
        context = {
            **self.model_admin.admin_site.each_context(request),
            "title": "Upload products",
            "opts": ProductImport._meta,
            "form": form,
        }
        return TemplateResponse(request, "admin/catalog/productimport/upload.html", context)
