from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from catalog_service.catalog.bulk.generator import products_generate
from catalog_service.catalog.models import Product
from catalog_service.catalog.services.search_index import search_index_refresh
from common.settings import env

PROGRESS_EVERY = 2_000


class Command(BaseCommand):
    help = (
        "Create the demo data of a local system (idempotent): a local break-glass admin, and a "
        "category tree with DEMO_PRODUCTS (default 10,000) generated products when there are none."
    )

    # Staff sign in with their accounts credentials (common.auth.backends.AccountsBackend).
    # This local superuser is the break-glass account: ModelBackend is asked first, so it signs
    # in while accounts is down. Its local password also keeps AccountsBackend from taking over
    # the same username.

    def handle(self, *args: Any, **options: Any) -> None:
        self._demo_admin()
        self._demo_products()

    def _demo_admin(self) -> None:
        email = env.str("DEMO_ADMIN_EMAIL")
        user_model = get_user_model()
        if user_model.objects.filter(username=email).exists():
            self.stdout.write(f"demo admin {email} already exists")
            return
        user_model.objects.create_superuser(username=email, email=email, password=env.str("DEMO_ADMIN_PASSWORD"))
        self.stdout.write(f"created demo admin {email}")

    def _demo_products(self) -> None:
        # Only into an empty catalog: the demo data never mixes with products someone made.
        if Product.objects.exists():
            self.stdout.write("products exist; no demo products generated")
            return
        count = env.int("DEMO_PRODUCTS", default=10_000)
        created = categories = 0
        # In slices, each with a progress line: the dev runner shows the first run's longest step
        # moving (generating the same range in slices gives the same products).
        for start in range(0, count, PROGRESS_EVERY):
            result = products_generate(count=min(PROGRESS_EVERY, count - start), start=start)
            created += result.created
            categories = result.categories
            self.stdout.write(f"demo products: {start + result.requested:,} of {count:,}")
        self.stdout.write(f"generated {created} demo products in {categories} leaf categories")
        # Indexed here rather than by the worker's job: the system is ready when its demo
        # products can be searched, and the worker starts with nothing waiting.
        indexed = search_index_refresh()
        self.stdout.write(f"indexed {indexed.indexed:,} demo products for search in {indexed.seconds:.1f}s")
