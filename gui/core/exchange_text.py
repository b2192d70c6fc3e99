"""Plain-text views of a recorded exchange for the inspector: bodies, bytes and headers."""

from __future__ import annotations

import json
from typing import Any

from gui.core.exchanges import Exchange

# Response headers worth pointing out. DashScope responses carry the request id
# (also in the body as request_id) and timing headers: req-cost-time and
# x-envoy-upstream-service-time in milliseconds, x-dashscope-timeout in seconds,
# req-arrive-time and resp-start-time as epoch milliseconds.
REQUEST_ID_HEADERS = frozenset({"x-request-id"})
TIMING_HEADERS = frozenset(
    {
        "req-cost-time",
        "x-envoy-upstream-service-time",
        "x-dashscope-timeout",
        "req-arrive-time",
        "resp-start-time",
        "request-duration",
        "x-dashscope-finished",
    }
)
TRACE_HEADERS = frozenset({"eagleeye-traceid", "x-dashscope-call-gateway"})

# The hex view shows at most this many bytes.
HEX_LIMIT = 64 * 1024


def header_kind(name: str) -> str | None:
    """Return ``request_id``, ``timing`` or ``trace`` for a header to highlight, else None."""
    lowered = name.lower()
    if lowered in REQUEST_ID_HEADERS:
        return "request_id"
    if lowered in TIMING_HEADERS:
        return "timing"
    if lowered in TRACE_HEADERS:
        return "trace"
    return None


def request_id(exchange: Exchange) -> str | None:
    """Return the request id from the response headers, or from a JSON response body."""
    if exchange.request_id:
        return exchange.request_id
    parsed = parse_json(exchange.response_body)
    value = parsed.get("request_id") if isinstance(parsed, dict) else None
    return value if isinstance(value, str) and value else None


def parse_json(data: bytes) -> Any:
    """Return ``data`` parsed as UTF-8 JSON, or None when it is empty or not JSON."""
    if not data:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def pretty_body(data: bytes) -> tuple[str, str | None]:
    """Return ``(format, text)``: the body as indented JSON, as UTF-8 text, or binary.

    ``format`` is ``empty``, ``json``, ``text`` or ``binary``; ``text`` is None for
    binary data. JSON keeps non-ASCII characters as they are.
    """
    if not data:
        return "empty", ""
    parsed = parse_json(data)
    if parsed is not None or data.strip() == b"null":
        return "json", json.dumps(parsed, ensure_ascii=False, indent=2)
    try:
        return "text", data.decode("utf-8")
    except UnicodeDecodeError:
        return "binary", None


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def hex_dump(data: bytes, width: int = 16, limit: int = HEX_LIMIT) -> str:
    """Return offset, hex bytes and printable ASCII, ``width`` bytes a line."""
    lines = []
    shown = data[:limit]
    for offset in range(0, len(shown), width):
        chunk = shown[offset : offset + width]
        hex_part = " ".join(f"{byte:02x}" for byte in chunk)
        text_part = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in chunk)
        lines.append(f"{offset:08x}  {hex_part:<{width * 3 - 1}}  |{text_part}|")
    if len(data) > limit:
        lines.append(f"... {len(data) - limit} more bytes")
    return "\n".join(lines)


def escaped_bytes(data: bytes) -> str:
    """Return ``data`` with printable ASCII kept and every other byte written as ``\\xNN``."""
    parts = []
    for byte in data:
        if byte == 0x5C:
            parts.append("\\\\")
        elif byte == 0x0A:
            parts.append("\\n")
        elif 0x20 <= byte < 0x7F:
            parts.append(chr(byte))
        else:
            parts.append(f"\\x{byte:02x}")
    return "".join(parts)
