from typing import Any


def assert_error(response: Any, status: int, code: str, attr: str | None = None) -> None:
    """The response is an error in the standard shape, with this code (on this field)."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["type"] in {"validation_error", "client_error", "server_error"}
    assert any(error["code"] == code and error["attr"] == attr for error in body["errors"]), body


def obtain_pair(client: Any, email: str, password: str) -> dict[str, Any]:
    response = client.post("/api/v1/auth/token/", {"email": email, "password": password})
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body
