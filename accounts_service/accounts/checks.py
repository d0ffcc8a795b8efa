from typing import Any

from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def signing_keys_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every management command (migrate, seed_demo, ...) refuses to run without usable keys."""
    from accounts_service.accounts.keys import keyring

    try:
        keyring()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="accounts.E001")]
    return []
