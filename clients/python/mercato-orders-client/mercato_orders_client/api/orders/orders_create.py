from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...models.order_create_with_address_id_request import OrderCreateWithAddressIdRequest
from ...models.order_create_with_address_request import OrderCreateWithAddressRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/",
    }

    if isinstance(body, OrderCreateWithAddressIdRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    if response.status_code == 201:
        response_201 = Order.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = Order.from_dict(response.json())

        return response_202

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

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
) -> Response[ErrorResponse | Order | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest,
    idempotency_key: str,
) -> Response[ErrorResponse | Order | ValidationErrorResponse]:
    """Place an order

     Places an order for the lines given, all or nothing, through the reservation saga
    (docs/orders.md): the order is recorded `pending`, catalog holds the stock, the lines are priced
    as catalog returned them, the stock is committed and the order `confirmed`.

    - **201**: the order reached a final status: `confirmed`, or `rejected` with `rejection` saying
      why (`insufficient_stock` naming each short SKU with what was requested and available,
      `unknown_sku`, ...).
    - **202**: no definite answer from a service the saga needs (timeout, error, outage): the order
      is recorded and stays `pending`; it is settled by the recovery job within minutes. Read it
      with `GET /api/v1/orders/{id}/`.
    - **503** with `Retry-After`: catalog or accounts is known to be down (its circuit breaker is
      open) or your address book cannot be read: nothing was recorded; retry with the same key.

    `Idempotency-Key` is required. The same key with the same body answers the first response
    again (status and body, header `Idempotent-Replayed: true`), for at least 24 hours; with a
    different body it is 422; while the first request is still running it is 409 (`Retry-After`).

    Only `lines` and one of `shipping_address_id` / `shipping_address` may be given: any other field
    (`status`, `total`, prices, `customer_id`, ...) is refused with a 400 naming it.

    Args:
        idempotency_key (str):
        body (OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest,
    idempotency_key: str,
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    """Place an order

     Places an order for the lines given, all or nothing, through the reservation saga
    (docs/orders.md): the order is recorded `pending`, catalog holds the stock, the lines are priced
    as catalog returned them, the stock is committed and the order `confirmed`.

    - **201**: the order reached a final status: `confirmed`, or `rejected` with `rejection` saying
      why (`insufficient_stock` naming each short SKU with what was requested and available,
      `unknown_sku`, ...).
    - **202**: no definite answer from a service the saga needs (timeout, error, outage): the order
      is recorded and stays `pending`; it is settled by the recovery job within minutes. Read it
      with `GET /api/v1/orders/{id}/`.
    - **503** with `Retry-After`: catalog or accounts is known to be down (its circuit breaker is
      open) or your address book cannot be read: nothing was recorded; retry with the same key.

    `Idempotency-Key` is required. The same key with the same body answers the first response
    again (status and body, header `Idempotent-Replayed: true`), for at least 24 hours; with a
    different body it is 422; while the first request is still running it is 409 (`Retry-After`).

    Only `lines` and one of `shipping_address_id` / `shipping_address` may be given: any other field
    (`status`, `total`, prices, `customer_id`, ...) is refused with a 400 naming it.

    Args:
        idempotency_key (str):
        body (OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest,
    idempotency_key: str,
) -> Response[ErrorResponse | Order | ValidationErrorResponse]:
    """Place an order

     Places an order for the lines given, all or nothing, through the reservation saga
    (docs/orders.md): the order is recorded `pending`, catalog holds the stock, the lines are priced
    as catalog returned them, the stock is committed and the order `confirmed`.

    - **201**: the order reached a final status: `confirmed`, or `rejected` with `rejection` saying
      why (`insufficient_stock` naming each short SKU with what was requested and available,
      `unknown_sku`, ...).
    - **202**: no definite answer from a service the saga needs (timeout, error, outage): the order
      is recorded and stays `pending`; it is settled by the recovery job within minutes. Read it
      with `GET /api/v1/orders/{id}/`.
    - **503** with `Retry-After`: catalog or accounts is known to be down (its circuit breaker is
      open) or your address book cannot be read: nothing was recorded; retry with the same key.

    `Idempotency-Key` is required. The same key with the same body answers the first response
    again (status and body, header `Idempotent-Replayed: true`), for at least 24 hours; with a
    different body it is 422; while the first request is still running it is 409 (`Retry-After`).

    Only `lines` and one of `shipping_address_id` / `shipping_address` may be given: any other field
    (`status`, `total`, prices, `customer_id`, ...) is refused with a 400 naming it.

    Args:
        idempotency_key (str):
        body (OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest,
    idempotency_key: str,
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    """Place an order

     Places an order for the lines given, all or nothing, through the reservation saga
    (docs/orders.md): the order is recorded `pending`, catalog holds the stock, the lines are priced
    as catalog returned them, the stock is committed and the order `confirmed`.

    - **201**: the order reached a final status: `confirmed`, or `rejected` with `rejection` saying
      why (`insufficient_stock` naming each short SKU with what was requested and available,
      `unknown_sku`, ...).
    - **202**: no definite answer from a service the saga needs (timeout, error, outage): the order
      is recorded and stays `pending`; it is settled by the recovery job within minutes. Read it
      with `GET /api/v1/orders/{id}/`.
    - **503** with `Retry-After`: catalog or accounts is known to be down (its circuit breaker is
      open) or your address book cannot be read: nothing was recorded; retry with the same key.

    `Idempotency-Key` is required. The same key with the same body answers the first response
    again (status and body, header `Idempotent-Replayed: true`), for at least 24 hours; with a
    different body it is 422; while the first request is still running it is 409 (`Retry-After`).

    Only `lines` and one of `shipping_address_id` / `shipping_address` may be given: any other field
    (`status`, `total`, prices, `customer_id`, ...) is refused with a 400 naming it.

    Args:
        idempotency_key (str):
        body (OrderCreateWithAddressIdRequest | OrderCreateWithAddressRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
