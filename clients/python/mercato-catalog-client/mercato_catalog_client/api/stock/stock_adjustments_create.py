from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict_error_response import ConflictErrorResponse
from ...models.error_response_401 import ErrorResponse401
from ...models.error_response_403 import ErrorResponse403
from ...models.error_response_404 import ErrorResponse404
from ...models.error_response_405 import ErrorResponse405
from ...models.error_response_406 import ErrorResponse406
from ...models.error_response_413 import ErrorResponse413
from ...models.error_response_414 import ErrorResponse414
from ...models.error_response_415 import ErrorResponse415
from ...models.error_response_431 import ErrorResponse431
from ...models.error_response_500 import ErrorResponse500
from ...models.parse_error_response import ParseErrorResponse
from ...models.stock_adjustment import StockAdjustment
from ...models.stock_adjustment_create_request import StockAdjustmentCreateRequest
from ...models.stock_adjustments_create_validation_error import StockAdjustmentsCreateValidationError
from ...models.unprocessable_error_response import UnprocessableErrorResponse
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
) -> (
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
    | None
):
    if response.status_code == 201:
        response_201 = StockAdjustment.from_dict(response.json())

        return response_201

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ParseErrorResponse | StockAdjustmentsCreateValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stock_adjustments_create_error_response_400_type_0 = (
                    StockAdjustmentsCreateValidationError.from_dict(data)
                )

                return componentsschemas_stock_adjustments_create_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_stock_adjustments_create_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_stock_adjustments_create_error_response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse403.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse404.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse405.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse406.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = ConflictErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse413.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse414.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse415.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = UnprocessableErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 431:
        response_431 = ErrorResponse431.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = ErrorResponse500.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
]:
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
) -> Response[
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
]:
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
        Response[ConflictErrorResponse | ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | StockAdjustmentsCreateValidationError | StockAdjustment | UnprocessableErrorResponse]
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
) -> (
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
    | None
):
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
        ConflictErrorResponse | ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | StockAdjustmentsCreateValidationError | StockAdjustment | UnprocessableErrorResponse
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
) -> Response[
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
]:
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
        Response[ConflictErrorResponse | ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | StockAdjustmentsCreateValidationError | StockAdjustment | UnprocessableErrorResponse]
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
) -> (
    ConflictErrorResponse
    | ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | StockAdjustmentsCreateValidationError
    | StockAdjustment
    | UnprocessableErrorResponse
    | None
):
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
        ConflictErrorResponse | ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | StockAdjustmentsCreateValidationError | StockAdjustment | UnprocessableErrorResponse
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
