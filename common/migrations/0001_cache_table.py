from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps: Any, schema_editor: Any) -> None:
    # createcachetable is idempotent and reads the table name from CACHES.
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """The table behind the database cache (throttle counters, lockouts), in every service."""

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
