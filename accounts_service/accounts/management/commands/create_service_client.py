import os
import re
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accounts_service.accounts.exceptions import ServiceClientExists
from accounts_service.accounts.models import ServiceClient
from accounts_service.accounts.services.service_clients import (
    service_client_create,
    service_client_rotate_secret,
    service_client_update,
)

SCOPE = re.compile(r"^[A-Za-z0-9._-]+:[A-Za-z0-9._-]+$")
NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


class Command(BaseCommand):
    help = (
        "Create a service client and print its secret once. With --secret-from-env VAR the secret is "
        "VAR's value and an existing client is updated (scopes and secret); with --rotate an existing "
        "client gets a new random secret."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("name", help="The client_id; its tokens say sub=service:<name>.")
        parser.add_argument(
            "--scope", action="append", default=[], dest="scopes", help="A scope to grant; repeat for more."
        )
        parser.add_argument("--secret-from-env", metavar="VAR", help="Take the secret from this environment variable.")
        parser.add_argument("--rotate", action="store_true", help="Give an existing client a new random secret.")

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["name"]
        scopes: list[str] = options["scopes"]
        if not NAME.match(name):
            raise CommandError(f"Invalid client name {name!r}: letters, digits, - and _ only.")
        if invalid := [scope for scope in scopes if not SCOPE.match(scope)]:
            raise CommandError(f"Invalid scope(s) {', '.join(invalid)}: expected <service>.<resource>:<action>.")
        secret = self._secret_from_env(options["secret_from_env"])
        existing = ServiceClient.objects.filter(name=name).first()

        if existing is None:
            try:
                created = service_client_create(name=name, scopes=scopes, secret=secret)
            except ServiceClientExists as exc:
                raise CommandError(f"Service client {name!r} was created concurrently; run again.") from exc
            self.stdout.write(f"created service client {name} with scopes: {' '.join(created.client.scopes) or '-'}")
            if secret is None:
                self._print_secret(created.secret)
            return

        if secret is not None:
            service_client_update(client=existing, scopes=scopes, secret=secret)
            self.stdout.write(f"updated service client {name}: scopes {' '.join(existing.scopes) or '-'}, secret set")
            return
        if options["rotate"]:
            if scopes:
                service_client_update(client=existing, scopes=scopes)
            rotated = service_client_rotate_secret(client=existing)
            self.stdout.write(f"rotated the secret of service client {name}")
            self._print_secret(rotated.secret)
            return
        raise CommandError(
            f"Service client {name!r} already exists. Use --rotate for a new secret, or --secret-from-env "
            "to set scopes and secret."
        )

    def _secret_from_env(self, variable: str | None) -> str | None:
        if variable is None:
            return None
        value = os.environ.get(variable, "")
        if len(value) < 16:
            raise CommandError(f"Set the {variable} environment variable to the secret (at least 16 characters).")
        return value

    def _print_secret(self, secret: str) -> None:
        self.stdout.write(f"client secret (shown once; store it now): {secret}")
