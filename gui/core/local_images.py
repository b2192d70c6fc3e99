"""Local image files as request inputs: recognising paths and reading image facts.

An image field may contain a URL, an ``oss://`` upload, a ``data:`` URI or a local
file. A local file can be written as a Windows path (``C:\\photos\\a.png``,
``C:/photos/a.png``, a UNC path ``\\\\server\\share\\a.png``), a POSIX path, a
``file://`` URI (``file:///C:/photos/a%20b.png``), or a path relative to a folder
the caller gives. The recognition functions are pure, so they can be tested for
Windows on any system with ``windows=True``.

File inspection uses Pillow and reads only the image header, so it stays quick for
large files. Results are cached by path, size and modification time.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import unquote

from PIL import Image, UnidentifiedImageError

IS_WINDOWS = os.name == "nt"

URL, OSS, DATA, FILE, OTHER = "url", "oss", "data", "file", "other"

# Pillow format names and catalog spellings that mean the same format.
FORMAT_ALIASES = {"jpg": "jpeg", "jpe": "jpeg", "mpo": "jpeg", "tif": "tiff"}

MIME_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "gif": "image/gif",
    "tiff": "image/tiff",
    "heic": "image/heic",
}

# The service's limit on one data URI, in characters of the whole URI.
MAX_DATA_URI_LENGTH = 10_485_760

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# A drive letter followed by a separator (absolute) or by anything else (drive-relative).
_DRIVE = re.compile(r"^[A-Za-z]:")
_DRIVE_IN_URI_PATH = re.compile(r"^/([A-Za-z])[:|](/|$)")
_UNC = re.compile(r"^(\\\\|//)[^\\/]+[\\/][^\\/]+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,5}$")


class RelativePathError(ValueError):
    """Raised when a local path is relative and no folder to resolve it against is known."""


def clean_reference(text: str) -> str:
    """Return ``text`` without surrounding spaces and one pair of double quotes.

    Windows Explorer's "Copy as path" puts double quotes around the path.
    """
    cleaned = text.strip()
    if len(cleaned) >= 2 and cleaned[0] == cleaned[-1] == '"':
        cleaned = cleaned[1:-1].strip()
    return cleaned


def reference_kind(text: str) -> str:
    """Return what an image field value names: ``url``, ``oss``, ``data``, ``file`` or ``other``.

    ``file`` covers absolute and relative paths and ``file:`` URIs. A word with no
    separator and no file extension is ``other``, like an unknown URL scheme.
    """
    value = clean_reference(text)
    lowered = value.lower()
    if lowered.startswith(("http://", "https://")):
        return URL
    if lowered.startswith("oss://"):
        return OSS
    if lowered.startswith("data:"):
        return DATA
    if lowered.startswith("file:"):
        return FILE
    if not value:
        return OTHER
    if _DRIVE.match(value) or value.startswith(("\\", "/", "~")):
        return FILE
    if _SCHEME.match(value):
        return OTHER
    if "/" in value or "\\" in value or _EXTENSION.search(value):
        return FILE
    return OTHER


def is_local_reference(text: str) -> bool:
    return reference_kind(text) == FILE


def local_path(text: str, *, windows: bool = IS_WINDOWS) -> PurePath:
    """Return the path a local file reference names, as written (it may be relative).

    ``windows`` selects Windows path rules; drive-letter and UNC paths are read as
    Windows paths on every system. Raises ValueError when ``text`` is not a local
    file reference or is a ``file:`` URI naming another host on a non-Windows system.
    """
    value = clean_reference(text)
    if reference_kind(value) != FILE:
        raise ValueError(f"{value!r} is not a local file path or file:// URI")
    if value.lower().startswith("file:"):
        return file_uri_path(value, windows=windows)
    backslash_unc = _UNC.match(value) is not None and value.startswith("\\")
    if windows or _DRIVE.match(value) or backslash_unc:
        return PureWindowsPath(value)
    return PurePosixPath(value)


def file_uri_path(uri: str, *, windows: bool = IS_WINDOWS) -> PurePath:
    """Return the path of a ``file:`` URI, decoding percent escapes as UTF-8.

    Accepts ``file:///C:/a%20b.png``, ``file:/C:/a.png``, ``file://localhost/...``,
    the common mistake ``file://C:/a.png``, and ``file://server/share/a.png`` for a
    UNC path on Windows. Raises ValueError for another host on other systems.
    """
    rest = clean_reference(uri)[len("file:") :]
    authority = ""
    if rest.startswith("//"):
        authority, _slash, path = rest[2:].partition("/")
        path = "/" + path
    else:
        path = rest
    authority = unquote(authority, encoding="utf-8")
    path = unquote(path, encoding="utf-8")
    if authority.lower() == "localhost":
        authority = ""
    if re.fullmatch(r"[A-Za-z][:|]", authority):
        path = "/" + authority[0] + ":" + path
        authority = ""

    drive = _DRIVE_IN_URI_PATH.match(path)
    if drive:
        # "/C:/photos" and the old form "/C|/photos" both mean C:\photos.
        return PureWindowsPath(f"{drive.group(1)}:" + path[3:])
    if authority:
        if not windows:
            raise ValueError(
                f"the file URI {uri!r} names the host {authority!r}; "
                "only files on this computer can be used"
            )
        return PureWindowsPath(f"//{authority}{path}")
    return PureWindowsPath(path) if windows else PurePosixPath(path)


def resolve_local(text: str, base_dir: Path | None = None) -> Path:
    """Return the absolute path a local file reference names on this system.

    ``~`` expands to the home folder. A relative path is joined to ``base_dir``;
    without one it raises RelativePathError. Raises ValueError when ``text`` is
    not a local file reference.
    """
    pure = local_path(text)
    written = str(pure)
    if written.startswith("~"):
        return Path(written).expanduser()
    if isinstance(pure, PureWindowsPath) and not IS_WINDOWS:
        # A Windows path on another system: it cannot exist here, and the file
        # check reports it as missing, naming the path as written.
        return Path(written)
    path = Path(pure)
    if path.is_absolute():
        return path
    if pure.root and not pure.drive:
        # A rooted Windows path such as \photos\a.png is on the current drive.
        return path.absolute()
    if base_dir is None:
        raise RelativePathError(f"{written!r} is a relative path")
    return base_dir / path


@dataclass(frozen=True)
class ImageInfo:
    """An image file's format, pixel size and file size."""

    # Lower-case Pillow format name: png, jpeg, webp, bmp, tiff, gif…
    format: str
    width: int
    height: int
    byte_size: int

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    @property
    def mime_type(self) -> str:
        return MIME_TYPES.get(self.format, "application/octet-stream")

    def summary(self) -> str:
        """Return ``PNG, 1024*768, 1.2 MB``, the way the UI and messages show it."""
        return f"{self.format.upper()}, {self.width}*{self.height}, {format_bytes(self.byte_size)}"


