from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.product import Product
from ...models.product_update_request import ProductUpdateRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sku: str,
    *,
    body: ProductUpdateRequest,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/products/{sku}/".format(
            sku=quote(str(sku), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Product | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = Product.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse.from_dict(response.json())

        return response_406

    if response.status_code == 412:
        response_412 = ErrorResponse.from_dict(response.json())

        return response_412

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
) -> Response[ErrorResponse | Product | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdateRequest,
    if_match: str | Unset = UNSET,
) -> Response[ErrorResponse | Product | ValidationErrorResponse]:
    """Replace a product (staff)

     Every field but the SKU; absent optional fields take their defaults.

    Args:
        sku (str):
        if_match (str | Unset):
        body (ProductUpdateRequest): PUT replaces every field but the SKU (absent optional fields
            take their defaults); PATCH
            changes the fields given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Product | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdateRequest,
    if_match: str | Unset = UNSET,
) -> ErrorResponse | Product | ValidationErrorResponse | None:
    """Replace a product (staff)

     Every field but the SKU; absent optional fields take their defaults.

    Args:
        sku (str):
        if_match (str | Unset):
        body (ProductUpdateRequest): PUT replaces every field but the SKU (absent optional fields
            take their defaults); PATCH
            changes the fields given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Product | ValidationErrorResponse
    """

    return sync_detailed(
        sku=sku,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdateRequest,
    if_match: str | Unset = UNSET,
) -> Response[ErrorResponse | Product | ValidationErrorResponse]:
    """Replace a product (staff)

     Every field but the SKU; absent optional fields take their defaults.

    Args:
        sku (str):
        if_match (str | Unset):
        body (ProductUpdateRequest): PUT replaces every field but the SKU (absent optional fields
            take their defaults); PATCH
            changes the fields given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Product | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdateRequest,
    if_match: str | Unset = UNSET,
) -> ErrorResponse | Product | ValidationErrorResponse | None:
    """Replace a product (staff)

     Every field but the SKU; absent optional fields take their defaults.

    Args:
        sku (str):
        if_match (str | Unset):
        body (ProductUpdateRequest): PUT replaces every field but the SKU (absent optional fields
            take their defaults); PATCH
            changes the fields given.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Product | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
