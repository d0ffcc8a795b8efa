from typing import Any

from django.core.management.base import BaseCommand

from accounts_service.accounts.services.tokens import refresh_token_purge


class Command(BaseCommand):
    help = "Delete the refresh tokens of sign-ins that have no usable token left (run daily, e.g. as a CronJob)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = refresh_token_purge()
        self.stdout.write(f"deleted {deleted} refresh token(s)")
