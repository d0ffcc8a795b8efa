"""A real HTTP server on 127.0.0.1 in a thread, for testing the code that calls other services.

The test decides every answer (``server.respond = ...``) and sees every request that came in
(``server.requests``), so retries, timeouts and headers are checked on the wire rather than
through mocks.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    client_port: int

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering

    @classmethod
    def json(cls, data: Any, status: int = 200, **kwargs: Any) -> Answer:
        headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
        return cls(status=status, body=json.dumps(data).encode(), headers=headers, **kwargs)


Responder = Callable[[Received], Answer]


class LocalHTTPServer:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.respond: Responder = lambda received: Answer()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        # A short poll interval makes stop() (which waits for the loop to notice) quick.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def answer_in_turn(self, *answers: Answer) -> None:
        """Answer with ``answers`` one per request, then keep repeating the last one."""
        remaining = list(answers)

        def respond(received: Received) -> Answer:
            return remaining.pop(0) if len(remaining) > 1 else remaining[0]

        self.respond = respond

    def paths(self) -> list[str]:
        with self._lock:
            return [received.path for received in self.requests]

    def _record(self, received: Received) -> Answer:
        with self._lock:
            self.requests.append(received)
            return self.respond(received)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up waiting (the timeout tests) leaves a broken pipe: expected.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _handler_for(owner: LocalHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse can be observed

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received = Received(
                method=self.command,
                path=self.path,
                headers=dict(self.headers.items()),
                body=self.rfile.read(length) if length else b"",
                client_port=self.client_address[1],
            )
            answer = owner._record(received)
            if answer.delay:
                time.sleep(answer.delay)
            if answer.drop:
                self.close_connection = True
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler


@contextmanager
def local_http_server() -> Iterator[LocalHTTPServer]:
    server = LocalHTTPServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
