"""The staff groups of orders, which admin sign-in mirrors from accounts (docs/identity.md).

Only groups that exist here are mirrored, and this service alone decides what each may do.
The groups are created here without permissions: the migrations that add the models grant
them (broadly, "order-managers" edit and "order-viewers" view).
"""

from django.db import migrations

from common.staff_groups import create_groups


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [create_groups("order-managers", "order-viewers")]
