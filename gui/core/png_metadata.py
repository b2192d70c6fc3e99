"""The request behind a result, kept in PNG text chunks.

A saved PNG carries its sidecar JSON in an ``iTXt`` chunk with the keyword
``pixelpost``, plus readable ``parameters``, ``Description``, ``Source`` and
``Software`` entries that other image tools show. ``iTXt`` stores UTF-8, so
Chinese prompts survive. Dropping such a file onto the window reopens its
request.

The chunks are inserted into the downloaded file's chunk stream before the first
``IDAT`` chunk. The pixel data is copied byte for byte: Pillow can write text
chunks only while encoding the whole image again, which is slow for large
results. Reading walks the chunk headers and seeks over image data, so it stays
fast on large files and decodes no pixels. Pillow reads the chunks written here
as ordinary text entries (``Image.text``).
"""

from __future__ import annotations

import json
import logging
import os
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from gui import __version__
from gui.core.secrets import REDACTOR

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RECIPE_KEYWORD = "pixelpost"
PARAMETERS_KEYWORD = "parameters"
# Keywords this module writes; older copies of them are dropped when writing again.
WRITTEN_KEYWORDS = (RECIPE_KEYWORD, PARAMETERS_KEYWORD, "Description", "Source", "Software")
TEXT_CHUNK_TYPES = (b"tEXt", b"zTXt", b"iTXt")
# A text chunk larger than this (stored or decompressed) is skipped when reading.
# Sidecars are a few kilobytes; the limit guards against decompression bombs.
MAX_TEXT_BYTES = 8 * 1024 * 1024
# Text longer than this is stored zlib-compressed.
COMPRESS_FROM_BYTES = 16 * 1024
# The PNG specification caps a chunk's length at 2**31 - 1 bytes.
MAX_CHUNK_LENGTH = 2**31 - 1
COPY_BLOCK_BYTES = 1024 * 1024


class PngMetadataError(Exception):
    """Raised when a file's PNG text metadata cannot be read or written.

    The message names the file and what to do, and is shown to users as is.
    """


class NotPngError(PngMetadataError):
    """The file does not start with the PNG signature."""


class CorruptPngError(PngMetadataError):
    """The file is a PNG whose chunk structure is broken."""


class NoRecipeError(PngMetadataError):
    """The PNG is readable but carries no usable PixelPost request."""


@dataclass(frozen=True)
class TextChunk:
    """One PNG text entry: a Latin-1 keyword (1-79 bytes) and its text."""

    keyword: str
    text: str
    language: str = ""
    translated_keyword: str = ""


@dataclass(frozen=True)
class PngText:
    """The text entries found in a PNG, and why any were left out."""

    chunks: tuple[TextChunk, ...] = ()
    # (keyword, reason) for text chunks that were found but not read.
    skipped: tuple[tuple[str, str], ...] = ()
    # Why reading stopped before the end of the file (a truncated or corrupt file).
    problem: str | None = None

    def get(self, keyword: str) -> str | None:
        """Return the text of the last entry named ``keyword``, or None."""
        found = [chunk.text for chunk in self.chunks if chunk.keyword == keyword]
        return found[-1] if found else None


@dataclass(frozen=True)
class Recipe:
    """The request behind a saved image: enough to open it again in the form."""

    model: str
    region: str | None
    mode: str | None
    body: dict[str, Any]
    endpoint: str | None = None
    # The whole sidecar as saved, for details such as seed and times.
    sidecar: dict[str, Any] = field(default_factory=dict)


# Writing


