"""Input images of a model call, looked up without any network access.

The service downloads every image URL in a request. The emulator never fetches
a URL. It accepts only images it can find itself: its sample images and its own
unexpired result URLs (both on its own origin), inline ``data:`` URIs where the
field allows them, and ``oss://`` URLs of unexpired files in its upload store.
Every other URL fails the way a failed download fails on the service.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from PIL import Image

from gui.core.catalog import FieldSpec, ModelSpec
from gui.sandbox import errors
from gui.sandbox.config import UPLOAD_LIFETIME_SECONDS
from gui.sandbox.errors import OssError
from gui.sandbox.images import RESULTS_PREFIX, ImageStore
from gui.sandbox.samples import SAMPLE_IMAGES, SAMPLES_PREFIX, sample_png

OSS_SCHEME = "oss://"
OSS_RESOLVE_HEADER = "x-dashscope-ossresourceresolve"
# Images with more pixels are measured but not decoded in full, to bound memory.
# Every documented input limit (at most 8000 pixels per side) is below this.
MAX_DECODED_PIXELS = 8192 * 8192
# Pillow format names and catalog spellings that mean the same format.
_FORMAT_ALIASES = {"jpg": "jpeg", "mpo": "jpeg", "tif": "tiff"}
# Pairs of fields whose images must have the same pixel size, with the error the
# service returns when they differ. Masks are matched by name, see _check_sizes.
_SAME_SIZE_FIELDS = {("coarse_image_url", "person_image_url"): errors.person_coarse_size_mismatch}


@dataclass(frozen=True)
class InputImage:
    """One input image of a request, as the emulator found it."""

    # The catalog field the image came from.
    field: str
    url: str
    width: int
    height: int
    # Lower-case Pillow format name (png, jpeg, webp…), or None when unknown.
    format: str | None
    # File size in bytes, or None when unknown (result images before rendering).
    byte_size: int | None
    # A short stable name of the image content, used to derive the output images.
    identity: str

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


@dataclass(frozen=True)
class StoredUpload:
    """A file in the upload store, bound to one model until it expires."""

    model_id: str
    byte_size: int
    # A short stable name of the file content, used to derive the output images.
    identity: str
    # Epoch seconds after which the file is gone.
    expires: float
    # Pixel size and lower-case format; None when the file is not a readable image.
    image: tuple[int, int, str] | None
    # The file's bytes as received, so tests can compare them with what was sent.
    data: bytes = field(default=b"", repr=False)


def inspect_image(data: bytes) -> tuple[int, int, str]:
    """Return ``(width, height, format)`` of an image file; the format is lower case.

    Raises ValueError when Pillow cannot decode the file.
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image_format = (image.format or "").lower()
            if width * height <= MAX_DECODED_PIXELS:
                image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValueError(f"the data is not a readable image: {error}") from None
    return width, height, image_format


