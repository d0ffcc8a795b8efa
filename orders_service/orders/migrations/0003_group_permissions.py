"""Grant the staff groups of 0001 their permissions on the orders models.

order-managers view and change orders (the admin's cancel action needs "change"; the fields
themselves are read-only there: orders change only through the services). Lines, history and
idempotency records are written by the services alone, so both groups only view them.
order-viewers view everything.
"""

from django.db import migrations

from common.staff_groups import codenames, grant_permissions

CHANGEABLE = ("order",)
VIEW_ONLY = ("orderline", "orderstatuschange", "idempotencyrecord")


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0002_orders"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        grant_permissions(
            "orders",
            {
                "order-managers": codenames(CHANGEABLE, ("change", "view")) + codenames(VIEW_ONLY, ("view",)),
                "order-viewers": codenames(CHANGEABLE + VIEW_ONLY, ("view",)),
            },
        )
    ]
