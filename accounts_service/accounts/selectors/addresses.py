"""Reads of a user's addresses."""

import uuid

from django.db.models import QuerySet

from accounts_service.accounts.models import Address


def address_list(*, user_id: uuid.UUID | str) -> QuerySet[Address]:
    return Address.objects.filter(user_id=user_id)


def address_get(*, user_id: uuid.UUID | str, address_id: uuid.UUID) -> Address | None:
    """One of the user's own addresses; anyone else's is as absent as a missing one."""
    return address_list(user_id=user_id).filter(pk=address_id).first()
