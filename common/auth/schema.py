"""The OpenAPI side of JWTAuthentication: a bearer JWT security scheme in every schema.

Registered from ``CommonConfig.ready()``: importing drf-spectacular from the authentication
module would be circular (DRF imports the authentication classes while defining APIView).
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_bearer_security_scheme_object


# drf-spectacular registers extensions in an untyped __init_subclass__.
class JWTAuthenticationScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "common.auth.authentication.JWTAuthentication"
    name = "jwtAuth"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, str]:
        return build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Bearer",  # noqa: S106  (the scheme's name, not a secret)
            bearer_format="JWT",
        )
