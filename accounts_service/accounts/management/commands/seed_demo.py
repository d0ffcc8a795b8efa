from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from accounts_service.accounts.models import User
from common.settings import env

DEMO_GROUPS = ("catalog-managers",)
DEMO_CUSTOMER_EMAIL = "customer@mercato.local"  # unless DEMO_CUSTOMER_EMAIL is set


class Command(BaseCommand):
    help = (
        "Create the demo data of a local system (idempotent): the demo admin (DEMO_ADMIN_EMAIL, "
        "DEMO_ADMIN_PASSWORD) in the catalog-managers group, and a customer, "
        f"{DEMO_CUSTOMER_EMAIL}, with the same password."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        email = env.str("DEMO_ADMIN_EMAIL")
        password = env.str("DEMO_ADMIN_PASSWORD")
        groups = [Group.objects.get_or_create(name=name)[0] for name in DEMO_GROUPS]

        admin = User.objects.filter(email=email).first()
        if admin is None:
            admin = User.objects.create_superuser(email, password, full_name="Demo Admin")
            self.stdout.write(f"created demo admin {email}")
        else:
            self.stdout.write(f"demo admin {email} already exists")
        admin.groups.add(*groups)

        customer_email = env.str("DEMO_CUSTOMER_EMAIL", default=DEMO_CUSTOMER_EMAIL)
        if User.objects.filter(email=customer_email).exists():
            self.stdout.write(f"demo customer {customer_email} already exists")
        else:
            User.objects.create_user(customer_email, password, full_name="Demo Customer")
            self.stdout.write(f"created demo customer {customer_email}")
