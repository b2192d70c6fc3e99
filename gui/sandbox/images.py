"""Result images: rendering, signed download URLs and an in-memory object store.

Each result image is a deterministic picture derived from a hash of its content
key, seed and index. The content key is the prompt, plus the input images of an
editing request. So the same request renders the same picture, and two prompts
or two input images give visibly different ones. Images are rendered on first download and cached.
Download URLs imitate OSS signed URLs: ``Expires`` (Unix seconds),
``OSSAccessKeyId`` and ``Signature``, an HMAC over the object name and expiry
with a secret that only this emulator holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import math
import random
import secrets
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import quote

from PIL import Image, ImageDraw

from gui.sandbox.errors import OssError

RESULTS_PREFIX = "/results/"
ACCESS_KEY_ID = "LTAI-sandbox-not-a-real-key"

# Literal OSS messages.
EXPIRED_MESSAGE = "Request has expired."
SIGNATURE_MESSAGE = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your key and signing method."
)
ANONYMOUS_MESSAGE = "You have no right to access this object because of bucket acl."
NO_SUCH_KEY_MESSAGE = "The specified key does not exist."


@dataclass(frozen=True)
class ImageSpec:
    """The content source and pixel size of one result image."""

    # The text the picture is derived from: the prompt, followed by the identities
    # of the input images when the request had any.
    content: str
    seed: int
    index: int
    width: int
    height: int
    watermark: bool = False


def render_png(spec: ImageSpec) -> bytes:
    """Render ``spec`` as a PNG file: a gradient with translucent shapes.

    Colours, gradient angle and shapes come from a hash of content, seed and index.
    """
    digest = hashlib.sha256(f"{spec.content}\0{spec.seed}\0{spec.index}".encode()).digest()
    rng = random.Random(digest)
    size = (spec.width, spec.height)

    picture = _gradient(rng, size)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    shortest = min(size)
    for _ in range(rng.randint(4, 9)):
        extent = rng.uniform(0.12, 0.55) * shortest
        left = rng.uniform(-0.15, 0.95) * spec.width
        top = rng.uniform(-0.15, 0.95) * spec.height
        box = (left, top, left + extent, top + extent * rng.uniform(0.5, 1.5))
        fill = (*_random_colour(rng), rng.randint(110, 210))
        shape = rng.choice(("ellipse", "rectangle", "triangle"))
        if shape == "ellipse":
            draw.ellipse(box, fill=fill)
        elif shape == "rectangle":
            draw.rectangle(box, fill=fill)
        else:
            apex = (rng.uniform(box[0], box[2]), box[1])
            draw.polygon([apex, (box[0], box[3]), (box[2], box[3])], fill=fill)
    if spec.watermark:
        _draw_watermark(draw, size)
    picture = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")

    output = io.BytesIO()
    # Level 1 keeps a 1440*1440 render well under a second; gradients compress well anyway.
    picture.save(output, "PNG", compress_level=1)
    return output.getvalue()


def _random_colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _gradient(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """Return a two-colour linear gradient at an angle, scaled up from a 256-pixel square."""
    angle = rng.uniform(0.0, 360.0)
    rotated = Image.linear_gradient("L").rotate(
        angle, resample=Image.Resampling.BILINEAR, expand=True
    )
    # The largest square inside the rotated square has no empty corners.
    radians = math.radians(angle)
    side = int(256 / (abs(math.cos(radians)) + abs(math.sin(radians))))
    centre_x, centre_y = rotated.width // 2, rotated.height // 2
    half = side // 2
    mask = rotated.crop((centre_x - half, centre_y - half, centre_x + half, centre_y + half))
    mask = mask.resize(size, Image.Resampling.BILINEAR)
    first = Image.new("RGB", size, _random_colour(rng))
    second = Image.new("RGB", size, _random_colour(rng))
    return Image.composite(first, second, mask)


def _draw_watermark(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    text = "AI Generated"
    left, top, right, bottom = draw.textbbox((0, 0), text)
    margin = 8
    x = size[0] - (right - left) - 2 * margin
    y = size[1] - (bottom - top) - 2 * margin
    draw.rectangle((x - margin, y - margin, size[0], size[1]), fill=(0, 0, 0, 140))
    draw.text((x, y), text, fill=(255, 255, 255, 230))


class ImageStore:
    """Result images by object name, their signed URLs and a cache of rendered files."""

    def __init__(self, clock: Callable[[], float], cache_size: int) -> None:
        self._clock = clock
        self._secret = secrets.token_bytes(32)
        self._specs: dict[str, ImageSpec] = {}
        # Images not owned by a task (sync results) are dropped after this epoch time.
        self._keep_until: dict[str, float] = {}
        # The catalog model id and task id (None for sync calls) that made each image.
        self._owners: dict[str, tuple[str, str | None]] = {}
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        # One lock per image being rendered, so parallel downloads of one image render it once.
        self._render_locks: dict[str, threading.Lock] = {}

    def add(self, spec: ImageSpec, keep_until: float | None = None) -> str:
        """Register an image and return its object name.

        With ``keep_until`` the image is dropped after that epoch time; without it
        the image stays until ``discard()``.
        """
        name = uuid.uuid4().hex
        with self._lock:
            self._drop_expired(self._clock())
            self._specs[name] = spec
            if keep_until is not None:
                self._keep_until[name] = keep_until
        return name

    def discard(self, names: list[str]) -> None:
        with self._lock:
            for name in names:
                self._forget(name)

    def set_owner(self, names: list[str], model_id: str, task_id: str | None) -> None:
        """Record the model and task (None for a sync call) that made the images."""
        with self._lock:
            for name in names:
                if name in self._specs:
                    self._owners[name] = (model_id, task_id)

    def owner(self, name: str) -> tuple[str, str | None] | None:
        """Return the model id and task id that made an image, or None when unknown."""
        with self._lock:
            return self._owners.get(name)

    def _drop_expired(self, now: float) -> None:
        expired = [name for name, limit in self._keep_until.items() if now > limit]
        for name in expired:
            self._forget(name)

    def _forget(self, name: str) -> None:
        self._specs.pop(name, None)
        self._keep_until.pop(name, None)
        self._cache.pop(name, None)
        self._owners.pop(name, None)

    def signed_url(self, origin: str, name: str, expires: int) -> str:
        signature = quote(self._sign(name, expires), safe="")
        return (
            f"{origin}{RESULTS_PREFIX}{name}.png"
            f"?Expires={expires}&OSSAccessKeyId={ACCESS_KEY_ID}&Signature={signature}"
        )

    def _sign(self, name: str, expires: int) -> str:
        digest = hmac.new(self._secret, f"{name}\n{expires}".encode(), hashlib.sha1).digest()
        return base64.b64encode(digest).decode("ascii")

    def download(self, file_name: str, query: dict[str, str]) -> bytes:
        """Return the PNG file for a signed URL.

        ``file_name`` is the path part after ``/results/``. Raises OssError for a
        missing, invalid or expired signature and for an unknown object.
        """
        name = self.verify(file_name, query)
        return self.png(name)

    def lookup(self, file_name: str, query: dict[str, str]) -> ImageSpec:
        """Return the spec of the image behind a signed URL without rendering it.

        Raises OssError as ``download`` does.
        """
        name = self.verify(file_name, query)
        with self._lock:
            spec = self._specs.get(name)
        if spec is None:
            raise OssError(HTTPStatus.NOT_FOUND, "NoSuchKey", NO_SUCH_KEY_MESSAGE)
        return spec

    def verify(self, file_name: str, query: dict[str, str]) -> str:
        """Check the signature and expiry of a signed URL and return its object name.

        Raises OssError for a missing, invalid or expired signature.
        """
        name = file_name.removesuffix(".png")
        expires_text = query.get("Expires")
        signature = query.get("Signature")
        if expires_text is None or signature is None or "OSSAccessKeyId" not in query:
            raise OssError(HTTPStatus.FORBIDDEN, "AccessDenied", ANONYMOUS_MESSAGE)
        try:
            expires = int(expires_text)
        except ValueError:
            raise OssError(
                HTTPStatus.FORBIDDEN, "SignatureDoesNotMatch", SIGNATURE_MESSAGE
            ) from None
        if not hmac.compare_digest(signature.encode(), self._sign(name, expires).encode()):
            raise OssError(HTTPStatus.FORBIDDEN, "SignatureDoesNotMatch", SIGNATURE_MESSAGE)
        if self._clock() > expires:
            raise OssError(HTTPStatus.FORBIDDEN, "AccessDenied", EXPIRED_MESSAGE)
        return name

    def png(self, name: str) -> bytes:
        """Return the rendered PNG file for ``name``, rendering it on first use."""
        with self._lock:
            spec = self._specs.get(name)
            if spec is None:
                raise OssError(HTTPStatus.NOT_FOUND, "NoSuchKey", NO_SUCH_KEY_MESSAGE)
            cached = self._cache.get(name)
            if cached is not None:
                self._cache.move_to_end(name)
                return cached
            render_lock = self._render_locks.setdefault(name, threading.Lock())

        with render_lock:
            with self._lock:
                cached = self._cache.get(name)
            if cached is None:
                cached = render_png(spec)
                with self._lock:
                    self._cache[name] = cached
                    while len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
        with self._lock:
            self._render_locks.pop(name, None)
        return cached
