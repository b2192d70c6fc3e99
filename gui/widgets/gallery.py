"""The results gallery: every saved result as a thumbnail grid, its request, and actions.

``GalleryModel`` (in gallery_model) lists the result files of the results
folder, newest first, and filters them by text and model. Its thumbnails come
from a ThumbnailLoader, which decodes them in worker threads only for the items
the view paints. ``GalleryPanel`` shows the grid, the details of the selected result and the
actions on it. ``install_gallery`` adds the panel to the main window as a dock,
opened from View > Gallery (Ctrl+G), and keeps it up to date as results arrive.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDir,
    QEvent,
    QFile,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QProcess,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImageReader,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import Catalog
from gui.core.gallery import (
    GalleryError,
    GalleryItem,
    ResultDetails,
    items_from_record,
    prune_cache,
    random_seed,
    read_details,
    scan_results,
    seed_field,
    task_record_for,
    with_seed,
)
from gui.core.library import TaskRecord
from gui.widgets.compare_dialog import CompareDialog
from gui.widgets.gallery_details import DetailsPane, UseAsInputDialog
from gui.widgets.gallery_model import GalleryModel, ThumbnailDelegate
from gui.widgets.thumbnails import ThumbnailLoader
from gui.widgets.translate import tr

if TYPE_CHECKING:
    from gui.core.services import Services
    from gui.widgets.main_window import MainWindow
    from gui.widgets.png_drop import PngDropFilter

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

THUMBNAIL_EDGE = 160  # logical pixels per side of a thumbnail in the grid
DETAILS_BATCH = 250  # sidecars read per background batch
FILTER_DELAY_MS = 150
THUMBNAIL_CACHE_FOLDER = "thumbnails"
THUMBNAIL_CACHE_BYTES = 512 * 1024 * 1024
COMPARE_LIMIT = 6


# Background reading of sidecars


class _DetailsRelay(QObject):
    batch_read = Signal(int, object)
    """Payload: the scan generation and a list of (key, details or None, problem or None)."""


class _DetailsJob(QRunnable):
    def __init__(self, generation: int, items: list[GalleryItem], relay: _DetailsRelay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._items = items
        self._relay = relay
        self.canceled = False

    def run(self) -> None:
        for start in range(0, len(self._items), DETAILS_BATCH):
            if self.canceled:
                return
            batch: list[tuple[str, ResultDetails | None, str | None]] = []
            for item in self._items[start : start + DETAILS_BATCH]:
                try:
                    batch.append((item.key, read_details(item.path), None))
                except GalleryError as error:
                    batch.append((item.key, None, str(error)))
            try:
                self._relay.batch_read.emit(self._generation, batch)
            except RuntimeError:
                return  # the panel was deleted


class _CachePruneJob(QRunnable):
    def __init__(self, folder: Path, max_bytes: int) -> None:
        super().__init__()
        self._folder = folder
        self._max_bytes = max_bytes

    def run(self) -> None:
        removed = prune_cache(self._folder, self._max_bytes)
        if removed:
            log.info("Removed %d old thumbnails from %s", removed, self._folder)


# Actions that reach outside the panel


def reveal_in_file_manager(path: Path) -> bool:
    """Show ``path`` in the system file manager, selected where the platform allows it."""
    if sys.platform == "win32":
        native = QDir.toNativeSeparators(str(path))
        return _started(QProcess.startDetached("explorer.exe", ["/select,", native]))
    if sys.platform == "darwin":
        return _started(QProcess.startDetached("open", ["-R", str(path)]))
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _started(result: object) -> bool:
    return bool(result[0] if isinstance(result, tuple) else result)


def move_to_trash(path: Path) -> bool:
    """Move a file to the recycle bin (the XDG trash on Linux); return whether it worked."""
    result: object = QFile.moveToTrash(str(path))
    # PySide6 documents a (moved, path in trash) tuple; 6.11 returns only the flag.
    return bool(result[0] if isinstance(result, tuple) else result)


@dataclass
class GalleryHooks:
    """The calls the panel makes outside itself; tests pass recording fakes.

    ``send`` sends a request again and returns the new task, or None when the
    window did not send it. ``open_input`` opens an image in a model's image
    field and returns whether that worked.
    """

    send: Callable[[TaskRecord], TaskRecord | None]
    open_input: Callable[[str, str, Path], bool]
    open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
    reveal: Callable[[Path], bool] = reveal_in_file_manager
    trash: Callable[[Path], bool] = move_to_trash


# The panel


class GalleryPanel(QWidget):
    """The thumbnail grid with a filter, the selected result's details and its actions."""

    def __init__(
        self,
        catalog: Catalog,
        results_dir: Path,
        cache_dir: Path | None,
        hooks: GalleryHooks,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPanel")
        self._catalog = catalog
        self.results_dir = results_dir
        self.cache_dir = cache_dir
        self.hooks = hooks
        self._language = language
        self.loaded = False
        self._generation = 0
        self._details_job: _DetailsJob | None = None
        self._details_pending = 0
        self.dialogs: list[QWidget] = []  # open dialogs, kept referenced
        # The model and image field last chosen for "Use as input", offered first next time.
        self._last_input: tuple[str, str] | None = None

        ratio = self.devicePixelRatioF() or 1.0
        self.loader = ThumbnailLoader(cache_dir, round(THUMBNAIL_EDGE * ratio), parent=self)
        self.model = GalleryModel(self.loader, self)
        self._details_pool = QThreadPool(self)
        self._details_pool.setMaxThreadCount(1)
        self._details_relay = _DetailsRelay(self)
        self._details_relay.batch_read.connect(self._on_details_relay_batch_read)

        self._build()
        self._build_actions()
        self.loader.wanted = self._in_view
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.retranslate()
        self._update_actions()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("galleryFilterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("galleryModelCombo")
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model_combo.addItem("", "")
        self.model_combo.currentIndexChanged.connect(self._apply_filter)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("galleryRefreshButton")
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.model_combo)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("gallerySplitter")
        self.view = QListView(splitter)
        self.view.setObjectName("galleryView")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(500)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Results can be dragged out (onto an image field or a file manager), not moved.
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.setWordWrap(False)
        self.view.setSpacing(0)
        self.delegate = ThumbnailDelegate(THUMBNAIL_EDGE, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setGridSize(self.delegate.cell_size(self.fontMetrics().height()))
        self.view.setModel(self.model)
        self.view.verticalScrollBar().setSingleStep(24)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.activated.connect(self._on_view_activated)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.selectionModel().currentChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.model.rowsRemoved.connect(self._on_selection_changed)

        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(side)
        scroll.setObjectName("galleryDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_pane = DetailsPane(self._catalog, self._language(), scroll)
        scroll.setWidget(self.details_pane)
        side_layout.addWidget(scroll, 1)
        self._buttons = QGridLayout()
        side_layout.addLayout(self._buttons)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 380])
        layout.addWidget(splitter, 1)

        self.message = QLabel(self)
        self.message.setObjectName("galleryMessage")
        self.message.setWordWrap(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("galleryCountLabel")
        status = QHBoxLayout()
        status.addWidget(self.message, 1)
        status.addWidget(self.count_label)
        layout.addLayout(status)

    def _build_actions(self) -> None:
        def action(
            name: str, slot: Callable[[], object], shortcut: QKeySequence | None = None
        ) -> QAction:
            made = QAction(self)
            made.setObjectName(name)
            made.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.view.addAction(made)
            return made

        self.open_action = action("galleryOpenAction", self.open_selected)
        self.reveal_action = action("galleryRevealAction", self.reveal_selected)
        self.copy_action = action(
            "galleryCopyAction", self.copy_selected, QKeySequence(QKeySequence.StandardKey.Copy)
        )
        self.rerun_action = action("galleryRerunAction", self.rerun_selected)
        self.reseed_action = action("galleryReseedAction", self.rerun_selected_with_new_seed)
        self.input_action = action("galleryInputAction", self.use_selected_as_input)
        self.compare_action = action("galleryCompareAction", self.compare_selected)
        delete_key = QKeySequence(QKeySequence.StandardKey.Delete)
        self.delete_action = action("galleryDeleteAction", self.delete_selected, delete_key)
        self.refresh_action = action(
            "galleryRefreshAction", self.refresh, QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self.addAction(self.refresh_action)
        self.refresh_button.setDefaultAction(self.refresh_action)
        self.item_actions = [
            self.open_action,
            self.reveal_action,
            self.copy_action,
            self.rerun_action,
            self.reseed_action,
            self.input_action,
            self.compare_action,
            self.delete_action,
        ]
        self.action_buttons: dict[str, QToolButton] = {}
        for number, item_action in enumerate(self.item_actions):
            button = QToolButton(self)
            button.setObjectName(item_action.objectName().replace("Action", "Button"))
            button.setDefaultAction(item_action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._buttons.addWidget(button, number // 2, number % 2)
            self.action_buttons[item_action.objectName()] = button

    # Loading

    def refresh(self) -> None:
        """Scan the results folder again and list every result."""
        self._generation += 1
        if self._details_job is not None:
            self._details_job.canceled = True
        self.loader.clear()
        items = scan_results(self.results_dir)
        self.model.set_items(items)
        self.loaded = True
        self._refresh_models()
        self._update_count()
        self._details_pending = len(items)
        job = _DetailsJob(self._generation, items, self._details_relay)
        self._details_job = job
        self._details_pool.start(job)
        if self.cache_dir is not None and self._generation == 1:
            self._details_pool.start(_CachePruneJob(self.cache_dir, THUMBNAIL_CACHE_BYTES))

    @property
    def details_loading(self) -> bool:
        return self._details_pending > 0

    def add_record(self, record: TaskRecord) -> None:
        """Add a task's saved images (the window's task_changed signal calls this)."""
        if not self.loaded:
            return
        added = self.model.add_items(items_from_record(record))
        for item in added:
            self.model.details_of(item)
        if added:
            self._refresh_models()
            self._update_count()

    def shutdown(self) -> None:
        """Stop background work; called when the window closes."""
        if self._details_job is not None:
            self._details_job.canceled = True
        self._details_pool.clear()
        self.loader.shutdown()
        self._details_pool.waitForDone()

    @Slot(int, object)
    def _on_details_relay_batch_read(
        self, generation: int, batch: list[tuple[str, ResultDetails | None, str | None]]
    ) -> None:
        if generation != self._generation:
            return
        self.model.set_details(batch)
        self._details_pending = max(0, self._details_pending - len(batch))
        if not self._details_pending:
            self._refresh_models()
            if self.model.filtering:
                self.model.refilter()
                self._update_count()

    # Filtering

    def _on_filter_edit_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _apply_filter(self, *_args: object) -> None:
        self._filter_timer.stop()
        model = self.model_combo.currentData()
        self.model.set_filter(self.filter_edit.text(), model if isinstance(model, str) else "")
        self._update_count()

    def _refresh_models(self) -> None:
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        self.model_combo.addItem(tr("All models"), "")
        for model in self.model.models():
            self.model_combo.addItem(model, model)
        index = self.model_combo.findData(current)
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.filtering:
            text = tr("Showing {shown} of {total}").format(shown=shown, total=total)
        elif total == 1:
            text = tr("1 result")
        else:
            text = tr("{total} results").format(total=total)
        self.count_label.setText(text)

    def _in_view(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row is None or not self.view.isVisible():
            return False
        viewport = self.view.viewport().rect()
        margin = viewport.height() // 2
        area = viewport.adjusted(0, -margin, 0, margin)
        return self.view.visualRect(self.model.index(row)).intersects(area)

    # Selection

    def selected_items(self) -> list[GalleryItem]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedIndexes())
        return [self.model.item(row) for row in rows]

    def select_keys(self, keys: Iterable[str]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = True
        for key in keys:
            row = self.model.row_of(key)
            if row is None:
                continue
            index = self.model.index(row)
            flag = selection.SelectionFlag.Select
            if first:
                selection.setCurrentIndex(index, flag)
                first = False
            else:
                selection.select(index, flag)

    def _current(self) -> tuple[GalleryItem | None, ResultDetails | None, str | None]:
        items = self.selected_items()
        if len(items) != 1:
            return None, None, None
        details, problem = self.model.details_of(items[0])
        return items[0], details, problem

    def _on_selection_changed(self, *_args: object) -> None:
        items = self.selected_items()
        if len(items) == 1:
            details, problem = self.model.details_of(items[0])
            self.details_pane.show_item(items[0], details, problem)
        else:
            self.details_pane.show_selection_count(len(items))
        self._update_actions()

    def _update_actions(self) -> None:
        items = self.selected_items()
        single = len(items) == 1
        details = self.model.details.get(items[0].key) if single else None
        for action in (self.open_action, self.reveal_action, self.copy_action, self.input_action):
            action.setEnabled(single)
        self.rerun_action.setEnabled(details is not None)
        seedable = details is not None and seed_field(self._catalog.get(details.model)) is not None
        self.reseed_action.setEnabled(seedable)
        self.compare_action.setEnabled(len(items) >= 2)
        self.delete_action.setEnabled(bool(items))

    def _on_view_activated(self, _index: QModelIndex) -> None:
        self.open_selected()

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("galleryContextMenu")
        for number, item_action in enumerate(self.item_actions):
            if number in (3, 6):
                menu.addSeparator()
            menu.addAction(item_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(position))

    # Actions

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def open_selected(self) -> None:
        item, _details, _problem = self._current()
        if item is None:
            return
        if not self.hooks.open_url(QUrl.fromLocalFile(str(item.path))):
            self.show_message(
                tr("No program opened {name}. Open it from its folder instead.").format(
                    name=item.path.name
                )
            )

    def reveal_selected(self) -> None:
        item, _details, _problem = self._current()
        if item is not None and not self.hooks.reveal(item.path):
            self.show_message(
                tr("The folder {folder} could not be shown.").format(folder=str(item.path.parent))
            )

    def copy_selected(self) -> None:
        item, _details, _problem = self._current()
        if item is None:
            return
        image = QImageReader(str(item.path)).read()
        if image.isNull():
            self.show_message(
                tr("{name} could not be read, so nothing was copied.").format(name=item.path.name)
            )
            return
        data = QMimeData()
        data.setImageData(image)
        data.setUrls([QUrl.fromLocalFile(str(item.path))])
        QGuiApplication.clipboard().setMimeData(data)
        self.show_message(tr("Copied {name} to the clipboard.").format(name=item.path.name))

    def rerun_selected(self) -> TaskRecord | None:
        """Send the selected result's request again, unchanged; return the new task."""
        return self._rerun(new_seed=False)

    def rerun_selected_with_new_seed(self) -> TaskRecord | None:
        """Send the selected result's request again with a random seed; return the new task."""
        return self._rerun(new_seed=True)

    def _rerun(self, new_seed: bool) -> TaskRecord | None:
        item, details, problem = self._current()
        if item is None:
            return None
        if details is None:
            self.show_message(problem or "")
            return None
        try:
            record = task_record_for(details, self._catalog)
        except GalleryError as error:
            self.show_message(str(error))
            return None
        seed = None
        if new_seed:
            seed = random_seed(seed_field(self._catalog.get(details.model)))
            record = with_seed(record, seed)
        sent = self.hooks.send(record)
        if sent is None:
            self.show_message(tr("Not sent; the main window says why."))
        elif seed is not None:
            self.show_message(
                tr("Sent {model} again with seed {seed}.").format(model=details.model, seed=seed)
            )
        else:
            self.show_message(tr("Sent {model} again.").format(model=details.model))
        return sent

    def use_selected_as_input(self) -> UseAsInputDialog | None:
        item, _details, _problem = self._current()
        if item is None:
            return None
        dialog = UseAsInputDialog(self._catalog, self._language(), item.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._last_input is not None:
            dialog.select(*self._last_input)
        path = item.path
        dialog.chosen.connect(lambda model, field: self._on_input_dialog_chosen(model, field, path))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _on_input_dialog_chosen(self, model: str, field: str, path: Path) -> None:
        self._last_input = (model, field)
        if self.hooks.open_input(model, field, path):
            self.show_message(
                tr("{name} is now the input image of {model}.").format(name=path.name, model=model)
            )
        else:
            self.show_message(
                tr("{model} could not be opened with {name} as its input image.").format(
                    model=model, name=path.name
                )
            )

    def compare_selected(self) -> CompareDialog | None:
        items = self.selected_items()
        if len(items) < 2:
            return None
        if len(items) > COMPARE_LIMIT:
            self.show_message(
                tr("Comparing the first {count} of the selected results.").format(
                    count=COMPARE_LIMIT
                )
            )
            items = items[:COMPARE_LIMIT]
        entries = []
        for item in items:
            details, _problem = self.model.details_of(item)
            caption = item.path.name
            if details is not None and details.seed is not None:
                seed = tr("seed {seed}").format(seed=details.seed)
                caption = f"{details.model} · {seed}"
            elif details is not None:
                caption = details.model
            entries.append((item.path, caption, details.prompt if details else ""))
        dialog = CompareDialog(entries, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep(dialog)
        dialog.show()
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        """Ask, then move the selected results and their sidecars to the recycle bin."""
        items = self.selected_items()
        if not items:
            return None
        box = QMessageBox(self)
        box.setObjectName("galleryDeleteBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Delete results"))
        if len(items) == 1:
            text = tr("Move {name} and its sidecar to the recycle bin?")
            box.setText(text.format(name=items[0].path.name))
        else:
            box.setText(
                tr("Move {count} results and their sidecars to the recycle bin?").format(
                    count=len(items)
                )
            )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._on_delete_box_finished(result, items))
        self._keep(box)
        box.open()
        return box

    def _on_delete_box_finished(self, result: int, items: list[GalleryItem]) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        removed, kept = [], []
        for item in items:
            if not item.path.exists() or self.hooks.trash(item.path):
                removed.append(item.key)
                if item.sidecar.exists() and not self.hooks.trash(item.sidecar):
                    log.warning("Moving the sidecar %s to the recycle bin failed", item.sidecar)
            else:
                kept.append(item)
        self.model.remove_keys(removed)
        self._update_count()
        if len(kept) == 1:
            text = tr("{name} could not be moved to the recycle bin and was kept.")
            self.show_message(text.format(name=kept[0].path.name))
        elif kept:
            text = tr(
                "{count} results could not be moved to the recycle bin and were kept, "
                "for example {name}."
            )
            self.show_message(text.format(count=len(kept), name=kept[0].path.name))
        elif len(items) == 1:
            text = tr("Moved {name} to the recycle bin.")
            self.show_message(text.format(name=items[0].path.name))
        else:
            text = tr("Moved {count} results to the recycle bin.")
            self.show_message(text.format(count=len(removed)))

    def _keep(self, widget: QWidget) -> None:
        self.dialogs.append(widget)
        widget.finished.connect(lambda _result: self._release(widget))  # type: ignore[attr-defined]

    def _release(self, widget: QWidget) -> None:
        if widget in self.dialogs:
            self.dialogs.remove(widget)

    # Translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(tr("Filter by prompt, model, seed or ID"))
        self.filter_edit.setAccessibleName(tr("Filter results"))
        self.model_combo.setAccessibleName(tr("Show results of one model"))
        self.model_combo.setItemText(0, tr("All models"))
        self.view.setAccessibleName(tr("Saved results"))

        texts = {
            self.open_action: (tr("&Open"), tr("Open the image in its default program")),
            self.reveal_action: (tr("Show in &folder"), tr("Show the image in its folder")),
            self.copy_action: (tr("&Copy image"), tr("Copy the image to the clipboard")),
            self.rerun_action: (tr("&Run again"), tr("Send the same request again")),
            self.reseed_action: (
                tr("Run with a new &seed"),
                tr("Send the same request again with a random seed"),
            ),
            self.input_action: (
                tr("&Use as input…"),
                tr("Open the image as the input of an editing model"),
            ),
            self.compare_action: (tr("Co&mpare…"), tr("Compare the selected images side by side")),
            self.delete_action: (
                tr("&Delete…"),
                tr("Move the selected images to the recycle bin"),
            ),
            self.refresh_action: (tr("Refresh"), tr("Read the results folder again")),
        }
        for item_action, (text, tip) in texts.items():
            item_action.setText(text)
            item_action.setToolTip(tip)

        for button in self.action_buttons.values():
            button.setAccessibleName(button.defaultAction().toolTip())
        self.refresh_button.setAccessibleName(tr("Read the results folder again"))
        self.details_pane.language = self._language()
        self.details_pane.retranslate()
        if self.loaded:
            self._update_count()


class GalleryDock(QDockWidget):
    """The gallery as a dock of the main window; it reads the results folder when first shown."""

    def __init__(self, panel: GalleryPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryDock")
        self.panel = panel
        self.png_drop: PngDropFilter | None = None
        panel.setParent(self)
        self.setWidget(panel)
        self.visibilityChanged.connect(self._on_visibility_changed)
        toggle = self.toggleViewAction()
        toggle.setObjectName("galleryToggleAction")
        toggle.setShortcut(QKeySequence("Ctrl+G"))
        self.retranslate()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and not self.panel.loaded:
            self.panel.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Gallery"))
        self.toggleViewAction().setToolTip(tr("Show or hide the gallery of saved results (Ctrl+G)"))


def install_gallery(window: MainWindow, services: Services) -> GalleryDock:
    """Add the gallery dock, its View menu entry and PNG drops to the main window."""
    from gui.widgets.png_drop import install_png_drop

    def language() -> str:
        return str(window.language_combo.currentData() or "en")

    hooks = GalleryHooks(
        send=window.resend,
        open_input=lambda model, field, path: open_as_input(window, model, field, path),
    )
    panel = GalleryPanel(
        services.catalog,
        services.library.results_dir,
        services.paths.data_dir / THUMBNAIL_CACHE_FOLDER,
        hooks,
        language,
    )
    dock = GalleryDock(panel, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    window.addAction(dock.toggleViewAction())
    window.view_menu.addAction(dock.toggleViewAction())
    window.bridge.task_changed.connect(panel.add_record)
    window.translation_hooks.append(dock.retranslate)
    window.closed.connect(panel.shutdown)
    dock.png_drop = install_png_drop(window)
    return dock


def open_as_input(window: MainWindow, model_id: str, field: str, path: Path) -> bool:
    """Switch the window to ``model_id`` and put ``path`` into its image field ``field``."""
    if not window.select_model(model_id) or window.form is None:
        return False
    editor = window.form.editors.get(field)
    if editor is None:
        return False
    value: object = [str(path)] if editor.spec.type == "image_list" else str(path)
    window.request_tabs.setCurrentIndex(0)
    window.form.set_values({field: value})
    window.form.focus_field(field)
    return True
