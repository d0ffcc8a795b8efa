import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
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
from ...models.reports_sales_group_by import ReportsSalesGroupBy
from ...models.reports_sales_validation_error import ReportsSalesValidationError
from ...models.sales_report import SalesReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    group_by: ReportsSalesGroupBy | Unset = ReportsSalesGroupBy.DAY,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/sales/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
    | None
):
    if response.status_code == 200:
        response_200 = SalesReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ParseErrorResponse | ReportsSalesValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_reports_sales_error_response_400_type_0 = ReportsSalesValidationError.from_dict(data)

                return componentsschemas_reports_sales_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_reports_sales_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_reports_sales_error_response_400_type_1

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

    if response.status_code == 413:
        response_413 = ErrorResponse413.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse414.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse415.from_dict(response.json())

        return response_415

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
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
]:
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
    group_by: ReportsSalesGroupBy | Unset = ReportsSalesGroupBy.DAY,
    limit: int | Unset = 100,
) -> Response[
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
]:
    """Sales per day, month or SKU, per currency (staff)

     Orders confirmed in the date range (UTC days, both included) that stand (confirmed or fulfilled;
    cancelled ones are out): their number, units and revenue, per currency. Per SKU: the best sellers by
    revenue, at most `limit` rows.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        group_by (ReportsSalesGroupBy | Unset):  Default: ReportsSalesGroupBy.DAY.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ReportsSalesValidationError | SalesReport]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        group_by=group_by,
        limit=limit,
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
    group_by: ReportsSalesGroupBy | Unset = ReportsSalesGroupBy.DAY,
    limit: int | Unset = 100,
) -> (
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
    | None
):
    """Sales per day, month or SKU, per currency (staff)

     Orders confirmed in the date range (UTC days, both included) that stand (confirmed or fulfilled;
    cancelled ones are out): their number, units and revenue, per currency. Per SKU: the best sellers by
    revenue, at most `limit` rows.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        group_by (ReportsSalesGroupBy | Unset):  Default: ReportsSalesGroupBy.DAY.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ReportsSalesValidationError | SalesReport
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        group_by=group_by,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    group_by: ReportsSalesGroupBy | Unset = ReportsSalesGroupBy.DAY,
    limit: int | Unset = 100,
) -> Response[
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
]:
    """Sales per day, month or SKU, per currency (staff)

     Orders confirmed in the date range (UTC days, both included) that stand (confirmed or fulfilled;
    cancelled ones are out): their number, units and revenue, per currency. Per SKU: the best sellers by
    revenue, at most `limit` rows.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        group_by (ReportsSalesGroupBy | Unset):  Default: ReportsSalesGroupBy.DAY.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ReportsSalesValidationError | SalesReport]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        group_by=group_by,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    group_by: ReportsSalesGroupBy | Unset = ReportsSalesGroupBy.DAY,
    limit: int | Unset = 100,
) -> (
    ErrorResponse401
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
    | ReportsSalesValidationError
    | SalesReport
    | None
):
    """Sales per day, month or SKU, per currency (staff)

     Orders confirmed in the date range (UTC days, both included) that stand (confirmed or fulfilled;
    cancelled ones are out): their number, units and revenue, per currency. Per SKU: the best sellers by
    revenue, at most `limit` rows.

    Args:
        date_from (datetime.date):
        date_to (datetime.date):
        group_by (ReportsSalesGroupBy | Unset):  Default: ReportsSalesGroupBy.DAY.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ReportsSalesValidationError | SalesReport
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            group_by=group_by,
            limit=limit,
        )
    ).parsed
