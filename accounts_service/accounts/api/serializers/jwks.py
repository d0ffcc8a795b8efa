from typing import Any

from rest_framework import serializers

from common.fields import StrictCharField


class JWKSerializer(serializers.Serializer[Any]):
    kty = StrictCharField(help_text="Always `RSA`.")
    use = StrictCharField(help_text="Always `sig`.")
    alg = StrictCharField(help_text="Always `RS256`.")
    kid = StrictCharField(help_text="RFC 7638 thumbprint of the key; tokens name it in their header.")
    n = StrictCharField(help_text="Modulus, base64url.")
    e = StrictCharField(help_text="Exponent, base64url.")


class JWKSetSerializer(serializers.Serializer[Any]):
    keys = JWKSerializer(many=True, help_text="The signing key first, then previous keys still accepted.")
