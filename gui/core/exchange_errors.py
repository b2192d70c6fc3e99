"""The error a recorded exchange reports, whether at the HTTP level or inside a 200 body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from gui.core.exchanges import Exchange
from gui.core.results import extract_results

# The result server is an object store, which reports errors as XML documents.
_OSS_ERROR = re.compile(
    rb"<Code>(?P<code>[^<]*)</Code>(?:.*?<Message>(?P<message>[^<]*)</Message>)?", re.DOTALL
)
_HTML_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class ExchangeError:
    """An error code and message taken from an exchange; ``code`` None means "no code"."""

    code: str | None
    message: str | None


def exchange_error(exchange: Exchange) -> ExchangeError | None:
    """Return the error an exchange reports, or None when it reports none.

    Covers an HTTP error status, a download the result server refused, a task
    query that returns a FAILED task, and a finished task whose images partly
    failed (reported as ``PixelPost.Task.PartialFailure`` naming the failed codes).
    """
    status = exchange.status or 0
    if exchange.kind == "download":
        if status < 400:
            return None
        code = "PixelPost.Download.Expired" if status in (403, 404, 410) else None
        oss = object_store_error(exchange.response_body)
        detail = oss[0] if oss is not None else f"HTTP {status}"
        return ExchangeError(code or "PixelPost.Download.Failed", detail)
    envelope = _json_object(exchange.response_body)
    if status >= 400:
        if envelope is None:
            return ExchangeError(None, None)
        return ExchangeError(_text(envelope.get("code")), _text(envelope.get("message")))
    output = envelope.get("output") if envelope is not None else None
    if not isinstance(output, dict):
        return None
    if output.get("task_status") == "FAILED":
        return ExchangeError(_text(output.get("code")), _text(output.get("message")))
    images = extract_results(output)
    failed = [image for image in images if image.error_code]
    if not failed:
        return None
    codes = ", ".join(dict.fromkeys(str(image.error_code) for image in failed))
    numbers = ", ".join(str(image.index + 1) for image in failed)
    return ExchangeError(
        "PixelPost.Task.PartialFailure",
        f"{len(failed)} of {len(images)} images failed (images {numbers}): {codes}",
    )


def object_store_error(body: bytes) -> tuple[str, str] | None:
    """Return the code and message of an object-store XML error body, or None."""
    found = _OSS_ERROR.search(body[:4096])
    if found is None:
        return None
    message = found["message"] or b""
    return (
        found["code"].decode("utf-8", errors="replace"),
        message.decode("utf-8", errors="replace"),
    )


def body_summary(content: bytes) -> str:
    """Return a short readable form of a body that is not JSON: an HTML title or its start."""
    title = _HTML_TITLE.search(content[:4096])
    if title is not None:
        text = title.group(1).decode("utf-8", errors="replace")
    else:
        text = content[:200].decode("utf-8", errors="replace")
    return " ".join(text.split())


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
