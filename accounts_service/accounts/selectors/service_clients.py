"""Reads of the registered service clients."""

from accounts_service.accounts.models import ServiceClient


def service_client_get_active(*, name: str) -> ServiceClient | None:
    return ServiceClient.objects.filter(name=name, is_active=True).first()
