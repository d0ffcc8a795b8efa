from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JWK")


@_attrs_define
class JWK:
    """
    Attributes:
        kty (str): Always `RSA`.
        use (str): Always `sig`.
        alg (str): Always `RS256`.
        kid (str): RFC 7638 thumbprint of the key; tokens name it in their header.
        n (str): Modulus, base64url.
        e (str): Exponent, base64url.
    """

    kty: str
    use: str
    alg: str
    kid: str
    n: str
    e: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kty = self.kty

        use = self.use

        alg = self.alg

        kid = self.kid

        n = self.n

        e = self.e

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kty": kty,
                "use": use,
                "alg": alg,
                "kid": kid,
                "n": n,
                "e": e,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kty = d.pop("kty")

        use = d.pop("use")

        alg = d.pop("alg")

        kid = d.pop("kid")

        n = d.pop("n")

        e = d.pop("e")

        jwk = cls(
            kty=kty,
            use=use,
            alg=alg,
            kid=kid,
            n=n,
            e=e,
        )

        jwk.additional_properties = d
        return jwk

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
