"""Grant the staff groups of 0001 their permissions on the catalog models.

catalog-managers edit the catalog (categories, products); stock, its audit trail and
reservations change only through the services that keep them consistent, so both groups only
view those. catalog-viewers view everything.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = ("category", "product")
VIEW_ONLY = ("stocklevel", "stockmovement", "reservation", "reservationline")


def _codenames(models, actions):
    return [f"{action}_{model}" for model in models for action in actions]


def grant(apps, schema_editor):
    # Permissions are normally created after migrate (post_migrate); create them now so they
    # can be granted in the same run.
    app_config = apps.get_app_config("catalog")
    models_module = getattr(app_config, "models_module", None)  # a migration-state AppConfigStub has none
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    catalog = permission_model.objects.filter(content_type__app_label="catalog")
    managers = _codenames(EDITABLE, ("add", "change", "delete", "view")) + _codenames(VIEW_ONLY, ("view",))
    viewers = _codenames(EDITABLE + VIEW_ONLY, ("view",))
    group_model.objects.get(name="catalog-managers").permissions.add(*catalog.filter(codename__in=managers))
    group_model.objects.get(name="catalog-viewers").permissions.add(*catalog.filter(codename__in=viewers))


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    catalog = permission_model.objects.filter(content_type__app_label="catalog")
    for group in group_model.objects.filter(name__in=("catalog-managers", "catalog-viewers")):
        group.permissions.remove(*catalog)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_catalog"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
