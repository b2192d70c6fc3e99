"""HAR 1.2 export of recorded exchanges, for browser developer tools and HAR viewers.

Exchanges are redacted when they are recorded, so the Authorization header shows
the key's fingerprint. Response bodies that are UTF-8 text are included as text;
image downloads are not stored, so their entries give the size and a comment.
HAR (HTTP Archive) 1.2 is the format browsers import and export for network logs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from gui.core.exchanges import Exchange
from gui.core.secrets import REDACTOR

HAR_VERSION = "1.2"
# httpx speaks HTTP/1.1 unless HTTP/2 is enabled, which the app does not do.
HTTP_VERSION = "HTTP/1.1"


def build_har(exchanges: Iterable[Exchange], *, app_version: str | None = None) -> dict[str, Any]:
    """Return a HAR log with one entry per exchange, oldest first."""
    if app_version is None:
        from gui import __version__ as app_version
    ordered = sorted(exchanges, key=lambda exchange: (exchange.started_at, exchange.id))
    return {
        "log": {
            "version": HAR_VERSION,
            "creator": {"name": "PixelPost", "version": app_version},
            "entries": [_entry(exchange) for exchange in ordered],
        }
    }


def har_text(exchanges: Iterable[Exchange], *, app_version: str | None = None) -> str:
    """Return the HAR log as indented JSON text, passed through the redactor."""
    document = build_har(exchanges, app_version=app_version)
    return REDACTOR.redact(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def write_har(
    path: Path, exchanges: Sequence[Exchange], *, app_version: str | None = None
) -> Path:
    """Write the HAR log for ``exchanges`` to ``path`` as UTF-8; return the path."""
    path.write_text(har_text(exchanges, app_version=app_version), encoding="utf-8")
    return path


def _milliseconds(seconds: float | None) -> float:
    return round(seconds * 1000, 3) if seconds is not None else -1


def _headers(pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in pairs]


def _header(pairs: Iterable[tuple[str, str]], wanted: str) -> str | None:
    for name, value in pairs:
        if name.lower() == wanted:
            return value
    return None


def _mime_type(pairs: Iterable[tuple[str, str]], default: str) -> str:
    return _header(pairs, "content-type") or default


def _text(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _request(exchange: Exchange) -> dict[str, Any]:
    query = urlsplit(exchange.url).query
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": exchange.url,
        "httpVersion": HTTP_VERSION,
        "cookies": [],
        "headers": _headers(exchange.request_headers),
        "queryString": [
            {"name": name, "value": value}
            for name, value in parse_qsl(query, keep_blank_values=True)
        ],
        "headersSize": -1,
        "bodySize": len(exchange.request_body),
    }
    if exchange.request_body:
        text = _text(exchange.request_body)
        post_data: dict[str, Any] = {
            "mimeType": _mime_type(exchange.request_headers, "application/octet-stream"),
            "text": text if text is not None else "",
        }
        if text is None:
            post_data["comment"] = (
                f"The {len(exchange.request_body)} body bytes are not UTF-8 text and are left out."
            )
        request["postData"] = post_data
    return request


def _response(exchange: Exchange) -> dict[str, Any]:
    status = exchange.status or 0
    try:
        status_text = HTTPStatus(status).phrase if status else ""
    except ValueError:
        status_text = ""
    mime_type = _mime_type(exchange.response_headers, "")
    size = exchange.response_size if exchange.response_size is not None else -1
    content: dict[str, Any] = {"size": size, "mimeType": mime_type}
    text = _text(exchange.response_body) if exchange.response_body else None
    if exchange.body_omitted or mime_type.startswith("image/"):
        shown = f"{size} bytes" if size >= 0 else "size unknown"
        content["comment"] = f"Image body not stored ({shown})."
    elif text is not None and exchange.response_body:
        content["text"] = text
        if exchange.response_size is not None and exchange.response_size > len(
            exchange.response_body
        ):
            content["comment"] = (
                f"Only the first {len(exchange.response_body)} of "
                f"{exchange.response_size} bytes were stored."
            )
    elif exchange.response_body:
        content["comment"] = "The body is not UTF-8 text and is left out."
    response: dict[str, Any] = {
        "status": status,
        "statusText": status_text,
        "httpVersion": HTTP_VERSION if exchange.status is not None else "",
        "cookies": [],
        "headers": _headers(exchange.response_headers),
        "content": content,
        "redirectURL": _header(exchange.response_headers, "location") or "",
        "headersSize": -1,
        "bodySize": size,
    }
    if exchange.error:
        response["_error"] = exchange.error
    return response


def _timings(exchange: Exchange) -> tuple[float, dict[str, float]]:
    """Return the total time and the HAR timings, in milliseconds.

    The recording transport measures the time to the response headers and the
    total time, so ``wait`` is the time to headers (connecting and sending
    included) and ``receive`` the rest.
    """
    total = _milliseconds(exchange.total_time)
    wait = _milliseconds(exchange.time_to_headers)
    if wait < 0:
        wait = max(total, 0)
    receive = max(total - wait, 0) if total >= 0 else 0
    return max(total, 0), {"send": 0, "wait": wait, "receive": round(receive, 3)}


def _entry(exchange: Exchange) -> dict[str, Any]:
    started = datetime.fromtimestamp(exchange.started_at, tz=UTC)
    total, timings = _timings(exchange)
    entry: dict[str, Any] = {
        "startedDateTime": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "time": total,
        "request": _request(exchange),
        "response": _response(exchange),
        "cache": {},
        "timings": timings,
        "_kind": exchange.kind,
        "_exchangeId": exchange.id,
    }
    if exchange.task:
        entry["_task"] = exchange.task
    return entry
