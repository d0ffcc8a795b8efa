"""Catalog managers may start imports from the admin (its add page uploads the file)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("catalog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    add = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="catalog", codename="add_productimport"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="catalog-managers"):
        group.permissions.add(*add)


def revoke(apps, schema_editor):
    add = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="catalog", codename="add_productimport"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="catalog-managers"):
        group.permissions.remove(*add)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_sku_prefix_index"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
