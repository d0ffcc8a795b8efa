"""The kubelet and Prometheus reach a pod at its address, which no ALLOWED_HOSTS lists."""

import pytest
from django.test import Client

POD_HOST = "10.42.7.19:8000"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
def test_probes_and_metrics_answer_a_pod_address_host(client: Client, path: str) -> None:
    response = client.get(path, headers={"Host": POD_HOST})
    assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_probe_at_a_pod_address_is_still_logged_with_its_request_id(client: Client) -> None:
    response = client.get("/healthz", headers={"Host": POD_HOST, "X-Request-ID": "kubelet-1"})
    assert response.json() == {"status": "ok"}
    assert response["X-Request-ID"] == "kubelet-1"


@pytest.mark.parametrize("path", ["/api/schema/", "/admin/login/", "/healthz/", "/healthzz"])
def test_every_other_path_still_refuses_an_unlisted_host(client: Client, path: str) -> None:
    response = client.get(path, headers={"Host": POD_HOST})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "bad_request"


@pytest.mark.django_db
def test_probes_are_not_redirected_to_https(client: Client, settings: object) -> None:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    assert client.get("/readyz", headers={"Host": POD_HOST}).status_code == 200
    assert client.get("/api/schema/").status_code == 301


@pytest.mark.django_db
def test_probes_at_a_pod_address_are_measured_like_any_request(client: Client) -> None:
    def by_method(text: str) -> float:
        return sum(
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith('mercato_django_http_requests_total_by_method_total{method="GET"}')
        )

    def by_view(text: str) -> float:
        return sum(
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith("mercato_django_http_responses_total_by_status_view_method_total")
            and 'view="readyz"' in line
        )

    before = client.get("/metrics", headers={"Host": POD_HOST}).content.decode()
    client.get("/readyz", headers={"Host": POD_HOST})
    after = client.get("/metrics", headers={"Host": POD_HOST}).content.decode()
    assert by_method(after) == by_method(before) + 2  # the readyz and the second scrape
    assert by_view(after) == by_view(before) + 1
