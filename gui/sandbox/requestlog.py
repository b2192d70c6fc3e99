"""The emulator's request log: every request it received, with its route, faults and status."""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qs


@dataclass(frozen=True)
class RecordedRequest:
    """One request the emulator received; ``time`` is epoch seconds from its clock."""

    method: str
    # The URL path without the query string.
    path: str
    # The raw query string without the leading "?".
    query: str
    # Header names as the client wrote them; a repeated header keeps its last value.
    headers: Mapping[str, str]
    # The request body; empty for uploads to the object store, see body_size.
    body: bytes = field(repr=False)
    time: float
    # The fault route (submit, sync, query, cancel, list, download, policy or
    # upload), or None for a request outside them.
    route: str | None = None
    # The SPEC of each fault rule that fired on this request.
    faults: tuple[str, ...] = ()
    # The HTTP status of the reply; None while the request is in progress or when
    # the connection was closed without a reply.
    status: int | None = None
    # The size of the body as received, in bytes.
    body_size: int = 0
    # Names of the multipart form fields of an upload, in order.
    form_fields: tuple[str, ...] = ()

    @property
    def fault(self) -> str | None:
        """Return the SPEC of the first fault rule that fired on this request, or None."""
        return self.faults[0] if self.faults else None

    def header(self, name: str) -> str | None:
        """Return a header value by case-insensitive name, or None."""
        wanted = name.lower()
        for key, value in self.headers.items():
            if key.lower() == wanted:
                return value
        return None

    @property
    def params(self) -> dict[str, str]:
        """Return the query parameters; a repeated parameter keeps its first value."""
        return {key: values[0] for key, values in parse_qs(self.query).items()}

    def json(self) -> Any:
        return json.loads(self.body)


class LogEntry:
    """A request's place in the log, updated as the emulator handles it."""

    def __init__(self, log: RequestLog, record: RecordedRequest) -> None:
        self._log = log
        self.record = record

    def update(self, **changes: Any) -> None:
        with self._log.lock:
            self.record = replace(self.record, **changes)


class RequestLog:
    """A thread-safe log of the latest requests; the oldest are dropped beyond ``size``."""

    def __init__(self, size: int) -> None:
        self.lock = threading.Lock()
        self._entries: deque[LogEntry] = deque(maxlen=size)

    def append(self, record: RecordedRequest) -> LogEntry:
        entry = LogEntry(self, record)
        with self.lock:
            self._entries.append(entry)
        return entry

    def records(self) -> list[RecordedRequest]:
        with self.lock:
            return [entry.record for entry in self._entries]
