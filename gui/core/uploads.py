"""Local image files turned into inputs the service can read: data URIs or uploads.

Before a request is submitted, every local file named in an image field is
replaced. A field that takes data URIs gets the file inline when its data URI
fits the service's limit of 10,485,760 characters. Every other file goes through
the temporary-upload flow: a policy from ``GET /uploads?action=getPolicy&model=M``,
a multipart POST of the file to the policy's object store, and the resulting
``oss://`` URL, which needs the header ``X-DashScope-OssResourceResolve: enable``
(``ApiRequest.headers`` adds it).

An uploaded file works only for the model it was uploaded for, and only for 48
hours. An upload is therefore reused only for the same model and account while
enough of that time is left. Any other request uploads the file again.

Policy and upload exchanges are recorded like every other exchange, with the
policy document, its signature and the access key id replaced by ``[redacted]``.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from gui.core.catalog import FieldSpec, ModelSpec
from gui.core.dashscope import Credentials, DashScopeClient, DashScopeError
from gui.core.exchanges import Exchange
from gui.core.library import InputFile
from gui.core.local_images import (
    FILE,
    MAX_DATA_URI_LENGTH,
    URL,
    ImageInfo,
    LocalImageError,
    data_uri_length,
    inspect_file,
    reference_kind,
    resolve_local,
)
from gui.core.request import validate_body

log = logging.getLogger(__name__)

# The service keeps a temporary upload for 48 hours.
UPLOAD_LIFETIME_SECONDS = 48 * 3600.0
# An earlier upload is reused only while this much of its lifetime is left, so a
# task that waits in the queue or runs for a long time still finds its file.
REUSE_MARGIN_SECONDS = 6 * 3600.0
# A cached policy is renewed this long before the expiry the service reported.
POLICY_MARGIN_SECONDS = 30.0
READ_CHUNK = 256 * 1024
MEBIBYTE = 1024 * 1024
REDACTED = "[redacted]"
POLICY_SECRETS = ("policy", "signature", "oss_access_key_id")
FORM_SECRETS = ("OSSAccessKeyId", "Signature", "policy")

ProgressListener = Callable[["UploadProgress"], None]


class InputError(DashScopeError):
    """Raised when a local input cannot be sent; ``code`` is a ``PixelPost.Input.*``
    or ``PixelPost.Upload.*`` code and the message names the file."""


@dataclass(frozen=True)
class UploadProgress:
    """How far the upload of one file has got."""

    # 1-based number of the file among the files this request uploads.
    number: int
    count: int
    sent: int
    total: int
    path: str

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else min(100, self.sent * 100 // self.total)


@dataclass(frozen=True)
class UploadPolicy:
    """A temporary-upload policy as the service issued it, with its expiry on our clock."""

    policy: str
    signature: str
    upload_dir: str
    upload_host: str
    access_key_id: str
    object_acl: str
    forbid_overwrite: str
    max_bytes: int | None
    expires_at: float

    @classmethod
    def from_response(cls, response: Mapping[str, Any], now: float) -> UploadPolicy:
        """Read the ``data`` member of a policy response; raise InputError when it is incomplete."""
        data = response.get("data")
        if not isinstance(data, dict):
            raise InputError(
                "PixelPost.Upload.PolicyInvalid", "the upload policy response has no data object"
            )
        missing = [
            name
            for name in ("policy", "signature", "upload_dir", "upload_host", "oss_access_key_id")
            if not isinstance(data.get(name), str) or not data.get(name)
        ]
        if missing:
            raise InputError(
                "PixelPost.Upload.PolicyInvalid",
                f"the upload policy response lacks {', '.join(missing)}",
            )
        seconds = data.get("expire_in_seconds")
        lifetime = float(seconds) if isinstance(seconds, int | float) else 300.0
        size_mb = data.get("max_file_size_mb")
        return cls(
            policy=data["policy"],
            signature=data["signature"],
            upload_dir=str(data["upload_dir"]).rstrip("/"),
            upload_host=data["upload_host"],
            access_key_id=data["oss_access_key_id"],
            object_acl=str(data.get("x_oss_object_acl") or "private"),
            forbid_overwrite=str(data.get("x_oss_forbid_overwrite") or "true"),
            max_bytes=int(size_mb * MEBIBYTE) if isinstance(size_mb, int | float) else None,
            expires_at=now + lifetime,
        )


@dataclass(frozen=True)
class UploadedFile:
    """A file in the temporary store: its ``oss://`` URL and when it was uploaded."""

    url: str
    sha256: str
    byte_size: int
    model: str
    uploaded_at: float


