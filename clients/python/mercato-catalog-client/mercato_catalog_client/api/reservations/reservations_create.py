from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.reservation import Reservation
from ...models.reservation_create_request import ReservationCreateRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ReservationCreateRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reservations/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Reservation | ValidationErrorResponse | None:
    if response.status_code == 201:
        response_201 = Reservation.from_dict(response.json())

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
) -> Response[ErrorResponse | Reservation | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReservationCreateRequest,
    idempotency_key: str,
) -> Response[ErrorResponse | Reservation | ValidationErrorResponse]:
    """Hold stock for several SKUs, all or nothing

     Holds every line or none. A shortage answers 409 with one error per short line (`sku`, `requested`,
    `available`); an unknown or inactive SKU answers 422 naming it. The lines carry the unit price and
    currency at the time of the hold. With `commit: true` the stock is sold in the same transaction: the
    reservation answered is `committed`, as if committed at once (one call instead of two, when no hold
    is needed in between).

    Idempotent: the same `Idempotency-Key` with the same body answers the first response again (201, the
    reservation as it was made, header `Idempotent-Replayed: true`; read it for its state now), also
    when both arrive at once, for at least 30 days; with a different body it answers 422
    `idempotency_key_reused`. A refused request stores nothing, so it can be retried with the same key.

    Args:
        idempotency_key (str):
        body (ReservationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Reservation | ValidationErrorResponse]
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
    body: ReservationCreateRequest,
    idempotency_key: str,
) -> ErrorResponse | Reservation | ValidationErrorResponse | None:
    """Hold stock for several SKUs, all or nothing

     Holds every line or none. A shortage answers 409 with one error per short line (`sku`, `requested`,
    `available`); an unknown or inactive SKU answers 422 naming it. The lines carry the unit price and
    currency at the time of the hold. With `commit: true` the stock is sold in the same transaction: the
    reservation answered is `committed`, as if committed at once (one call instead of two, when no hold
    is needed in between).

    Idempotent: the same `Idempotency-Key` with the same body answers the first response again (201, the
    reservation as it was made, header `Idempotent-Replayed: true`; read it for its state now), also
    when both arrive at once, for at least 30 days; with a different body it answers 422
    `idempotency_key_reused`. A refused request stores nothing, so it can be retried with the same key.

    Args:
        idempotency_key (str):
        body (ReservationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Reservation | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReservationCreateRequest,
    idempotency_key: str,
) -> Response[ErrorResponse | Reservation | ValidationErrorResponse]:
    """Hold stock for several SKUs, all or nothing

     Holds every line or none. A shortage answers 409 with one error per short line (`sku`, `requested`,
    `available`); an unknown or inactive SKU answers 422 naming it. The lines carry the unit price and
    currency at the time of the hold. With `commit: true` the stock is sold in the same transaction: the
    reservation answered is `committed`, as if committed at once (one call instead of two, when no hold
    is needed in between).

    Idempotent: the same `Idempotency-Key` with the same body answers the first response again (201, the
    reservation as it was made, header `Idempotent-Replayed: true`; read it for its state now), also
    when both arrive at once, for at least 30 days; with a different body it answers 422
    `idempotency_key_reused`. A refused request stores nothing, so it can be retried with the same key.

    Args:
        idempotency_key (str):
        body (ReservationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Reservation | ValidationErrorResponse]
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
    body: ReservationCreateRequest,
    idempotency_key: str,
) -> ErrorResponse | Reservation | ValidationErrorResponse | None:
    """Hold stock for several SKUs, all or nothing

     Holds every line or none. A shortage answers 409 with one error per short line (`sku`, `requested`,
    `available`); an unknown or inactive SKU answers 422 naming it. The lines carry the unit price and
    currency at the time of the hold. With `commit: true` the stock is sold in the same transaction: the
    reservation answered is `committed`, as if committed at once (one call instead of two, when no hold
    is needed in between).

    Idempotent: the same `Idempotency-Key` with the same body answers the first response again (201, the
    reservation as it was made, header `Idempotent-Replayed: true`; read it for its state now), also
    when both arrive at once, for at least 30 days; with a different body it answers 422
    `idempotency_key_reused`. A refused request stores nothing, so it can be retried with the same key.

    Args:
        idempotency_key (str):
        body (ReservationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Reservation | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
