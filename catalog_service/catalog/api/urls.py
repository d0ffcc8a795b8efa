from django.urls import URLPattern, URLResolver, include, path, register_converter

from catalog_service.catalog.api.converters import IdConverter, SkuConverter
from catalog_service.catalog.api.views.categories import CategoryDetailView, CategoryListView
from catalog_service.catalog.api.views.exports import ProductExportView
from catalog_service.catalog.api.views.imports import ProductImportDetailView, ProductImportListView
from catalog_service.catalog.api.views.products import ProductDetailView, ProductListView
from catalog_service.catalog.api.views.reservations import (
    ReservationCommitView,
    ReservationCreateView,
    ReservationDetailView,
    ReservationReleaseView,
    ReservationReturnView,
    ReservationStatesView,
)
from catalog_service.catalog.api.views.stock import (
    AvailabilityView,
    StockAdjustmentCreateView,
    StockLevelDetailView,
    StockMovementListView,
)

app_name = "catalog"

register_converter(SkuConverter, "sku")
register_converter(IdConverter, "id")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("common.auth.urls")),
    path("categories/", CategoryListView.as_view(), name="category-list"),
    path("categories/<id:category_id>/", CategoryDetailView.as_view(), name="category-detail"),
    path("products/", ProductListView.as_view(), name="product-list"),
    # Before products/<sku>/, which would take "export" for a SKU.
    path("products/export/", ProductExportView.as_view(), name="product-export"),
    path("products/<sku:sku>/", ProductDetailView.as_view(), name="product-detail"),
    path("products/<sku:sku>/stock/", StockLevelDetailView.as_view(), name="stock-level"),
    path("products/<sku:sku>/stock-adjustments/", StockAdjustmentCreateView.as_view(), name="stock-adjustment-list"),
    path("products/<sku:sku>/stock-movements/", StockMovementListView.as_view(), name="stock-movement-list"),
    path("stock/availability/", AvailabilityView.as_view(), name="stock-availability"),
    path("reservations/", ReservationCreateView.as_view(), name="reservation-list"),
    # Before reservations/<uuid>/ (which could not take it anyway: "states" is no UUID).
    path("reservations/states/", ReservationStatesView.as_view(), name="reservation-states"),
    path("reservations/<uuid:reservation_id>/", ReservationDetailView.as_view(), name="reservation-detail"),
    path("reservations/<uuid:reservation_id>/commit/", ReservationCommitView.as_view(), name="reservation-commit"),
    path("reservations/<uuid:reservation_id>/release/", ReservationReleaseView.as_view(), name="reservation-release"),
    path("reservations/<uuid:reservation_id>/return/", ReservationReturnView.as_view(), name="reservation-return"),
    path("product-imports/", ProductImportListView.as_view(), name="product-import-list"),
    path("product-imports/<uuid:import_id>/", ProductImportDetailView.as_view(), name="product-import-detail"),
]
