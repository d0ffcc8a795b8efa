from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, MovementReason, Product
from catalog_service.catalog.services.categories import category_create
from catalog_service.catalog.services.products import product_create
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from tests.catalog import tokens

RESERVATIONS_SCOPE = "catalog.reservations:write"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Put back what the data migrations seed, when a reused test database has lost it.

    A transactional test (``transaction=True``) ends by flushing every table, so the staff groups
    and permissions the migrations created are gone for the next run of a ``--reuse-db`` database,
    while the migrations count as applied. Within a run, pytest-django runs transactional tests
    last, so restoring once at the start is enough.
    """
    import importlib

    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection
    from django.db.migrations import RunPython
    from django.db.migrations.executor import MigrationExecutor

    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # content types, permissions
        # The historical models, as the migrations' functions get them when migrate runs them.
        state_apps = MigrationExecutor(connection).loader.project_state().apps
        # Every migration that creates the staff groups or grants them permissions (idempotent).
        for migration in (
            "0001_staff_groups",
            "0003_group_permissions",
            "0004_product_imports",
            "0009_import_upload_permission",
        ):
            module = importlib.import_module(f"catalog_service.catalog.migrations.{migration}")
            for operation in module.Migration.operations:
                if isinstance(operation, RunPython):
                    operation.code(state_apps, editor)


@pytest.fixture(autouse=True)
def _test_keys(settings: Any) -> None:
    # Tokens are verified against the key tests/catalog/tokens.py signs with, not accounts' JWKS.
    settings.JWT_KEY_RESOLVER = "tests.catalog.tokens.resolve"


def _client(token: str | None) -> APIClient:
    client = APIClient()
    if token:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def anonymous_client() -> APIClient:
    return _client(None)


@pytest.fixture
def customer_client() -> APIClient:
    return _client(tokens.person_token())


@pytest.fixture
def staff_client() -> APIClient:
    return _client(tokens.person_token(is_staff=True))


@pytest.fixture
def service_client() -> Callable[..., APIClient]:
    def make(*, name: str = "orders", scopes: tuple[str, ...] = (RESERVATIONS_SCOPE,)) -> APIClient:
        return _client(tokens.service_token(name=name, scopes=scopes))

    return make


@pytest.fixture
def orders_client(service_client: Callable[..., APIClient]) -> APIClient:
    return service_client()


@pytest.fixture
def make_category() -> Callable[..., Category]:
    counter = iter(range(1, 1_000_000))

    def make(name: str | None = None, *, parent: Category | None = None, slug: str | None = None) -> Category:
        number = next(counter)
        name = name or f"Category {number}"
        return category_create(name=name, slug=slug or f"category-{number}", parent_id=parent.pk if parent else None)

    return make


@pytest.fixture
def category(make_category: Callable[..., Category]) -> Category:
    return make_category("Everything")


@pytest.fixture
def make_product(category: Category) -> Callable[..., Product]:
    counter = iter(range(1, 1_000_000))

    def make(
        sku: str | None = None,
        *,
        name: str | None = None,
        price: str = "10.00",
        currency: str = "EUR",
        stock: int = 0,
        category: Category = category,
        **fields: Any,
    ) -> Product:
        number = next(counter)
        product = product_create(
            sku=sku or f"SKU-{number:05d}",
            name=name or f"Product {number:05d}",
            category_id=category.pk,
            price=Decimal(price),
            currency=currency,
            **fields,
        )
        if stock:
            stock_adjust(
                sku=product.sku,
                mode=AdjustmentMode.SET,
                quantity=stock,
                reason=MovementReason.RESTOCK,
                actor="user:test",
            )
        return product

    return make
