from typing import Any

from django.contrib.auth.models import Group
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from common.auth.permissions import IsStaff, require_scope
from common.fields import StrictCharField, StrictDecimalField, StrictUUIDField
from common.urls import handler400, handler403, handler404, handler500, service_urlpatterns
from tests.common.project.idempotency.views import WidgetCreateAnsweredView, WidgetCreateView

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


class EchoSerializer(serializers.Serializer[dict[str, object]]):
    name = StrictCharField(max_length=20)
    quantity = serializers.IntegerField(min_value=1, max_value=1000)
    price = StrictDecimalField(max_digits=8, decimal_places=2, required=False)
    reference = StrictUUIDField(required=False)


# No model behind it: a serializer only.
class EchoView(generics.GenericAPIView[Any]):
    permission_classes = (AllowAny,)
    serializer_class = EchoSerializer

    def post(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data)


class GroupSerializer(serializers.ModelSerializer[Group]):
    class Meta:
        model = Group
        fields = ("name",)


class GroupListView(generics.ListAPIView[Group]):
    permission_classes = (AllowAny,)
    serializer_class = GroupSerializer
    queryset = Group.objects.all()
    ordering = "name"


class CrashView(generics.GenericAPIView[Group]):
    permission_classes = (AllowAny,)

    def get(self, request: Request) -> Response:
        raise RuntimeError("boom")


class PrincipalView(generics.GenericAPIView[Group]):
    """Behind the default permission (IsAuthenticated); each subclass narrows it."""

    def get(self, request: Request) -> Response:
        return Response({"principal": request.user.principal})  # type: ignore[union-attr]


class StaffView(PrincipalView):
    permission_classes = (IsStaff,)


class ScopeView(PrincipalView):
    permission_classes = (require_scope("catalog.reservations:write"),)


class StaffOrScopeView(PrincipalView):
    permission_classes = (IsStaff | require_scope("accounts.users:read"),)


urlpatterns = [
    path("test/auth/user/", PrincipalView.as_view()),
    path("test/auth/staff/", StaffView.as_view()),
    path("test/auth/scope/", ScopeView.as_view()),
    path("test/auth/staff-or-scope/", StaffOrScopeView.as_view()),
    path("test/echo/", EchoView.as_view()),
    path("test/groups/", GroupListView.as_view()),
    path("test/crash/", CrashView.as_view()),
    path("test/widgets/", WidgetCreateView.as_view()),
    path("test/answered-widgets/", WidgetCreateAnsweredView.as_view()),
    *service_urlpatterns("tests.common.project.api_urls"),
]
