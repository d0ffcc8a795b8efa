import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.paginated_product_list import PaginatedProductList
from ...models.products_list_ordering import ProductsListOrdering
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["attributes"] = attributes

    params["category"] = category

    params["currency"] = currency

    params["cursor"] = cursor

    json_in_stock: bool | None | Unset
    if isinstance(in_stock, Unset):
        json_in_stock = UNSET
    else:
        json_in_stock = in_stock
    params["in_stock"] = json_in_stock

    json_is_active: bool | None | Unset
    if isinstance(is_active, Unset):
        json_is_active = UNSET
    else:
        json_is_active = is_active
    params["is_active"] = json_is_active

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page_size"] = page_size

    params["price_max"] = price_max

    params["price_min"] = price_min

    params["q"] = q

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/products/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PaginatedProductList | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = PaginatedProductList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 431:
        response_431 = ErrorResponse.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | PaginatedProductList | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorResponse | PaginatedProductList | ValidationErrorResponse]:
    """Search and filter products

     Keyset-paginated: follow `next`/`previous`, which keep the filters and the ordering; no total count
    is computed. Only active products, unless staff ask for `is_active=false`.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsListOrdering | Unset):
        page_size (int | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaginatedProductList | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        attributes=attributes,
        category=category,
        currency=currency,
        cursor=cursor,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        page_size=page_size,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorResponse | PaginatedProductList | ValidationErrorResponse | None:
    """Search and filter products

     Keyset-paginated: follow `next`/`previous`, which keep the filters and the ordering; no total count
    is computed. Only active products, unless staff ask for `is_active=false`.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsListOrdering | Unset):
        page_size (int | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaginatedProductList | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        attributes=attributes,
        category=category,
        currency=currency,
        cursor=cursor,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        page_size=page_size,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorResponse | PaginatedProductList | ValidationErrorResponse]:
    """Search and filter products

     Keyset-paginated: follow `next`/`previous`, which keep the filters and the ordering; no total count
    is computed. Only active products, unless staff ask for `is_active=false`.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsListOrdering | Unset):
        page_size (int | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaginatedProductList | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        attributes=attributes,
        category=category,
        currency=currency,
        cursor=cursor,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        page_size=page_size,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorResponse | PaginatedProductList | ValidationErrorResponse | None:
    """Search and filter products

     Keyset-paginated: follow `next`/`previous`, which keep the filters and the ordering; no total count
    is computed. Only active products, unless staff ask for `is_active=false`.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsListOrdering | Unset):
        page_size (int | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaginatedProductList | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            attributes=attributes,
            category=category,
            currency=currency,
            cursor=cursor,
            in_stock=in_stock,
            is_active=is_active,
            ordering=ordering,
            page_size=page_size,
            price_max=price_max,
            price_min=price_min,
            q=q,
            updated_since=updated_since,
        )
    ).parsed
