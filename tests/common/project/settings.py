"""A minimal project mounting only common/, to test the shared infrastructure on its own."""

from common.settings import *
from common.settings import COMMON_APPS, env, logging_settings, spectacular_settings

SERVICE_NAME = "common-tests"
INSTALLED_APPS = [*COMMON_APPS, "tests.common.project.idempotency.apps.IdempotencyTestsConfig"]
ROOT_URLCONF = "tests.common.project.urls"
# Admin sign-in as in catalog and orders.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "common.auth.backends.AccountsBackend"]
ACCOUNTS_URL = env.url("ACCOUNTS_URL").geturl()
LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(title="common tests", description="")
