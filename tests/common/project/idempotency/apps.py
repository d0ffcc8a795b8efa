from django.apps import AppConfig


class IdempotencyTestsConfig(AppConfig):
    """A resource and its idempotency records, to test common/idempotency.py on its own."""

    name = "tests.common.project.idempotency"
    label = "idempotency_tests"
    default_auto_field = "django.db.models.BigAutoField"
