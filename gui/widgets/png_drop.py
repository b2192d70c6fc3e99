"""Dropping a saved result onto the main window reopens the request behind it.

A PNG saved by PixelPost carries its request in text chunks. Other results
(JPEG, WebP) have it in the JSON sidecar beside them, and a dropped sidecar works
too. Qt offers a drop to the widget under the cursor first and passes it up to
the window only when that widget does not take it. Image fields are left alone,
so a field that accepts files keeps its own drops.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QWindow
from PySide6.QtWidgets import QWidget

from gui.core.catalog import FieldSpec
from gui.core.gallery import IMAGE_FIELD_TYPES, IMAGE_SUFFIXES, sidecar_path
from gui.core.png_metadata import (
    CorruptPngError,
    NoRecipeError,
    NotPngError,
    PngMetadataError,
    Recipe,
    read_recipe,
    recipe_from_sidecar,
)
from gui.core.regions import REGIONS
from gui.widgets.translate import tr

if TYPE_CHECKING:
    from gui.widgets.main_window import MainWindow

DROPPABLE_SUFFIXES = (*IMAGE_SUFFIXES, ".json")
# A sidecar is a few kilobytes; a larger .json file is not one.
MAX_SIDECAR_BYTES = 16 * 1024 * 1024


def dropped_file(data: QMimeData | None) -> Path | None:
    """Return the first local file in a drag whose type could carry a request."""
    if data is None or not data.hasUrls():
        return None
    for url in data.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in DROPPABLE_SUFFIXES:
                return path
    return None


def read_dropped_recipe(path: Path) -> Recipe:
    """Return the request saved with a result file: PNG metadata first, then the sidecar.

    Raises PngMetadataError (or a subclass) with a message naming the file.
    """
    png_error: PngMetadataError | None = None
    if path.suffix.lower() != ".json":
        try:
            return read_recipe(path)
        except PngMetadataError as error:
            png_error = error
    sidecar = path if path.suffix.lower() == ".json" else sidecar_path(path)
    try:
        size = sidecar.stat().st_size
    except OSError:
        if png_error is not None:
            raise png_error from None
        raise PngMetadataError(f"{path.name} could not be read.") from None
    if size > MAX_SIDECAR_BYTES:
        raise CorruptPngError(f"{sidecar.name} is too large to be a PixelPost sidecar.")
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise CorruptPngError(f"{sidecar.name} is not a readable PixelPost sidecar.") from None
    return recipe_from_sidecar(data, sidecar.name)


class PngDropFilter(QObject):
    """Accepts result files dropped on the main window and opens their requests.

    Text boxes take dropped files as text (their URLs), so a result dropped on
    one would end up in a prompt. The filter therefore also watches the window's
    QWindow, which receives every drag before its widgets do. When a drag of a
    result file reaches a widget that takes drops and is not inside an image
    field, the filter is installed on that widget too, before Qt hands it the drag.
    """

    recipe_opened = Signal(object)
    """Payload: the Recipe that was opened in the form."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("pngDropFilter")
        self._window = window
        self._handle: QWindow | None = None
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self._watch_window_handle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
            self._watch_window_handle()
            return False
        is_drag = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if watched is self._handle:
            # QDragEnterEvent derives from QDragMoveEvent.
            drag = event if is_drag and isinstance(event, QDragMoveEvent) else None
            if drag is not None and dropped_file(drag.mimeData()) is not None:
                self._claim_target(drag.position().toPoint())
            return False
        if is_drag and isinstance(event, QDragMoveEvent):
            if dropped_file(event.mimeData()) is None:
                return False
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_file(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            self.open_file(path)
            return True
        return False

    def _watch_window_handle(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.installEventFilter(self)
            self._handle = handle

    def _claim_target(self, position: QPoint) -> None:
        """Filter drops on the widget Qt will offer this drag to, unless an image field owns it."""
        target = self._window.childAt(position)
        while target is not None and target is not self._window and not target.acceptDrops():
            target = target.parentWidget()
        if target is None or target is self._window or _in_image_field(target):
            return
        # Installing a filter again only moves it to the front of the widget's filters.
        target.installEventFilter(self)

    def open_file(self, path: Path) -> Recipe | None:
        """Open the request saved with ``path`` in the form, or explain why there is none."""
        window = self._window
        try:
            recipe = read_dropped_recipe(path)
        except PngMetadataError as error:
            window.message_label.setText(_problem_text(path, error))
            return None
        region = recipe.region if recipe.region in REGIONS else None
        body = dict(recipe.body)
        body.setdefault("model", recipe.model)
        window.load_request(body, region, recipe.mode)
        window.message_label.setText(
            tr("Opened the request saved in {name}.").format(name=path.name)
        )
        self.recipe_opened.emit(recipe)
        return recipe


def _in_image_field(widget: QWidget) -> bool:
    """Return whether ``widget`` is part of a form field that takes images."""
    current: QWidget | None = widget
    while current is not None:
        spec = getattr(current, "spec", None)
        if isinstance(spec, FieldSpec) and spec.type in IMAGE_FIELD_TYPES:
            return True
        current = current.parentWidget()
    return False


def _problem_text(path: Path, error: PngMetadataError) -> str:
    if isinstance(error, NoRecipeError):
        return tr(
            "{name} has no PixelPost recipe: only images saved by PixelPost carry the "
            "request behind them."
        ).format(name=path.name)
    if isinstance(error, NotPngError):
        return tr(
            "{name} is not a PNG image and has no sidecar beside it, so it has no "
            "PixelPost recipe."
        ).format(name=path.name)
    return tr("The PixelPost recipe in {name} could not be read: {reason}").format(
        name=path.name, reason=str(error)
    )


def install_png_drop(window: MainWindow) -> PngDropFilter:
    return PngDropFilter(window)
