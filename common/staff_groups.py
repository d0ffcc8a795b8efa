"""Migration operations for a service's local staff groups (docs/identity.md).

Admin sign-in mirrors group membership from accounts, but only into groups that exist locally,
and each service alone decides what its groups may do: it creates them, then grants them model
permissions, in its own data migrations, with these operations.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations


def codenames(models: Iterable[str], actions: Iterable[str]) -> list[str]:
    """``view_product``-style permission codenames: every action on every model."""
    return [f"{action}_{model}" for model in models for action in actions]


def create_groups(*names: str) -> migrations.RunPython:
    def forward(apps: Any, schema_editor: Any) -> None:
        group_model = apps.get_model("auth", "Group")
        for name in names:
            group_model.objects.get_or_create(name=name)

    def backward(apps: Any, schema_editor: Any) -> None:
        apps.get_model("auth", "Group").objects.filter(name__in=names).delete()

    return migrations.RunPython(forward, backward)


def grant_permissions(app_label: str, grants: Mapping[str, Iterable[str]]) -> migrations.RunPython:
    """Give each group (by name) the permissions with these codenames on ``app_label``'s models."""
    grants = {group: list(names) for group, names in grants.items()}

    def forward(apps: Any, schema_editor: Any) -> None:
        # Permissions are normally created after migrate (post_migrate); create them now so they
        # can be granted in the same run.
        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)  # a migration-state AppConfigStub has none
        app_config.models_module = True  # create_permissions skips an app without one
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

        group_model = apps.get_model("auth", "Group")
        permissions = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=app_label)
        for group, names in grants.items():
            group_model.objects.get(name=group).permissions.add(*permissions.filter(codename__in=names))

    def backward(apps: Any, schema_editor: Any) -> None:
        group_model = apps.get_model("auth", "Group")
        permissions = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=app_label)
        for group in group_model.objects.filter(name__in=list(grants)):
            group.permissions.remove(*permissions)

    return migrations.RunPython(forward, backward)
