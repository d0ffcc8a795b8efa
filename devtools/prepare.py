"""The dev runner's one step per service before it serves (scripts/run.py, README, "The dev loop").

Run as ``python -m devtools.prepare [--service-client NAME=SCOPE,SCOPE ...]`` with the service's
DJANGO_SETTINGS_MODULE in the environment. One Django start-up does what `migrate`, `seed_demo`
and `create_service_client` would each start Django for: the runner calls it only when a
service's migrations, demo data or service clients may have changed (devtools/devloop.py decides
from a fingerprint), so a warm start skips it.

A plain module rather than a management command: a command must live in an installed app, and
devtools/ is not installed in the image (nor in any service's INSTALLED_APPS).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.prepare",
        description="Local development only: apply unapplied migrations, seed the demo data (seed_demo), "
        "and create or update the given service clients (accounts).",
    )
    parser.add_argument(
        "--service-client",
        action="append",
        default=[],
        metavar="NAME=SCOPE,SCOPE",
        help="A service client to create or update (accounts only); its secret is read from the "
        "environment variable SERVICE_CLIENT_SECRET_<NAME>.",
    )
    return parser.parse_args(argv)


def prepare(service_clients: Sequence[str]) -> None:
    import django

    django.setup()
    # The commands say on stdout what they did; the services' own INFO records (the search
    # indexer's, run by seed_demo) would say it again, in another format, among them.
    logging.getLogger().setLevel(logging.WARNING)
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        began = time.monotonic()
        print(f"applying {len(plan)} migrations ...", flush=True)
        call_command("migrate", interactive=False, verbosity=0)
        print(f"applied {len(plan)} migrations in {time.monotonic() - began:.0f}s", flush=True)
    else:
        print("migrations up to date", flush=True)
    call_command("seed_demo", stdout=sys.stdout)
    for item in service_clients:
        name, _, scopes = item.partition("=")
        scope_args = [arg for scope in scopes.split(",") if scope for arg in ("--scope", scope)]
        call_command(
            "create_service_client",
            name,
            *scope_args,
            "--secret-from-env",
            f"SERVICE_CLIENT_SECRET_{name.upper()}",
            stdout=sys.stdout,
        )


def main(argv: Sequence[str] | None = None) -> None:
    prepare(parse_args(argv).service_client)


if __name__ == "__main__":
    main()
