import json
import logging
import time
from collections.abc import Awaitable, Callable

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.contrib.messages import middleware as messages_middleware
from django.contrib.sessions import middleware as sessions_middleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import resolve
from django.utils.deprecation import MiddlewareMixin
from django_prometheus.middleware import PrometheusAfterMiddleware

logger = logging.getLogger("mercato.request")


def _principal(request: HttpRequest) -> str | None:
    """Who made the request: a user id, a service client, or nobody.

    DRF authenticates inside the view and writes the user back onto the Django request, so
    by the time the response comes back here it is known.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return str(getattr(user, "principal", None) or user.pk)


class RequestLogMiddleware:
    """Writes one structured log line per request, after the response is known.

    A refusal is an answer, not a failure of this service: a 4xx is logged at INFO and a 5xx
    the view returned on purpose (a 503 while a downstream is away, /readyz without its
    database) at WARNING, each with its ``reason`` from the error body. Django would log such a
    5xx once more at ERROR (``django.request``); the line here stands for it. A 5xx caused by an
    exception was logged at ERROR with its traceback where it was caught, and stays so.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        status = response.status_code
        extra = {
            "method": request.method,
            "path": request.path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "user": _principal(request),
        }
        level = logging.INFO
        if status >= 400:
            extra["reason"] = refusal_reason(response)
        if status >= 500:
            level = logging.WARNING
            if not getattr(response, "_has_been_logged", False):
                # Read by django.utils.log.log_response, which BaseHandler calls after us.
                response._has_been_logged = True  # type: ignore[attr-defined]
        logger.log(level, "request", extra=extra)
        return response


# The error body of every service: {"type": ..., "errors": [{"code", "detail", "attr"}]}.
_MAX_REASON_BODY = 16 * 1024


def refusal_reason(response: HttpResponseBase) -> str | None:
    """Why a request was refused, from its error body: the codes of a 4xx (the details of a client
    error may echo its input), the codes and details of a 5xx. None when the body is not one."""
    content = getattr(response, "content", None) if not getattr(response, "streaming", False) else None
    if not content or len(content) > _MAX_REASON_BODY or not _is_json(response):
        return None
    try:
        body = json.loads(content)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    errors = body.get("errors")
    if not isinstance(errors, list):
        # The probes' own shape (common/health.py): {"status": ..., "reason": ...}.
        reason = body.get("reason")
        return reason if isinstance(reason, str) else None
    parts = []
    for error in errors:
        if not isinstance(error, dict):
            continue
        code = str(error.get("code", ""))
        parts.append(f"{code}: {error.get('detail', '')}" if response.status_code >= 500 else code)
    return "; ".join(parts) or None


def _is_json(response: HttpResponseBase) -> bool:
    return str(response.get("Content-Type", "")).split(";")[0].strip().lower() == "application/json"


class ProbeMiddleware:
    """Answers the probes and the metrics scrape before Django checks the Host header.

    The kubelet probes a pod at ``Host: <pod-ip>:<port>`` and Prometheus scrapes it the same
    way; no ALLOWED_HOSTS list can name every pod address, and the host check would answer
    them 400. It sits just before CommonMiddleware (the first layer to call
    ``request.get_host()``) and calls the URL's view itself, so the layers above still count,
    log and tag probes; PrometheusAfterMiddleware, below it, is wrapped around the view here so
    that probes are measured like any other request.
    """

    paths = frozenset({"/healthz", "/readyz", "/metrics"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.measured_view = PrometheusAfterMiddleware(self._view)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info not in self.paths:
            return self.get_response(request)
        request.resolver_match = resolve(request.path_info)
        response: HttpResponse = self.measured_view(request)
        return response

    def _view(self, request: HttpRequest) -> HttpResponse:
        match = request.resolver_match
        assert match is not None
        self.measured_view.process_view(request, match.func, match.args, match.kwargs)
        response: HttpResponse = match.func(request, *match.args, **match.kwargs)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by what the response is.

    An HTML page gets CONTENT_SECURITY_POLICY (the admin's) unless its view chose another with
    django-csp's decorators (the API docs, common/urls.py). Anything else (JSON, the schema, CSV,
    probes) gets CSP_NOT_HTML_DIRECTIVES: it loads and runs nothing, and nothing may frame it.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and not _is_html(response):
            parts.config = settings.CSP_NOT_HTML_DIRECTIVES
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # Every API response takes this path: not HTML, no policy of its own, no nonce used, no
        # report-only policy. Its header is CSP_NOT_HTML_DIRECTIVES built once, instead of
        # django-csp copying and building both policies per response (docs/performance.md).
        if (
            _is_html(response)
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _RESPONSE_POLICY_ATTRIBUTES)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get("EXCLUDE_URL_PREFIXES")
        ):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = self._not_html_policy()
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response

    _not_html: tuple[object, str] | None = None

    def _not_html_policy(self) -> str:
        directives = settings.CSP_NOT_HTML_DIRECTIVES
        if self._not_html is None or self._not_html[0] is not directives:
            self._not_html = (directives, build_policy(config=directives))
        return self._not_html[1]


# What django-csp's decorators set on a response (csp, csp_update, csp_replace, csp_exempt), for
# either policy.
_RESPONSE_POLICY_ATTRIBUTES = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace", "exempt") for suffix in ("", "_ro")
)


def _is_html(response: HttpResponseBase) -> bool:
    return str(response.get("Content-Type", "")).split(";")[0].strip().lower() == "text/html"


# --- the admin's middleware, not the API's ---------------------------------------------------

# The token-authenticated API. Every view under it is DRF's, authenticated by
# REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] alone (a bearer token, never a session cookie),
# so sessions, Django's request.user and messages are the admin's business; under /api/ they cost
# every request and did nothing (docs/performance.md, "The ladder"). CSRF stays Django's own
# middleware: DRF's views are exempt already, and `check --deploy` looks for it by name.
API_PATH_PREFIX = "/api/"


class _NotForApiMixin(MiddlewareMixin):
    """Runs the middleware it is mixed into for every path but the API's. A subclass of the
    middleware it stands for, so the admin's system checks still find it."""

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if request.path_info.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        return super().__call__(request)


class SessionMiddleware(_NotForApiMixin, sessions_middleware.SessionMiddleware):
    pass


class AuthenticationMiddleware(_NotForApiMixin, auth_middleware.AuthenticationMiddleware):
    pass


class MessageMiddleware(_NotForApiMixin, messages_middleware.MessageMiddleware):
    pass
