"""Tools under an image field: choose, drop or paste a local file, preview it, check a URL,
and paint a mask.

The field's text input stays the source of truth: a URL, a local path or a data
URI per field (one per line in a list). These tools only write paths into it and
show what it refers to: a thumbnail with the format, pixel size and file size of
local files and data URIs, read with QImageReader. How a local file reaches the
service (inline or as an upload) is decided when the request is sent.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDir,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import FieldSpec, ImageRule
from gui.core.local_images import (
    DATA,
    FILE,
    OSS,
    URL,
    ImageInfo,
    decode_data_uri,
    format_bytes,
    read_mask,
    reference_kind,
    resolve_local,
)
from gui.core.services import Services
from gui.core.uploads import sends_inline
from gui.core.url_check import UrlCheck, UrlProblem, check_image_url
from gui.widgets.mask_painter import MaskPainterDialog
from gui.widgets.translate import tr

log = logging.getLogger(__name__)

THUMBNAIL_SIDE = 64
LIST_THUMBNAIL_SIDE = 48
REFRESH_DELAY_MS = 120

UrlChecker = Callable[[str, ImageRule | None], Awaitable[UrlCheck]]


class FilePicker(Protocol):
    """Lets the user choose image files; tests pass one that returns paths at once."""

    def pick_images(
        self,
        parent: QWidget,
        title: str,
        folder: str,
        multiple: bool,
        chosen: Callable[[list[str]], None],
    ) -> None: ...


class DialogFilePicker:
    """Opens a window-modal QFileDialog with open(), so no event loop is nested."""

    def pick_images(
        self,
        parent: QWidget,
        title: str,
        folder: str,
        multiple: bool,
        chosen: Callable[[list[str]], None],
    ) -> None:
        dialog = QFileDialog(parent, title, folder, image_filter())
        dialog.setObjectName("imageFileDialog")
        dialog.setFileMode(
            QFileDialog.FileMode.ExistingFiles if multiple else QFileDialog.FileMode.ExistingFile
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(chosen)
        dialog.open()


def image_filter() -> str:
    return tr("Images (*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff *.gif *.heic);;All files (*)")


@dataclass
class ImageFieldContext:
    """Folders and services that image fields use; tests may replace any member.

    ``inputs_dir`` receives pasted images and painted masks. Without ``check_url``
    the URL check is not offered, and without ``results_dir`` neither is the
    results folder.
    """

    results_dir: Path | None = None
    inputs_dir: Path | None = None
    check_url: UrlChecker | None = None
    picker: FilePicker = field(default_factory=DialogFilePicker)


def local_file_context(services: Services) -> ImageFieldContext:
    """Return the context of the app's image fields: its folders and its HTTP client."""

    async def check_url(url: str, rule: ImageRule | None) -> UrlCheck:
        if services.http is None:
            raise RuntimeError("Services.start() has not run")
        return await check_image_url(services.http, url, rule)

    return ImageFieldContext(
        results_dir=services.library.results_dir,
        inputs_dir=services.paths.data_dir / "inputs",
        check_url=check_url,
    )


@dataclass(frozen=True)
class ImagePreview:
    """A preview of one image value: its kind, thumbnail and facts, as the field shows it."""

    kind: str
    thumbnail: QImage | None
    # ImageInfo for local files and data URIs that could be read.
    info: ImageInfo | None
    # A problem found while reading, already translated; None when there is none.
    problem: str | None = None


_THUMBNAILS: dict[tuple[str, int, int, int], tuple[QImage, ImageInfo]] = {}


def preview_reference(text: str, side: int = THUMBNAIL_SIDE) -> ImagePreview:
    """Read a local file or data URI for its thumbnail and facts; URLs are not fetched."""
    kind = reference_kind(text)
    if kind == FILE:
        try:
            path = resolve_local(text)
        except ValueError:
            return ImagePreview(kind, None, None, tr("This is a relative path; use a full path."))
        return _preview_file(path, side)
    if kind == DATA:
        try:
            data = decode_data_uri(text)
        except ValueError:
            return ImagePreview(kind, None, None, tr("The data URI is not a base64 image."))
        return _preview_bytes(data, side, kind)
    return ImagePreview(kind, None, None)


