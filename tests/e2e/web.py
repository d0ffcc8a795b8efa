"""Plain HTTP for the end-to-end tests (urllib: raw requests is for common.http alone)."""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str  # after redirects

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    method: str,
    url: str,
    *,
    json_body: Any = None,
    headers: dict[str, str] | None = None,
    opener: urllib.request.OpenerDirector | None = None,
    form: dict[str, str] | None = None,
) -> Reply:
    headers = dict(headers or {})
    data = None
    if json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    elif form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=15) as response:
            return Reply(response.status, dict(response.headers), response.read(), response.geturl())
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, dict(exc.headers), exc.read(), exc.geturl())


class Browser:
    """Cookies and redirects, as a person signing in to an admin site has them.

    ``headers`` go with every request: an ``X-Forwarded-For`` here stands in for the one the
    ingress adds (tests/e2e/test_sign_in_lockout.py).
    """

    def __init__(self, base_url: str, *, headers: dict[str, str] | None = None) -> None:
        self.base_url = base_url
        self.headers = dict(headers or {})
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> Reply:
        return call("GET", self.base_url + path, opener=self.opener, headers=self.headers)

    def admin_sign_in(self, username: str, password: str) -> Reply:
        """Fill in and post the admin login form, CSRF token and all."""
        page = self.get("/admin/login/?next=/admin/").body.decode()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match is not None, page
        form = {"csrfmiddlewaretoken": match.group(1), "username": username, "password": password, "next": "/admin/"}
        return call(
            "POST", self.base_url + "/admin/login/?next=/admin/", form=form, opener=self.opener, headers=self.headers
        )
