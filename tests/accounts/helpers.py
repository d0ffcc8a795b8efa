from typing import Any

TOKEN_URL = "/api/v1/auth/token/"
# django-axes' failures before a lockout in the tests that sign in wrongly on purpose (the
# `lockout_settings` fixture sets it).
LOCKOUT_LIMIT = 3


def sign_in(client: Any, email: str, password: str, browser: str | None = None) -> Any:
    """POST the credentials to the token endpoint; ``browser``: the address a relaying service names."""
    headers = {} if browser is None else {"Mercato-Client-IP": browser}
    return client.post(TOKEN_URL, {"email": email, "password": password}, headers=headers)


def obtain_pair(client: Any, email: str, password: str) -> dict[str, Any]:
    response = client.post("/api/v1/auth/token/", {"email": email, "password": password})
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body
