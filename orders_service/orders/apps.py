from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "orders_service.orders"
    label = "orders"

    def ready(self) -> None:
        from common.periodic import register_tasks

        register_tasks("orders_service.orders.tasks")
