from django.urls import URLPattern, URLResolver, include, path

app_name = "orders"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("common.auth.urls")),
]
