from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    order_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/cancel/".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

        return response_200

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
    order_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Order | ValidationErrorResponse]:
    """Cancel one of your confirmed orders

     confirmed → cancelling → cancelled. The cancellation is recorded (`cancelling`) before catalog
    is asked to take the stock back, so it is never lost:

    - **200**: catalog took the stock back; the order is `cancelled`. Cancelling a cancelled order
      answers it unchanged.
    - **202**: catalog gave no definite answer (timeout, error, outage): the order is `cancelling`,
      cannot be fulfilled any more, and the recovery job finishes the cancellation within minutes
      (the same idempotent return). Poll `GET /api/v1/orders/{id}/`, or send the cancel again: it
      retries now and answers 200 or 202 the same way.
    - **409** `order_state_conflict`: the order is neither confirmed nor being cancelled;
      `stock_return_refused`: catalog refused to take the stock back (the order stays `confirmed`).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    """Cancel one of your confirmed orders

     confirmed → cancelling → cancelled. The cancellation is recorded (`cancelling`) before catalog
    is asked to take the stock back, so it is never lost:

    - **200**: catalog took the stock back; the order is `cancelled`. Cancelling a cancelled order
      answers it unchanged.
    - **202**: catalog gave no definite answer (timeout, error, outage): the order is `cancelling`,
      cannot be fulfilled any more, and the recovery job finishes the cancellation within minutes
      (the same idempotent return). Poll `GET /api/v1/orders/{id}/`, or send the cancel again: it
      retries now and answers 200 or 202 the same way.
    - **409** `order_state_conflict`: the order is neither confirmed nor being cancelled;
      `stock_return_refused`: catalog refused to take the stock back (the order stays `confirmed`).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order | ValidationErrorResponse
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Order | ValidationErrorResponse]:
    """Cancel one of your confirmed orders

     confirmed → cancelling → cancelled. The cancellation is recorded (`cancelling`) before catalog
    is asked to take the stock back, so it is never lost:

    - **200**: catalog took the stock back; the order is `cancelled`. Cancelling a cancelled order
      answers it unchanged.
    - **202**: catalog gave no definite answer (timeout, error, outage): the order is `cancelling`,
      cannot be fulfilled any more, and the recovery job finishes the cancellation within minutes
      (the same idempotent return). Poll `GET /api/v1/orders/{id}/`, or send the cancel again: it
      retries now and answers 200 or 202 the same way.
    - **409** `order_state_conflict`: the order is neither confirmed nor being cancelled;
      `stock_return_refused`: catalog refused to take the stock back (the order stays `confirmed`).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Order | ValidationErrorResponse | None:
    """Cancel one of your confirmed orders

     confirmed → cancelling → cancelled. The cancellation is recorded (`cancelling`) before catalog
    is asked to take the stock back, so it is never lost:

    - **200**: catalog took the stock back; the order is `cancelled`. Cancelling a cancelled order
      answers it unchanged.
    - **202**: catalog gave no definite answer (timeout, error, outage): the order is `cancelling`,
      cannot be fulfilled any more, and the recovery job finishes the cancellation within minutes
      (the same idempotent return). Poll `GET /api/v1/orders/{id}/`, or send the cancel again: it
      retries now and answers 200 or 202 the same way.
    - **409** `order_state_conflict`: the order is neither confirmed nor being cancelled;
      `stock_return_refused`: catalog refused to take the stock back (the order stays `confirmed`).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
        )
    ).parsed
