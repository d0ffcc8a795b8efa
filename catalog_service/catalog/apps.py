from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog_service.catalog"
    label = "catalog"

    def ready(self) -> None:
        from common.periodic import register_tasks

        register_tasks("catalog_service.catalog.tasks")
