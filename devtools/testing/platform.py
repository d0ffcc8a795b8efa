"""Declarative checks every service must pass: subclass ``ServicePlatformTests`` per service.

They cover the operational contract of the design (health, readiness, metrics, request ids,
the error shape, docs, the admin), the committed OpenAPI schema, migrations, and settings
that fail loudly and pass ``check --deploy``.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from openapi_spec_validator import validate as validate_openapi

from devtools.devstack import REPO_ROOT, SERVICES_BY_NAME


def _production_environment(service: str) -> dict[str, str]:
    """Only what an operator must set; everything else at its production default."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DEBUG"))}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="shop.example.com",
        DJANGO_SETTINGS_MODULE=SERVICES_BY_NAME[service].settings_module,
    )
    return env


def _manage(service: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    manage_py = SERVICES_BY_NAME[service].manage_py
    return subprocess.run(
        [sys.executable, str(manage_py), *args], env=env, capture_output=True, text=True, check=False, cwd=REPO_ROOT
    )


def csp_directives(response: Any) -> dict[str, list[str]]:
    """The response's Content-Security-Policy, directive by directive."""
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class _InlineCode(HTMLParser):
    """What a page would run or style inline, which a policy without 'unsafe-inline' blocks."""

    def __init__(self, *, nonce: str | None, style_elements: bool, style_attributes: bool) -> None:
        super().__init__()
        self.nonce, self.style_elements, self.style_attributes = nonce, style_elements, style_attributes
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        nonced = self.nonce is not None and values.get("nonce") == self.nonce
        if tag == "script" and not values.get("src") and values.get("type") != "application/json" and not nonced:
            self.found.append(f"<script> without src: {attrs}")
        if self.style_elements and tag == "style" and not nonced:
            self.found.append("<style> without the nonce")
        if self.style_attributes and "style" in values:
            self.found.append(f"style attribute on <{tag}>")
        self.found += [f"{name} on <{tag}>" for name in values if name.startswith("on")]
        self.found += [f"javascript: URL on <{tag}>" for v in values.values() if (v or "").startswith("javascript:")]


def inline_code(
    html: str, *, nonce: str | None = None, style_elements: bool = True, style_attributes: bool = True
) -> list[str]:
    parser = _InlineCode(nonce=nonce, style_elements=style_elements, style_attributes=style_attributes)
    parser.feed(html)
    return parser.found


def _preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
    }


