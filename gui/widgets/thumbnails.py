"""Thumbnails decoded off the GUI thread and cached in memory and on disk.

``ThumbnailLoader`` hands out cached thumbnails at once and queues the others.
Worker threads of its own QThreadPool decode them with QImageReader, which
scales while reading where the format allows (JPEG) and releases the GIL, so the
GUI thread keeps painting. The newest request is served first, and a request
whose item has scrolled out of view is dropped before it starts. Finished
thumbnails are written to a disk cache keyed by path, modification time and size.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader

from gui.core.gallery import GalleryItem, thumbnail_name

log = logging.getLogger(__name__)

DEFAULT_MEMORY_BYTES = 96 * 1024 * 1024
JPEG_QUALITY = 88


class ThumbnailMemoryCache:
    """A least-recently-used map of thumbnails, bounded by the bytes their pixels take."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._images: OrderedDict[str, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: str) -> bool:
        return key in self._images

    def get(self, key: str) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: str, image: QImage) -> None:
        self.discard(key)
        self._images[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._images) > 1:
            _oldest, evicted = self._images.popitem(last=False)
            self.bytes -= evicted.sizeInBytes()

    def discard(self, key: str) -> None:
        image = self._images.pop(key, None)
        if image is not None:
            self.bytes -= image.sizeInBytes()

    def clear(self) -> None:
        self._images.clear()
        self.bytes = 0


def cached_file(cache_dir: Path, item: GalleryItem, edge: int) -> tuple[Path, Path]:
    """Return the two possible cache files of a thumbnail: JPEG (opaque) and PNG (alpha)."""
    name = thumbnail_name(item, edge)
    folder = cache_dir / name[:2]
    return folder / f"{name}.jpg", folder / f"{name}.png"


def load_thumbnail(path: Path, cache_files: tuple[Path, Path] | None, edge: int) -> QImage:
    """Return a thumbnail of at most ``edge`` pixels per side; raise OSError on failure.

    A cached file is read when one exists; otherwise the image is decoded and
    the thumbnail written to the cache. Safe to call from any thread.
    """
    if cache_files is not None:
        for candidate in cache_files:
            if candidate.exists():
                image = QImageReader(str(candidate)).read()
                if not image.isNull():
                    return image
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > edge or size.height() > edge):
        reader.setScaledSize(size.scaled(QSize(edge, edge), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise OSError(reader.errorString())
    if image.width() > edge or image.height() > edge:
        image = image.scaled(
            edge,
            edge,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if cache_files is not None:
        _store(image, cache_files)
    return image


def _store(image: QImage, cache_files: tuple[Path, Path]) -> None:
    jpeg, png = cache_files
    target = png if image.hasAlphaChannel() else jpeg
    partial = target.with_name(f"{target.stem}.{os.getpid()}.{threading.get_ident()}.part")
    # WORKAROUND: PySide6 6.11 rejects a bytes format at run time although its
    # stubs declare bytes, so the format is passed as str.
    fmt: Any = "PNG" if target is png else "JPEG"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if image.save(str(partial), fmt, JPEG_QUALITY if target is jpeg else -1):
            os.replace(partial, target)
        else:
            log.warning("Could not write the cached thumbnail %s", target)
    except OSError as error:
        log.warning("Could not write the cached thumbnail %s: %s", target, error)
    finally:
        partial.unlink(missing_ok=True)


class _Relay(QObject):
    """Carries finished thumbnails from worker threads to the GUI thread (queued)."""

    finished = Signal(str, QImage, str)
    """Payload: item key, thumbnail (null on failure), error message."""


class _ThumbnailJob(QRunnable):
    def __init__(
        self, key: str, path: Path, cache_files: tuple[Path, Path] | None, edge: int, relay: _Relay
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._key = key
        self._path = path
        self._cache_files = cache_files
        self._edge = edge
        self._relay = relay

    def run(self) -> None:
        try:
            image, error = load_thumbnail(self._path, self._cache_files, self._edge), ""
        except OSError as failure:
            image, error = QImage(), str(failure) or "unreadable image"
        except Exception as failure:  # the item must not stay "running" forever
            log.exception("Decoding the thumbnail of %s failed", self._path)
            image, error = QImage(), str(failure)
        # RuntimeError: the loader was deleted while this thumbnail was decoded.
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit(self._key, image, error)


class ThumbnailLoader(QObject):
    """Serves thumbnails of gallery items, decoding missing ones in worker threads."""

    thumbnail_ready = Signal(str)
    """Payload: the key of the item whose thumbnail is now in the memory cache."""

    thumbnail_failed = Signal(str, str)
    """Payload: the item key and why its image could not be read."""

    def __init__(
        self,
        cache_dir: Path | None,
        edge: int,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        parent: QObject | None = None,
        threads: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.edge = edge
        self.cache_dir = cache_dir
        self.memory = ThumbnailMemoryCache(memory_bytes)
        self.failures: dict[str, str] = {}
        # Returns whether an item still needs its thumbnail (it is in view).
        self.wanted: Callable[[str], bool] = lambda _key: True
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads or max(1, min(4, QThread.idealThreadCount())))
        self._pending: OrderedDict[str, GalleryItem] = OrderedDict()
        self._running: set[str] = set()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self.decoded = 0  # thumbnails finished by workers, for tests and benchmarks

    @property
    def busy(self) -> bool:
        return bool(self._pending or self._running)

    def thumbnail(self, item: GalleryItem) -> QImage | None:
        """Return the cached thumbnail of ``item``, or None after queueing its decoding."""
        image = self.memory.get(item.key)
        if image is not None or item.key in self.failures:
            return image
        if item.key not in self._running:
            self._pending[item.key] = item
            self._pending.move_to_end(item.key)
            self._dispatch()
        return None

    def forget(self, key: str) -> None:
        """Drop what is known about an item (its file was replaced or deleted)."""
        self.memory.discard(key)
        self.failures.pop(key, None)
        self._pending.pop(key, None)

    def clear(self) -> None:
        self.memory.clear()
        self.failures.clear()
        self._pending.clear()

    def shutdown(self) -> None:
        """Drop queued work and wait for the running decodes to end."""
        self._pending.clear()
        self._pool.clear()
        self._pool.waitForDone()

    def _dispatch(self) -> None:
        while self._pending and len(self._running) < self._pool.maxThreadCount():
            key, item = self._pending.popitem(last=True)
            if not self.wanted(key):
                continue
            cache_files = (
                cached_file(self.cache_dir, item, self.edge) if self.cache_dir is not None else None
            )
            self._running.add(key)
            self._pool.start(_ThumbnailJob(key, item.path, cache_files, self.edge, self._relay))

    @Slot(str, QImage, str)
    def _on_relay_finished(self, key: str, image: QImage, error: str) -> None:
        self._running.discard(key)
        self.decoded += 1
        if image.isNull():
            log.info("No thumbnail for %s: %s", key, error)
            self.failures[key] = error
            self.thumbnail_failed.emit(key, error)
        else:
            self.memory.put(key, image)
            self.thumbnail_ready.emit(key)
        self._dispatch()