class UploadStore:
    """Files reachable as ``oss://KEY`` URLs, each bound to one model, as on the service.

    The object store of the temporary-upload flow fills it, and tests and the
    demo may add files directly. A file is gone ``lifetime_seconds`` after its
    upload, by the emulator's clock.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        lifetime_seconds: float = UPLOAD_LIFETIME_SECONDS,
    ) -> None:
        self._clock = clock
        self._lifetime_seconds = lifetime_seconds
        self._files: dict[str, StoredUpload] = {}
        self._lock = threading.Lock()

    def add(self, model_id: str, key: str, data: bytes) -> str:
        """Store an image file for ``model_id`` under ``key`` and return its ``oss://`` URL.

        ``key`` may be given with or without the ``oss://`` prefix. A file with
        the same key is replaced. Raises ValueError when ``data`` is not a
        readable image.
        """
        key = key.removeprefix(OSS_SCHEME)
        if not key:
            raise ValueError("the upload key is empty; pass a key such as dashscope-instant/a.png")
        inspect_image(data)
        self.store(model_id, key, data)
        return OSS_SCHEME + key

    def store(self, model_id: str, key: str, data: bytes) -> StoredUpload:
        """Store any file under ``key``, as the object store accepts any bytes."""
        try:
            image: tuple[int, int, str] | None = inspect_image(data)
        except ValueError:
            image = None
        identity = "upload:" + hashlib.sha256(data).hexdigest()[:32]
        upload = StoredUpload(
            model_id, len(data), identity, self._clock() + self._lifetime_seconds, image, data
        )
        with self._lock:
            self._drop_expired()
            self._files[key] = upload
        return upload

    def exists(self, key: str) -> bool:
        """Return whether an unexpired file has ``key``, whatever its model."""
        with self._lock:
            self._drop_expired()
            return key in self._files

    def find(self, key: str) -> StoredUpload | None:
        """Return the unexpired file under ``key`` whatever its model, or None."""
        with self._lock:
            self._drop_expired()
            return self._files.get(key)

    def get(self, model_id: str, key: str) -> StoredUpload | None:
        """Return the unexpired file under ``key`` when it is bound to ``model_id``."""
        with self._lock:
            self._drop_expired()
            upload = self._files.get(key)
        if upload is None or upload.model_id != model_id:
            return None
        return upload

    def _drop_expired(self) -> None:
        now = self._clock()
        expired = [key for key, upload in self._files.items() if now > upload.expires]
        for key in expired:
            del self._files[key]


class InputResolver:
    """Finds the input images of a request and checks them against the catalog rules."""

    def __init__(self, origin: str, images: ImageStore, uploads: UploadStore) -> None:
        self._origin = origin.lower()
        self._images = images
        self._uploads = uploads

    def resolve(
        self, model: ModelSpec, values: Mapping[str, Any], headers: Mapping[str, str]
    ) -> list[InputImage]:
        """Return the input images of a request in field order.

        ``headers`` have lower-case names. Raises ApiError for an image the
        service could not download or would reject.
        """
        found: list[InputImage] = []
        for spec in model.fields:
            if spec.type not in ("image", "image_list") or not spec.applies(values):
                continue
            value = values.get(spec.name)
            urls = value if isinstance(value, list) else [value]
            for url in urls:
                if not isinstance(url, str) or not url:
                    continue
                image = self._resolve_one(model, spec, url.strip(), headers)
                _check_rule(model.protocol, spec, image)
                found.append(image)
        _check_sizes(found)
        return found

    def _resolve_one(
        self, model: ModelSpec, spec: FieldSpec, url: str, headers: Mapping[str, str]
    ) -> InputImage:
        lowered = url.lower()
        if lowered.startswith("data:"):
            if spec.image is None or not spec.image.data_uri:
                raise errors.input_download_failed(model.protocol, url)
            return _decode_data_uri(model.protocol, spec, url)
        if lowered.startswith(OSS_SCHEME):
            return self._resolve_upload(model, spec, url, headers)
        image = self._resolve_own_url(spec, url)
        if image is None:
            # Another host, a LAN address or a file path: the emulator never fetches it.
            raise errors.input_download_failed(model.protocol, url)
        return image

    def _resolve_upload(
        self, model: ModelSpec, spec: FieldSpec, url: str, headers: Mapping[str, str]
    ) -> InputImage:
        if headers.get(OSS_RESOLVE_HEADER, "").strip().lower() != "enable":
            raise errors.input_url_not_valid()
        key = url[len(OSS_SCHEME) :]
        upload = self._uploads.get(model.id, key)
        if upload is None:
            # An expired file reads the same as one never uploaded.
            # NOTE: the service's error for an expired or foreign oss:// URL is unconfirmed.
            raise errors.input_url_not_valid()
        if upload.image is None:
            raise errors.input_undecodable(model.protocol)
        width, height, image_format = upload.image
        return InputImage(
            spec.name, url, width, height, image_format, upload.byte_size, upload.identity
        )

    def _resolve_own_url(self, spec: FieldSpec, url: str) -> InputImage | None:
        """Return a sample or unexpired result image of this emulator, else None."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}".lower() != self._origin:
            return None
        path = unquote(parts.path)
        if path.startswith(SAMPLES_PREFIX) and path.endswith(".png"):
            name = path[len(SAMPLES_PREFIX) : -len(".png")]
            if name not in SAMPLE_IMAGES:
                return None
            width, height, _description = SAMPLE_IMAGES[name]
            size = len(sample_png(name))
            return InputImage(spec.name, url, width, height, "png", size, f"sample:{name}")
        if path.startswith(RESULTS_PREFIX):
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            file_name = path[len(RESULTS_PREFIX) :]
            try:
                result = self._images.lookup(file_name, query)
            except OssError:
                return None
            identity = f"result:{file_name}"
            return InputImage(spec.name, url, result.width, result.height, "png", None, identity)
        return None