def encode_chunk(chunk_type: bytes, data: bytes) -> bytes:
    """Return a complete chunk: length, type, data and CRC-32 of type and data."""
    if len(data) > MAX_CHUNK_LENGTH:
        raise ValueError(f"chunk data of {len(data)} bytes exceeds the PNG limit")
    crc = zlib.crc32(chunk_type + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + chunk_type + data + struct.pack(">I", crc)


def encode_itxt(entry: TextChunk, compress: bool | None = None) -> bytes:
    """Return an ``iTXt`` chunk for ``entry``, compressed when ``compress`` (default: long text)."""
    keyword = _keyword_bytes(entry.keyword)
    text = entry.text.encode("utf-8")
    if compress is None:
        compress = len(text) >= COMPRESS_FROM_BYTES
    if compress:
        text = zlib.compress(text, 9)
    data = b"".join(
        (
            keyword,
            b"\0",
            b"\1" if compress else b"\0",
            b"\0",  # compression method 0 is zlib, the only one defined
            entry.language.encode("ascii", errors="replace"),
            b"\0",
            entry.translated_keyword.encode("utf-8"),
            b"\0",
            text,
        )
    )
    return encode_chunk(b"iTXt", data)


def write_text_chunks(source: Path, target: Path, entries: Sequence[TextChunk]) -> None:
    """Copy the PNG ``source`` to ``target`` with ``entries`` as ``iTXt`` chunks.

    The entries go before the first ``IDAT`` chunk. Text chunks in ``source``
    with the same keywords are left out, so writing again replaces them. Every
    other chunk is copied unchanged. ``target`` is flushed to disk before this
    returns. Raises PngMetadataError when ``source`` is not a complete PNG;
    ``target`` may then hold a partial copy, which the caller removes.
    """
    replaced = {entry.keyword for entry in entries}
    encoded = b"".join(encode_itxt(entry) for entry in entries)
    inserted = False
    with source.open("rb") as reader, target.open("wb") as writer:
        if reader.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
            raise NotPngError(f"{source.name} is not a PNG file.")
        writer.write(PNG_SIGNATURE)
        while True:
            header = _read_header(reader, source)
            if header is None:
                raise CorruptPngError(f"{source.name} ends before its IEND chunk.")
            length, chunk_type = header
            if chunk_type == b"IDAT" and not inserted:
                writer.write(encoded)
                inserted = True
            if chunk_type in TEXT_CHUNK_TYPES and length <= MAX_TEXT_BYTES:
                data = _read_exact(reader, length + 4, source, chunk_type)
                if _text_keyword(data[:length]) in replaced:
                    continue
                writer.write(struct.pack(">I", length) + chunk_type + data)
            else:
                writer.write(struct.pack(">I", length) + chunk_type)
                _copy_exact(reader, writer, length + 4, source, chunk_type)
            if chunk_type == b"IEND":
                break
        if not inserted:
            raise CorruptPngError(f"{source.name} has no image data (IDAT chunk).")
        writer.flush()
        os.fsync(writer.fileno())


def recipe_entries(sidecar_json: str) -> list[TextChunk]:
    """Return the text entries that describe a result, built from its sidecar JSON.

    Registered secrets are replaced by their fingerprints, although a sidecar
    contains none, because the image is meant to be shared.
    """
    text = REDACTOR.redact(sidecar_json.strip())
    sidecar = json.loads(text)
    prompt = sidecar.get("orig_prompt") or ""
    entries = [
        TextChunk(RECIPE_KEYWORD, text),
        TextChunk(PARAMETERS_KEYWORD, parameters_text(sidecar)),
        TextChunk("Software", f"PixelPost {__version__}"),
    ]
    if isinstance(prompt, str) and prompt:
        entries.append(TextChunk("Description", prompt))
    if isinstance(sidecar.get("model"), str):
        entries.append(TextChunk("Source", f"Alibaba Cloud Model Studio {sidecar['model']}"))
    return entries


def parameters_text(sidecar: Mapping[str, Any]) -> str:
    """Return a readable summary: the prompt, the negative prompt and a settings line.

    The layout follows the ``parameters`` entry that Stable Diffusion web UIs write,
    so image viewers that know it show the prompt.
    """
    lines = []
    prompt = sidecar.get("orig_prompt")
    if isinstance(prompt, str) and prompt:
        lines.append(prompt)
    negative = negative_prompt(sidecar.get("request"))
    if negative:
        lines.append(f"Negative prompt: {negative}")
    settings = []
    labels = (("Model", "model"), ("Seed", "seed"), ("Size", "size"), ("Region", "region"))
    for label, key in labels:
        value = sidecar.get(key)
        if value is None or value == "":
            continue
        shown = str(value).replace("*", "x") if key == "size" else str(value)
        settings.append(f"{label}: {shown}")
    if settings:
        lines.append(", ".join(settings))
    return "\n".join(lines)


def negative_prompt(body: Any) -> str | None:
    """Return the request's negative prompt, from ``input`` or ``parameters``."""
    if not isinstance(body, Mapping):
        return None
    for section in ("input", "parameters"):
        part = body.get(section)
        if isinstance(part, Mapping) and isinstance(part.get("negative_prompt"), str):
            return str(part["negative_prompt"])
    return None


def embed_recipe(staged: Path, sidecar_json: str) -> Path:
    """Write the recipe into a staged PNG; return the file to move into place.

    The result is a new staged file beside ``staged`` (which is then removed).
    When the download is not a readable PNG the image is still kept: the original
    staged file is returned and the problem is logged.
    """
    target = staged.with_name(staged.name + ".meta.part")
    try:
        write_text_chunks(staged, target, recipe_entries(sidecar_json))
    except (PngMetadataError, OSError, ValueError) as error:
        log.warning("Saving %s without PNG metadata: %s", staged.name, error)
        target.unlink(missing_ok=True)
        return staged
    staged.unlink()
    return target


# Reading


def read_png_text(path: Path) -> PngText:
    """Return every text entry (``tEXt``, ``zTXt``, ``iTXt``) of the PNG at ``path``.

    Image data is skipped without decoding. A broken chunk structure ends the
    scan and ``problem`` names where. Entries found before it are kept. Raises
    NotPngError when the file is not a PNG and PngMetadataError when it cannot be
    opened.
    """
    chunks: list[TextChunk] = []
    skipped: list[tuple[str, str]] = []
    try:
        with path.open("rb") as reader:
            if reader.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
                raise NotPngError(
                    f"{path.name} is not a PNG file, so it carries no PixelPost request."
                )
            size = os.fstat(reader.fileno()).st_size
            problem = _scan_text(reader, size, path, chunks, skipped)
    except OSError as error:
        raise PngMetadataError(
            f"{path.name} could not be read ({error.strerror or error}). "
            "Check that the file exists and is readable."
        ) from None
    return PngText(tuple(chunks), tuple(skipped), problem)


def read_recipe(path: Path) -> Recipe:
    """Return the PixelPost request stored in the PNG at ``path``.

    Raises NotPngError, CorruptPngError or NoRecipeError with a message for users.
    """
    found = read_png_text(path)
    text = found.get(RECIPE_KEYWORD)
    if text is None:
        for keyword, reason in found.skipped:
            if keyword == RECIPE_KEYWORD:
                raise CorruptPngError(
                    f"The PixelPost request in {path.name} could not be read: {reason}."
                )
        if found.problem is not None:
            raise CorruptPngError(found.problem)
        raise NoRecipeError(
            f"{path.name} has no PixelPost request in it. Only PNG files saved by "
            "PixelPost carry one."
        )
    try:
        sidecar = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptPngError(
            f"The PixelPost request in {path.name} is not valid JSON "
            f"(line {error.lineno}, column {error.colno})."
        ) from None
    return recipe_from_sidecar(sidecar, path.name)


def recipe_from_sidecar(sidecar: Any, source: str) -> Recipe:
    """Return the recipe in a sidecar object; ``source`` names the file in messages."""
    body = sidecar.get("request") if isinstance(sidecar, dict) else None
    if not isinstance(sidecar, dict) or not isinstance(body, dict):
        raise NoRecipeError(f"The PixelPost data in {source} has no request body.")
    model = sidecar.get("model")
    if not isinstance(model, str) or not model:
        model = body.get("model")
    if not isinstance(model, str) or not model:
        raise NoRecipeError(f"The PixelPost request in {source} names no model.")
    region = sidecar.get("region")
    mode = sidecar.get("mode")
    endpoint = sidecar.get("endpoint")
    return Recipe(
        model=model,
        region=region if isinstance(region, str) and region else None,
        mode=mode if mode in ("async", "sync") else None,
        body=body,
        endpoint=endpoint if isinstance(endpoint, str) else None,
        sidecar=sidecar,
    )


def _scan_text(
    reader: BinaryIO,
    size: int,
    path: Path,
    chunks: list[TextChunk],
    skipped: list[tuple[str, str]],
) -> str | None:
    """Collect text entries until IEND; return why the scan stopped early, if it did."""
    while True:
        try:
            header = _read_header(reader, path)
        except CorruptPngError as error:
            return str(error)
        if header is None:
            return f"{path.name} ends before its IEND chunk; the file is cut short."
        length, chunk_type = header
        if chunk_type == b"IEND":
            return None
        if chunk_type not in TEXT_CHUNK_TYPES:
            if not _skip(reader, length + 4, size):
                return f"{path.name} ends inside its {_type_name(chunk_type)} chunk."
            continue
        if length > MAX_TEXT_BYTES:
            keyword = _text_keyword(reader.read(80))
            skipped.append((keyword, _too_large(length)))
            if not _skip(reader, length + 4 - min(length, 80), size):
                return f"{path.name} ends inside its {_type_name(chunk_type)} chunk."
            continue
        data = reader.read(length + 4)
        if len(data) < length + 4:
            return f"{path.name} ends inside its {_type_name(chunk_type)} chunk."
        payload, stored_crc = data[:length], struct.unpack(">I", data[length:])[0]
        keyword = _text_keyword(payload)
        if zlib.crc32(chunk_type + payload) & 0xFFFFFFFF != stored_crc:
            skipped.append((keyword, "its checksum does not match, so the chunk is damaged"))
            continue
        try:
            chunks.append(_decode_text(chunk_type, payload))
        except ValueError as error:
            skipped.append((keyword, str(error)))


def _decode_text(chunk_type: bytes, payload: bytes) -> TextChunk:
    keyword_bytes, separator, rest = payload.partition(b"\0")
    if not separator or not 1 <= len(keyword_bytes) <= 79:
        raise ValueError("its keyword is missing or longer than 79 bytes")
    keyword = keyword_bytes.decode("latin-1")
    if chunk_type == b"tEXt":
        return TextChunk(keyword, rest.decode("latin-1"))
    if chunk_type == b"zTXt":
        if not rest or rest[0] != 0:
            raise ValueError("it uses an unknown compression method")
        return TextChunk(keyword, _inflate(rest[1:]).decode("latin-1"))
    if len(rest) < 2:
        raise ValueError("it is too short to be an iTXt chunk")
    compressed, method, rest = rest[0], rest[1], rest[2:]
    language, _, rest = rest.partition(b"\0")
    translated, _, text = rest.partition(b"\0")
    if compressed not in (0, 1) or (compressed and method != 0):
        raise ValueError("it uses an unknown compression method")
    raw = _inflate(text) if compressed else text
    try:
        return TextChunk(
            keyword,
            raw.decode("utf-8"),
            language.decode("ascii", errors="replace"),
            translated.decode("utf-8", errors="replace"),
        )
    except UnicodeDecodeError:
        raise ValueError("its text is not valid UTF-8") from None


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES + 1)
    except zlib.error:
        raise ValueError("its compressed text is damaged") from None
    if len(out) > MAX_TEXT_BYTES or inflater.unconsumed_tail:
        raise ValueError(_too_large(None))
    return out


