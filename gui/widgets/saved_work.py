"""Puts saved requests, the history, the spend view and repro bundles into the main window.

``install_saved_work`` adds the docks, the File, View and Tools menu actions
and the task list's "Export repro bundle…" entry, and connects them to the
window's form, task list and inspector.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog

from gui.core.collections import SavedRequest
from gui.core.exchange_history import load_exchanges
from gui.core.history import HistoryReadError, TaskHistory
from gui.core.library import TaskRecord
from gui.core.repro import BundleError, BundleReport, write_repro_bundle
from gui.core.services import Services
from gui.widgets.collections_panel import (
    CollectionsDock,
    RequestUnavailable,
    SaveRequestDialog,
)
from gui.widgets.history_view import HistoryDock
from gui.widgets.raw_json import BodyError
from gui.widgets.spend_view import SpendDialog
from gui.widgets.translate import tr

if TYPE_CHECKING:
    from gui.widgets.main_window import MainWindow

log = logging.getLogger(__name__)

COLLECTION_SETTING = "collections/folder"
BUNDLE_FOLDER_SETTING = "bundles/folder"
DEFAULT_COLLECTION_NAME = "collections"
SUGGESTED_NAME_LENGTH = 48
# Initial dock sizes in pixels; the form and the task list keep the rest.
COLLECTIONS_WIDTH = 300
HISTORY_HEIGHT = 260


class SavedWork(QObject):
    """Owns the saved-requests dock, the history dock, the spend view and bundle export."""

    def __init__(self, window: MainWindow, services: Services, settings: QSettings) -> None:
        super().__init__(window)
        self.setObjectName("savedWork")
        self._window = window
        self._services = services
        self._settings = settings
        self.save_dialog: SaveRequestDialog | None = None
        self.spend_dialog: SpendDialog | None = None
        self.bundle_dialog: QFileDialog | None = None
        self.last_bundle: BundleReport | None = None

        try:
            self.history: TaskHistory | None = TaskHistory(
                services.library.database_path, services.catalog
            )
        except HistoryReadError as error:
            log.error("The history view cannot read the history: %s", error)
            self.history = None
        window.closed.connect(self._on_window_closed)

        root = Path(str(settings.value(COLLECTION_SETTING, "") or self.default_collection()))
        self.collections_dock = CollectionsDock(root, services.catalog, window)
        self.collections_dock.panel.open_requested.connect(self.open_saved_request)
        self.collections_dock.panel.root_changed.connect(self._on_panel_root_changed)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.collections_dock)
        self.collections_dock.hide()

        self.history_dock = HistoryDock(self.history, window)
        panel = self.history_dock.panel
        panel.reopen_requested.connect(self.reopen)
        panel.show_task_requested.connect(self.show_task)
        panel.show_exchanges_requested.connect(self.show_exchanges)
        panel.bundle_requested.connect(self._on_history_bundle_requested)
        window.bridge.task_changed.connect(panel.on_task_changed)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        # Docks get their first size when first shown; a hidden dock keeps none.
        self._unsized = {
            self.collections_dock: (COLLECTIONS_WIDTH, Qt.Orientation.Horizontal),
            self.history_dock: (HISTORY_HEIGHT, Qt.Orientation.Vertical),
        }
        for dock in self._unsized:
            dock.visibilityChanged.connect(self._on_dock_visibility_changed)

        self.save_action = self._action("saveRequestAction", self.open_save_dialog)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.open_folder_action = self._action(
            "openCollectionFolderAction", self._on_open_folder_action_triggered
        )
        self.import_action = self._action("importCollectionAction", self._on_import_triggered)
        self.export_action = self._action("exportCollectionAction", self._on_export_triggered)
        window.file_menu.addSeparator()
        for action in (
            self.save_action,
            self.open_folder_action,
            self.import_action,
            self.export_action,
        ):
            window.file_menu.addAction(action)
        window.view_menu.addAction(self.collections_dock.toggleViewAction())
        window.view_menu.addAction(self.history_dock.toggleViewAction())
        # The window owns the shortcut, so Ctrl+H works while the dock is hidden.
        window.addAction(self.history_dock.toggleViewAction())
        self.spend_action = self._action("spendAction", self.open_spend_dialog)
        window.tools_menu.addAction(self.spend_action)
        self.bundle_action = self._action("exportBundleAction", self._on_task_bundle_triggered)
        window.task_panel.context_actions.append(self.bundle_action)
        window.translation_hooks.append(self.retranslate)

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        dock = self.sender()
        if not visible or not isinstance(dock, QDockWidget) or dock not in self._unsized:
            return
        size, orientation = self._unsized.pop(dock)
        self._window.resizeDocks([dock], [size], orientation)

    def _action(self, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def default_collection(self) -> Path:
        return self._services.paths.data_dir / DEFAULT_COLLECTION_NAME

    # Saved requests

    def current_request(self, name: str) -> SavedRequest:
        """Return the form's (or the JSON tab's) request under ``name``.

        Raises RequestUnavailable when the JSON tab contains invalid JSON or no
        model is chosen.
        """
        window = self._window
        try:
            body = window.request_body()
        except BodyError as error:
            raise RequestUnavailable(
                tr("Not saved: {problem}").format(problem=str(error))
            ) from None
        if not body:
            raise RequestUnavailable(tr("Choose a model before saving the request."))
        model = body.get("model")
        model_name = model if isinstance(model, str) and model else window.model_name
        return SavedRequest(name, model_name, window.region, window.mode, body)

    def suggested_name(self) -> str:
        current = self.collections_dock.panel.current
        if current is not None and current.request is not None:
            return current.request.name
        try:
            request = self.current_request("request")
        except RequestUnavailable:
            return ""
        text = " ".join(request.prompt.split())
        if len(text) > SUGGESTED_NAME_LENGTH:
            text = text[: SUGGESTED_NAME_LENGTH - 1].rstrip() + "…"
        return text or request.model

    def open_save_dialog(self) -> SaveRequestDialog:
        panel = self.collections_dock.panel
        dialog = SaveRequestDialog(
            panel, self.current_request, self.suggested_name(), self._window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_save_dialog_saved)
        dialog.open()
        self.save_dialog = dialog
        return dialog

    def _on_save_dialog_saved(self, _entry: object) -> None:
        self.collections_dock.show()
        self._window.message_label.setText(self.collections_dock.panel.message.text())

    def open_saved_request(self, request: SavedRequest) -> None:
        self._window.load_request(request.body, request.region, request.mode)
        self._window.message_label.setText(
            tr("Opened the saved request {name}.").format(name=request.name)
        )

    def _on_panel_root_changed(self, root: str) -> None:
        self._settings.setValue(COLLECTION_SETTING, root)

    def _on_open_folder_action_triggered(self) -> None:
        self.collections_dock.show()
        self.collections_dock.panel.open_folder_dialog()

    def _on_import_triggered(self) -> None:
        self.collections_dock.show()
        self.collections_dock.panel.open_import_dialog()

    def _on_export_triggered(self) -> None:
        self.collections_dock.show()
        self.collections_dock.panel.open_export_dialog()

    # History

    def reopen(self, record: TaskRecord) -> None:
        """Open a task's request in the form as a new, unsent request."""
        self._window.load_request(record.body, record.region, record.mode)
        created = datetime.fromtimestamp(record.created_at).strftime("%Y-%m-%d %H:%M")
        self._window.message_label.setText(
            tr("Opened the request sent at {time}. Press Send to run it again.").format(
                time=created
            )
        )

    def show_task(self, record: TaskRecord) -> None:
        """Select the task in the task list, adding it when it is older than the list's tasks."""
        window = self._window
        if window.task_model.row_of(record.id) is None:
            window.task_model.upsert(record)
        window.task_panel.select_task(record.id)
        window.task_view.setFocus()

    def show_exchanges(self, record: TaskRecord) -> None:
        """Show the inspector filtered to the task, reading its exchanges from the history."""
        inspector = self._window.inspector_dock
        panel = inspector.panel
        try:
            stored = load_exchanges(self._services.library, task=record.id)
        except HistoryReadError as error:
            self.history_dock.panel.message.setText(str(error))
            stored = []
        panel.add_exchanges(item.exchange for item in stored)
        panel.update_task(record)
        panel.selected_only_check.setChecked(False)
        index = panel.task_combo.findData(record.id)
        if index < 0:
            self.history_dock.panel.message.setText(
                tr("No HTTP exchange of this task was recorded.")
            )
        else:
            panel.task_combo.setCurrentIndex(index)
        inspector.show()
        inspector.raise_()

    def open_spend_dialog(self) -> SpendDialog:
        if self.spend_dialog is not None:
            self.spend_dialog.refresh()
        else:
            self.spend_dialog = SpendDialog(self.history, self._services.catalog, self._window)
            self.spend_dialog.setWindowFlag(Qt.WindowType.Window, True)
        self.spend_dialog.show()
        self.spend_dialog.raise_()
        return self.spend_dialog

    # Repro bundles

    def _on_task_bundle_triggered(self) -> None:
        record = self._window.task_panel.selected_record()
        if record is not None:
            self.open_bundle_dialog(record, self._window.task_panel.message.setText)

    def _on_history_bundle_requested(self, record: TaskRecord) -> None:
        self.open_bundle_dialog(record, self.history_dock.panel.message.setText)

    def open_bundle_dialog(
        self, record: TaskRecord, report: Callable[[str], None]
    ) -> QFileDialog:
        """Ask where to save the task's repro bundle; ``report`` shows the outcome."""
        folder = Path(str(self._settings.value(BUNDLE_FOLDER_SETTING, "") or Path.home()))
        start = folder / f"pixelpost-task-{record.id[:8]}.zip"
        dialog = QFileDialog(self._window, tr("Export repro bundle"), str(start))
        dialog.setObjectName("bundleFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("Zip files (*.zip)"))
        dialog.setDefaultSuffix("zip")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(
            lambda path: self._on_bundle_file_selected(record.id, Path(path), report)
        )
        dialog.open()
        self.bundle_dialog = dialog
        return dialog

    def _on_bundle_file_selected(
        self, local_id: str, target: Path, report: Callable[[str], None]
    ) -> None:
        self.bundle_dialog = None
        self._settings.setValue(BUNDLE_FOLDER_SETTING, str(target.parent))
        report(self.export_bundle(local_id, target))

    def export_bundle(self, local_id: str, target: Path) -> str:
        """Write the task's repro bundle to ``target``; return the message to show."""
        record = self._services.library.get_task(local_id)
        if record is None:
            return tr("The task {id} is no longer in the history.").format(id=local_id)
        try:
            self.last_bundle = write_repro_bundle(
                record, self._services.library.database_path, target
            )
        except BundleError as error:
            return tr("The repro bundle was not saved: {reason}").format(reason=str(error))
        text = tr("Saved the repro bundle to {file}: {exchanges} exchanges, {images} images.")
        return text.format(
            file=str(target),
            exchanges=self.last_bundle.exchanges,
            images=self.last_bundle.images,
        )

    # Window life

    def _on_window_closed(self) -> None:
        if self.history is not None:
            self.history.close()
            self.history = None

    def retranslate(self) -> None:
        self.save_action.setText(tr("&Save request…"))
        self.open_folder_action.setText(tr("Open collection folder…"))
        self.import_action.setText(tr("Import collection…"))
        self.export_action.setText(tr("Export collection…"))
        self.spend_action.setText(tr("Estimated &spend…"))
        self.bundle_action.setText(tr("Export repro bundle…"))
        self.collections_dock.retranslate()
        self.history_dock.retranslate()


def install_saved_work(window: MainWindow, services: Services, settings: QSettings) -> SavedWork:
    """Add saved requests, the history, the spend view and repro bundles to ``window``."""
    return SavedWork(window, services, settings)
