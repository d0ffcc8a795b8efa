"""The base of every API view: a service's domain refusals answer in the standard error shape.

Services and selectors raise domain exceptions that know nothing about HTTP (``<app>/exceptions.py``);
each service maps them to DRF exceptions in one function (``<app>/api/errors.py: api_exception``)
and names it once, on its base view (``<app>/api/views/base.py``):

    class CatalogAPIView(DomainErrorAPIView):
        def map_domain_error(self, exc: Exception) -> APIException | None:
            return api_exception(exc) if isinstance(exc, CatalogError) else None

Views then call services without a ``try``: the refusal is raised, mapped here, and answered by
the exception handler (common.exception_handler) like any DRF error. Being an APIView itself, the
class mixes in ahead of DRF's generic views (``class V(CatalogAPIView, ListAPIView[...])``).
"""

from __future__ import annotations

from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView


# No class docstrings here or on a service's base view: drf-spectacular would document every
# operation without a description of its own with it.
class DomainErrorAPIView(APIView):
    # An APIView whose services' and selectors' refusals answer as the API errors they map to.

    def map_domain_error(self, exc: Exception) -> APIException | None:
        """The API error ``exc`` answers as, or None when it is not a domain refusal."""
        return None

    def handle_exception(self, exc: Exception) -> Response:
        mapped = self.map_domain_error(exc)
        if mapped is not None:
            mapped.__cause__ = exc
            exc = mapped
        return super().handle_exception(exc)
