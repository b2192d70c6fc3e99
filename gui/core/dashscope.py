"""The DashScope HTTP client: submit, sync call, task query, cancel, list, download.

One ``httpx.AsyncClient`` serves the whole app. Every failure becomes a
``DashScopeError`` subclass carrying what the UI needs to explain it: the HTTP
status, the service's ``code`` and ``message``, and the ``request_id``.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import socket
import ssl
import urllib.request
from collections.abc import AsyncIterable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from gui.core.exchange_errors import body_summary, object_store_error
from gui.core.exchanges import TAG_EXTENSION, Exchange, ExchangeLog, RecordingTransport
from gui.core.request import ApiRequest

log = logging.getLogger(__name__)

# Connect and pool timeouts are short. Reads are long because a sync image call
# may take minutes: the service allows about 300 s on the shared domains.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=30.0, pool=10.0)
SYNC_CALL_TIMEOUT = httpx.Timeout(connect=10.0, read=330.0, write=30.0, pool=10.0)
# An object-store upload may be large and its reply slow; the official SDK allows an hour.
UPLOAD_TIMEOUT = httpx.Timeout(connect=10.0, read=600.0, write=120.0, pool=10.0)
DOWNLOAD_CHUNK = 64 * 1024


class DashScopeError(Exception):
    """Root of every error the client raises.

    ``code`` is the service's error code, or a ``PixelPost.*`` code for failures
    the app detects itself, so one error catalog explains both.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.status = status
        self.request_id = request_id


class ApiError(DashScopeError):
    """The service responded with a non-2xx status and an error envelope."""


class NetworkError(DashScopeError):
    """The request did not get a complete answer (DNS, refused, timeout, TLS, dropped).

    ``sent`` is True when the request may have reached the service before the
    failure, so a submit's outcome is unknown.
    """

    def __init__(self, code: str, message: str, *, sent: bool) -> None:
        super().__init__(code, message)
        self.sent = sent


class MalformedResponseError(DashScopeError):
    """The service responded 2xx but the body was not the expected JSON."""


@dataclass(frozen=True)
class Credentials:
    """The base URL, key and optional workspace a request is sent with."""

    base_url: str
    api_key: str
    workspace: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        if self.workspace:
            headers["X-DashScope-WorkSpace"] = self.workspace
        return headers

    def __repr__(self) -> str:  # keeps the key out of tracebacks and logs
        return f"Credentials(base_url={self.base_url!r}, workspace={self.workspace!r})"


SYSTEM_PROXY = "system"


def make_http_client(
    exchange_log: ExchangeLog,
    transport: httpx.AsyncBaseTransport | None = None,
    *,
    proxy: str | None = SYSTEM_PROXY,
) -> httpx.AsyncClient:
    """Build the app's one AsyncClient, recording every exchange.

    ``proxy`` is a proxy URL, None for direct connections, or ``"system"`` to use
    the proxy from the environment variables (or, on Windows, the registry).
    Loopback addresses and hosts in the bypass list always connect directly.
    Certificates come from the operating system's store (truststore), so TLS works
    behind corporate proxies that install their own root certificate.
    """
    if transport is None:
        proxy_url = _system_proxy() if proxy == SYSTEM_PROXY else proxy
        transport = _ProxyRouter(proxy_url)
    return httpx.AsyncClient(
        transport=RecordingTransport(transport, exchange_log),
        timeout=DEFAULT_TIMEOUT,
        # The router applies proxies itself so that proxied requests are recorded too.
        trust_env=False,
        headers={"User-Agent": _user_agent()},
    )


def _system_proxy() -> str | None:
    proxies = urllib.request.getproxies()
    return proxies.get("https") or proxies.get("all") or proxies.get("http")


