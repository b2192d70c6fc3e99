"""HTTP replies of the emulator: the reply type and the service's error envelopes.

A DashScope API error is a JSON document ``{"request_id", "code", "message"}``
with the same id in the ``X-Request-ID`` header. An object-store error is an
OSS-style XML document.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from xml.sax.saxutils import escape

from gui.sandbox import errors
from gui.sandbox.errors import ApiError, OssError

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "application/xml"
HTML_TYPE = "text/html; charset=utf-8"


class Delivery(enum.Enum):
    """The way the transport sends a reply: whole, not at all, or cut short."""

    SEND = "send"
    # Close the connection without writing anything.
    DROP = "drop"
    # Write the headers with the full Content-Length, then half the body, then close.
    TRUNCATE = "truncate"


@dataclass(frozen=True)
class Reply:
    """An HTTP reply; the transport adds Content-Length and connection headers."""

    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()
    delivery: Delivery = Delivery.SEND


DROPPED = Reply(0, b"", JSON_TYPE, delivery=Delivery.DROP)


def new_request_id() -> str:
    return str(uuid.uuid4())


def new_oss_request_id() -> str:
    """Return an id in the form of OSS request ids: 24 upper-case hex digits."""
    return uuid.uuid4().hex.upper()[:24]


def internal_error_reply() -> Reply:
    """Return the service's 500 reply for an unexpected emulator failure."""
    body = {"code": "InternalError", "message": errors.INTERNAL_ERROR}
    return json_reply(HTTPStatus.INTERNAL_SERVER_ERROR, body, new_request_id())


def json_reply(status: HTTPStatus | int, payload: Mapping[str, Any], request_id: str) -> Reply:
    document = {"request_id": request_id, **payload}
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return Reply(int(status), body, JSON_TYPE, (("X-Request-ID", request_id),))


def api_error_reply(error: ApiError, request_id: str) -> Reply:
    body = {"code": error.code, "message": error.message}
    return json_reply(error.status, body, request_id)


def oss_error_reply(error: OssError, request_id: str, origin: str) -> Reply:
    host = origin.removeprefix("http://")
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Error>\n"
        f"  <Code>{escape(error.code)}</Code>\n"
        f"  <Message>{escape(error.message)}</Message>\n"
        f"  <RequestId>{request_id}</RequestId>\n"
        f"  <HostId>{escape(host)}</HostId>\n"
        "</Error>\n"
    )
    headers = (("x-oss-request-id", request_id),)
    return Reply(int(error.status), document.encode("utf-8"), XML_TYPE, headers)


def html_error_reply(status: int) -> Reply:
    """Return an HTML error page such as a gateway or proxy in front of a service sends."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    page = (
        "<html>\n"
        f"<head><title>{status} {escape(reason)}</title></head>\n"
        "<body>\n"
        f"<center><h1>{status} {escape(reason)}</h1></center>\n"
        "</body>\n"
        "</html>\n"
    )
    return Reply(status, page.encode("utf-8"), HTML_TYPE)
