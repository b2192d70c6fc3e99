"""Saved requests: a folder of JSON files, one request a file, sub-folders as groups.

A request file is UTF-8 JSON with sorted keys, two-space indentation and a final
newline, so collections diff and merge well in Git. It contains the format version,
the request's name, the model id as typed, the region, the call mode and the
request body. It never contains a key, a key fingerprint or a key name, because
the region alone decides which key is used when the request is sent.

A whole collection exports to one JSON file that lists every folder and request
with its path; importing that file into another folder writes the same bytes.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from gui.core.catalog import Catalog
from gui.core.regions import REGIONS
from gui.core.secrets import REDACTOR

log = logging.getLogger(__name__)

REQUEST_FORMAT = "pixelpost-request"
COLLECTION_FORMAT = "pixelpost-collection"
FORMAT_VERSION = 1
REQUEST_SUFFIX = ".json"
MODES = ("async", "sync")

MAX_NAME_LENGTH = 120
# File name stems stay well below the 255-unit limit of NTFS and ext4, leaving
# room for a " (NN)" collision suffix and the extension.
MAX_STEM_LENGTH = 80
MAX_STEM_BYTES = 180

# Characters Windows forbids in file names, besides control characters.
_FORBIDDEN_CHARACTERS = frozenset('<>:"/\\|?*')
# Device names Windows reserves whatever the extension (CON, CON.json, com1.txt).
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{digit}" for digit in "123456789¹²³"}
    | {f"LPT{digit}" for digit in "123456789¹²³"}
)
# Text values that point at an image instead of describing one.
_REFERENCE_PREFIXES = ("http://", "https://", "oss://", "data:", "sample:")
_COPY_SUFFIX = re.compile(r"^(?P<base>.*) \((?P<number>\d+)\)$")


class CollectionError(Exception):
    """Raised when a collection file or folder cannot be read or written.

    The message names the file or folder and the fix.
    """


@dataclass(frozen=True)
class SavedRequest:
    """One saved request: the form's request body with its model, region and mode."""

    name: str
    model: str
    region: str
    mode: str | None
    body: dict[str, Any] = field(default_factory=dict)

    def document(self) -> dict[str, Any]:
        """Return the JSON document written to the request's file."""
        body = json.loads(json.dumps(self.body))
        body["model"] = self.model
        return {
            "format": REQUEST_FORMAT,
            "version": FORMAT_VERSION,
            "name": self.name,
            "model": self.model,
            "region": self.region,
            "mode": self.mode,
            "body": body,
        }

    def text_fields(self) -> list[str]:
        """Return the text values of the body's ``input``, prompts first, URLs left out."""
        found = list(_text_leaves(self.body.get("input"), ""))
        found.sort(key=lambda item: 0 if "prompt" in item[0] or "text" in item[0] else 1)
        return [text for _key, text in found]

    @property
    def prompt(self) -> str:
        texts = self.text_fields()
        return texts[0] if texts else ""


@dataclass(frozen=True)
class CollectionEntry:
    """A request file in a collection: its path below the root and its request or problem.

    ``path`` uses forward slashes whatever the platform. A file that cannot be
    used has ``request`` None and a ``problem`` that names the file.
    """

    path: str
    request: SavedRequest | None = None
    problem: str | None = None

    @property
    def folder(self) -> str:
        parent = PurePosixPath(self.path).parent.as_posix()
        return "" if parent == "." else parent

    @property
    def file_name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def name(self) -> str:
        """Return the request's name, or the file name for a file that cannot be read."""
        return self.request.name if self.request is not None else self.file_name


@dataclass(frozen=True)
class ImportReport:
    """The outcome of importing a collection file: paths written, unchanged or renamed."""

    written: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    # (path in the export file, path written) for requests whose path was taken.
    renamed: tuple[tuple[str, str], ...] = ()
    folders: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReport:
    """The outcome of exporting a collection, with the files left out and their problems."""

    path: Path
    requests: int
    folders: int
    skipped: tuple[CollectionEntry, ...] = ()


# Serialization


