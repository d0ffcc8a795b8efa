"""A user's shipping addresses: only their own, one default."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIClient

from accounts_service.accounts.models import Address, User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/users/me/addresses/"
HOME = {"label": "Home", "recipient": "Ada Lovelace", "line1": "12 St James's Sq", "city": "London",
        "postal_code": "SW1Y 4JH", "country": "gb"}  # fmt: skip


def create(client: APIClient, **changes: Any) -> dict[str, Any]:
    response = client.post(URL, {**HOME, **changes})
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def test_create_and_list(user_client: APIClient, user: User) -> None:
    home = create(user_client)
    assert home["country"] == "GB"
    assert home["is_default"] is True  # the first address
    work = create(user_client, label="Work")
    assert work["is_default"] is False

    response = user_client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["results"]] == [work["id"], home["id"]]
    assert "count" not in body


def test_extra_fields_in_the_body_are_refused_by_name(user_client: APIClient, user: User, staff_user: User) -> None:
    # The owner, the default and the id are not the caller's to set: refused, not dropped.
    create(user_client)
    extra = {"user": str(staff_user.pk), "user_id": str(staff_user.pk), "is_default": True, "id": str(uuid.uuid4())}
    response = user_client.post(URL, {**HOME, **extra}, format="json")
    assert response.status_code == 400, response.content
    assert sorted((e["code"], e["attr"]) for e in response.json()["errors"]) == [
        ("not_allowed", key) for key in sorted(extra)
    ]
    assert Address.objects.filter(user=user).count() == 1
    assert not Address.objects.filter(user=staff_user).exists()


def test_other_users_addresses_are_404_and_untouched(user_client: APIClient, make_user: Callable[..., User]) -> None:
    other = make_user("other@example.com")
    theirs = create(client_for(other))
    create(user_client)
    url = f"{URL}{theirs['id']}/"

    assert_error(user_client.get(url), 404, "not_found")
    assert_error(user_client.patch(url, {"city": "Paris"}), 404, "not_found")
    assert_error(user_client.delete(url), 404, "not_found")
    assert_error(user_client.post(f"{url}set-default/"), 404, "not_found")
    assert theirs["id"] not in [row["id"] for row in user_client.get(URL).json()["results"]]
    address = Address.objects.get(pk=theirs["id"])
    assert (address.city, address.is_default) == ("London", True)


def test_update_and_delete(user_client: APIClient) -> None:
    home = create(user_client)
    url = f"{URL}{home['id']}/"
    # The default is moved with set-default only: refused here, by name.
    assert_error(user_client.patch(url, {"city": "Cambridge", "is_default": False}), 400, "not_allowed", "is_default")
    response = user_client.patch(url, {"city": "Cambridge"})
    assert response.status_code == 200, response.content
    assert (response.json()["city"], response.json()["is_default"]) == ("Cambridge", True)
    assert user_client.get(url).json()["city"] == "Cambridge"
    assert user_client.delete(url).status_code == 204
    assert_error(user_client.get(url), 404, "not_found")


def test_set_default_moves_the_default(user_client: APIClient, user: User) -> None:
    home = create(user_client)
    work = create(user_client, label="Work")
    response = user_client.post(f"{URL}{work['id']}/set-default/")
    assert response.status_code == 200
    assert response.json()["is_default"] is True
    defaults = list(Address.objects.filter(user=user, is_default=True).values_list("id", flat=True))
    assert [str(pk) for pk in defaults] == [work["id"]]
    assert user_client.get(f"{URL}{home['id']}/").json()["is_default"] is False


def test_the_database_allows_only_one_default_per_user(user: User) -> None:
    fields = {**HOME, "country": "GB"}
    Address.objects.create(user=user, is_default=True, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Address.objects.create(user=user, is_default=True, **fields)


@pytest.mark.parametrize("country", ["DEU", "1A", "", "d"])
def test_country_must_be_an_iso_code(user_client: APIClient, country: str) -> None:
    response = user_client.post(URL, {**HOME, "country": country})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "country"


def test_required_fields(user_client: APIClient) -> None:
    response = user_client.post(URL, {"label": "Nowhere"})
    assert response.status_code == 400
    attrs = {error["attr"] for error in response.json()["errors"]}
    assert attrs == {"recipient", "line1", "city", "postal_code", "country"}


@pytest.mark.parametrize("address_id", ["not-a-uuid", "123", "00000000-0000-0000-0000-000000000000"])
def test_bad_or_unknown_ids_are_404(user_client: APIClient, address_id: str) -> None:
    assert_error(user_client.get(f"{URL}{address_id}/"), 404, "not_found")


def test_anonymous_is_401(api_client: APIClient) -> None:
    assert_error(api_client.get(URL), 401, "not_authenticated")


def test_list_query_count_does_not_grow_with_addresses(
    user_client: APIClient, user: User, django_assert_max_num_queries: Any
) -> None:
    Address.objects.bulk_create(Address(user=user, **{**HOME, "country": "GB"}) for _ in range(30))
    with django_assert_max_num_queries(2):
        assert len(user_client.get(URL).json()["results"]) == 30
