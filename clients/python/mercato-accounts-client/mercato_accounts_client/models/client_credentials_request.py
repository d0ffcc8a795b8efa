from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.grant_type_enum import GrantTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientCredentialsRequest")


@_attrs_define
class ClientCredentialsRequest:
    """
    Attributes:
        client_id (str):
        client_secret (str):
        grant_type (GrantTypeEnum | Unset): * `client_credentials` - client_credentials
        scope (str | Unset): Space-separated scopes, a subset of the client's; all of them when omitted.
    """

    client_id: str
    client_secret: str
    grant_type: GrantTypeEnum | Unset = UNSET
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_secret = self.client_secret

        grant_type: str | Unset = UNSET
        if not isinstance(self.grant_type, Unset):
            grant_type = self.grant_type.value

        scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        _grant_type = d.pop("grant_type", UNSET)
        grant_type: GrantTypeEnum | Unset
        if isinstance(_grant_type, Unset):
            grant_type = UNSET
        else:
            grant_type = GrantTypeEnum(_grant_type)

        scope = d.pop("scope", UNSET)

        client_credentials_request = cls(
            client_id=client_id,
            client_secret=client_secret,
            grant_type=grant_type,
            scope=scope,
        )

        return client_credentials_request