class ServicePlatformTests:
    pytestmark: ClassVar[list[pytest.MarkDecorator]] = [pytest.mark.django_db]
    service: ClassVar[str]
    # Environment variables the service cannot start without.
    required_variables: ClassVar[tuple[str, ...]] = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")

    # --- health --------------------------------------------------------------------------
    def test_healthz_answers_without_touching_the_database(
        self, client: Client, django_assert_num_queries: Any
    ) -> None:
        with django_assert_num_queries(0):
            response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    def test_readyz_is_ok_when_database_answers_and_migrations_are_applied(self, client: Client) -> None:
        response = client.get("/readyz")
        assert response.status_code == 200, response.content
        assert response.json() == {"status": "ok"}

    # --- observability -------------------------------------------------------------------
    def test_metrics_count_requests_and_queries(self, client: Client) -> None:
        def sample(text: str, name: str) -> float:
            return sum(
                float(line.rsplit(" ", 1)[1])
                for line in text.splitlines()
                if line.startswith(name) and not line.startswith("#")
            )

        before = client.get("/metrics").content.decode()
        client.get("/readyz")
        after = client.get("/metrics").content.decode()
        assert sample(after, "mercato_django_http_requests_total_by_method_total") > sample(
            before, "mercato_django_http_requests_total_by_method_total"
        )
        assert sample(after, "mercato_django_db_execute_total") > sample(before, "mercato_django_db_execute_total")

    def test_incoming_request_id_is_kept_and_logged(self, client: Client, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.INFO, logger="mercato.request"):
            response = client.get("/healthz", headers={"X-Request-ID": "req-from-the-edge-1"})
        assert response["X-Request-ID"] == "req-from-the-edge-1"
        (record,) = [r for r in caplog.records if r.name == "mercato.request"]
        fields = vars(record)
        assert fields["correlation_id"] == "req-from-the-edge-1"
        assert (fields["method"], fields["path"], fields["status"]) == ("GET", "/healthz", 200)
        assert fields["duration_ms"] >= 0

    def test_missing_request_id_is_generated_and_echoed(self, client: Client) -> None:
        first = client.get("/healthz")["X-Request-ID"]
        second = client.get("/healthz")["X-Request-ID"]
        assert first
        assert second
        assert first != second

    def test_request_log_line_is_json_with_the_service_name(self) -> None:
        formatter_config = dict(settings.LOGGING["formatters"]["json"])
        factory = formatter_config.pop("()")
        module, _, name = factory.rpartition(".")
        formatter = getattr(__import__(module, fromlist=[name]), name)(**formatter_config)
        record = logging.LogRecord("mercato.request", logging.INFO, __file__, 1, "request", None, None)
        record.correlation_id = "abc"
        line = json.loads(formatter.format(record))
        assert line["service"] == self.service
        assert line["request_id"] == "abc"
        assert line["time"].endswith("+00:00")

    # --- errors --------------------------------------------------------------------------
    def test_unknown_url_answers_json_in_the_error_shape(self, client: Client) -> None:
        response = client.get("/api/v1/no-such-resource/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {
            "type": "client_error",
            "errors": [{"code": "not_found", "detail": "Not found.", "attr": None}],
        }

    # --- docs and admin ------------------------------------------------------------------
    @pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/", "/api/redoc/", "/admin/login/"])
    def test_docs_and_admin_login_render(self, client: Client, path: str) -> None:
        assert client.get(path).status_code == 200

    # --- browser security: Content-Security-Policy and CORS (docs/api.md) ---------------
    @pytest.mark.parametrize("path", ["/api/v1/no-such-resource/", "/api/schema/", "/healthz", "/metrics"])
    def test_responses_that_are_not_html_carry_the_strictest_policy(self, client: Client, path: str) -> None:
        response = client.get(path)
        assert "text/html" not in response["Content-Type"]
        assert csp_directives(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}

    def test_the_api_runs_without_the_admins_sessions_user_and_messages(self, client: Client) -> None:
        """The API authenticates with bearer tokens only: sessions, Django's user and messages are
        the admin's, and skipped under /api/ (common.middleware; docs/performance.md)."""
        api = client.get("/api/v1/no-such-resource/", HTTP_COOKIE="sessionid=anything").wsgi_request
        assert not hasattr(api, "session")
        assert not hasattr(api, "user")
        assert not hasattr(api, "_messages")
        admin = client.get("/admin/login/").wsgi_request
        assert hasattr(admin, "session")
        assert hasattr(admin, "user")
        assert hasattr(admin, "_messages")

    def test_responses_that_are_not_html_reuse_one_built_policy(
        self, client: Client, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """django-csp copies and builds both policies for every response; a JSON answer's is the
        same every time, so it is built once per process (docs/performance.md, "The ladder")."""
        import csp.middleware
        from csp.utils import build_policy as original

        client.get("/healthz")
        built: list[Any] = []

        def build_policy(*args: Any, **kwargs: Any) -> str:
            built.append(kwargs)
            return original(*args, **kwargs)

        monkeypatch.setattr(csp.middleware, "build_policy", build_policy)
        for path in ("/api/v1/no-such-resource/", "/healthz"):
            assert csp_directives(client.get(path)) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
        assert built == []

    def test_a_report_only_policy_still_reaches_json_responses(self, client: Client, settings: Any) -> None:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}
        response = client.get("/api/v1/no-such-resource/")
        assert response["Content-Security-Policy-Report-Only"] == "default-src 'self'"
        assert csp_directives(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}

    def test_every_admin_page_carries_the_page_policy_and_runs_nothing_inline(self, admin_client: Client) -> None:
        from django.contrib import admin
        from django.urls import reverse

        paths = ["/admin/", "/admin/login/", "/admin/password_change/"]
        for model in admin.site._registry:
            info = (model._meta.app_label, model._meta.model_name)
            paths += [reverse("admin:{}_{}_changelist".format(*info)), reverse("admin:{}_{}_add".format(*info))]
        checked = 0
        for path in paths:
            response = admin_client.get(path)
            if response.status_code != 200:  # an add form the admin offers no one, a redirect
                continue
            checked += 1
            directives = csp_directives(response)
            assert directives["script-src"] == ["'self'"], path
            assert directives["style-src"] == ["'self'"], path
            assert directives["style-src-attr"] == ["'unsafe-inline'"], path  # procrastinate's job pages
            assert directives["frame-ancestors"] == ["'none'"], path
            assert directives["object-src"] == ["'none'"], path
            assert inline_code(response.content.decode(), style_attributes=False) == [], path
        assert checked >= 3 + len(admin.site._registry)

    def test_swagger_ui_runs_only_its_own_files_and_one_nonced_style(self, client: Client) -> None:
        response = client.get("/api/docs/")
        directives = csp_directives(response)
        assert directives["script-src"] == ["'self'"]
        assert directives["default-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        (nonce,) = [source for source in directives["style-src"] if source.startswith("'nonce-")]
        assert directives["style-src"] == ["'self'", nonce]
        html = response.content.decode()
        assert inline_code(html, nonce=nonce[len("'nonce-") : -1]) == []
        scripts = re.findall(r'<script src="([^"]+)"', html)
        assert scripts[-1].startswith("/api/docs/?")
        assert "script" in scripts[-1]
        start_up = client.get(scripts[-1].replace("&amp;", "&"))
        assert start_up.status_code == 200
        assert start_up["Content-Type"].startswith("application/javascript")
        assert "SwaggerUIBundle(" in start_up.content.decode()
        assert all(script.startswith("/static/drf_spectacular_sidecar/") for script in scripts[:-1])

    def test_redoc_runs_only_its_own_files(self, client: Client) -> None:
        response = client.get("/api/redoc/")
        directives = csp_directives(response)
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]  # styled-components
        assert directives["worker-src"] == ["'self'", "blob:"]  # its search worker
        assert directives["frame-ancestors"] == ["'none'"]
        html = response.content.decode()
        assert inline_code(html, style_elements=False, style_attributes=False) == []
        assert "fonts.googleapis.com" not in html  # nothing from another origin

    def test_cors_is_refused_by_default(self, client: Client) -> None:
        assert settings.CORS_ALLOWED_ORIGINS == []
        response = client.options("/api/v1/any/", headers=_preflight("https://app.example.com"))
        assert "Access-Control-Allow-Origin" not in response
        response = client.get("/api/v1/no-such-resource/", headers={"Origin": "https://app.example.com"})
        assert "Access-Control-Allow-Origin" not in response

    def test_cors_allows_only_a_configured_origin_on_the_api(self, client: Client, settings: Any) -> None:
        settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
        allowed = client.options("/api/v1/any/", headers=_preflight("https://app.example.com"))
        assert allowed.status_code == 200
        assert allowed["Access-Control-Allow-Origin"] == "https://app.example.com"
        assert {"authorization", "content-type", "idempotency-key", "if-match"} <= set(
            allowed["Access-Control-Allow-Headers"].split(", ")
        )
        assert "Access-Control-Allow-Credentials" not in allowed  # bearer tokens, never cookies
        other = client.options("/api/v1/any/", headers=_preflight("https://evil.example.com"))
        assert "Access-Control-Allow-Origin" not in other
        admin_page = client.options("/admin/login/", headers=_preflight("https://app.example.com"))
        assert "Access-Control-Allow-Origin" not in admin_page  # the API only
        answer = client.get("/api/v1/no-such-resource/", headers={"Origin": "https://app.example.com"})
        assert answer["Access-Control-Allow-Origin"] == "https://app.example.com"
        exposed = set(answer["Access-Control-Expose-Headers"].split(", "))
        assert {"etag", "x-request-id", "idempotent-replayed"} <= exposed

    def test_cors_allowed_origins_come_from_the_environment(self) -> None:
        env = {
            **_production_environment(self.service),
            "CORS_ALLOWED_ORIGINS": "https://a.example,https://b.example:8443",
        }
        code = "from django.conf import settings; print(settings.CORS_ALLOWED_ORIGINS)"
        result = _manage(self.service, env, "shell", "--no-imports", "-c", code)
        assert result.stdout.strip() == "['https://a.example', 'https://b.example:8443']", result.stderr

    # --- committed schema ----------------------------------------------------------------
    def test_committed_schema_matches_the_code_without_warnings(self, tmp_path: Path) -> None:
        committed = REPO_ROOT / SERVICES_BY_NAME[self.service].package / "openapi.yaml"
        generated = tmp_path / "openapi.yaml"
        # --fail-on-warn turns any drf-spectacular warning into a failure of this test.
        call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(generated), stdout=io.StringIO())
        assert committed.exists(), f"{committed.relative_to(REPO_ROOT)} is missing: run `make schema`"
        assert generated.read_text() == committed.read_text(), (
            f"{committed.relative_to(REPO_ROOT)} differs from the schema the code generates: "
            "run `make schema` and commit the result"
        )
        validate_openapi(yaml.safe_load(committed.read_text()))

    # --- migrations ----------------------------------------------------------------------
    def test_no_model_change_lacks_a_migration(self) -> None:
        out = io.StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
        except SystemExit:
            pytest.fail(f"Missing migrations (run `manage.py makemigrations`):\n{out.getvalue()}")

    # --- settings ------------------------------------------------------------------------
    def test_production_settings_pass_check_deploy(self) -> None:
        result = _manage(
            self.service, _production_environment(self.service), "check", "--deploy", "--fail-level", "WARNING"
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues" in result.stdout

    def test_debug_is_off_unless_set(self) -> None:
        result = _manage(
            self.service,
            _production_environment(self.service),
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        )
        assert result.stdout.strip() == "False", result.stderr

    def test_a_missing_required_variable_stops_the_service_naming_it(self) -> None:
        for variable in self.required_variables:
            env = _production_environment(self.service)
            del env[variable]
            result = _manage(self.service, env, "check")
            assert result.returncode != 0
            assert f"Set the {variable} environment variable" in result.stderr, result.stderr
