import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.paginated_user_list import PaginatedUserList
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["is_active"] = is_active

    params["is_staff"] = is_staff

    json_joined_after: str | Unset = UNSET
    if not isinstance(joined_after, Unset):
        json_joined_after = joined_after.isoformat()
    params["joined_after"] = json_joined_after

    json_joined_before: str | Unset = UNSET
    if not isinstance(joined_before, Unset):
        json_joined_before = joined_before.isoformat()
    params["joined_before"] = json_joined_before

    params["page_size"] = page_size

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PaginatedUserList | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = PaginatedUserList.from_dict(response.json())

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
) -> Response[ErrorResponse | PaginatedUserList | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[ErrorResponse | PaginatedUserList | ValidationErrorResponse]:
    """List and search users (staff)

     Newest first, cursor-paginated. `q` matches the start of the email address or whole words of the
    name.

    Args:
        cursor (str | Unset):
        is_active (bool | Unset):
        is_staff (bool | Unset):
        joined_after (datetime.datetime | Unset):
        joined_before (datetime.datetime | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaginatedUserList | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        is_active=is_active,
        is_staff=is_staff,
        joined_after=joined_after,
        joined_before=joined_before,
        page_size=page_size,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> ErrorResponse | PaginatedUserList | ValidationErrorResponse | None:
    """List and search users (staff)

     Newest first, cursor-paginated. `q` matches the start of the email address or whole words of the
    name.

    Args:
        cursor (str | Unset):
        is_active (bool | Unset):
        is_staff (bool | Unset):
        joined_after (datetime.datetime | Unset):
        joined_before (datetime.datetime | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaginatedUserList | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        is_active=is_active,
        is_staff=is_staff,
        joined_after=joined_after,
        joined_before=joined_before,
        page_size=page_size,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[ErrorResponse | PaginatedUserList | ValidationErrorResponse]:
    """List and search users (staff)

     Newest first, cursor-paginated. `q` matches the start of the email address or whole words of the
    name.

    Args:
        cursor (str | Unset):
        is_active (bool | Unset):
        is_staff (bool | Unset):
        joined_after (datetime.datetime | Unset):
        joined_before (datetime.datetime | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaginatedUserList | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        is_active=is_active,
        is_staff=is_staff,
        joined_after=joined_after,
        joined_before=joined_before,
        page_size=page_size,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> ErrorResponse | PaginatedUserList | ValidationErrorResponse | None:
    """List and search users (staff)

     Newest first, cursor-paginated. `q` matches the start of the email address or whole words of the
    name.

    Args:
        cursor (str | Unset):
        is_active (bool | Unset):
        is_staff (bool | Unset):
        joined_after (datetime.datetime | Unset):
        joined_before (datetime.datetime | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaginatedUserList | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            is_active=is_active,
            is_staff=is_staff,
            joined_after=joined_after,
            joined_before=joined_before,
            page_size=page_size,
            q=q,
        )
    ).parsed
