from django.urls import URLPattern, URLResolver, include, path

from orders_service.orders.api.views.orders import OrderCancelView, OrderDetailView, OrderListCreateView
from orders_service.orders.api.views.reports import OrderExportView, SalesReportView
from orders_service.orders.api.views.staff import (
    StaffOrderCancelView,
    StaffOrderDetailView,
    StaffOrderFulfilView,
    StaffOrderHistoryView,
    StaffOrderListView,
)

app_name = "orders"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("common.auth.urls")),
    path("orders/", OrderListCreateView.as_view(), name="order-list"),
    path("orders/<uuid:order_id>/", OrderDetailView.as_view(), name="order-detail"),
    path("orders/<uuid:order_id>/cancel/", OrderCancelView.as_view(), name="order-cancel"),
    path("staff/orders/", StaffOrderListView.as_view(), name="staff-order-list"),
    path("staff/orders/<uuid:order_id>/", StaffOrderDetailView.as_view(), name="staff-order-detail"),
    path("staff/orders/<uuid:order_id>/history/", StaffOrderHistoryView.as_view(), name="staff-order-history"),
    path("staff/orders/<uuid:order_id>/fulfil/", StaffOrderFulfilView.as_view(), name="staff-order-fulfil"),
    path("staff/orders/<uuid:order_id>/cancel/", StaffOrderCancelView.as_view(), name="staff-order-cancel"),
    path("reports/sales/", SalesReportView.as_view(), name="report-sales"),
    path("reports/orders-export/", OrderExportView.as_view(), name="report-orders-export"),
]