def request_text(request: SavedRequest) -> str:
    """Return a request's file text: sorted keys, two-space indent, final newline.

    Raises CollectionError when the request contains a key registered with the
    redactor, so a key pasted into a prompt never reaches a file.
    """
    if not request.name.strip():
        raise CollectionError("The request has no name. Type a name and save again.")
    if len(request.name) > MAX_NAME_LENGTH:
        raise CollectionError(
            f"The name has {len(request.name)} characters; the maximum is {MAX_NAME_LENGTH}. "
            "Shorten it and save again."
        )
    text = json.dumps(request.document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if REDACTOR.redact(text) != text:
        raise CollectionError(
            f"The request {request.name!r} contains an API key, so it was not saved. "
            "Remove the key from the request's fields and save again."
        )
    return text


def parse_request(
    text: str, where: str, catalog: Catalog | None = None
) -> SavedRequest:
    """Parse a request file's text; raise CollectionError naming ``where`` when it is unusable.

    With a ``catalog``, a model the catalog does not know is a problem too.
    """
    return request_from_document(_parse_json(text, where), where, catalog)


def request_from_document(
    document: Any, where: str, catalog: Catalog | None = None
) -> SavedRequest:
    """Check a parsed request document and return its request, or raise CollectionError."""
    if not isinstance(document, dict) or document.get("format") != REQUEST_FORMAT:
        raise CollectionError(
            f'{where} is not a PixelPost request file: it needs "format": "{REQUEST_FORMAT}".'
        )

    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CollectionError(f'{where} has no whole-number "version"; this app writes 1.')

    if version > FORMAT_VERSION:
        raise CollectionError(
            f"{where} was written by a newer PixelPost (format version {version}); this "
            f"version reads version {FORMAT_VERSION}. Update PixelPost to open it."
        )

    if version < 1:
        raise CollectionError(f"{where} has the unknown format version {version}.")

    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CollectionError(f'{where} has no "name"; add one to the file.')

    model = document.get("model")
    if not isinstance(model, str) or not model.strip():
        raise CollectionError(f'{where} has no "model"; add the model id to the file.')

    region = document.get("region")
    if region not in REGIONS:
        raise CollectionError(
            f"{where} has the unknown region {region!r}; use one of "
            f"{', '.join(REGIONS)}."
        )

    mode = document.get("mode")
    if mode is not None and mode not in MODES:
        raise CollectionError(f'{where} has the unknown mode {mode!r}; use "async" or "sync".')

    body = document.get("body")
    if not isinstance(body, dict):
        raise CollectionError(f'{where} has no "body" object; add the request body.')

    if catalog is not None and catalog.get(model) is None:
        raise CollectionError(
            f"{where} uses the model {model}, which this version's catalog does not know. "
            "Change the model in the file or update PixelPost."
        )

    return SavedRequest(name=name.strip(), model=model, region=str(region), mode=mode, body=body)


# File names


def safe_file_stem(name: str) -> str:
    """Return a file name stem for ``name`` that Windows, macOS and Linux all accept.

    Forbidden and control characters become ``_``, leading and trailing dots and
    spaces go, reserved device names such as ``CON`` get a ``_`` appended and
    long names are cut, so the stem is never empty and never a path.
    """
    text = unicodedata.normalize("NFC", name)
    kept = []
    for char in text:
        if char in _FORBIDDEN_CHARACTERS or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            kept.append("_")
        else:
            kept.append(char)
    stem = "".join(kept).strip(" .")
    stem = stem[:MAX_STEM_LENGTH]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem:
        stem = "request"
    if stem.split(".", 1)[0].rstrip(" ").upper() in _RESERVED_NAMES:
        stem += "_"
    return stem


def _numbered(stem: str, number: int) -> str:
    return stem if number == 1 else f"{stem} ({number})"


# The collection


class Collection:
    """The saved requests below one folder (the collection root)."""

    def __init__(self, root: Path, catalog: Catalog | None = None) -> None:
        self.root = root
        self._catalog = catalog

    def ensure_root(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CollectionError(
                f"The collection folder {self.root} cannot be created: {error.strerror}. "
                "Choose another folder."
            ) from None

    # Reading

    def entries(self) -> list[CollectionEntry]:
        """Return every request file below the root, sorted by folder and name.

        Files that cannot be used are listed too, with their problem.
        """
        entries = [self._entry(path) for path in self._request_files()]
        entries.sort(key=lambda entry: (entry.folder.casefold(), entry.name.casefold()))
        return entries

    def folders(self) -> list[str]:
        """Return every sub-folder below the root as a forward-slash path, sorted."""
        if not self.root.is_dir():
            return []
        found = []
        for folder, names, _files in os.walk(self.root):
            names[:] = sorted(name for name in names if not name.startswith("."))
            relative = Path(folder).relative_to(self.root).as_posix()
            if relative != ".":
                found.append(relative)
        return sorted(found, key=str.casefold)

    def entry(self, path: str) -> CollectionEntry:
        return self._entry(self._absolute(path))

    def read(self, path: str) -> SavedRequest:
        """Return the request saved at ``path``, or raise CollectionError with the problem."""
        entry = self.entry(path)
        if entry.request is None:
            raise CollectionError(entry.problem or f"{path} cannot be read.")
        return entry.request

    def search(self, text: str) -> list[CollectionEntry]:
        """Return the entries whose name, model or prompt text contains ``text``, any case."""
        wanted = text.strip().casefold()
        if not wanted:
            return self.entries()
        return [entry for entry in self.entries() if _matches(entry, wanted)]

    def find(self, folder: str, name: str) -> CollectionEntry | None:
        """Return the readable request called ``name`` (any case) in ``folder``, if any."""
        wanted = name.strip().casefold()
        for entry in self.entries():
            request = entry.request
            if entry.folder == folder and request and request.name.casefold() == wanted:
                return entry
        return None

    # Writing

    def save(self, request: SavedRequest, folder: str = "") -> CollectionEntry:
        """Write ``request`` into ``folder``, replacing a request of the same name there."""
        text = request_text(request)
        existing = self.find(folder, request.name)
        if existing is not None:
            target = self._absolute(existing.path)
        else:
            target = self._free_path(folder, safe_file_stem(request.name))
        self._write(target, text)
        log.info("Saved the request %r to %s", request.name, target)
        return self._entry(target)

    def rename(self, path: str, new_name: str) -> CollectionEntry:
        """Give a request a new name and a file name derived from it."""
        request = self.read(path)
        name = new_name.strip()
        if not name:
            raise CollectionError("The new name is empty. Type a name for the request.")
        entry = self.entry(path)
        clash = self.find(entry.folder, name)
        if clash is not None and clash.path != path:
            raise CollectionError(
                f"The folder already has a request called {clash.name!r}. Choose another name."
            )
        source = self._absolute(path)
        renamed = SavedRequest(name, request.model, request.region, request.mode, request.body)
        text = request_text(renamed)
        stem = safe_file_stem(name)
        target = source
        if source.stem.casefold() != stem.casefold():
            target = self._free_path(entry.folder, stem)
        self._write(target, text)
        if target != source:
            self._unlink(source)
        return self._entry(target)

    def duplicate(self, path: str) -> CollectionEntry:
        """Save a copy of a request in the same folder under a new name, "NAME (2)"."""
        request = self.read(path)
        folder = self.entry(path).folder
        match = _COPY_SUFFIX.match(request.name)
        base = match["base"] if match else request.name
        number = int(match["number"]) + 1 if match else 2
        while self.find(folder, _numbered(base, number)) is not None:
            number += 1
        copy = SavedRequest(
            _numbered(base, number), request.model, request.region, request.mode, request.body
        )
        return self.save(copy, folder)

    def delete(self, path: str) -> None:
        self._unlink(self._absolute(path))

    def move(self, path: str, folder: str) -> CollectionEntry:
        """Move a request into ``folder`` ("" is the top level), keeping its name and file."""
        request = self.read(path)
        entry = self.entry(path)
        if entry.folder == folder:
            return entry
        clash = self.find(folder, request.name)
        if clash is not None:
            raise CollectionError(
                f"The folder {folder or '(top level)'!r} already has a request called "
                f"{request.name!r}. Rename one of them first."
            )
        source = self._absolute(path)
        target = self._free_path(folder, source.stem)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        except OSError as error:
            raise CollectionError(
                f"Moving {source} to {target.parent} failed: {error.strerror}."
            ) from None
        log.info("Moved the request %r to %s", request.name, target)
        return self._entry(target)

    def rename_folder(self, folder: str, new_name: str) -> str:
        """Rename a sub-folder in place; return its new path."""
        if not folder:
            raise CollectionError("The collection folder itself cannot be renamed here.")
        if not new_name.strip():
            raise CollectionError("The folder name is empty. Type a name for the folder.")
        parent, _, _ = folder.rpartition("/")
        renamed = _join(parent, safe_file_stem(new_name))
        if renamed == folder:
            return folder
        source, target = self._absolute(folder), self._absolute(renamed)
        # A change of case only is allowed; on Windows the old name "exists" then.
        if target.exists() and renamed.casefold() != folder.casefold():
            raise CollectionError(
                f"A folder called {target.name!r} already exists there. Choose another name."
            )
        try:
            source.rename(target)
        except OSError as error:
            raise CollectionError(f"Renaming {source} failed: {error.strerror}.") from None
        log.info("Renamed the collection folder %s to %s", source, target)
        return renamed

    def create_folder(self, parent: str, name: str) -> str:
        """Create a sub-folder called ``name`` in ``parent``; return its path."""
        if not name.strip():
            raise CollectionError("The folder name is empty. Type a name for the folder.")
        relative = _join(parent, safe_file_stem(name))
        target = self._absolute(relative)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CollectionError(
                f"The folder {target} cannot be created: {error.strerror}."
            ) from None
        return relative

    def delete_folder(self, folder: str) -> int:
        """Delete a sub-folder with everything in it; return how many requests it held."""
        if not folder:
            raise CollectionError("The collection folder itself cannot be deleted here.")
        target = self._absolute(folder)
        count = sum(1 for entry in self.entries() if _inside(entry.folder, folder))
        try:
            shutil.rmtree(target)
        except OSError as error:
            raise CollectionError(
                f"The folder {target} cannot be deleted: {error.strerror}."
            ) from None
        log.info("Deleted the collection folder %s with %d requests", target, count)
        return count

    # Import and export

    def export_document(self) -> tuple[dict[str, Any], list[CollectionEntry]]:
        """Return the export document and the entries left out because they cannot be read."""
        requests = []
        skipped = []
        for entry in self.entries():
            if entry.request is None:
                skipped.append(entry)
                continue
            requests.append({"path": entry.path, "request": entry.request.document()})
        requests.sort(key=lambda item: str(item["path"]))
        document = {
            "format": COLLECTION_FORMAT,
            "version": FORMAT_VERSION,
            "name": self.root.name,
            "folders": sorted(self.folders()),
            "requests": requests,
        }
        return document, skipped

    def export_to(self, target: Path) -> ExportReport:
        """Write the whole collection as one JSON file at ``target``."""
        document, skipped = self.export_document()
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if REDACTOR.redact(text) != text:
            raise CollectionError(
                "The collection contains an API key, so it was not exported. Remove the key "
                "from the requests that contain it."
            )
        self._write(target, text)
        return ExportReport(
            target, len(document["requests"]), len(document["folders"]), tuple(skipped)
        )

    def import_from(self, source: Path) -> ImportReport:
        """Write every folder and request of an exported collection file below the root.

        A request whose path is already taken by a different file gets a numbered
        name; an identical file is left as it is.
        """
        document = read_export(source)
        where = str(source)
        self.ensure_root()
        folders = []
        for folder in document.get("folders", []):
            relative = _safe_relative(folder, where, directory=True)
            self._absolute(relative).mkdir(parents=True, exist_ok=True)
            folders.append(relative)
        written: list[str] = []
        unchanged: list[str] = []
        renamed: list[tuple[str, str]] = []
        for number, item in enumerate(document["requests"], start=1):
            item_where = f"request {number} of {where}"
            if not isinstance(item, dict):
                raise CollectionError(f"{item_where} is not an object.")
            relative = _safe_relative(item.get("path"), item_where, directory=False)
            request = request_from_document(item.get("request"), item_where)
            text = request_text(request)
            target = self._absolute(relative)
            if target.exists():
                if _read_bytes(target) == text.encode("utf-8"):
                    unchanged.append(relative)
                    continue
                target = self._free_path(self._relative(target.parent), target.stem)
                renamed.append((relative, self._relative(target)))
            self._write(target, text)
            written.append(self._relative(target))
        log.info("Imported %d requests from %s into %s", len(written), source, self.root)
        return ImportReport(tuple(written), tuple(unchanged), tuple(renamed), tuple(folders))

    # Helpers

    def _request_files(self) -> Iterator[Path]:
        if not self.root.is_dir():
            return
        for folder, names, files in os.walk(self.root):
            names[:] = [name for name in names if not name.startswith(".")]
            for name in files:
                if name.endswith(REQUEST_SUFFIX) and not name.startswith("."):
                    yield Path(folder) / name

    def _entry(self, path: Path) -> CollectionEntry:
        relative = self._relative(path)
        where = str(path)
        try:
            data = _read_bytes(path)
            text = data.decode("utf-8-sig")
            request = parse_request(text, where, self._catalog)
        except UnicodeDecodeError as error:
            problem = (
                f"{where} is not UTF-8 text (byte {error.start + 1} is invalid). "
                "Save it as UTF-8."
            )
            return CollectionEntry(relative, None, problem)
        except CollectionError as error:
            return CollectionEntry(relative, None, str(error))
        return CollectionEntry(relative, request, None)

    def _relative(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return "" if relative == "." else relative

    def _absolute(self, relative: str) -> Path:
        """Return the path of ``relative`` below the root; reject anything outside it."""
        parts = relative.split("/") if relative else []
        if relative.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise CollectionError(f"The path {relative!r} is not inside the collection.")
        return self.root.joinpath(*parts)

    def _free_path(self, folder: str, stem: str) -> Path:
        """Return a file path in ``folder`` for ``stem`` that no file uses, any case."""
        directory = self._absolute(folder)
        taken = (
            {path.name.casefold() for path in directory.iterdir()} if directory.is_dir() else set()
        )
        number = 1
        while f"{_numbered(stem, number)}{REQUEST_SUFFIX}".casefold() in taken:
            number += 1
        return directory / f"{_numbered(stem, number)}{REQUEST_SUFFIX}"

    def _write(self, target: Path, text: str) -> None:
        """Write ``text`` through a temporary file and a rename, so no file is half-written."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=".saving-", suffix=".tmp", dir=target.parent
            )
            try:
                with os.fdopen(handle, "wb") as output:
                    output.write(text.encode("utf-8"))
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise CollectionError(
                f"Writing {target} failed: {error.strerror}. Check that the folder is writable."
            ) from None

    def _unlink(self, path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as error:
            raise CollectionError(f"Deleting {path} failed: {error.strerror}.") from None


def read_export(source: Path) -> dict[str, Any]:
    """Read and check an exported collection file; raise CollectionError naming it."""
    where = str(source)
    try:
        text = _read_bytes(source).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CollectionError(
            f"{where} is not UTF-8 text (byte {error.start + 1} is invalid)."
        ) from None
    document = _parse_json(text, where)
    if not isinstance(document, dict) or document.get("format") != COLLECTION_FORMAT:
        raise CollectionError(
            f"{where} is not an exported PixelPost collection: it needs "
            f'"format": "{COLLECTION_FORMAT}".'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CollectionError(f'{where} has no valid "version"; this app writes 1.')
    if version > FORMAT_VERSION:
        raise CollectionError(
            f"{where} was exported by a newer PixelPost (format version {version}); this "
            f"version reads version {FORMAT_VERSION}. Update PixelPost to import it."
        )
    if not isinstance(document.get("requests"), list):
        raise CollectionError(f'{where} has no "requests" list.')
    if not isinstance(document.get("folders", []), list):
        raise CollectionError(f'{where} has a "folders" member that is not a list.')
    return document


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CollectionError(
            f"{where} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). Fix the file or delete it."
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CollectionError(f"{path} does not exist any more.") from None
    except OSError as error:
        raise CollectionError(f"Reading {path} failed: {error.strerror}.") from None


def _safe_relative(value: Any, where: str, *, directory: bool) -> str:
    """Return a path from an export file with each part made a safe file name.

    Parts that are empty, ``.`` or ``..`` are rejected, so an import never
    writes outside the collection folder.
    """
    if not isinstance(value, str) or not value.strip():
        raise CollectionError(f"{where} has no path.")
    parts = value.replace("\\", "/").split("/")
    if any(part.strip() in ("", ".", "..") for part in parts):
        raise CollectionError(f"{where} has the path {value!r}, which leaves the collection.")
    safe = [safe_file_stem(part) for part in parts[:-1]]
    last = parts[-1]
    if directory:
        safe.append(safe_file_stem(last))
    else:
        stem = last[: -len(REQUEST_SUFFIX)] if last.endswith(REQUEST_SUFFIX) else last
        safe.append(safe_file_stem(stem) + REQUEST_SUFFIX)
    return "/".join(safe)


def _join(parent: str, name: str) -> str:
    return f"{parent}/{name}" if parent else name


def _inside(folder: str, ancestor: str) -> bool:
    return folder == ancestor or folder.startswith(ancestor + "/")


def _text_leaves(value: Any, key: str) -> Iterator[tuple[str, str]]:
    """Yield (member name, text) for every string below ``value`` that is not a URL."""
    if isinstance(value, Mapping):
        for child_key, child in value.items():
            yield from _text_leaves(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            yield from _text_leaves(child, key)
    elif isinstance(value, str) and value.strip() and not value.startswith(_REFERENCE_PREFIXES):
        yield key, value


def _matches(entry: CollectionEntry, wanted: str) -> bool:
    request = entry.request
    if request is None:
        return wanted in entry.file_name.casefold()
    haystack = [request.name, request.model, *request.text_fields()]
    return any(wanted in text.casefold() for text in haystack)
