from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (UUID):
        email (str):
        full_name (str):
        is_active (bool):
        is_staff (bool): Can sign in to the admin sites.
        is_superuser (bool): Designates that this user has all permissions without explicitly assigning them.
        groups (list[str]): Names of the user's staff groups (roles).
        date_joined (datetime.datetime):
        last_login (datetime.datetime | None):
    """

    id: UUID
    email: str
    full_name: str
    is_active: bool
    is_staff: bool
    is_superuser: bool
    groups: list[str]
    date_joined: datetime.datetime
    last_login: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        full_name = self.full_name

        is_active = self.is_active

        is_staff = self.is_staff

        is_superuser = self.is_superuser

        groups = self.groups

        date_joined = self.date_joined.isoformat()

        last_login: None | str
        if isinstance(self.last_login, datetime.datetime):
            last_login = self.last_login.isoformat()
        else:
            last_login = self.last_login

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "full_name": full_name,
                "is_active": is_active,
                "is_staff": is_staff,
                "is_superuser": is_superuser,
                "groups": groups,
                "date_joined": date_joined,
                "last_login": last_login,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        full_name = d.pop("full_name")

        is_active = d.pop("is_active")

        is_staff = d.pop("is_staff")

        is_superuser = d.pop("is_superuser")

        groups = cast(list[str], d.pop("groups"))

        date_joined = datetime.datetime.fromisoformat(d.pop("date_joined"))

        def _parse_last_login(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_type_0 = datetime.datetime.fromisoformat(data)

                return last_login_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_login = _parse_last_login(d.pop("last_login"))

        user = cls(
            id=id,
            email=email,
            full_name=full_name,
            is_active=is_active,
            is_staff=is_staff,
            is_superuser=is_superuser,
            groups=groups,
            date_joined=date_joined,
            last_login=last_login,
        )

        user.additional_properties = d
        return user

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
