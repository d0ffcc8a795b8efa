from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from catalog_service.catalog.services.reservations import reservations_expire


class Command(BaseCommand):
    help = "Expire every held reservation past its deadline, releasing its stock (safe to run concurrently)."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = reservations_expire(now=timezone.now())
        self.stdout.write(f"expired {expired} reservation(s)")
