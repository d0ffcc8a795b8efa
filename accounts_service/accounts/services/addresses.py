"""Writes to a user's shipping addresses; at most one is the default."""

import uuid
from typing import NotRequired, TypedDict, Unpack

from django.db import transaction

from accounts_service.accounts.models import Address, User


class AddressFields(TypedDict):
    recipient: str
    line1: str
    city: str
    postal_code: str
    country: str
    label: NotRequired[str]
    line2: NotRequired[str]
    region: NotRequired[str]
    phone: NotRequired[str]


class AddressChanges(TypedDict, total=False):
    recipient: str
    line1: str
    city: str
    postal_code: str
    country: str
    label: str
    line2: str
    region: str
    phone: str


def address_create(*, user: User, **fields: Unpack[AddressFields]) -> Address:
    """A user's first address becomes their default."""
    with transaction.atomic():
        _lock_user(user_id=user.pk)
        is_first = not Address.objects.filter(user=user).exists()
        return Address.objects.create(user=user, is_default=is_first, **fields)


def address_update(*, address: Address, **changes: Unpack[AddressChanges]) -> Address:
    for name, value in changes.items():
        setattr(address, name, value)
    address.save(update_fields=[*changes, "updated_at"])
    return address


def address_delete(*, address: Address) -> None:
    address.delete()


def address_set_default(*, address: Address) -> Address:
    with transaction.atomic():
        # Serialises default changes per user; the partial unique index would refuse the loser.
        _lock_user(user_id=address.user_id)
        Address.objects.filter(user_id=address.user_id, is_default=True).exclude(pk=address.pk).update(is_default=False)
        address.is_default = True
        address.save(update_fields=["is_default", "updated_at"])
    return address


def _lock_user(*, user_id: uuid.UUID) -> None:
    list(User.objects.select_for_update().filter(pk=user_id).values_list("pk", flat=True))
