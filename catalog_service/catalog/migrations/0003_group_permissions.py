"""Grant the staff groups of 0001 their permissions on the catalog models.

catalog-managers edit the catalog (categories, products); stock, its audit trail and
reservations change only through the services that keep them consistent, so both groups only
view those. catalog-viewers view everything.
"""

from django.db import migrations

from common.staff_groups import codenames, grant_permissions

EDITABLE = ("category", "product")
VIEW_ONLY = ("stocklevel", "stockmovement", "reservation", "reservationline")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_catalog"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        grant_permissions(
            "catalog",
            {
                "catalog-managers": codenames(EDITABLE, ("add", "change", "delete", "view"))
                + codenames(VIEW_ONLY, ("view",)),
                "catalog-viewers": codenames(EDITABLE + VIEW_ONLY, ("view",)),
            },
        )
    ]
