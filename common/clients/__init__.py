"""One typed client per service that Mercato's services call (accounts, catalog), over common.http.

Every caller uses the same module for the same downstream: ``common.auth`` (admin sign-in, the
JWKS) and orders alike call accounts through ``common.clients.accounts``, and orders calls
catalog through ``common.clients.catalog``. Each operation is declared once (``Operation``:
method, path template, request and response dataclasses, the error bodies read), and
tests/common/test_client_contracts.py checks every declaration, and every status enum, against
the target's committed openapi.yaml. Nothing but frozen dataclasses and enums crosses from here
into the services.

These are the services' own clients, not the generated packages in ``clients/`` (which are for
API consumers): a call here decodes only the fields it reads, at a fraction of the CPU.
"""
