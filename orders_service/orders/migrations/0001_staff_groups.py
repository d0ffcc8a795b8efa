"""The staff groups of orders, which admin sign-in mirrors from accounts (docs/identity.md).

Only groups that exist here are mirrored, and this service alone decides what each may do.
The groups are created here without permissions: the migrations that add the models grant
them (broadly, "order-managers" edit and "order-viewers" view).
"""

from django.db import migrations

GROUPS = ("order-managers", "order-viewers")


def create_groups(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in GROUPS:
        group_model.objects.get_or_create(name=name)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, delete_groups)]
