"""SECURE_PROXY_SSL_HEADER comes from the environment: the header a TLS-terminating proxy sets."""

import os
import subprocess
import sys

import pytest

from devtools.devstack import REPO_ROOT


def _setting(value: str | None) -> str:
    env = {key: val for key, val in os.environ.items() if key != "SECURE_PROXY_SSL_HEADER"}
    if value is not None:
        env["SECURE_PROXY_SSL_HEADER"] = value
    script = "from django.conf import settings; print(repr(settings.SECURE_PROXY_SSL_HEADER))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("value", "setting"),
    [
        (None, "('HTTP_X_FORWARDED_PROTO', 'https')"),
        ("X-Forwarded-Proto", "('HTTP_X_FORWARDED_PROTO', 'https')"),
        ("X-Forwarded-Scheme", "('HTTP_X_FORWARDED_SCHEME', 'https')"),
        ("", "None"),
    ],
)
def test_the_proxy_header_is_read_from_the_environment(value: str | None, setting: str) -> None:
    assert _setting(value) == setting
