from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog_service.catalog"
    label = "catalog"
