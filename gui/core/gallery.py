"""The results gallery's data: which result files exist and the request behind each.

The results folder is the source of truth: ``scan_results`` lists every image in
it (and in its date folders) without opening any file, so it stays fast with
thousands of results. ``read_details`` reads one result's sidecar, or the PNG
text metadata when the sidecar is gone, on demand or in a background thread.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import random
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from gui.core.catalog import Catalog, FieldSpec, ModelSpec
from gui.core.library import STAGING_DIR_NAME, TaskRecord
from gui.core.png_metadata import (
    PngMetadataError,
    Recipe,
    negative_prompt,
    read_recipe,
    recipe_from_sidecar,
)
from gui.core.spend import priced_region, unit_price

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")
# Result files are named ``YYYYMMDD-HHMMSS_<model>_<task id prefix>_<number>``.
RESULT_NAME = re.compile(r"^(\d{8}-\d{6})_(.+)_([0-9A-Za-z]{1,8})_(\d+)$")
# The service's seed range; a model's own seed field may narrow it.
MAX_SEED = 2**31 - 1
IMAGE_FIELD_TYPES = ("image", "image_list")
# The sandbox costs nothing; its results are priced as in Beijing for reference.
REFERENCE_REGION = "beijing"


class GalleryError(Exception):
    """Raised when a result's details cannot be read; the message is shown to users."""


@dataclass(frozen=True)
class GalleryItem:
    """One result image file, known by its path, modification time and size."""

    path: Path
    mtime_ns: int
    size: int
    # ``YYYYMMDD-HHMMSS`` from the file name, or from the modification time.
    stamp: str
    model_hint: str
    number: int = 1

    @property
    def key(self) -> str:
        return str(self.path)

    @property
    def sidecar(self) -> Path:
        return sidecar_path(self.path)

    @property
    def created(self) -> datetime:
        return datetime.strptime(self.stamp, "%Y%m%d-%H%M%S")


@dataclass(frozen=True)
class ResultDetails:
    """The request and timings behind one result, read from its sidecar or PNG metadata."""

    model: str
    region: str | None
    mode: str | None
    endpoint: str | None
    body: dict[str, Any]
    prompt: str = ""
    actual_prompt: str | None = None
    negative_prompt: str | None = None
    seed: int | None = None
    size: str | None = None
    task_id: str | None = None
    request_id: str | None = None
    image_index: int | None = None
    times: dict[str, Any] = field(default_factory=dict)
    usage: dict[str, Any] = field(default_factory=dict)
    # "sidecar" or "png": where the details were read from.
    source: str = "sidecar"

    @property
    def search_text(self) -> str:
        """Return the lower-case text a gallery filter searches."""
        parts = [self.model, self.prompt, self.actual_prompt or "", self.negative_prompt or ""]
        parts += [self.task_id or "", self.request_id or "", self.size or "", str(self.seed or "")]
        return "\n".join(parts).lower()

    def recipe(self) -> Recipe:
        return Recipe(self.model, self.region, self.mode, self.body, self.endpoint)

    def duration_seconds(self) -> float | None:
        """Return seconds from submission to the end of the task, when both are known."""
        start = _parse_time(self.times.get("submitted"))
        end = _parse_time(self.times.get("finished"))
        if start is None or end is None:
            return None
        return max(0.0, (end - start).total_seconds())


@dataclass(frozen=True)
class ImagePrice:
    """A result's estimated price: one image at the catalog price of ``region``."""

    amount: float
    region: str
    free: bool  # True for sandbox results, which cost nothing


# Scanning


def scan_results(results_dir: Path) -> list[GalleryItem]:
    """Return every image in ``results_dir`` and its subfolders, newest first.

    Hidden folders (the staging folder among them) are skipped, and so are
    folders below the first level. Nothing is opened, so this is quick.
    """
    items: list[GalleryItem] = []
    folders = [results_dir]
    try:
        with os.scandir(results_dir) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    folders.append(Path(entry.path))
    except OSError as error:
        log.warning("Could not list the results folder %s: %s", results_dir, error)
        return []
    for folder in folders:
        items.extend(_scan_folder(folder))
    return sort_items(items)


def sort_items(items: Iterable[GalleryItem]) -> list[GalleryItem]:
    """Return items newest first; images of one task keep their order."""
    ordered = sorted(items, key=lambda item: (item.number, item.path.name))
    ordered.sort(key=lambda item: item.stamp, reverse=True)
    return ordered


