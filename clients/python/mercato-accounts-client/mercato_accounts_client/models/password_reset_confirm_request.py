from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PasswordResetConfirmRequest")


@_attrs_define
class PasswordResetConfirmRequest:
    """
    Attributes:
        uid (str):
        token (str):
        new_password (str):
    """

    uid: str
    token: str
    new_password: str

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        token = self.token

        new_password = self.new_password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "uid": uid,
                "token": token,
                "new_password": new_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uid = d.pop("uid")

        token = d.pop("token")

        new_password = d.pop("new_password")

        password_reset_confirm_request = cls(
            uid=uid,
            token=token,
            new_password=new_password,
        )

        return password_reset_confirm_request
