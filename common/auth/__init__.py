"""Identity in every service (docs/identity.md): verifying the JWTs accounts issues, the
permissions over them, the whoami endpoint, and admin sign-in against accounts.

- ``keys``: the public key for a token's ``kid`` (the JWKS of accounts, cached).
- ``authentication``: ``JWTAuthentication`` (DRF) and ``TokenUser``, the request's user.
- ``permissions``: ``IsStaff`` and ``require_scope()``.
- ``accounts``: the REST calls to accounts that admin sign-in makes.
- ``backends``: ``AccountsBackend``, the Django authentication backend of the admin.
- ``views`` and ``urls``: ``GET /api/v1/auth/whoami/``.
- ``schema``: the bearer JWT security scheme in the OpenAPI schema.
- ``fields``: typed reads from decoded JSON (claims, accounts' answers).
"""