def _too_large(length: int | None) -> str:
    limit = MAX_TEXT_BYTES // (1024 * 1024)
    if length is None:
        return f"its text is larger than the {limit} MiB limit"
    return f"it holds {length} bytes, more than the {limit} MiB limit"


def _read_header(reader: BinaryIO, path: Path) -> tuple[int, bytes] | None:
    """Return the next chunk's length and type, or None at the end of the file."""
    header = reader.read(8)
    if not header:
        return None
    if len(header) < 8:
        raise CorruptPngError(f"{path.name} ends inside a chunk header; the file is cut short.")
    length, chunk_type = struct.unpack(">I4s", header)
    if length > MAX_CHUNK_LENGTH or not chunk_type.isalpha():
        raise CorruptPngError(
            f"{path.name} has a damaged chunk header at byte {reader.tell() - 8}."
        )
    return length, chunk_type


def _read_exact(reader: BinaryIO, count: int, path: Path, chunk_type: bytes) -> bytes:
    data = reader.read(count)
    if len(data) < count:
        raise CorruptPngError(f"{path.name} ends inside its {_type_name(chunk_type)} chunk.")
    return data


def _copy_exact(
    reader: BinaryIO, writer: BinaryIO, count: int, path: Path, chunk_type: bytes
) -> None:
    while count > 0:
        block = reader.read(min(count, COPY_BLOCK_BYTES))
        if not block:
            raise CorruptPngError(f"{path.name} ends inside its {_type_name(chunk_type)} chunk.")
        writer.write(block)
        count -= len(block)


def _skip(reader: BinaryIO, count: int, size: int) -> bool:
    """Seek ``count`` bytes forward; return False when that passes the end of the file."""
    position = reader.tell() + count
    if position > size:
        return False
    reader.seek(position)
    return True


def _text_keyword(payload: bytes) -> str:
    return payload.partition(b"\0")[0][:79].decode("latin-1")


def _keyword_bytes(keyword: str) -> bytes:
    encoded = keyword.encode("latin-1", errors="replace")
    if not 1 <= len(encoded) <= 79 or b"\0" in encoded or encoded.decode("latin-1") != keyword:
        raise ValueError(f"PNG text keyword {keyword!r} must be 1 to 79 Latin-1 characters")
    return encoded


def _type_name(chunk_type: bytes) -> str:
    return chunk_type.decode("latin-1")