def item_for_file(path: Path) -> GalleryItem | None:
    """Return the gallery item of one image file, or None if it is missing or not an image."""
    if path.suffix.lower() not in IMAGE_SUFFIXES or STAGING_DIR_NAME in path.parts:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return _item(path, stat.st_mtime_ns, stat.st_size)


def items_from_record(record: TaskRecord) -> list[GalleryItem]:
    """Return the gallery items of a task's saved images that exist on disk."""
    found = []
    for file in record.saved_files:
        item = item_for_file(Path(file))
        if item is not None:
            found.append(item)
    return found


def _scan_folder(folder: Path) -> list[GalleryItem]:
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                suffix = os.path.splitext(entry.name)[1].lower()
                if suffix not in IMAGE_SUFFIXES or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    stat = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                found.append(_item(Path(entry.path), stat.st_mtime_ns, stat.st_size))
    except OSError as error:
        log.warning("Could not list the results folder %s: %s", folder, error)
    return found


def _item(path: Path, mtime_ns: int, size: int) -> GalleryItem:
    match = RESULT_NAME.match(path.stem)
    if match:
        return GalleryItem(path, mtime_ns, size, match[1], match[2], int(match[4]))
    stamp = datetime.fromtimestamp(mtime_ns / 1e9).strftime("%Y%m%d-%H%M%S")
    return GalleryItem(path, mtime_ns, size, stamp, "")


def sidecar_path(image: Path) -> Path:
    return image.with_name(image.stem + ".json")


# Details


def read_details(path: Path) -> ResultDetails:
    """Return the details of the result at ``path`` from its sidecar or PNG metadata.

    Raises GalleryError when neither is there or readable.
    """
    sidecar = sidecar_path(path)
    try:
        text = sidecar.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except (OSError, UnicodeDecodeError) as error:
        log.warning("Could not read the sidecar %s: %s", sidecar, error)
        text = None
    if text is not None:
        try:
            return details_from_sidecar(json.loads(text), sidecar.name)
        except (json.JSONDecodeError, PngMetadataError) as error:
            log.warning("Ignoring the unreadable sidecar %s: %s", sidecar, error)
    if path.suffix.lower() != ".png":
        raise GalleryError(
            f"{path.name} has no readable sidecar ({sidecar.name}), so its request is unknown."
        )
    try:
        recipe = read_recipe(path)
    except PngMetadataError as error:
        raise GalleryError(str(error)) from None
    return details_from_sidecar(recipe.sidecar, path.name, source="png")


def details_from_sidecar(
    sidecar: Any, source_name: str, source: str = "sidecar"
) -> ResultDetails:
    """Return details from a sidecar object; raises PngMetadataError when it has no request."""
    recipe = recipe_from_sidecar(sidecar, source_name)
    data = recipe.sidecar
    prompt = data.get("orig_prompt")
    seed = data.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool):
        seed = _body_seed(recipe.body)
    return ResultDetails(
        model=recipe.model,
        region=recipe.region,
        mode=recipe.mode,
        endpoint=recipe.endpoint,
        body=recipe.body,
        prompt=prompt if isinstance(prompt, str) else "",
        actual_prompt=_text(data.get("actual_prompt")),
        negative_prompt=negative_prompt(recipe.body),
        seed=seed,
        size=_text(data.get("size")) or _text(recipe.body.get("parameters", {}).get("size")),
        task_id=_text(data.get("task_id")),
        request_id=_text(data.get("request_id")),
        image_index=data.get("image_index") if isinstance(data.get("image_index"), int) else None,
        times=_mapping(data.get("times")),
        usage=_mapping(data.get("usage")),
        source=source,
    )


def matches(item: GalleryItem, details: ResultDetails | None, text: str, model: str) -> bool:
    """Return whether an item passes a filter of free ``text`` and a ``model`` id ("" = any).

    Items whose details are not loaded yet are matched by their file name.
    """
    if model:
        known = details.model if details is not None else item.model_hint
        if known != model and known != _file_safe(model):
            return False
    words = text.lower().split()
    if not words:
        return True
    haystack = details.search_text if details is not None else ""
    haystack += "\n" + item.path.name.lower()
    return all(word in haystack for word in words)


