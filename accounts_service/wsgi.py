import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accounts_service.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: read the signing keys now, so that a missing or broken key
# stops the service at start (naming JWT_SIGNING_KEYS_FILE) instead of failing its first login.
from accounts_service.accounts.keys import keyring  # noqa: E402

keyring()
