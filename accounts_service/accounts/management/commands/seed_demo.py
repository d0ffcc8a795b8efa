from typing import Any

from django.core.management.base import BaseCommand

from accounts_service.accounts.models import User
from common.settings import env


class Command(BaseCommand):
    help = "Create the demo data of a local system (idempotent): the demo admin user."

    def handle(self, *args: Any, **options: Any) -> None:
        email = env.str("DEMO_ADMIN_EMAIL")
        if User.objects.filter(email=email).exists():
            self.stdout.write(f"demo admin {email} already exists")
            return
        User.objects.create_superuser(email, env.str("DEMO_ADMIN_PASSWORD"), full_name="Demo Admin")
        self.stdout.write(f"created demo admin {email}")
