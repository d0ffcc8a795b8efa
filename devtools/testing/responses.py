"""The body of a streamed response (CSV exports), as the synchronous test client gives it."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import StreamingHttpResponse


def streamed_chunks(response: object) -> Iterator[bytes]:
    """The chunks of ``response``, asserting that it streams. Django types ``streaming_content``
    as sync or async; under the synchronous test client it is always a plain iterator."""
    assert isinstance(response, StreamingHttpResponse), type(response)
    content = response.streaming_content
    assert isinstance(content, Iterator), type(content)
    return content


def streamed(response: object) -> bytes:
    """The whole body of a streamed ``response``."""
    return b"".join(streamed_chunks(response))
