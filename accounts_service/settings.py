"""accounts_service: the identity provider. Calls no other service."""

from common.settings import *
from common.settings import COMMON_APPS, logging_settings, spectacular_settings

SERVICE_NAME = "accounts"

INSTALLED_APPS = [*COMMON_APPS, "accounts_service.accounts"]
ROOT_URLCONF = "accounts_service.urls"
WSGI_APPLICATION = "accounts_service.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    title="Mercato accounts API",
    description="Users, staff roles, addresses, service clients and the tokens that identify them.",
)