class LocalImageError(Exception):
    """Raised when a local file cannot be used as an image.

    ``reason`` is ``missing``, ``not_a_file``, ``permission``, ``unreadable`` or
    ``not_an_image``; the message names the path.
    """

    def __init__(self, reason: str, path: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


def inspect_file(path: Path) -> ImageInfo:
    """Return the format, pixel size and byte size of the image file at ``path``.

    Raises LocalImageError when the file is missing, is a folder, cannot be read
    or is not an image Pillow recognises.
    """
    shown = str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise LocalImageError("missing", shown, f"the file {shown} does not exist") from None
    except PermissionError:
        raise LocalImageError(
            "permission", shown, f"the file {shown} cannot be opened: permission denied"
        ) from None
    except OSError as error:
        raise LocalImageError(
            "unreadable", shown, f"the file {shown} cannot be read: {error.strerror or error}"
        ) from None
    if not stat.S_ISREG(status.st_mode):
        raise LocalImageError("not_a_file", shown, f"{shown} is a folder, not an image file")
    return _inspect_cached(str(path), status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _inspect_cached(path: str, byte_size: int, modified_ns: int) -> ImageInfo:
    try:
        with Image.open(path) as image:
            width, height = image.size
            image_format = normal_format(image.format or "")
    except PermissionError:
        raise LocalImageError(
            "permission", path, f"the file {path} cannot be opened: permission denied"
        ) from None
    except (UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise LocalImageError("not_an_image", path, f"{path} is not an image file") from None
    except OSError as error:
        raise LocalImageError(
            "unreadable", path, f"the file {path} cannot be read: {error.strerror or error}"
        ) from None
    return ImageInfo(image_format, width, height, byte_size)


def inspect_bytes(data: bytes) -> ImageInfo:
    """Return the format and pixel size of image bytes; raise LocalImageError if not an image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image_format = normal_format(image.format or "")
    except (UnidentifiedImageError, SyntaxError, ValueError, OSError, Image.DecompressionBombError):
        raise LocalImageError("not_an_image", "", "the data is not an image") from None
    return ImageInfo(image_format, width, height, len(data))


def normal_format(name: str) -> str:
    """Return one lower-case spelling per format: ``JPG`` and ``MPO`` become ``jpeg``."""
    lowered = name.strip().lower().lstrip(".")
    return FORMAT_ALIASES.get(lowered, lowered)


def format_allowed(image_format: str, allowed: tuple[str, ...]) -> bool:
    """Return whether ``image_format`` is one of ``allowed``; an empty tuple allows any."""
    if not allowed:
        return True
    return normal_format(image_format) in {normal_format(name) for name in allowed}


def format_bytes(size: int) -> str:
    """Return a byte count as people read it: ``512 bytes``, ``34 KB``, ``1.2 MB`` (1024-based)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.1f} MB" if megabytes < 100 else f"{megabytes:.0f} MB"


def format_ratio(ratio: float) -> str:
    """Write a width/height ratio as ``W:1`` or ``1:H``, for example ``1:2.5``."""
    if ratio >= 1:
        return f"{ratio:.3g}:1"
    return f"1:{1 / ratio:.3g}"


def data_uri(data: bytes, mime_type: str) -> str:
    """Return ``data:<mime>;base64,<data>``."""
    return f"data:{mime_type};base64," + base64.b64encode(data).decode("ascii")


def data_uri_length(byte_size: int, mime_type: str) -> int:
    """Return the length in characters of the data URI of ``byte_size`` bytes."""
    return len(f"data:{mime_type};base64,") + 4 * ((byte_size + 2) // 3)


def decode_data_uri(uri: str) -> bytes:
    """Return the bytes of a ``data:image/...;base64,...`` URI.

    Raises ValueError when the URI is not a base64 image data URI.
    """
    header, comma, payload = uri.strip().partition(",")
    lowered = header.lower()
    if not comma or not lowered.startswith("data:image/") or not lowered.endswith(";base64"):
        raise ValueError("not a data:image/...;base64 URI")
    try:
        return base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the base64 data is invalid") from None


@functools.lru_cache(maxsize=8)
def inspect_data_uri(uri: str) -> ImageInfo:
    """Return what a data URI's image contains; raise LocalImageError when it is not an image.

    The cache keeps the last few URIs, because a form checks its values on every edit.
    """
    try:
        data = decode_data_uri(uri)
    except ValueError as error:
        raise LocalImageError("not_an_image", "", f"the data URI is invalid: {error}") from None
    return inspect_bytes(data)


def save_mask(pixels: bytes, width: int, height: int, stride: int, path: Path) -> None:
    """Write 8-bit grey pixels as an RGB PNG of only black (0, 0, 0) and white (255, 255, 255).

    Values from 128 up become white and the rest black, so no grey edge survives.
    ``stride`` is the number of bytes per row in ``pixels``. The file is written
    beside ``path`` first and then renamed, so a reader never sees half a file.
    """
    grey = Image.frombuffer("L", (width, height), pixels, "raw", "L", stride, 1)
    binary = grey.point(lambda value: 255 if value >= 128 else 0).convert("RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    binary.save(partial, "PNG")
    os.replace(partial, path)


def read_mask(path: Path, size: tuple[int, int]) -> bytes | None:
    """Return a mask file as 8-bit grey rows of only 0 and 255, or None.

    None means the file cannot be read as an image or its pixel size is not ``size``.
    """
    try:
        with Image.open(path) as image:
            if image.size != size:
                return None
            grey = image.convert("L")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return grey.point(lambda value: 255 if value >= 128 else 0).tobytes()
