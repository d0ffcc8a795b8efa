"""Service clients and the client credentials grant."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts_service.accounts.exceptions import InvalidClient, InvalidScope, ServiceClientExists
from accounts_service.accounts.metrics import TOKENS_ISSUED
from accounts_service.accounts.models import ServiceClient
from accounts_service.accounts.selectors.service_clients import service_client_get_active
from accounts_service.accounts.tokens import IssuedServiceToken, encode_service_token


@dataclass(frozen=True)
class ServiceClientSecret:
    """A client together with its plain secret, which exists only until it is shown once."""

    client: ServiceClient
    secret: str


def service_client_create(
    *, name: str, scopes: list[str], secret: str | None = None, is_active: bool = True
) -> ServiceClientSecret:
    secret = secret or secrets.token_urlsafe(32)
    client = ServiceClient(
        name=name, scopes=sorted(set(scopes)), secret_hash=make_password(secret), is_active=is_active
    )
    try:
        with transaction.atomic():
            client.save(force_insert=True)
    except IntegrityError as exc:
        raise ServiceClientExists(name) from exc
    return ServiceClientSecret(client=client, secret=secret)


def service_client_update(*, client: ServiceClient, scopes: list[str], secret: str | None = None) -> ServiceClient:
    client.scopes = sorted(set(scopes))
    fields = ["scopes", "updated_at"]
    if secret is not None:
        client.secret_hash = make_password(secret)
        fields.append("secret_hash")
    client.save(update_fields=fields)
    return client


def service_client_rotate_secret(*, client: ServiceClient) -> ServiceClientSecret:
    """A new random secret replaces the old at once: deploy it to the client service right away."""
    secret = secrets.token_urlsafe(32)
    client.secret_hash = make_password(secret)
    client.save(update_fields=["secret_hash", "updated_at"])
    return ServiceClientSecret(client=client, secret=secret)


def service_token_obtain(*, client_id: str, client_secret: str, scope: str | None) -> IssuedServiceToken:
    """Client credentials grant: a short-lived token carrying the requested (or all) granted scopes."""
    client = service_client_get_active(name=client_id)
    if client is None:
        # Same work as a real check, so response times do not reveal which client names exist.
        make_password(client_secret)
        raise InvalidClient

    def upgrade_hash(raw: str) -> None:
        client.secret_hash = make_password(raw)
        client.save(update_fields=["secret_hash"])

    if not check_password(client_secret, client.secret_hash, setter=upgrade_hash):
        raise InvalidClient
    granted = frozenset(client.scopes)
    requested = frozenset(scope.split()) if scope else granted
    if not requested <= granted:
        raise InvalidScope(requested - granted)
    token = encode_service_token(client_name=client.name, scopes=requested, now=timezone.now())
    TOKENS_ISSUED.labels("service").inc()
    return IssuedServiceToken(access_token=token.token, expires_in=token.expires_in, scope=" ".join(sorted(requested)))