@dataclass(frozen=True)
class PreparedRequest:
    """A request body with every local file replaced, and what each file became."""

    body: dict[str, Any]
    inputs: tuple[InputFile, ...]


# Finding and replacing image values in a body.


def image_references(model: ModelSpec, body: Mapping[str, Any]) -> list[tuple[FieldSpec, str]]:
    """Return every string in the body's image fields with its field, in field order."""
    found: list[tuple[FieldSpec, str]] = []
    for spec, value in _image_values(model, body):
        items = value if isinstance(value, list) else [value]
        found.extend((spec, item) for item in items if isinstance(item, str))
    return found


def local_references(model: ModelSpec, body: Mapping[str, Any]) -> list[tuple[FieldSpec, str]]:
    """Return the image values that name local files (paths or ``file:`` URIs)."""
    return [(spec, text) for spec, text in image_references(model, body) if _is_file(text)]


def replace_images(
    model: ModelSpec, body: Mapping[str, Any], replacements: Mapping[str, str]
) -> dict[str, Any]:
    """Return a copy of ``body`` whose image values found in ``replacements`` are replaced."""
    result = copy.deepcopy(dict(body))
    for spec in model.fields:
        if spec.type not in ("image", "image_list"):
            continue
        if spec.location == "message_images":
            for item in _message_image_items(result):
                item["image"] = replacements.get(item["image"], item["image"])
            continue
        container, key = _container(result, spec)
        if container is None or key not in container:
            continue
        value = container[key]
        if isinstance(value, str):
            container[key] = replacements.get(value, value)
        elif isinstance(value, list):
            container[key] = [
                replacements.get(item, item) if isinstance(item, str) else item for item in value
            ]
    return result


def absolute_local_paths(
    model: ModelSpec, body: Mapping[str, Any], base_dir: Path
) -> dict[str, Any]:
    """Return a copy of ``body`` whose relative local paths are resolved against ``base_dir``.

    The command line uses this, so a request file can name images beside it.
    """
    replacements: dict[str, str] = {}
    for _spec, text in local_references(model, body):
        try:
            replacements[text] = str(resolve_local(text, base_dir))
        except ValueError:
            continue
    return replace_images(model, body, replacements)


def failed_image_reference(
    model: ModelSpec, body: Mapping[str, Any], message: str | None
) -> tuple[str, str] | None:
    """Return (field name, value) of the image input an error most likely refers to.

    A value quoted in the error message wins (services quote the URL they could not
    download, cut to some length). Otherwise the first http(s) URL is chosen, then
    the first image value of any kind. Returns None when the body has no image.
    """
    references = image_references(model, body)
    if not references:
        return None
    text = message or ""
    for spec, value in references:
        if value.strip() and value.strip()[:150] in text:
            return spec.name, value
    for spec, value in references:
        if reference_kind(value) == URL:
            return spec.name, value
    spec, value = references[0]
    return spec.name, value


def _is_file(text: str) -> bool:
    return reference_kind(text) == FILE


def _image_values(model: ModelSpec, body: Mapping[str, Any]) -> Iterator[tuple[FieldSpec, Any]]:
    for spec in model.fields:
        if spec.type not in ("image", "image_list"):
            continue
        if spec.location == "message_images":
            images = [item["image"] for item in _message_image_items(body)]
            if images:
                yield spec, images
            continue
        container, key = _container(body, spec)
        if container is not None and key in container:
            yield spec, container[key]


def _container(body: Mapping[str, Any], spec: FieldSpec) -> tuple[Any, str]:
    """Return the dict that contains a field's member, and the member's key."""
    if spec.location not in ("input", "parameters"):
        return None, ""
    container: Any = body.get(spec.location)
    *parents, last = spec.body_key.split(".")
    for part in parents:
        container = container.get(part) if isinstance(container, dict) else None
    return (container if isinstance(container, dict) else None), last


