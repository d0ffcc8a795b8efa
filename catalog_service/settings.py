"""catalog_service: products, categories, prices, stock and reservations. Calls accounts."""

from common.settings import *
from common.settings import COMMON_APPS, env, logging_settings, spectacular_settings

SERVICE_NAME = "catalog"

INSTALLED_APPS = [*COMMON_APPS, "catalog_service.catalog"]
ROOT_URLCONF = "catalog_service.urls"
WSGI_APPLICATION = "catalog_service.wsgi.application"
# Admin sign-in: a local account first (the break-glass superuser works while accounts is
# down), then accounts credentials, mirrored into a local user (docs/identity.md).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "common.auth.backends.AccountsBackend"]

ACCOUNTS_URL = env.url("ACCOUNTS_URL").geturl()

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    title="Mercato catalog API",
    description="Categories, products, prices, stock levels, reservations and bulk import/export.",
)
