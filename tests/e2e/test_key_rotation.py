"""Key rotation as docs/identity.md describes it, with catalog and orders left running.

This test restarts the shared accounts process with a new key first; accounts then keeps
signing with the new key for the rest of the session, which the other tests do not mind.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import jwt

from devtools.devstack import ServiceProcess
from devtools.testing.tokens import SigningKey
from tests.e2e.conftest import JWKS_MIN_REFETCH_SECONDS
from tests.e2e.test_identity import VERIFIERS, accounts_signing_key, obtain_token, whoami
from tests.e2e.web import call

PASSWORD = "Quiet-harbour-7315"


def test_a_rotated_in_key_is_picked_up_without_restarting_the_verifiers(system: dict[str, ServiceProcess]) -> None:
    accounts = system["accounts"]
    email = f"rotation-{uuid.uuid4().hex[:8]}@e2e.example"
    register = {"email": email, "password": PASSWORD, "full_name": "Robin Tester"}
    assert call("POST", accounts.base_url + "/api/v1/auth/register/", json_body=register).status == 202

    old_key = accounts_signing_key(system)
    old_token = obtain_token(system, email, PASSWORD)
    assert jwt.get_unverified_header(old_token)["kid"] == old_key.kid
    for service in VERIFIERS:
        assert whoami(system, service, old_token).status == 200

    # Rotate: the new key first, the old one after it, then a (rolling) restart of accounts.
    new_key = SigningKey.generate()
    keys_file = Path(accounts.env["JWT_SIGNING_KEYS_FILE"])
    keys_file.write_bytes(new_key.private_pem() + old_key.private_pem())
    accounts.stop()
    accounts.start()
    accounts.wait_ready(timeout=60)
    jwks = call("GET", accounts.base_url + "/.well-known/jwks.json").json()
    assert [key["kid"] for key in jwks["keys"]] == [new_key.kid, old_key.kid]

    # Verifiers fetch the JWKS again for an unknown kid at most once per interval.
    time.sleep(JWKS_MIN_REFETCH_SECONDS)
    new_token = obtain_token(system, email, PASSWORD)
    assert jwt.get_unverified_header(new_token)["kid"] == new_key.kid
    for service in VERIFIERS:
        assert whoami(system, service, old_token).status == 200, service  # still valid until it expires
        reply = whoami(system, service, new_token)
        assert reply.status == 200, (service, reply.body)
        assert reply.json()["email"] == email
