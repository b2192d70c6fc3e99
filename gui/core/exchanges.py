"""Recorded HTTP exchanges, redacted at the moment they are recorded.

``RecordingTransport`` wraps the real httpx transport. It receives the final request,
including the Authorization header, and stores an immutable ``Exchange`` in which
the key is already replaced by its fingerprint. Nothing downstream (inspector,
history, exports) ever receives the raw key.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from gui.core.secrets import REDACTOR, redact_headers

log = logging.getLogger(__name__)

# Request extension key under which callers tag a request with its purpose, a dict
# with "kind" and "task". An optional "redact" function returns the recorded
# Exchange without the secrets of that kind of exchange, such as the signature of
# an upload policy.
TAG_EXTENSION = "pixelpost"

# Response bodies above this size are stored truncated; image bodies are never stored.
MAX_STORED_BODY = 256 * 1024


# Inline images longer than this are shortened when an exchange is stored in the
# history, so a few edits with inline photos do not add megabytes each.
MAX_STORED_DATA_URI = 4096
# Marks a data URI the history shortened; exports refuse bodies that contain it.
SHORTENED_MARKER = "[PixelPost: shortened"
_DATA_URI = re.compile(rb"data:[\w.+-]+/[\w.+-]+;base64,[A-Za-z0-9+/=]{%d,}" % MAX_STORED_DATA_URI)


def shorten_data_uris(body: bytes) -> bytes:
    """Return ``body`` with each long base64 data URI cut to its start and a marker.

    The marker names how many characters were left out, so the stored request
    still shows which fields were inline images and how large they were.
    """

    def shorten(match: re.Match[bytes]) -> bytes:
        uri = match.group(0)
        head = uri[: uri.index(b",") + 33]
        omitted = len(uri) - len(head)
        return head + f"…{SHORTENED_MARKER}, {omitted} characters left out]".encode()

    return _DATA_URI.sub(shorten, body)


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and its response or failure, with secrets redacted."""

    id: int
    kind: str  # submit, sync_call, poll, download, cancel, list
    task: str | None  # local task id, when the exchange belongs to a task
    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    request_body: bytes
    started_at: float  # Unix time
    status: int | None = None
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    response_size: int | None = None
    time_to_headers: float | None = None  # seconds
    total_time: float | None = None  # seconds
    error: str | None = None
    body_omitted: bool = False

    @property
    def request_id(self) -> str | None:
        for name, value in self.response_headers:
            if name.lower() == "x-request-id":
                return value
        return None


Listener = Callable[[Exchange], None]


@dataclass
class _Pending:
    request: httpx.Request
    started: float
    started_wall: float
    tag: dict[str, Any] = field(default_factory=dict)


class ExchangeLog:
    """Hands out exchange ids and passes each recorded exchange to its listeners."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._listeners: list[Listener] = []

    def next_id(self) -> int:
        return next(self._ids)

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, exchange: Exchange) -> None:
        for listener in list(self._listeners):
            try:
                listener(exchange)
            except Exception:
                log.exception("Exchange listener %r failed for exchange %d", listener, exchange.id)


class RecordingTransport(httpx.AsyncBaseTransport):
    """Delegates to ``inner`` and records every exchange in ``exchange_log``.

    JSON responses are read whole so they can be recorded; responses tagged
    ``download`` stay streamed and are recorded with their size only.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, exchange_log: ExchangeLog) -> None:
        self._inner = inner
        self._log = exchange_log

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pending = _Pending(
            request=request,
            started=time.perf_counter(),
            started_wall=time.time(),
            tag=dict(request.extensions.get(TAG_EXTENSION, {})),
        )
        try:
            response = await self._inner.handle_async_request(request)
        except Exception as error:
            self._record(pending, None, error=f"{type(error).__name__}: {error}")
            raise
        time_to_headers = time.perf_counter() - pending.started
        if pending.tag.get("kind") == "download":
            self._record(pending, response, time_to_headers=time_to_headers, omit_body=True)
            return response
        try:
            body = await response.aread()
        except Exception as error:
            failure = f"{type(error).__name__}: {error}"
            self._record(pending, response, time_to_headers, error=failure)
            raise
        finally:
            await response.aclose()
        self._record(pending, response, time_to_headers, body=body)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            content=body,
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()

    def _record(
        self,
        pending: _Pending,
        response: httpx.Response | None,
        time_to_headers: float | None = None,
        *,
        body: bytes = b"",
        error: str | None = None,
        omit_body: bool = False,
    ) -> None:
        request = pending.request
        request_body = request.content if isinstance(request.stream, httpx.ByteStream) else b""
        stored_body = body[:MAX_STORED_BODY]
        size: int | None = len(body) if not omit_body else None
        if omit_body and response is not None:
            length = response.headers.get("content-length")
            size = int(length) if length and length.isdigit() else None
        exchange = Exchange(
            id=self._log.next_id(),
            kind=str(pending.tag.get("kind", "other")),
            task=pending.tag.get("task"),
            method=request.method,
            url=REDACTOR.redact(str(request.url)),
            request_headers=tuple(redact_headers(request.headers.multi_items())),
            request_body=REDACTOR.redact_bytes(request_body),
            started_at=pending.started_wall,
            status=response.status_code if response is not None else None,
            response_headers=(
                tuple(redact_headers(response.headers.multi_items())) if response else ()
            ),
            response_body=REDACTOR.redact_bytes(stored_body),
            response_size=size,
            time_to_headers=time_to_headers,
            total_time=time.perf_counter() - pending.started,
            error=REDACTOR.redact(error) if error else None,
            body_omitted=omit_body,
        )
        redact = pending.tag.get("redact")
        if callable(redact):
            exchange = redact(exchange)
        self._log.publish(exchange)
