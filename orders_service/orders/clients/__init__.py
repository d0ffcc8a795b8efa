"""Typed clients of the services orders calls (accounts, catalog), over common.http.

Each operation is declared once (``Operation``: method, path template, request and response
dataclasses), and tests/orders/test_contract.py checks every declaration against the target's
committed openapi.yaml. Nothing but frozen dataclasses crosses from here into the services.
"""
