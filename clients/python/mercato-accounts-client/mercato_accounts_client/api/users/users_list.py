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
from ...models.paginated_user_list import PaginatedUserList
from ...models.parse_error_response import ParseErrorResponse
from ...models.users_list_validation_error import UsersListValidationError
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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
    | None
):
    if response.status_code == 200:
        response_200 = PaginatedUserList.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ParseErrorResponse | UsersListValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_users_list_error_response_400_type_0 = UsersListValidationError.from_dict(data)

                return componentsschemas_users_list_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_users_list_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_users_list_error_response_400_type_1

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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
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
    cursor: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    is_staff: bool | Unset = UNSET,
    joined_after: datetime.datetime | Unset = UNSET,
    joined_before: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
]:
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
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | PaginatedUserList | ParseErrorResponse | UsersListValidationError]
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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
    | None
):
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
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | PaginatedUserList | ParseErrorResponse | UsersListValidationError
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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
]:
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
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | PaginatedUserList | ParseErrorResponse | UsersListValidationError]
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
    | PaginatedUserList
    | ParseErrorResponse
    | UsersListValidationError
    | None
):
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
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | PaginatedUserList | ParseErrorResponse | UsersListValidationError
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
