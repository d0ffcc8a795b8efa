from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stock_adjustment import StockAdjustment
from ...models.stock_adjustment_create_request import StockAdjustmentCreateRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sku: str,
    *,
    body: StockAdjustmentCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/products/{sku}/stock-adjustments/".format(
            sku=quote(str(sku), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StockAdjustment | ValidationErrorResponse | None:
    if response.status_code == 201:
        response_201 = StockAdjustment.from_dict(response.json())

        return response_201

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
) -> Response[ErrorResponse | StockAdjustment | ValidationErrorResponse]:
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
    body: StockAdjustmentCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | StockAdjustment | ValidationErrorResponse]:
    """Adjust a product's stock (staff)

     Sets on_hand to a counted quantity, or adds a (possibly negative) quantity to it, and records the
    change as a stock movement. Atomic under concurrency; on_hand can never drop below what reservations
    hold (409 `insufficient_stock`).

    With an `Idempotency-Key`, a retry cannot count an adjustment twice: the same key with the same body
    answers the first response again (header `Idempotent-Replayed: true`) for at least 24 hours, with a
    different body 422 `idempotency_key_reused`, and while the first request still runs 409
    `idempotency_request_in_flight` (`Retry-After`). A refused adjustment stores nothing, so it can be
    retried with the same key.

    Args:
        sku (str):
        idempotency_key (str | Unset):
        body (StockAdjustmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StockAdjustment | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockAdjustmentCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | StockAdjustment | ValidationErrorResponse | None:
    """Adjust a product's stock (staff)

     Sets on_hand to a counted quantity, or adds a (possibly negative) quantity to it, and records the
    change as a stock movement. Atomic under concurrency; on_hand can never drop below what reservations
    hold (409 `insufficient_stock`).

    With an `Idempotency-Key`, a retry cannot count an adjustment twice: the same key with the same body
    answers the first response again (header `Idempotent-Replayed: true`) for at least 24 hours, with a
    different body 422 `idempotency_key_reused`, and while the first request still runs 409
    `idempotency_request_in_flight` (`Retry-After`). A refused adjustment stores nothing, so it can be
    retried with the same key.

    Args:
        sku (str):
        idempotency_key (str | Unset):
        body (StockAdjustmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StockAdjustment | ValidationErrorResponse
    """

    return sync_detailed(
        sku=sku,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockAdjustmentCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | StockAdjustment | ValidationErrorResponse]:
    """Adjust a product's stock (staff)

     Sets on_hand to a counted quantity, or adds a (possibly negative) quantity to it, and records the
    change as a stock movement. Atomic under concurrency; on_hand can never drop below what reservations
    hold (409 `insufficient_stock`).

    With an `Idempotency-Key`, a retry cannot count an adjustment twice: the same key with the same body
    answers the first response again (header `Idempotent-Replayed: true`) for at least 24 hours, with a
    different body 422 `idempotency_key_reused`, and while the first request still runs 409
    `idempotency_request_in_flight` (`Retry-After`). A refused adjustment stores nothing, so it can be
    retried with the same key.

    Args:
        sku (str):
        idempotency_key (str | Unset):
        body (StockAdjustmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StockAdjustment | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockAdjustmentCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | StockAdjustment | ValidationErrorResponse | None:
    """Adjust a product's stock (staff)

     Sets on_hand to a counted quantity, or adds a (possibly negative) quantity to it, and records the
    change as a stock movement. Atomic under concurrency; on_hand can never drop below what reservations
    hold (409 `insufficient_stock`).

    With an `Idempotency-Key`, a retry cannot count an adjustment twice: the same key with the same body
    answers the first response again (header `Idempotent-Replayed: true`) for at least 24 hours, with a
    different body 422 `idempotency_key_reused`, and while the first request still runs 409
    `idempotency_request_in_flight` (`Retry-After`). A refused adjustment stores nothing, so it can be
    retried with the same key.

    Args:
        sku (str):
        idempotency_key (str | Unset):
        body (StockAdjustmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StockAdjustment | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
