"""Grant the staff groups of 0001 their permissions on the orders models.

order-managers view and change orders (the admin's cancel action needs "change"; the fields
themselves are read-only there: orders change only through the services). Lines, history and
idempotency records are written by the services alone, so both groups only view them.
order-viewers view everything.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHANGEABLE = ("order",)
VIEW_ONLY = ("orderline", "orderstatuschange", "idempotencyrecord")


def _codenames(models, actions):
    return [f"{action}_{model}" for model in models for action in actions]


def grant(apps, schema_editor):
    # Permissions are normally created after migrate (post_migrate); create them now so they
    # can be granted in the same run.
    app_config = apps.get_app_config("orders")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    orders = permission_model.objects.filter(content_type__app_label="orders")
    managers = _codenames(CHANGEABLE, ("change", "view")) + _codenames(VIEW_ONLY, ("view",))
    viewers = _codenames(CHANGEABLE + VIEW_ONLY, ("view",))
    group_model.objects.get(name="order-managers").permissions.add(*orders.filter(codename__in=managers))
    group_model.objects.get(name="order-viewers").permissions.add(*orders.filter(codename__in=viewers))


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    orders = permission_model.objects.filter(content_type__app_label="orders")
    for group in group_model.objects.filter(name__in=("order-managers", "order-viewers")):
        group.permissions.remove(*orders)


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0002_orders"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