class _ProxyRouter(httpx.AsyncBaseTransport):
    """Sends loopback and bypassed hosts directly and everything else via the proxy."""

    def __init__(self, proxy_url: str | None) -> None:
        context = _system_ssl_context()
        self._direct = httpx.AsyncHTTPTransport(verify=context, retries=0)
        self._proxied = (
            httpx.AsyncHTTPTransport(verify=context, proxy=proxy_url, retries=0)
            if proxy_url
            else None
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if self._proxied is None or _is_loopback(host) or urllib.request.proxy_bypass(host):
            return await self._direct.handle_async_request(request)
        return await self._proxied.handle_async_request(request)

    async def aclose(self) -> None:
        await self._direct.aclose()
        if self._proxied is not None:
            await self._proxied.aclose()


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _system_ssl_context() -> ssl.SSLContext:
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except (ImportError, OSError) as error:
        log.warning("System certificate store unavailable (%s); using Python's defaults", error)
        return ssl.create_default_context()


def _user_agent() -> str:
    from gui import __version__

    return f"PixelPost/{__version__} httpx/{httpx.__version__}"


class DashScopeClient:
    """Calls the DashScope HTTP API through a shared AsyncClient."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        sync_timeout: httpx.Timeout = SYNC_CALL_TIMEOUT,
    ) -> None:
        self._http = http
        self._timeout = timeout
        self._sync_timeout = sync_timeout

    async def submit(
        self, credentials: Credentials, request: ApiRequest, *, task: str | None = None
    ) -> dict[str, Any]:
        """Submit an async task; return the response JSON with ``output.task_id``."""
        kind = "submit" if request.is_async else "sync_call"
        timeout = self._timeout if request.is_async else self._sync_timeout
        headers = {**credentials.headers(), **request.headers()}
        content = json.dumps(request.body, ensure_ascii=False).encode("utf-8")
        data = await self._send_json(
            "POST",
            _join(credentials.base_url, request.path),
            headers=headers,
            content=content,
            kind=kind,
            task=task,
            timeout=timeout,
        )
        if request.is_async and not _task_id(data):
            raise MalformedResponseError(
                "PixelPost.Response.Malformed",
                "the submit answer has no output.task_id",
                request_id=data.get("request_id"),
            )
        return data

    async def query(
        self, credentials: Credentials, task_id: str, *, task: str | None = None
    ) -> dict[str, Any]:
        url = _join(credentials.base_url, f"tasks/{task_id}")
        headers = credentials.headers()
        return await self._send_json("GET", url, headers=headers, kind="poll", task=task)

    async def cancel(
        self, credentials: Credentials, task_id: str, *, task: str | None = None
    ) -> dict[str, Any]:
        url = _join(credentials.base_url, f"tasks/{task_id}/cancel")
        return await self._send_json(
            "POST", url, headers=credentials.headers(), kind="cancel", task=task
        )

    async def list_tasks(
        self, credentials: Credentials, params: Mapping[str, str | int]
    ) -> dict[str, Any]:
        url = _join(credentials.base_url, "tasks")
        return await self._send_json(
            "GET", url, headers=credentials.headers(), kind="list", params=dict(params)
        )

    async def download(
        self, url: str, destination: Path, *, task: str | None = None
    ) -> tuple[int, str]:
        """Stream ``url`` into ``destination``; return (bytes written, content type).

        The caller passes a temporary path and renames it when the whole file is
        there. Result URLs are pre-signed, so no Authorization header is sent.
        """
        extensions = {TAG_EXTENSION: {"kind": "download", "task": task}}
        request = self._http.build_request("GET", url, extensions=extensions, timeout=self._timeout)
        written = 0
        try:
            response = await self._http.send(request, stream=True)
            try:
                if response.status_code != 200:
                    body = await response.aread()
                    raise _download_error(response.status_code, body)
                content_type = response.headers.get("content-type", "")
                with destination.open("wb") as handle:
                    async for chunk in response.aiter_bytes(DOWNLOAD_CHUNK):
                        handle.write(chunk)
                        written += len(chunk)
                    handle.flush()
                    os.fsync(handle.fileno())
            finally:
                await response.aclose()
        except httpx.HTTPError as error:
            raise _network_error(error) from None
        expected = response.headers.get("content-length")
        if expected and expected.isdigit() and int(expected) != written:
            raise NetworkError(
                "PixelPost.Network.Dropped",
                f"download ended after {written} of {expected} bytes",
                sent=True,
            )
        return written, content_type

    async def _send_json(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        kind: str,
        task: str | None = None,
        content: bytes | None = None,
        params: Mapping[str, Any] | None = None,
        timeout: httpx.Timeout | None = None,  # noqa: ASYNC109 - httpx's per-request timeout
    ) -> dict[str, Any]:
        extensions = {TAG_EXTENSION: {"kind": kind, "task": task}}
        request = self._http.build_request(
            method,
            url,
            headers=dict(headers),
            content=content,
            params=params,
            timeout=timeout or self._timeout,
            extensions=extensions,
        )
        try:
            response = await self._http.send(request)
        except httpx.HTTPError as error:
            raise _network_error(error) from None
        return _parse_json_response(response)

    async def get_upload_policy(
        self,
        credentials: Credentials,
        model: str,
        *,
        task: str | None = None,
        redact: Callable[[Exchange], Exchange] | None = None,
    ) -> dict[str, Any]:
        """Request a temporary-upload policy for files used with ``model``; return the JSON.

        ``redact`` removes the policy's secrets from the recorded exchange.
        """
        tag: dict[str, Any] = {"kind": "upload_policy", "task": task}
        if redact is not None:
            tag["redact"] = redact
        request = self._http.build_request(
            "GET",
            _join(credentials.base_url, "uploads"),
            headers=credentials.headers(),
            params={"action": "getPolicy", "model": model},
            timeout=self._timeout,
            extensions={TAG_EXTENSION: tag},
        )
        try:
            response = await self._http.send(request)
        except httpx.HTTPError as error:
            raise _network_error(error) from None
        return _parse_json_response(response)

    async def post_form(
        self,
        url: str,
        *,
        headers: Mapping[str, str],
        content: AsyncIterable[bytes],
        task: str | None = None,
        redact: Callable[[Exchange], Exchange] | None = None,
    ) -> httpx.Response:
        """POST a streamed multipart/form-data body to an object store; return the response.

        No Authorization header is sent, because the form carries its own
        signature. ``headers`` must give Content-Type and Content-Length. Raises
        NetworkError when no complete response arrives.
        """
        tag: dict[str, Any] = {"kind": "upload", "task": task}
        if redact is not None:
            tag["redact"] = redact
        request = self._http.build_request(
            "POST",
            url,
            headers=dict(headers),
            content=content,
            timeout=UPLOAD_TIMEOUT,
            extensions={TAG_EXTENSION: tag},
        )
        try:
            return await self._http.send(request)
        except httpx.HTTPError as error:
            raise _network_error(error) from None


def _join(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}/{path.lstrip('/')}"


def _task_id(data: Mapping[str, Any]) -> str | None:
    output = data.get("output")
    task_id = output.get("task_id") if isinstance(output, dict) else None
    return task_id if isinstance(task_id, str) else None


def _parse_json_response(response: httpx.Response) -> dict[str, Any]:
    request_id = response.headers.get("x-request-id")
    try:
        data = json.loads(response.content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        text = body_summary(response.content)
        if response.is_success:
            raise MalformedResponseError(
                "PixelPost.Response.Malformed",
                f"HTTP {response.status_code} with a body that is not a JSON object: {text!r}",
                status=response.status_code,
                request_id=request_id,
            )
        # No code at all: the explanation then follows the HTTP status class.
        raise ApiError("", text, status=response.status_code, request_id=request_id)
    request_id = data.get("request_id") or request_id
    if not response.is_success:
        raise ApiError(
            str(data.get("code") or ""),
            str(data.get("message") or ""),
            status=response.status_code,
            request_id=request_id,
        )
    return data


def _download_error(status: int, body: bytes) -> DashScopeError:
    oss = object_store_error(body)
    text = f"{oss[0]}: {oss[1]}" if oss is not None else body_summary(body)
    if status in (403, 404, 410):
        return ApiError(
            "PixelPost.Download.Expired",
            f"HTTP {status} from the result server: {text}",
            status=status,
        )
    return ApiError("PixelPost.Download.Failed", f"HTTP {status}: {text}", status=status)


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _network_error(error: httpx.HTTPError) -> NetworkError:
    """Translate an httpx transport error into a NetworkError with a PixelPost code.

    httpx raises ConnectError for DNS, refusal and TLS failures alike, so the
    underlying OS or ssl exception decides which one it was.
    """
    detail = f"{type(error).__name__}: {error}"
    if isinstance(error, httpx.ProxyError):
        return NetworkError("PixelPost.Network.Proxy", detail, sent=False)
    if isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
        return NetworkError("PixelPost.Network.Timeout", detail, sent=False)
    if isinstance(error, httpx.TimeoutException):
        return NetworkError("PixelPost.Network.Timeout", detail, sent=True)
    if isinstance(error, httpx.ConnectError):
        causes = _causes(error)
        if any(isinstance(cause, ssl.SSLError) for cause in causes):
            return NetworkError("PixelPost.Network.TLS", detail, sent=False)
        if any(isinstance(cause, socket.gaierror) for cause in causes):
            return NetworkError("PixelPost.Network.DNS", detail, sent=False)
        return NetworkError("PixelPost.Network.Refused", detail, sent=False)
    return NetworkError("PixelPost.Network.Dropped", detail, sent=True)