def _decode_data_uri(protocol: str, spec: FieldSpec, url: str) -> InputImage:
    """Decode a ``data:image/...;base64,...`` URI with Pillow to learn its size."""
    if len(url) > errors.MAX_DATA_URI_BYTES:
        raise errors.data_uri_too_long()
    header, _comma, payload = url.partition(",")
    header = header.lower()
    if not header.startswith("data:image/") or not header.endswith(";base64"):
        raise errors.input_undecodable(protocol)
    try:
        data = base64.b64decode("".join(payload.split()), validate=True)
        width, height, image_format = inspect_image(data)
    except (binascii.Error, ValueError):
        raise errors.input_undecodable(protocol) from None
    identity = "data:" + hashlib.sha256(data).hexdigest()[:32]
    return InputImage(spec.name, url, width, height, image_format, len(data), identity)


def _normal_format(name: str) -> str:
    lowered = name.lower()
    return _FORMAT_ALIASES.get(lowered, lowered)


def _check_rule(protocol: str, spec: FieldSpec, image: InputImage) -> None:
    """Check one image against the field's rule: bytes, format, then pixels per side."""
    rule = spec.image
    if rule is None:
        return
    if rule.max_bytes is not None and (image.byte_size or 0) > rule.max_bytes:
        raise errors.input_too_large(rule.max_bytes)
    if rule.formats and image.format:
        allowed = {_normal_format(name) for name in rule.formats}
        if _normal_format(image.format) not in allowed:
            raise errors.input_format_not_allowed(protocol)
    shortest, longest = min(image.size), max(image.size)
    if rule.min_side is not None and shortest < rule.min_side:
        raise errors.input_size_out_of_range()
    if rule.max_side is not None and longest > rule.max_side:
        raise errors.input_size_out_of_range()
    ratio = image.width / image.height if image.height else float("inf")
    too_narrow = rule.min_ratio is not None and ratio < rule.min_ratio
    too_wide = rule.max_ratio is not None and ratio > rule.max_ratio
    if too_narrow or too_wide:
        raise errors.input_ratio_out_of_range(rule.min_ratio, rule.max_ratio)


def _check_sizes(images: list[InputImage]) -> None:
    """Check that a mask has its base image's size, and the other pairs that must match.

    The base image of a mask (a field whose name contains ``mask``) is the first
    image of the request that is not itself a mask.
    """
    bases = [image for image in images if "mask" not in image.field.lower()]
    for image in images:
        if "mask" in image.field.lower() and bases and image.size != bases[0].size:
            raise errors.mask_size_mismatch(image.size, bases[0].size)
    first_by_field: dict[str, InputImage] = {}
    for image in images:
        first_by_field.setdefault(image.field, image)
    for (name, other_name), make_error in _SAME_SIZE_FIELDS.items():
        first = first_by_field.get(name)
        other = first_by_field.get(other_name)
        if first is not None and other is not None and first.size != other.size:
            raise make_error()
