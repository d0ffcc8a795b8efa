from common.urls import handler400, handler403, handler404, handler500, service_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = service_urlpatterns("orders_service.orders.api.urls")
