"""Import files kept in PostgreSQL, in chunks, so any worker pod can read the upload.

The web process copies the upload (already spooled to a temporary file by Django) into
``bytea`` rows of at most ``CHUNK_BYTES``; the worker reads them back in order, one chunk in
memory at a time. The chunks are deleted when the import finishes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final
from uuid import UUID

from django.db import connection
from django.db.backends.utils import CursorWrapper

from catalog_service.catalog.models import ProductImportChunk

CHUNK_BYTES: Final = 1 << 20
CHUNKS: Final = ProductImportChunk._meta.db_table


@dataclass(frozen=True)
class StoredFile:
    size: int
    lines: int  # newline count (plus one for a last line without a newline)


def chunks_store(*, import_id: UUID, pieces: Iterable[bytes]) -> StoredFile:
    """Store ``pieces`` (any sizes) as the chunks of an import; returns the size and line count."""
    size = lines = 0
    last = b""
    seq = 0
    pending = bytearray()
    with connection.cursor() as cursor:
        for piece in pieces:
            if not piece:
                continue
            size += len(piece)
            lines += piece.count(b"\n")
            last = piece[-1:]
            pending += piece
            while len(pending) >= CHUNK_BYTES:
                _insert(cursor, import_id, seq, bytes(pending[:CHUNK_BYTES]))
                del pending[:CHUNK_BYTES]
                seq += 1
        if pending:
            _insert(cursor, import_id, seq, bytes(pending))
    if size and last != b"\n":
        lines += 1
    return StoredFile(size=size, lines=lines)


def _insert(cursor: CursorWrapper, import_id: UUID, seq: int, data: bytes) -> None:
    cursor.execute(
        f"INSERT INTO {CHUNKS} (product_import_id, seq, data) VALUES (%s, %s, %s)",  # noqa: S608
        [import_id, seq, data],
    )


def chunks_delete(*, import_id: UUID) -> None:
    ProductImportChunk.objects.filter(product_import_id=import_id).delete()


def _chunks(import_id: UUID) -> Iterator[bytes]:
    seq = 0
    while True:
        # One query per chunk: a single cursor over all of them would hold them in memory
        # (client-side cursor) or keep a transaction open for the whole import.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT data FROM {CHUNKS} WHERE product_import_id = %s AND seq = %s",  # noqa: S608
                [import_id, seq],
            )
            row = cursor.fetchone()
        if row is None:
            return
        yield bytes(row[0])
        seq += 1


class _ChunkStream(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._current = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._current:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._current = memoryview(chunk)
        size = min(len(buffer), len(self._current))
        buffer[:size] = self._current[:size]
        self._current = self._current[size:]
        return size


def chunks_open(*, import_id: UUID) -> io.BufferedReader:
    """A binary stream over the stored file."""
    return io.BufferedReader(_ChunkStream(_chunks(import_id)), buffer_size=CHUNK_BYTES)
