from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.auth_service_token_validation_error import AuthServiceTokenValidationError
from ...models.client_credentials_form_request import ClientCredentialsFormRequest
from ...models.client_credentials_request import ClientCredentialsRequest
from ...models.error_response_401 import ErrorResponse401
from ...models.error_response_404 import ErrorResponse404
from ...models.error_response_405 import ErrorResponse405
from ...models.error_response_406 import ErrorResponse406
from ...models.error_response_413 import ErrorResponse413
from ...models.error_response_414 import ErrorResponse414
from ...models.error_response_415 import ErrorResponse415
from ...models.error_response_429 import ErrorResponse429
from ...models.error_response_431 import ErrorResponse431
from ...models.error_response_500 import ErrorResponse500
from ...models.parse_error_response import ParseErrorResponse
from ...models.service_token import ServiceToken
from ...types import Response


def _get_kwargs(
    *,
    body: ClientCredentialsRequest | ClientCredentialsFormRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/service-token/",
    }

    if isinstance(body, ClientCredentialsRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, ClientCredentialsFormRequest):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
    | None
):
    if response.status_code == 200:
        response_200 = ServiceToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> AuthServiceTokenValidationError | ParseErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_service_token_error_response_400_type_0 = (
                    AuthServiceTokenValidationError.from_dict(data)
                )

                return componentsschemas_auth_service_token_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_auth_service_token_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_auth_service_token_error_response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse401.from_dict(response.json())

        return response_401

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

    if response.status_code == 429:
        response_429 = ErrorResponse429.from_dict(response.json())

        return response_429

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
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsRequest | ClientCredentialsFormRequest,
) -> Response[
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
]:
    """Obtain a service token (client credentials)

     For registered service clients. `scope` must be a subset of the client's scopes (400 `invalid_scope`
    otherwise); without it the token carries all of them.

    Args:
        body (ClientCredentialsRequest):
        body (ClientCredentialsFormRequest): The client credentials grant as a form
            (`application/x-www-form-urlencoded`, RFC 6749, 4.4.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthServiceTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | ServiceToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsRequest | ClientCredentialsFormRequest,
) -> (
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
    | None
):
    """Obtain a service token (client credentials)

     For registered service clients. `scope` must be a subset of the client's scopes (400 `invalid_scope`
    otherwise); without it the token carries all of them.

    Args:
        body (ClientCredentialsRequest):
        body (ClientCredentialsFormRequest): The client credentials grant as a form
            (`application/x-www-form-urlencoded`, RFC 6749, 4.4.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthServiceTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | ServiceToken
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsRequest | ClientCredentialsFormRequest,
) -> Response[
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
]:
    """Obtain a service token (client credentials)

     For registered service clients. `scope` must be a subset of the client's scopes (400 `invalid_scope`
    otherwise); without it the token carries all of them.

    Args:
        body (ClientCredentialsRequest):
        body (ClientCredentialsFormRequest): The client credentials grant as a form
            (`application/x-www-form-urlencoded`, RFC 6749, 4.4.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthServiceTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | ServiceToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsRequest | ClientCredentialsFormRequest,
) -> (
    AuthServiceTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | ServiceToken
    | None
):
    """Obtain a service token (client credentials)

     For registered service clients. `scope` must be a subset of the client's scopes (400 `invalid_scope`
    otherwise); without it the token carries all of them.

    Args:
        body (ClientCredentialsRequest):
        body (ClientCredentialsFormRequest): The client credentials grant as a form
            (`application/x-www-form-urlencoded`, RFC 6749, 4.4.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthServiceTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | ServiceToken
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
