"""orders_service: orders, their history and sales reports. Calls accounts and catalog."""

from common.settings import *
from common.settings import COMMON_APPS, env, logging_settings, spectacular_settings

SERVICE_NAME = "orders"

INSTALLED_APPS = [*COMMON_APPS, "orders_service.orders"]
ROOT_URLCONF = "orders_service.urls"
WSGI_APPLICATION = "orders_service.wsgi.application"
# Admin sign-in: a local account first (the break-glass superuser works while accounts is
# down), then accounts credentials, mirrored into a local user (docs/identity.md).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "common.auth.backends.AccountsBackend"]

ACCOUNTS_URL = env.url("ACCOUNTS_URL").geturl()
CATALOG_URL = env.url("CATALOG_URL").geturl()

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    title="Mercato orders API",
    description="Orders placed through the reservation saga, their status history and sales reports.",
)