def _preview_file(path: Path, side: int) -> ImagePreview:
    try:
        status = path.stat()
    except FileNotFoundError:
        return ImagePreview(FILE, None, None, tr("File not found: {path}").format(path=str(path)))
    except OSError as error:
        problem = tr("The file cannot be read: {reason}").format(reason=error.strerror or "")
        return ImagePreview(FILE, None, None, problem)
    if not path.is_file():
        return ImagePreview(FILE, None, None, tr("This is a folder, not an image file."))
    key = (str(path), status.st_size, status.st_mtime_ns, side)
    cached = _THUMBNAILS.get(key)
    if cached is None:
        reader = QImageReader(str(path))
        reader.setAutoTransform(False)
        cached_or_problem = _read_thumbnail(reader, status.st_size, side)
        if isinstance(cached_or_problem, str):
            return ImagePreview(FILE, None, None, cached_or_problem)
        cached = cached_or_problem
        if len(_THUMBNAILS) > 200:
            _THUMBNAILS.clear()
        _THUMBNAILS[key] = cached
    return ImagePreview(FILE, cached[0], cached[1])


def _preview_bytes(data: bytes, side: int, kind: str) -> ImagePreview:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    result = _read_thumbnail(reader, len(data), side)
    if isinstance(result, str):
        return ImagePreview(kind, None, None, result)
    return ImagePreview(kind, result[0], result[1])


