"""The temporary-upload flow: upload policies and the object store that takes the files.

A client asks ``GET /api/v1/uploads?action=getPolicy&model=M`` for a policy,
posts the file as multipart/form-data to the policy's ``upload_host`` (``/oss``
on the emulator's origin), then uses ``oss://KEY`` in calls to model M with the
header ``X-DashScope-OssResourceResolve: enable``. A policy is an OSS PostObject
policy document, signed with a secret that only this emulator holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import collapse_rfc2231_value
from http import HTTPStatus
from typing import Any
from xml.sax.saxutils import escape

from gui.core.catalog import ModelSpec
from gui.sandbox import errors
from gui.sandbox.config import EmulatorConfig
from gui.sandbox.errors import OssError
from gui.sandbox.images import ACCESS_KEY_ID, SIGNATURE_MESSAGE
from gui.sandbox.inputs import UploadStore
from gui.sandbox.replies import XML_TYPE, Reply
from gui.sandbox.results import SERVICE_TIMEZONE

OBJECT_STORE_PATH = "/oss"
BUCKET = "dashscope-file-mgr"
UPLOAD_PREFIX = "dashscope-instant"
# The service's policy response reports this capacity; the emulator does not enforce it.
CAPACITY_LIMIT_MB = 999_999_999
MEBIBYTE = 1024 * 1024
# Expired policies are kept this long, so a late upload gets "Policy expired" and
# not a signature error.
EXPIRED_POLICY_RETENTION_SECONDS = 86400.0


def is_object_store_path(path: str) -> bool:
    return path == OBJECT_STORE_PATH or path.startswith(OBJECT_STORE_PATH + "/")


@dataclass(frozen=True)
class FormPart:
    """One part of a multipart/form-data body."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def parse_multipart(content_type: str, body: bytes) -> list[FormPart]:
    """Split a multipart/form-data body into its parts, keeping the bytes of each exactly.

    Raises ValueError when the content type is not multipart/form-data with a
    boundary or the body is not well formed.
    """
    header = Message()
    header["Content-Type"] = content_type
    if header.get_content_type() != "multipart/form-data":
        content = header.get_content_type()
        raise ValueError(f"the content type is {content}, not multipart/form-data")
    boundary = header.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise ValueError("the multipart/form-data content type has no boundary")
    delimiter = b"--" + boundary.encode("latin-1")

    start = body.find(delimiter)
    if start < 0:
        raise ValueError("the body does not contain the multipart boundary")
    parts: list[FormPart] = []
    position = start + len(delimiter)
    while True:
        if body.startswith(b"--", position):
            return parts
        if not body.startswith(b"\r\n", position):
            raise ValueError("a multipart boundary line does not end with CRLF")
        position += 2
        end = body.find(b"\r\n" + delimiter, position)
        if end < 0:
            raise ValueError("the last multipart part has no closing boundary")
        parts.append(_parse_part(body[position:end]))
        position = end + 2 + len(delimiter)


def _parse_part(raw: bytes) -> FormPart:
    if raw.startswith(b"\r\n"):
        head, data = b"", raw[2:]
    else:
        head, separator, data = raw.partition(b"\r\n\r\n")
        if not separator:
            raise ValueError("a multipart part has no blank line after its headers")
    headers = BytesHeaderParser().parsebytes(head)
    name = headers.get_param("name", header="content-disposition")
    if name is None:
        raise ValueError("a multipart part has no Content-Disposition name")
    content_type = headers.get("Content-Type")
    return FormPart(collapse_rfc2231_value(name), headers.get_filename(), content_type, data)


@dataclass(frozen=True)
class IssuedPolicy:
    """A policy the emulator gave out: the model it binds files to and its conditions."""

    model_id: str
    upload_dir: str
    # Epoch seconds after which the policy is expired.
    expires: float
    max_bytes: int
    signature: str


@dataclass(frozen=True)
class StoredObject:
    """The outcome of a successful PostObject."""

    key: str
    model_id: str
    byte_size: int
    etag: str


