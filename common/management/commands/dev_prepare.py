"""The dev runner's one step per service before it serves (scripts/run.py, README, "The dev loop").

One Django start-up does what `migrate`, `seed_demo` and `create_service_client` would each start
Django for: the runner calls it only when a service's migrations, demo data or service clients
may have changed (common/devloop.py decides from a fingerprint), so a warm start skips it.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = (
        "Local development only: apply unapplied migrations, seed the demo data (seed_demo), and "
        "create or update the given service clients (accounts)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--service-client",
            action="append",
            default=[],
            metavar="NAME=SCOPE,SCOPE",
            help="A service client to create or update (accounts only); its secret is read from the "
            "environment variable SERVICE_CLIENT_SECRET_<NAME>.",
        )

    def handle(self, *args: Any, service_client: list[str], **options: Any) -> None:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            began = time.monotonic()
            self.stdout.write(f"applying {len(plan)} migrations ...")
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write(f"applied {len(plan)} migrations in {time.monotonic() - began:.0f}s")
        else:
            self.stdout.write("migrations up to date")
        call_command("seed_demo", stdout=self.stdout)
        for item in service_client:
            name, _, scopes = item.partition("=")
            scope_args = [arg for scope in scopes.split(",") if scope for arg in ("--scope", scope)]
            call_command(
                "create_service_client",
                name,
                *scope_args,
                "--secret-from-env",
                f"SERVICE_CLIENT_SECRET_{name.upper()}",
                stdout=self.stdout,
            )
