"""accounts_service: the identity provider. Calls no other service."""

from datetime import timedelta
from typing import Any

from common.settings import *
from common.settings import (
    COMMON_APPS,
    MIDDLEWARE,
    REST_FRAMEWORK,
    env,
    logging_settings,
    spectacular_settings,
)

SERVICE_NAME = "accounts"

INSTALLED_APPS = [*COMMON_APPS, "django.contrib.postgres", "axes", "accounts_service.accounts"]
# Last, so that it sees the lockout flag the authentication backend sets during the request.
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]
ROOT_URLCONF = "accounts_service.urls"
WSGI_APPLICATION = "accounts_service.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    # Compares with the email and the full name, the attributes this user model has.
    {"NAME": "accounts_service.accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Signing keys and tokens (docs/identity.md) -----------------------------------------------
# Read lazily by accounts_service.accounts.keys; a system check and wsgi.py stop the service at
# start when neither is set, naming JWT_SIGNING_KEYS_FILE.
JWT_SIGNING_KEYS_FILE = env.str("JWT_SIGNING_KEYS_FILE", default="")
JWT_SIGNING_KEYS = env.str("JWT_SIGNING_KEYS", default="")
JWT_ACCESS_TOKEN_LIFETIME = timedelta(seconds=env.int("JWT_ACCESS_TOKEN_LIFETIME", default=300))
JWT_REFRESH_TOKEN_LIFETIME = timedelta(seconds=env.int("JWT_REFRESH_TOKEN_LIFETIME", default=86_400))
SERVICE_TOKEN_LIFETIME = timedelta(seconds=env.int("SERVICE_TOKEN_LIFETIME", default=300))
# accounts verifies its own tokens from its keyring, not over HTTP from its own JWKS.
JWT_KEY_RESOLVER = "accounts_service.accounts.keys.public_key_for_kid"
JWT_KEYS_OVER_HTTP = False

# --- Mail (password reset, registration notices) ---------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Mercato <no-reply@mercato.local>")
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)
# Where the mailed link points (the shop's front end); {uid} and {token} are filled in.
PASSWORD_RESET_URL = env.str("PASSWORD_RESET_URL", default="http://localhost:8001/password-reset/{uid}/{token}/")

# --- Brute-force protection (django-axes) and throttling -------------------------------------
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(seconds=env.int("AXES_COOLOFF_TIME", default=900))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "email"
# The admin form calls the field "username" and case differs between attempts; both must count
# against the one normalised address.
AXES_USERNAME_CALLABLE = "accounts_service.accounts.lockout.lockout_username"
# The same client address as the throttles: NUM_PROXIES, or the browser's address relayed by
# catalog or orders at their admin sign-in (accounts_service/accounts/lockout.py).
AXES_CLIENT_IP_CALLABLE = "accounts_service.accounts.lockout.lockout_client_ip"
# The API answers a lockout itself (429 in the error shape); the admin gets a page.
AXES_LOCKOUT_CALLABLE = "accounts_service.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not extend it: the owner gets back in when the cool-off ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Per client address (DRF's ScopedRateThrottle), counted in the shared database cache.
_throttle_rates: Any = {
    "register": env.str("THROTTLE_RATE_REGISTER", default="10/hour"),
    "token": env.str("THROTTLE_RATE_TOKEN", default="30/minute"),
    "service_token": env.str("THROTTLE_RATE_SERVICE_TOKEN", default="60/minute"),
    "password_reset": env.str("THROTTLE_RATE_PASSWORD_RESET", default="5/hour"),
    "password_reset_confirm": env.str("THROTTLE_RATE_PASSWORD_RESET_CONFIRM", default="20/hour"),
}
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    # NUM_PROXIES (common/settings.py) says which client address they count against.
    "DEFAULT_THROTTLE_RATES": _throttle_rates,
}

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    version="2.0.0",  # docs/api.md, "API versions": what each version changed
    title="Mercato accounts API",
    description="Users, staff roles, addresses, service clients and the tokens that identify them.",
)
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["ErrorCode409Enum"] = (
    "accounts_service.accounts.api.errors.ErrorCode409Enum.choices"
)
