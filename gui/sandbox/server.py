"""HTTP/1.1 transport of the emulator: a threaded stdlib server on 127.0.0.1.

Each connection gets its own thread and may carry several requests (keep-alive).
The server tracks its connections and their threads, so ``close_connections()``
can end idle keep-alive connections and join every thread instead of leaving them
to the interpreter's exit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import socketserver
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from gui.sandbox import errors
from gui.sandbox.errors import OssError
from gui.sandbox.replies import (
    Delivery,
    Reply,
    internal_error_reply,
    json_reply,
    new_oss_request_id,
    new_request_id,
    oss_error_reply,
)
from gui.sandbox.service import DashScopeService
from gui.sandbox.uploads import is_object_store_path

logger = logging.getLogger(__name__)

# Request bodies above this size are rejected; inline base64 images stay well below it.
# It also caps uploads, which the emulator reads into memory, below the 1024 MiB
# that an upload policy allows.
MAX_BODY_BYTES = 64 * 1024 * 1024
# An idle keep-alive connection is closed after this many seconds.
IDLE_TIMEOUT_SECONDS = 60.0
# How long close_connections() waits for each connection thread after closing its socket.
JOIN_TIMEOUT_SECONDS = 5.0


class BodyError(Exception):
    """Raised when a request body cannot be read; the connection is closed afterwards."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


class EmulatorHTTPServer(HTTPServer):
    """An HTTPServer that runs each connection in a tracked thread."""

    # SO_REUSEADDR on Windows lets a second server bind the same port, so it stays off there.
    allow_reuse_address = os.name != "nt"

    def __init__(self, port: int) -> None:
        self.service: DashScopeService | None = None
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        super().__init__(("127.0.0.1", port), RequestHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host name, which may query DNS; skip it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"sandbox-connection-{self.server_port}",
            daemon=True,
        )
        with self._lock:
            self._connections.add(request)
            self._threads.add(thread)
        thread.start()

    def _serve_connection(self, request: socket.socket, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except ConnectionError as error:
            logger.debug("connection from %s ended: %s", client_address, error)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._lock:
                self._connections.discard(request)
                self._threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        logger.exception("connection from %s failed", client_address)

    def close_connections(self) -> None:
        """Shut down every open connection and join the connection threads."""
        with self._lock:
            connections = list(self._connections)
            threads = list(self._threads)
        for connection in connections:
            # OSError here means the client has closed the connection already.
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(JOIN_TIMEOUT_SECONDS)
            if thread.is_alive():
                logger.warning(
                    "connection thread %s did not end within %s s",
                    thread.name,
                    JOIN_TIMEOUT_SECONDS,
                )


class RequestHandler(BaseHTTPRequestHandler):
    """Reads one HTTP request, passes it to the service and writes the reply."""

    protocol_version = "HTTP/1.1"
    server_version = "PixelPostSandbox"
    timeout = IDLE_TIMEOUT_SECONDS
    # Headers and body go out in separate writes; with Nagle's algorithm on, the
    # client's delayed ACK would hold the body back for about 40 ms.
    disable_nagle_algorithm = True
    server: EmulatorHTTPServer

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        try:
            body = self._read_body()
        except BodyError as error:
            self.close_connection = True
            self._send(error.reply, include_body=True)
            return

        url = urlsplit(self.path)
        path = unquote(url.path)
        headers = dict(self.headers.items())
        service = self.server.service
        assert service is not None, "the emulator sets the service before serving"
        # HEAD gets the GET reply without its body.
        service_method = "GET" if method == "HEAD" else method
        try:
            reply = service.handle(service_method, path, url.query, headers, body)
        except Exception:
            logger.exception("%s %s failed inside the emulator", method, path)
            reply = internal_error_reply()
        if reply.delivery is Delivery.DROP:
            logger.debug("%s %s: connection closed without a reply", method, path)
            self.close_connection = True
            return
        self._send(reply, include_body=method != "HEAD")

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked_body()
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            return b""
        try:
            length = int(length_text)
        except ValueError:
            raise BodyError(_body_error_reply(errors.BODY_INVALID)) from None
        if length < 0:
            raise BodyError(_body_error_reply(errors.BODY_INVALID))
        if length > MAX_BODY_BYTES:
            raise BodyError(self._too_large_reply())
        return self.rfile.read(length)

    def _read_chunked_body(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                raise BodyError(_body_error_reply(errors.BODY_INVALID)) from None
            if size == 0:
                # Skip trailer fields up to the empty line that ends the body.
                while self.rfile.readline(1024).strip():
                    pass
                return b"".join(chunks)
            total += size
            if total > MAX_BODY_BYTES:
                raise BodyError(self._too_large_reply())
            chunks.append(self.rfile.read(size))
            self.rfile.readline(1024)

    def _too_large_reply(self) -> Reply:
        if is_object_store_path(urlsplit(self.path).path):
            error = OssError(HTTPStatus.BAD_REQUEST, "EntityTooLarge", errors.ENTITY_TOO_LARGE)
            origin = f"http://127.0.0.1:{self.server.server_port}"
            return oss_error_reply(error, new_oss_request_id(), origin)
        return _too_large_reply()

    def _send(self, reply: Reply, *, include_body: bool) -> None:
        truncate = reply.delivery is Delivery.TRUNCATE
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if include_body:
                # A truncated reply keeps the full Content-Length but sends half the body.
                self.wfile.write(reply.body[: len(reply.body) // 2] if truncate else reply.body)
            self.wfile.flush()
            if truncate:
                self.close_connection = True
        except OSError as error:
            # The client left, or stop() shut the connection down during a sync wait.
            logger.debug("reply to %s not sent: %s", self.address_string(), error)
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def log_error(self, format: str, *args: Any) -> None:
        # Idle keep-alive timeouts and malformed request lines end up here.
        logger.info("%s %s", self.address_string(), format % args)


def _body_error_reply(message: str) -> Reply:
    body = {"code": "InvalidParameter", "message": message}
    return json_reply(HTTPStatus.BAD_REQUEST, body, new_request_id())


def _too_large_reply() -> Reply:
    body = {"code": "BadRequest.TooLarge", "message": errors.PAYLOAD_TOO_LARGE}
    return json_reply(HTTPStatus.BAD_REQUEST, body, new_request_id())