class ObjectStore:
    """Issues upload policies and takes the files posted with them."""

    def __init__(
        self,
        *,
        account: str,
        config: EmulatorConfig,
        clock: Callable[[], float],
        uploads: UploadStore,
    ) -> None:
        self._account = account
        self._policy_seconds = config.upload_policy_seconds
        self._max_file_size_mb = config.upload_max_file_size_mb
        self._clock = clock
        self._uploads = uploads
        self._secret = secrets.token_bytes(32)
        self._policies: dict[str, IssuedPolicy] = {}
        self._lock = threading.Lock()

    def issue_policy(self, model: ModelSpec, origin: str) -> dict[str, Any]:
        """Return the ``data`` member of a policy response for uploads to ``model``."""
        now = self._clock()
        expires = now + self._policy_seconds
        date = datetime.fromtimestamp(now, SERVICE_TIMEZONE).strftime("%Y-%m-%d")
        upload_dir = f"{UPLOAD_PREFIX}/{self._account}/{date}/{uuid.uuid4()}"
        max_bytes = self._max_file_size_mb * MEBIBYTE

        expiration = datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        document = {
            "expiration": expiration,
            "conditions": [
                ["content-length-range", 0, max_bytes],
                ["starts-with", "$key", upload_dir],
                {"bucket": BUCKET},
                {"x-oss-object-acl": "private"},
                {"x-oss-forbid-overwrite": "true"},
            ],
        }
        policy = base64.b64encode(json.dumps(document).encode()).decode("ascii")
        signature = self._sign(policy)
        with self._lock:
            self._drop_old_policies(now)
            self._policies[policy] = IssuedPolicy(
                model.id, upload_dir, expires, max_bytes, signature
            )

        return {
            "policy": policy,
            "signature": signature,
            "upload_dir": upload_dir,
            "upload_host": origin + OBJECT_STORE_PATH,
            "expire_in_seconds": math.ceil(self._policy_seconds),
            "max_file_size_mb": self._max_file_size_mb,
            "capacity_limit_mb": CAPACITY_LIMIT_MB,
            "oss_access_key_id": ACCESS_KEY_ID,
            "x_oss_object_acl": "private",
            "x_oss_forbid_overwrite": "true",
        }

    def policy_model(self, policy: str) -> str | None:
        """Return the model id an issued policy binds files to, or None."""
        with self._lock:
            issued = self._policies.get(policy)
        return issued.model_id if issued is not None else None

    def post_object(self, parts: list[FormPart]) -> StoredObject:
        """Check a PostObject form against its policy and store the file.

        Form field names are matched without regard to case, and fields after
        the file are ignored, as OSS does. Raises OssError when the form is
        incomplete, the policy is unknown or expired, or a condition fails.
        """
        fields: dict[str, FormPart] = {}
        for part in parts:
            fields.setdefault(part.name.lower(), part)
            if part.name.lower() == "file":
                break
        values = {name: _text(part) for name, part in fields.items() if name != "file"}
        for name in ("ossaccesskeyid", "policy", "signature", "key"):
            if not values.get(name):
                raise errors.form_field_missing(name)
        if "file" not in fields:
            raise errors.form_field_missing("file")

        if values["ossaccesskeyid"] != ACCESS_KEY_ID:
            raise OssError(HTTPStatus.FORBIDDEN, "InvalidAccessKeyId", errors.NO_ACCESS_KEY)
        with self._lock:
            issued = self._policies.get(values["policy"])
        expected = issued.signature if issued is not None else self._sign(values["policy"])
        signature_matches = hmac.compare_digest(values["signature"].encode(), expected.encode())
        if issued is None or not signature_matches:
            raise OssError(HTTPStatus.FORBIDDEN, "SignatureDoesNotMatch", SIGNATURE_MESSAGE)
        if self._clock() > issued.expires:
            raise OssError(HTTPStatus.FORBIDDEN, "AccessDenied", errors.POLICY_EXPIRED)

        key = values["key"]
        if not key.startswith(issued.upload_dir + "/") or key == issued.upload_dir + "/":
            raise errors.policy_condition_failed(
                json.dumps(["starts-with", "$key", issued.upload_dir])
            )
        for name, required in (("x-oss-object-acl", "private"), ("x-oss-forbid-overwrite", "true")):
            if values.get(name) != required:
                raise errors.policy_condition_failed(json.dumps({name: required}))
        data = fields["file"].data
        if len(data) > issued.max_bytes:
            raise OssError(HTTPStatus.BAD_REQUEST, "EntityTooLarge", errors.ENTITY_TOO_LARGE)
        if self._uploads.exists(key):
            raise OssError(HTTPStatus.CONFLICT, "FileAlreadyExists", errors.OBJECT_EXISTS)

        self._uploads.store(issued.model_id, key, data)
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest().upper() + '"'
        return StoredObject(key, issued.model_id, len(data), etag)

    def _sign(self, policy: str) -> str:
        digest = hmac.new(self._secret, policy.encode("ascii", "replace"), hashlib.sha1).digest()
        return base64.b64encode(digest).decode("ascii")

    def _drop_old_policies(self, now: float) -> None:
        old = [
            policy
            for policy, issued in self._policies.items()
            if now > issued.expires + EXPIRED_POLICY_RETENTION_SECONDS
        ]
        for policy in old:
            del self._policies[policy]


def _text(part: FormPart) -> str:
    return part.data.decode("utf-8", "replace")


def success_reply(
    stored: StoredObject, action_status: str | None, request_id: str, origin: str
) -> Reply:
    """Return OSS's PostObject reply: 200 or 201 as ``success_action_status`` requests, else 204."""
    headers = (("x-oss-request-id", request_id), ("ETag", stored.etag))
    if action_status == "200":
        return Reply(HTTPStatus.OK, b"", XML_TYPE, headers)
    if action_status == "201":
        location = f"{origin}{OBJECT_STORE_PATH}/{stored.key}"
        document = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            "<PostResponse>\n"
            f"  <Bucket>{BUCKET}</Bucket>\n"
            f"  <Location>{escape(location)}</Location>\n"
            f"  <Key>{escape(stored.key)}</Key>\n"
            f"  <ETag>{escape(stored.etag)}</ETag>\n"
            "</PostResponse>\n"
        )
        return Reply(HTTPStatus.CREATED, document.encode("utf-8"), XML_TYPE, headers)
    return Reply(HTTPStatus.NO_CONTENT, b"", XML_TYPE, headers)
