"""Identity in every service (docs/identity.md): verifying the JWTs accounts issues, the
permissions over them, the whoami endpoint, and admin sign-in against accounts.

- ``keys``: the public key for a token's ``kid`` (the JWKS of accounts, cached).
- ``authentication``: ``JWTAuthentication`` (DRF) and ``TokenUser``, the request's user.
- ``permissions``: ``IsStaff`` and ``require_scope()``.
- ``relay``: the browser's address, relayed to accounts with an admin's sign-in.
- ``backends``: ``AccountsBackend``, the Django authentication backend of the admin.
- ``views`` and ``urls``: ``GET /api/v1/auth/whoami/``.
- ``schema``: the bearer JWT security scheme in the OpenAPI schema.
- ``fields``: typed reads from decoded JSON (token claims).
- ``service_tokens``: this service's client credentials and its cached token.

Every call to accounts goes through its one typed client, ``common.clients.accounts``.
"""