def estimate_cost(catalog: Catalog, details: ResultDetails) -> ImagePrice | None:
    """Return the catalog price of one image of this result, or None when unknown."""
    model = catalog.get(details.model)
    if model is None:
        return None
    region = priced_region(details.region or "sandbox")
    price = unit_price(model, region)
    if price is None:
        return None
    return ImagePrice(price, region, free=details.region == "sandbox")


# Requests made from a result


def task_record_for(details: ResultDetails, catalog: Catalog) -> TaskRecord:
    """Return a TaskRecord holding the result's request, for sending it again.

    The record is not saved; the engine creates a new task when it is sent.
    Raises GalleryError when the endpoint or call mode cannot be worked out.
    """
    model = catalog.get(details.model)
    mode = details.mode
    if mode is None and model is not None:
        mode = model.preferred_mode(details.region or REFERENCE_REGION)
    path = details.endpoint
    if path is None and model is not None and mode is not None:
        path = model.path(mode)
    if mode is None or path is None:
        raise GalleryError(
            f"The request of {details.model} cannot be sent again: its endpoint is unknown."
        )
    return TaskRecord(
        id="",
        model=details.model,
        region=details.region or REFERENCE_REGION,
        mode=mode,
        path=path,
        body=copy.deepcopy(details.body),
        created_at=time.time(),
    )


def seed_field(model: ModelSpec | None) -> FieldSpec | None:
    """Return the model's ``seed`` field when it sits in ``parameters``, else None."""
    if model is None:
        return None
    spec = model.field("seed")
    if spec is None or spec.location != "parameters":
        return None
    return spec


def random_seed(spec: FieldSpec | None, rng: random.Random | None = None) -> int:
    """Return a random seed within the field's range (the service's range by default)."""
    low = int(spec.minimum) if spec is not None and spec.minimum is not None else 0
    high = int(spec.maximum) if spec is not None and spec.maximum is not None else MAX_SEED
    return (rng or random.SystemRandom()).randint(low, high)


def with_seed(record: TaskRecord, seed: int) -> TaskRecord:
    """Return a copy of ``record`` whose request carries ``parameters.seed = seed``."""
    body = copy.deepcopy(record.body)
    parameters = body.get("parameters")
    if not isinstance(parameters, dict):
        parameters = {}
        body["parameters"] = parameters
    parameters["seed"] = seed
    return TaskRecord(
        id=record.id,
        model=record.model,
        region=record.region,
        mode=record.mode,
        path=record.path,
        body=body,
        created_at=record.created_at,
    )


def image_inputs(catalog: Catalog) -> list[tuple[ModelSpec, FieldSpec]]:
    """Return every (model, image field) pair of the models still served, in catalog order."""
    pairs = []
    for model in catalog.active():
        for spec in model.fields:
            if spec.type in IMAGE_FIELD_TYPES:
                pairs.append((model, spec))
    return pairs


# Thumbnail cache on disk


def thumbnail_name(item: GalleryItem, edge: int) -> str:
    """Return the cache file stem of an item's thumbnail of ``edge`` pixels.

    The name changes when the file is replaced (new modification time or size),
    so a stale thumbnail is never shown.
    """
    key = f"{item.path}\0{item.mtime_ns}\0{item.size}\0{edge}"
    return hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()


def prune_cache(folder: Path, max_bytes: int) -> int:
    """Remove the least recently written files until ``folder`` uses at most ``max_bytes``.

    Returns the number of files removed.
    """
    files = []
    total = 0
    for path in folder.rglob("*"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file():
            files.append((stat.st_mtime_ns, stat.st_size, path))
            total += stat.st_size
    removed = 0
    for _mtime, size, path in sorted(files):
        if total <= max_bytes:
            break
        try:
            path.unlink()
        except OSError as error:
            log.warning("Could not remove the cached thumbnail %s: %s", path, error)
            continue
        total -= size
        removed += 1
    return removed


def _body_seed(body: Mapping[str, Any]) -> int | None:
    parameters = body.get("parameters")
    seed = parameters.get("seed") if isinstance(parameters, Mapping) else None
    return seed if isinstance(seed, int) and not isinstance(seed, bool) else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _file_safe(model: str) -> str:
    """Return the model id as result file names spell it."""
    return "".join(c if c.isalnum() or c in "-._" else "_" for c in model)
