"""Writes, one module per resource. The API, the admin and the management commands change
accounts' data only through these functions, imported from their module
(``from accounts_service.accounts.services.users import user_register``)."""