def _read_thumbnail(
    reader: QImageReader, byte_size: int, side: int
) -> tuple[QImage, ImageInfo] | str:
    """Decode a thumbnail at most ``side`` pixels across; return a problem text on failure."""
    size = reader.size()
    image_format = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if not size.isValid() or not image_format:
        return tr("This file is not an image PixelPost can read.")
    scale = min(1.0, side / max(size.width(), size.height()))
    reader.setScaledSize(
        QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
    )
    thumbnail = reader.read()
    if thumbnail.isNull():
        return tr("The image could not be decoded: {reason}").format(reason=reader.errorString())
    normal = {"jpg": "jpeg", "tif": "tiff"}.get(image_format, image_format)
    return thumbnail, ImageInfo(normal, size.width(), size.height(), byte_size)


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new rows, like words in a line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the visible items in rows within ``rect``; return the height used."""
        x, y, row_height = rect.x(), rect.y(), 0
        spacing = self.spacing()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x = rect.x()
                y += row_height + spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def native_path(path: str) -> str:
    """Return a path with the separators of this system, as a file dialog gives them."""
    return QDir.toNativeSeparators(path)


class ImageFieldTools(QWidget):
    """Buttons, drop and paste handling, thumbnails and URL check for one image field.

    ``line_input`` is the field's QLineEdit (type ``image``) or QPlainTextEdit
    (type ``image_list``, one value per line).
    """

    def __init__(
        self,
        spec: FieldSpec,
        line_input: QLineEdit | QPlainTextEdit,
        context: ImageFieldContext | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"imageTools_{spec.name}")
        self.context = context or ImageFieldContext()
        self._input = line_input
        self._is_list = spec.type == "image_list"
        self._base_value: Callable[[], Any] | None = None
        self._base_name: str | None = None
        self._check_task: asyncio.Task[None] | None = None
        self.mask_dialog: MaskPainterDialog | None = None
        # A one-off message about the last action, shown above the image details.
        self.notice: str | None = None
        self._language = "en"

        name = spec.name
        self.choose_button = self._button(f"chooseFile_{name}", self.choose_file)
        self.results_button = self._button(f"fromResults_{name}", self.choose_from_results)
        self.paste_button = self._button(f"pasteImage_{name}", self._on_paste_button_clicked)
        self.check_button = self._button(f"checkUrl_{name}", self._on_check_button_clicked)
        self.mask_button = self._button(f"paintMask_{name}", self.open_mask_painter)
        self.results_button.setVisible(self.context.results_dir is not None)
        is_mask = spec.image is not None and spec.image.mask
        self.mask_button.setVisible(is_mask)
        self.check_button.hide()

        self.thumbnails = QHBoxLayout()
        self.thumbnails.setSpacing(4)
        self.info = QLabel(self)
        self.info.setObjectName(f"imageInfo_{name}")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_result = QLabel(self)
        self.check_result.setObjectName(f"urlCheck_{name}")
        self.check_result.setWordWrap(True)
        self.check_result.hide()

        # The buttons wrap onto more rows when the form is narrow.
        buttons = FlowLayout(spacing=4)
        for button in (
            self.choose_button,
            self.results_button,
            self.paste_button,
            self.check_button,
            self.mask_button,
        ):
            buttons.addWidget(button)
        preview = QHBoxLayout()
        preview.setContentsMargins(0, 0, 0, 0)
        preview.addLayout(self.thumbnails)
        preview.addWidget(self.info, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addLayout(preview)
        layout.addWidget(self.check_result)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        if isinstance(line_input, QLineEdit):
            line_input.setClearButtonEnabled(True)
            line_input.textChanged.connect(self._on_input_changed)
            drop_target: QWidget = line_input
        else:
            line_input.textChanged.connect(self._on_input_changed)
            drop_target = line_input.viewport()
        drop_target.setAcceptDrops(True)
        drop_target.installEventFilter(self)
        if drop_target is not line_input:
            line_input.installEventFilter(self)
        self._filtered = {id(drop_target), id(line_input)}
        # The tools take drops through their own handlers: an event filter on
        # itself would run while Qt destroys the widget's children.
        self.setAcceptDrops(True)
        self.retranslate()
        self.refresh()

    def _button(self, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # Texts

    def retranslate(self, language: str | None = None) -> None:
        if language is not None:
            self._language = language
        texts = {
            self.choose_button: (tr("Choose file…"), tr("Choose a local image file")),
            self.results_button: (
                tr("From results…"),
                tr("Choose an earlier result from the results folder"),
            ),
            self.paste_button: (tr("Paste"), tr("Paste an image or a copied file (Ctrl+V)")),
            self.check_button: (
                tr("Check URL"),
                tr("Check the URL's headers for what the service would reject"),
            ),
            self.mask_button: (
                tr("Paint mask…"),
                tr("Paint the mask over the base image"),
            ),
        }
        for button, (text, description) in texts.items():
            button.setText(text)
            button.setAccessibleName(description)
            button.setToolTip(description)
        self.info.setAccessibleName(tr("Image details"))
        self.check_result.setAccessibleName(tr("URL check result"))
        self.refresh()

    # Values

    def references(self) -> list[str]:
        """Return the non-empty values of the field, one per line for a list."""
        if isinstance(self._input, QLineEdit):
            text = self._input.text().strip()
            return [text] if text else []
        return [line.strip() for line in self._input.toPlainText().splitlines() if line.strip()]

    def add_references(self, items: list[str]) -> None:
        """Put values into the field: a single field takes the first, a list appends them."""
        items = [item for item in items if item.strip()]
        if not items:
            return
        self.notice = None
        if isinstance(self._input, QLineEdit):
            if len(items) > 1:
                self.notice = tr(
                    "This field takes one image; the first of {count} was used."
                ).format(count=len(items))
            self._input.setText(items[0])
        else:
            lines = self.references() + items
            self._input.setPlainText("\n".join(lines))
        self._input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def replace_reference(self, old: str, new: str) -> None:
        """Replace the value ``old`` with ``new``; a list keeps the value's position."""
        if isinstance(self._input, QLineEdit):
            self._input.setText(new)
            return
        lines = self.references()
        if old.strip() in lines:
            lines[lines.index(old.strip())] = new
        else:
            lines.append(new)
        self._input.setPlainText("\n".join(lines))

    # Choosing files

    def choose_file(self, replacing: str | None = None) -> None:
        """Let the user choose local files; ``replacing`` is a value they replace."""
        folder = self._start_folder()
        self.context.picker.pick_images(
            self,
            tr("Choose an image for {field}").format(field=self.spec.label.get(self._language)),
            folder,
            self._is_list and replacing is None,
            lambda paths: self._on_files_chosen(paths, replacing),
        )

    def choose_from_results(self) -> None:
        folder = self.context.results_dir
        if folder is None:
            return
        self.context.picker.pick_images(
            self,
            tr("Choose an earlier result"),
            str(folder),
            self._is_list,
            lambda paths: self._on_files_chosen(paths, None),
        )

    def _start_folder(self) -> str:
        for value in reversed(self.references()):
            if reference_kind(value) == FILE:
                try:
                    return str(resolve_local(value).parent)
                except ValueError:
                    continue
        return str(Path.home())

    def _on_files_chosen(self, paths: list[str], replacing: str | None) -> None:
        chosen = [native_path(path) for path in paths if path]
        if not chosen:
            return
        if replacing is not None:
            self.replace_reference(replacing, chosen[0])
            self.refresh()
            return
        self.add_references(chosen)

    # Drag and drop, paste

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _has_image_payload(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _has_image_payload(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.take_mime(event.mimeData()):
            event.acceptProposedAction()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if id(watched) not in self._filtered:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            mime = event.mimeData()  # type: ignore[attr-defined]
            if _has_image_payload(mime):
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
            return False
        if kind == QEvent.Type.Drop:
            mime = event.mimeData()  # type: ignore[attr-defined]
            if self.take_mime(mime):
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
            return False
        if (
            kind == QEvent.Type.KeyPress
            and watched is self._input
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            return self.paste(text_too=False)
        return super().eventFilter(watched, event)

    def take_mime(self, mime: QMimeData) -> bool:
        """Use dropped or pasted data: local files, web URLs or image data; return whether used."""
        urls = mime.urls() if mime.hasUrls() else []
        files = [native_path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if files:
            self.add_references(files)
            return True
        web = [url.toString() for url in urls if url.scheme() in ("http", "https")]
        if web:
            self.add_references(web)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            saved = self._save_pasted(image)
            if saved is not None:
                self.add_references([saved])
                return True
        return False

    def paste(self, *, text_too: bool = True) -> bool:
        """Paste from the clipboard: a copied file, image data, or (with ``text_too``) text."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if self.take_mime(mime):
            return True
        if text_too and mime.hasText() and mime.text().strip():
            self.add_references([line.strip() for line in mime.text().splitlines()])
            return True
        return False

    def _on_paste_button_clicked(self) -> None:
        if not self.paste(text_too=True):
            self.notice = tr("The clipboard holds no image, file or text to paste.")
            self.refresh()

    def _save_pasted(self, image: QImage) -> str | None:
        if image.isNull():
            return None
        folder = self._inputs_dir()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"pasted-{stamp}-{uuid.uuid4().hex[:6]}.png"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._show_save_problem(path, error.strerror or str(error))
            return None
        if not image.save(str(path)):
            self._show_save_problem(path, tr("the image could not be written"))
            return None
        log.info("Pasted image saved to %s", path)
        return str(path)

    def _show_save_problem(self, path: Path, reason: str) -> None:
        self.notice = tr("The pasted image could not be saved to {path}: {reason}").format(
            path=str(path), reason=reason
        )
        self.refresh()

    def _inputs_dir(self) -> Path:
        if self.context.inputs_dir is not None:
            return self.context.inputs_dir
        return Path(QDir.tempPath()) / "PixelPost"

    # Preview

    def _on_input_changed(self) -> None:
        self.check_result.hide()
        # While the user types, the preview waits for a pause; a value set by code
        # shows on the next turn of the event loop.
        self._refresh_timer.start(REFRESH_DELAY_MS if self._input.hasFocus() else 0)

    def refresh(self) -> None:
        """Show thumbnails and facts for the current values."""
        self._refresh_timer.stop()
        while self.thumbnails.count():
            item = self.thumbnails.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

        side = LIST_THUMBNAIL_SIDE if self._is_list else THUMBNAIL_SIDE
        lines: list[str] = []
        problems: list[str] = []
        urls = 0
        for index, reference in enumerate(self.references()):
            preview = preview_reference(reference, side)
            description = self._describe(preview)
            if preview.thumbnail is not None:
                self._add_thumbnail(index, preview.thumbnail, side, description)
            if preview.kind in (URL, OSS):
                urls += 1
            if preview.problem:
                problems.append(preview.problem)
            elif description:
                lines.append(description if not self._is_list else f"{index + 1}. {description}")

        if self.notice:
            lines.insert(0, self.notice)
        shown = "\n".join(lines + problems)
        self.info.setText(shown)
        self.info.setStyleSheet("color: #b3261e;" if problems else "color: #555555;")
        self.info.setVisible(bool(shown))
        self.check_button.setVisible(self.context.check_url is not None and urls > 0)
        self._update_mask_button()

    def _add_thumbnail(self, index: int, thumbnail: QImage, side: int, description: str) -> None:
        label = QLabel(self)
        label.setObjectName(f"thumbnail_{self.spec.name}_{index}")
        label.setPixmap(QPixmap.fromImage(thumbnail))
        label.setFixedSize(side, side)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("border: 1px solid #c8c8c8; background: #f4f4f4;")
        label.setToolTip(description)
        label.setAccessibleName(description)
        self.thumbnails.addWidget(label)

    def _describe(self, preview: ImagePreview) -> str:
        if preview.info is not None:
            facts = tr("{format}, {width}*{height}, {size}").format(
                format=preview.info.format.upper(),
                width=preview.info.width,
                height=preview.info.height,
                size=format_bytes(preview.info.byte_size),
            )
            if preview.kind == DATA:
                return tr("Inline data URI: {facts}").format(facts=facts)
            if sends_inline(self.spec, preview.info):
                return tr("Local file: {facts}; sent inline as a data URI.").format(facts=facts)
            return tr("Local file: {facts}; uploaded when sent.").format(facts=facts)
        if preview.kind == URL:
            return tr(
                "Web URL: the service downloads it from its own region, so it must be public "
                "and quick to reach from there."
            )
        if preview.kind == OSS:
            return tr(
                "Temporary upload (oss://): it works for 48 hours, only with the model it was "
                "uploaded for."
            )
        return ""

    # URL check

    def _on_check_button_clicked(self) -> None:
        checker = self.context.check_url
        urls = [value for value in self.references() if reference_kind(value) == URL]
        if checker is None or not urls:
            return
        if self._check_task is not None and not self._check_task.done():
            self._check_task.cancel()
        self._check_task = asyncio.get_running_loop().create_task(self._check(checker, urls))

    async def _check(self, checker: UrlChecker, urls: list[str]) -> None:
        self.check_button.setEnabled(False)
        self.check_result.setText(tr("Checking…"))
        self.check_result.setStyleSheet("color: #555555;")
        self.check_result.show()
        results: list[UrlCheck] = []
        try:
            for url in urls:
                results.append(await checker(url, self.spec.image))
        finally:
            if shiboken6.isValid(self):
                self.check_button.setEnabled(True)
        if shiboken6.isValid(self):
            self.show_check_results(results)

    def show_check_results(self, results: list[UrlCheck]) -> None:
        """Show what the URL check found, with the reminder about the service's region."""
        lines: list[str] = []
        problems = 0
        for check in results:
            prefix = f"{check.url}: " if len(results) > 1 else ""
            if check.passed:
                size = format_bytes(check.content_length) if check.content_length else "?"
                lines.append(
                    prefix
                    + tr("Reachable from here: HTTP {status}, {type}, {size}.").format(
                        status=check.status, type=check.content_type or "?", size=size
                    )
                )
            for problem in check.problems:
                problems += 1
                lines.append(prefix + url_problem_text(problem))
        lines.append(
            tr(
                "The service downloads the image itself, from its own region, so a URL that "
                "works here may still fail there."
            )
        )
        self.check_result.setText("\n".join(lines))
        self.check_result.setStyleSheet("color: #8a4b00;" if problems else "color: #1b7f3b;")
        self.check_result.show()

    # Mask painter

    def connect_form(self, editors: Mapping[str, Any]) -> None:
        """Find the base image field of a mask field among the form's editors."""
        rule = self.spec.image
        if rule is None or rule.same_size_as is None:
            return
        base = editors.get(rule.same_size_as)
        if base is None:
            return
        self._base_value = base.value
        self._base_name = rule.same_size_as
        base.edited.connect(self._update_mask_button)
        self._update_mask_button()

    def _base_image_path(self) -> tuple[QImage | None, str]:
        """Return the base image and a name for the mask file, or None with the reason."""
        value = self._base_value() if self._base_value is not None else None
        if not isinstance(value, str) or not value.strip():
            return None, tr("Choose the base image first.")
        kind = reference_kind(value)
        if kind == DATA:
            try:
                image = QImage.fromData(decode_data_uri(value))
            except ValueError:
                image = QImage()
            if image.isNull():
                return None, tr("The base image cannot be read.")
            return image, "inline"
        if kind != FILE:
            return None, tr(
                "The base image is a URL; choose it as a local file to paint a mask over it."
            )
        try:
            path = resolve_local(value)
        except ValueError:
            return None, tr("The base image path is relative; choose the file again.")
        reader = QImageReader(str(path))
        reader.setAutoTransform(False)
        image = reader.read()
        if image.isNull():
            return None, tr("The base image cannot be read: {reason}").format(
                reason=reader.errorString()
            )
        return image, path.stem

    def _update_mask_button(self) -> None:
        if self.spec.image is None or not self.spec.image.mask:
            return
        value = self._base_value() if self._base_value is not None else None
        usable = isinstance(value, str) and reference_kind(value) in (FILE, DATA)
        self.mask_button.setEnabled(usable)
        tip = tr("Paint the mask over the base image") if usable else tr(
            "Choose the base image as a local file first; the painter needs its pixels."
        )
        self.mask_button.setToolTip(tip)

    def open_mask_painter(self) -> MaskPainterDialog | None:
        """Open the painter over the base image; the saved mask goes into this field."""
        base, name_or_reason = self._base_image_path()
        if base is None:
            self.notice = name_or_reason
            self.refresh()
            return None
        initial = self._current_mask(base.size())
        dialog = MaskPainterDialog(
            base,
            self._inputs_dir() / "masks",
            initial_mask=initial,
            base_name=name_or_reason,
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.mask_saved.connect(self._on_mask_dialog_saved)
        self.mask_dialog = dialog
        dialog.open()
        return dialog

    def _current_mask(self, size: QSize) -> QImage | None:
        """Return the mask already in the field when it is a local file of the right size."""
        values = self.references()
        if not values or reference_kind(values[0]) != FILE:
            return None
        try:
            path = resolve_local(values[0])
        except ValueError:
            return None
        pixels = read_mask(path, (size.width(), size.height()))
        if pixels is None:
            return None
        width, height = size.width(), size.height()
        image = QImage(pixels, width, height, width, QImage.Format.Format_Grayscale8)
        return image.copy()

    def _on_mask_dialog_saved(self, path: str) -> None:
        self.notice = None
        if isinstance(self._input, QLineEdit):
            self._input.setText(native_path(path))
        else:
            self.add_references([native_path(path)])
        self.refresh()


def _has_image_payload(mime: QMimeData | None) -> bool:
    if mime is None:
        return False
    if mime.hasImage():
        return True
    return mime.hasUrls() and any(
        url.isLocalFile() or url.scheme() in ("http", "https") for url in mime.urls()
    )


def url_problem_text(problem: UrlProblem) -> str:
    """Return a URL check problem as a sentence in the UI language."""
    params = dict(problem.params)
    templates = {
        "unreachable": tr("The URL could not be reached from this computer ({detail})."),
        "not_found": tr("The server answered HTTP {status}: the file is not there."),
        "http_error": tr("The server answered HTTP {status}, so the service cannot download it."),
        "not_image": tr(
            "The server sends it as {content_type}, not as an image; the service rejects a URL "
            "without an image Content-Type."
        ),
        "format": tr("The server sends a {format} image; this field accepts {formats}."),
        "too_large": tr("The file is {size}; this field accepts at most {maximum}."),
        "no_length": tr(
            "The server sends no Content-Length; some models fail to download such files."
        ),
        "non_ascii": tr(
            "The URL contains characters outside ASCII; encode them (for example %E5%9B%BE) or "
            "the service may reject it."
        ),
    }
    template = templates.get(problem.code)
    if template is None:
        return problem.message()
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return problem.message()

