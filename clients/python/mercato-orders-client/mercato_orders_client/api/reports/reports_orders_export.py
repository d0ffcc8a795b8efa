import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.reports_orders_export_format import ReportsOrdersExportFormat
from ...models.reports_orders_export_status import ReportsOrdersExportStatus
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    format_: ReportsOrdersExportFormat | Unset = UNSET,
    status: ReportsOrdersExportStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/orders-export/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ValidationErrorResponse | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    format_: ReportsOrdersExportFormat | Unset = UNSET,
    status: ReportsOrdersExportStatus | Unset = UNSET,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Export orders as CSV (staff)

     Orders placed in the date range (UTC days, both included), oldest first, streamed from the database
    at constant memory. Columns: id, created_at, status, customer_id, customer_email, currency, total,
    units, confirmed_at, rejection_reason.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        format_ (ReportsOrdersExportFormat | Unset):
        status (ReportsOrdersExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    format_: ReportsOrdersExportFormat | Unset = UNSET,
    status: ReportsOrdersExportStatus | Unset = UNSET,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Export orders as CSV (staff)

     Orders placed in the date range (UTC days, both included), oldest first, streamed from the database
    at constant memory. Columns: id, created_at, status, customer_id, customer_email, currency, total,
    units, confirmed_at, rejection_reason.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        format_ (ReportsOrdersExportFormat | Unset):
        status (ReportsOrdersExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ValidationErrorResponse | str
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    format_: ReportsOrdersExportFormat | Unset = UNSET,
    status: ReportsOrdersExportStatus | Unset = UNSET,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Export orders as CSV (staff)

     Orders placed in the date range (UTC days, both included), oldest first, streamed from the database
    at constant memory. Columns: id, created_at, status, customer_id, customer_email, currency, total,
    units, confirmed_at, rejection_reason.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        format_ (ReportsOrdersExportFormat | Unset):
        status (ReportsOrdersExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    format_: ReportsOrdersExportFormat | Unset = UNSET,
    status: ReportsOrdersExportStatus | Unset = UNSET,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Export orders as CSV (staff)

     Orders placed in the date range (UTC days, both included), oldest first, streamed from the database
    at constant memory. Columns: id, created_at, status, customer_id, customer_email, currency, total,
    units, confirmed_at, rejection_reason.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        format_ (ReportsOrdersExportFormat | Unset):
        status (ReportsOrdersExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ValidationErrorResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            format_=format_,
            status=status,
        )
    ).parsed
