"""The staff groups of catalog, which admin sign-in mirrors from accounts (docs/identity.md).

Only groups that exist here are mirrored, and this service alone decides what each may do.
The groups are created here without permissions: the migrations that add the models grant
them (broadly, "catalog-managers" edit and "catalog-viewers" view).
"""

from django.db import migrations

GROUPS = ("catalog-managers", "catalog-viewers")


def create_groups(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in GROUPS:
        group_model.objects.get_or_create(name=name)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, delete_groups)]
