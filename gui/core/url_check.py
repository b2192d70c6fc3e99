"""A quick check of an image URL's headers, for what the service would reject.

The service downloads input images itself, from its own region. A URL that this
computer reaches may still fail there (another country, an intranet address,
hotlink protection), so a clean check is no guarantee. The check sends HEAD, and a
ranged GET for the first byte when the server refuses HEAD, through the app's
recording HTTP client, and reads only headers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from gui.core.catalog import ImageRule
from gui.core.exchanges import TAG_EXTENSION
from gui.core.local_images import format_allowed, format_bytes

CHECK_TIMEOUT = httpx.Timeout(connect=10.0, read=15.0, write=10.0, pool=10.0)
_TOTAL_IN_RANGE = re.compile(r"/(\d+)\s*$")


@dataclass(frozen=True)
class UrlProblem:
    """One thing the service would likely reject; ``code`` names it, ``params`` the values.

    Codes: ``unreachable`` (detail), ``not_found`` (status), ``http_error`` (status),
    ``not_image`` (content_type), ``format`` (format, formats), ``too_large``
    (size, maximum), ``no_length``, ``non_ascii``.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        template = ENGLISH_PROBLEMS.get(self.code, self.code)
        return template.format(**self.params)


ENGLISH_PROBLEMS = {
    "unreachable": "The URL could not be reached from this computer ({detail}).",
    "not_found": "The server answered HTTP {status}: the file is not there.",
    "http_error": "The server answered HTTP {status}, so the service cannot download it.",
    "not_image": "The server sends it as {content_type}, not as an image; the service "
    "rejects a URL without an image Content-Type.",
    "format": "The server sends a {format} image; this field accepts {formats}.",
    "too_large": "The file is {size}; this field accepts at most {maximum}.",
    "no_length": "The server sends no Content-Length; some models fail to download such "
    "files.",
    "non_ascii": "The URL contains characters outside ASCII; encode them (for example %E5%9B%BE) "
    "or the service may reject it.",
}


@dataclass(frozen=True)
class UrlCheck:
    """The result of checking an image URL: its status, type, length and the problems found."""

    url: str
    status: int | None
    content_type: str | None
    content_length: int | None
    problems: tuple[UrlProblem, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


async def check_image_url(
    http: httpx.AsyncClient, url: str, rule: ImageRule | None = None
) -> UrlCheck:
    """Fetch the headers of ``url`` and list what the service would likely reject.

    Network failures are reported as the problem ``unreachable`` (with the httpx
    error's class name); nothing raises.
    """
    url = url.strip()
    problems: list[UrlProblem] = []
    if not url.isascii():
        problems.append(UrlProblem("non_ascii"))
    try:
        response = await _head(http, url)
        if response.status_code in (403, 405, 501):
            response = await _first_byte(http, url)
    except httpx.HTTPError as error:
        problems.append(UrlProblem("unreachable", {"detail": type(error).__name__}))
        return UrlCheck(url, None, None, None, tuple(problems))

    status = response.status_code
    content_type = response.headers.get("content-type")
    length = _length(response)
    if status in (404, 410):
        problems.append(UrlProblem("not_found", {"status": status}))
    elif status >= 400:
        problems.append(UrlProblem("http_error", {"status": status}))
    else:
        problems.extend(_content_problems(content_type, length, rule))
    return UrlCheck(url, status, content_type, length, tuple(problems))


def _content_problems(
    content_type: str | None, length: int | None, rule: ImageRule | None
) -> list[UrlProblem]:
    problems: list[UrlProblem] = []
    kind = (content_type or "").split(";")[0].strip().lower()
    if not kind.startswith("image/"):
        problems.append(UrlProblem("not_image", {"content_type": kind or "no content type"}))
    elif rule is not None and rule.formats:
        subtype = kind.removeprefix("image/").removeprefix("x-")
        if not format_allowed(subtype, rule.formats):
            formats = ", ".join(name.upper() for name in rule.formats)
            problems.append(UrlProblem("format", {"format": subtype.upper(), "formats": formats}))
    if length is None:
        problems.append(UrlProblem("no_length"))
    elif rule is not None and rule.max_bytes is not None and length > rule.max_bytes:
        params = {"size": format_bytes(length), "maximum": format_bytes(rule.max_bytes)}
        problems.append(UrlProblem("too_large", params))
    return problems


async def _head(http: httpx.AsyncClient, url: str) -> httpx.Response:
    request = http.build_request(
        "HEAD", url, timeout=CHECK_TIMEOUT, extensions={TAG_EXTENSION: {"kind": "url_check"}}
    )
    return await http.send(request, follow_redirects=True)


async def _first_byte(http: httpx.AsyncClient, url: str) -> httpx.Response:
    """GET only the first byte; the response is streamed and closed unread."""
    # "download" keeps the recording transport from reading the body.
    request = http.build_request(
        "GET",
        url,
        headers={"Range": "bytes=0-0"},
        timeout=CHECK_TIMEOUT,
        extensions={TAG_EXTENSION: {"kind": "download"}},
    )
    response = await http.send(request, stream=True, follow_redirects=True)
    await response.aclose()
    return response


def _length(response: httpx.Response) -> int | None:
    """Return the file size from Content-Range (a ranged reply) or Content-Length."""
    content_range = response.headers.get("content-range")
    if response.status_code == 206 and content_range:
        match = _TOTAL_IN_RANGE.search(content_range)
        return int(match.group(1)) if match else None
    length = response.headers.get("content-length")
    if length is None or not length.strip().isdigit():
        return None
    return int(length)