def _message_image_items(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    input_part = body.get("input")
    messages = input_part.get("messages") if isinstance(input_part, dict) else None
    if not isinstance(messages, list) or not messages or not isinstance(messages[0], dict):
        return []
    content = messages[0].get("content")
    if not isinstance(content, list):
        return []
    return [
        item
        for item in content
        if isinstance(item, dict) and isinstance(item.get("image"), str)
    ]


# Deciding how a file travels.


def sends_inline(spec: FieldSpec, info: ImageInfo, limit: int = MAX_DATA_URI_LENGTH) -> bool:
    """Return whether a file goes inline as a data URI: the field takes them and it fits."""
    accepts = spec.image is not None and spec.image.data_uri
    return accepts and data_uri_length(info.byte_size, info.mime_type) <= limit


def object_name(path: Path, suffix: str) -> str:
    """Return a unique ASCII object name for a file, such as ``3f2a9c1e0b7d-photo.png``.

    Names are unique because the store forbids overwriting. Every run of
    characters other than ASCII letters, digits, dots, dashes and underscores
    becomes one dash, so the ``oss://`` URL needs no escaping.
    """
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.")[:40] or "image"
    return f"{uuid.uuid4().hex[:12]}-{stem}{suffix}"


_SUFFIXES = {"jpeg": ".jpg", "tiff": ".tif"}


def _suffix(info: ImageInfo) -> str:
    return _SUFFIXES.get(info.format, f".{info.format}" if info.format else ".bin")


# Recording without secrets.


def redact_policy_exchange(exchange: Exchange) -> Exchange:
    """Return a policy exchange whose response has no policy, signature or access key id."""
    try:
        document = json.loads(exchange.response_body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return exchange
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        return exchange
    for name in POLICY_SECRETS:
        if name in data:
            data[name] = REDACTED
    body = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    return replace(exchange, response_body=body, response_size=exchange.response_size)


def _upload_redactor(
    boundary: str, fields: list[tuple[str, str]], file_name: str, mime_type: str, size: int
) -> Callable[[Exchange], Exchange]:
    """Return a function that records an upload's form without secrets or file bytes."""
    shown = [(name, REDACTED if name in FORM_SECRETS else value) for name, value in fields]
    text = "".join(_form_field(boundary, name, value) for name, value in shown)
    text += _file_head(boundary, file_name, mime_type)
    text += f"<{size} bytes of {mime_type}, not recorded>\r\n--{boundary}--\r\n"
    recorded = text.encode("utf-8")

    def redact(exchange: Exchange) -> Exchange:
        return replace(exchange, request_body=recorded)

    return redact


def _form_field(boundary: str, name: str, value: str) -> str:
    return f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'


def _file_head(boundary: str, file_name: str, mime_type: str) -> str:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        f"Content-Type: {mime_type}\r\n\r\n"
    )


def _oss_error(body: bytes) -> tuple[str, str]:
    """Return (code, message) of an object-store XML error body, or empty strings."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return "", body[:200].decode("utf-8", "replace").strip()
    return (root.findtext("Code") or "").strip(), (root.findtext("Message") or "").strip()


class InputPreparer:
    """Turns the local files of a request into data URIs or ``oss://`` uploads.

    ``clock`` returns epoch seconds and decides when cached policies and uploads
    expire; tests pass a fake one. ``inline_limit`` is the longest data URI sent
    inline, in characters.
    """

    def __init__(
        self,
        client: DashScopeClient,
        *,
        clock: Callable[[], float] = time.time,
        inline_limit: int = MAX_DATA_URI_LENGTH,
        upload_lifetime: float = UPLOAD_LIFETIME_SECONDS,
        reuse_margin: float = REUSE_MARGIN_SECONDS,
    ) -> None:
        self._client = client
        self._clock = clock
        self.inline_limit = inline_limit
        self._upload_lifetime = upload_lifetime
        self._reuse_margin = reuse_margin
        self._policies: dict[tuple[str, ...], UploadPolicy] = {}
        self._uploads: dict[tuple[Any, ...], UploadedFile] = {}

    async def prepare(
        self,
        model: ModelSpec,
        body: Mapping[str, Any],
        credentials: Credentials,
        *,
        model_name: str,
        task: str | None = None,
        progress: ProgressListener | None = None,
    ) -> PreparedRequest:
        """Return ``body`` with every local file replaced by a data URI or an ``oss://`` URL.

        The files are checked against the model's rules again first, because they
        may have changed since the request was saved. Raises InputError for a file
        that is missing, changed or rejected by the object store, and the client's
        DashScopeError subclasses for policy and network failures.
        """
        references = local_references(model, body)
        if not references:
            return PreparedRequest(copy.deepcopy(dict(body)), ())
        self._check_again(model, body, {spec.name for spec, _text in references})

        plans: list[tuple[FieldSpec, str, Path, ImageInfo, bool]] = []
        for spec, text in references:
            path = resolve_local(text)
            info = _inspect(path)
            plans.append((spec, text, path, info, sends_inline(spec, info, self.inline_limit)))

        replacements: dict[str, str] = {}
        inputs: list[InputFile] = []
        for spec, text, path, info, inline in plans:
            if not inline or text in replacements:
                continue
            data = await asyncio.to_thread(_read_file, path)
            replacements[text] = f"data:{info.mime_type};base64," + base64.b64encode(data).decode()
            digest = hashlib.sha256(data).hexdigest()
            inputs.append(InputFile(spec.name, text, "data", len(data), digest))

        to_upload: dict[str, tuple[Path, ImageInfo]] = {}
        uploaded: dict[str, UploadedFile] = {}
        for _spec, text, path, info, inline in plans:
            if inline or text in to_upload or text in uploaded:
                continue
            reusable = self._reusable(credentials, model_name, path)
            if reusable is not None:
                uploaded[text] = reusable
            else:
                to_upload[text] = (path, info)
        for number, (text, (path, info)) in enumerate(to_upload.items(), start=1):
            uploaded[text] = await self._upload(
                credentials,
                model_name,
                path,
                info,
                task=task,
                on_progress=_numbered(progress, number, len(to_upload), str(path)),
            )
        for spec, text, _path, _info, inline in plans:
            if inline or text not in uploaded:
                continue
            upload = uploaded[text]
            replacements[text] = upload.url
            inputs.append(
                InputFile(
                    spec.name,
                    text,
                    "oss",
                    upload.byte_size,
                    upload.sha256,
                    url=upload.url,
                    model=upload.model,
                    uploaded_at=upload.uploaded_at,
                )
            )
        return PreparedRequest(replace_images(model, body, replacements), tuple(inputs))

    def forget_uploads(self) -> None:
        """Forget earlier uploads, so the next request uploads its files again."""
        self._uploads.clear()

    def _check_again(self, model: ModelSpec, body: Mapping[str, Any], fields: set[str]) -> None:
        for issue in validate_body(model, body):
            if issue.field not in fields:
                continue
            missing = issue.rule == "image_missing"
            code = "PixelPost.Input.Missing" if missing else "PixelPost.Input.Invalid"
            raise InputError(code, issue.message())

    def _reusable(
        self, credentials: Credentials, model_name: str, path: Path
    ) -> UploadedFile | None:
        upload = self._uploads.get(_upload_key(credentials, model_name, path))
        if upload is None:
            return None
        left = upload.uploaded_at + self._upload_lifetime - self._clock()
        if left < self._reuse_margin:
            return None
        log.info("Reusing the upload of %s for %s (%s)", path, model_name, upload.url)
        return upload

    async def _policy(
        self, credentials: Credentials, model_name: str, task: str | None, *, renew: bool
    ) -> UploadPolicy:
        key = (*_account(credentials), model_name)
        cached = self._policies.get(key)
        fresh = cached is not None and self._clock() < cached.expires_at - POLICY_MARGIN_SECONDS
        if cached is not None and fresh and not renew:
            return cached
        response = await self._client.get_upload_policy(
            credentials, model_name, task=task, redact=redact_policy_exchange
        )
        policy = UploadPolicy.from_response(response, self._clock())
        self._policies[key] = policy
        seconds = policy.expires_at - self._clock()
        log.info("Upload policy for %s received; it expires in %.0f s", model_name, seconds)
        return policy

    async def _upload(
        self,
        credentials: Credentials,
        model_name: str,
        path: Path,
        info: ImageInfo,
        *,
        task: str | None,
        on_progress: Callable[[int, int], None],
    ) -> UploadedFile:
        """Upload one file, renewing the policy once when the store reports it expired."""
        for attempt in (1, 2):
            policy = await self._policy(credentials, model_name, task, renew=attempt == 2)
            if policy.max_bytes is not None and info.byte_size > policy.max_bytes:
                raise InputError(
                    "PixelPost.Upload.TooLarge",
                    f"{path} has {info.byte_size} bytes; the upload policy allows at most "
                    f"{policy.max_bytes}",
                )
            key = f"{policy.upload_dir}/{object_name(path, _suffix(info))}"
            status, body, digest = await self._post(policy, key, path, info, task, on_progress)
            if status in (200, 201, 204):
                now = self._clock()
                upload = UploadedFile("oss://" + key, digest, info.byte_size, model_name, now)
                self._uploads[_upload_key(credentials, model_name, path)] = upload
                log.info("Uploaded %s for %s as %s", path, model_name, upload.url)
                return upload
            code, message = _oss_error(body)
            if attempt == 1 and status == 403 and "policy expired" in message.lower():
                log.info("Upload policy for %s expired before the upload; renewing it", model_name)
                continue
            raise InputError(
                "PixelPost.Upload.Rejected",
                f"the object store rejected {path.name} with HTTP {status} {code}: {message}",
                status=status,
            )
        raise AssertionError("unreachable: the second attempt returns or raises")

    async def _post(
        self,
        policy: UploadPolicy,
        key: str,
        path: Path,
        info: ImageInfo,
        task: str | None,
        on_progress: Callable[[int, int], None],
    ) -> tuple[int, bytes, str]:
        """POST the file as an OSS PostObject form; return (status, body, SHA-256 of the file)."""
        boundary = "pixelpost-" + uuid.uuid4().hex
        file_name = key.rsplit("/", 1)[-1]
        fields = [
            ("OSSAccessKeyId", policy.access_key_id),
            ("Signature", policy.signature),
            ("policy", policy.policy),
            ("key", key),
            ("x-oss-object-acl", policy.object_acl),
            ("x-oss-forbid-overwrite", policy.forbid_overwrite),
            ("success_action_status", "200"),
            ("x-oss-content-type", info.mime_type),
        ]
        head = "".join(_form_field(boundary, name, value) for name, value in fields)
        head += _file_head(boundary, file_name, info.mime_type)
        head_bytes = head.encode("utf-8")
        tail = f"\r\n--{boundary}--\r\n".encode()
        hasher = hashlib.sha256()

        async def stream() -> AsyncIterator[bytes]:
            yield head_bytes
            sent = 0
            on_progress(0, info.byte_size)
            handle = await asyncio.to_thread(path.open, "rb")
            try:
                while chunk := await asyncio.to_thread(handle.read, READ_CHUNK):
                    hasher.update(chunk)
                    sent += len(chunk)
                    if sent > info.byte_size:
                        break
                    yield chunk
                    on_progress(sent, info.byte_size)
            finally:
                await asyncio.to_thread(handle.close)
            if sent != info.byte_size:
                raise InputError(
                    "PixelPost.Input.Changed",
                    f"{path} changed while it was uploaded; send the request again",
                )
            yield tail

        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(len(head_bytes) + info.byte_size + len(tail)),
            "Accept": "application/json",
        }
        redact = _upload_redactor(boundary, fields, file_name, info.mime_type, info.byte_size)
        try:
            response = await self._client.post_form(
                policy.upload_host, headers=headers, content=stream(), task=task, redact=redact
            )
        except OSError as error:
            raise InputError(
                "PixelPost.Input.Unreadable", f"{path} could not be read: {error.strerror or error}"
            ) from None
        return response.status_code, response.content, hasher.hexdigest()


def _numbered(
    progress: ProgressListener | None, number: int, count: int, path: str
) -> Callable[[int, int], None]:
    def report(sent: int, total: int) -> None:
        if progress is not None:
            progress(UploadProgress(number, count, sent, total, path))

    return report


def _account(credentials: Credentials) -> tuple[str, str]:
    """Return what identifies an account's upload store: base URL, workspace and key digest.

    The key itself is not kept; its SHA-256 distinguishes two accounts.
    """
    key_digest = hashlib.sha256(credentials.api_key.encode()).hexdigest()[:16]
    return credentials.base_url, f"{credentials.workspace or ''}/{key_digest}"


def _upload_key(credentials: Credentials, model_name: str, path: Path) -> tuple[Any, ...]:
    """Return the cache key of an upload: account, model and the file's identity on disk."""
    try:
        status = path.stat()
    except OSError:
        return (*_account(credentials), model_name, str(path))
    return (*_account(credentials), model_name, str(path), status.st_size, status.st_mtime_ns)


def _inspect(path: Path) -> ImageInfo:
    try:
        return inspect_file(path)
    except LocalImageError as error:
        missing = error.reason == "missing"
        code = "PixelPost.Input.Missing" if missing else "PixelPost.Input.Unreadable"
        raise InputError(code, str(error)) from None


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            "PixelPost.Input.Unreadable", f"{path} could not be read: {error.strerror or error}"
        ) from None
