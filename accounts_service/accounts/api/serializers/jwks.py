from typing import Any

from rest_framework import serializers


class JWKSerializer(serializers.Serializer[Any]):
    kty = serializers.CharField(help_text="Always `RSA`.")
    use = serializers.CharField(help_text="Always `sig`.")
    alg = serializers.CharField(help_text="Always `RS256`.")
    kid = serializers.CharField(help_text="RFC 7638 thumbprint of the key; tokens name it in their header.")
    n = serializers.CharField(help_text="Modulus, base64url.")
    e = serializers.CharField(help_text="Exponent, base64url.")


class JWKSetSerializer(serializers.Serializer[Any]):
    keys = JWKSerializer(many=True, help_text="The signing key first, then previous keys still accepted.")
