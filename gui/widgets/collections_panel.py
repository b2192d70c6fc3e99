"""Saved requests: a dock listing a collection folder, and the dialog that saves the form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import Catalog
from gui.core.collections import Collection, CollectionEntry, CollectionError, SavedRequest
from gui.core.regions import REGIONS
from gui.widgets.preview import current_language
from gui.widgets.translate import tr

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "folder" or "request"
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # path below the collection root
NAME_COLUMN, MODEL_COLUMN, REGION_COLUMN = range(3)
PROBLEM_COLOUR = "#b3261e"


class RequestUnavailable(Exception):
    """Raised by a save dialog's request source when the form has nothing to save.

    The message is already translated and names the fix.
    """


class CollectionsPanel(QWidget):
    """Lists the saved requests of one collection folder and acts on the selected one.

    Every change goes through ``gui.core.collections``; a file that cannot be
    read is listed in red with its problem, and opening it shows that problem.
    """

    open_requested = Signal(object)
    """Payload: the SavedRequest to open in the form."""

    root_changed = Signal(str)
    """Payload: the new collection folder."""

    def __init__(self, root: Path, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsPanel")
        self._catalog = catalog
        self.collection = Collection(root, catalog)
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.folder_dialog: QInputDialog | None = None
        # The request last opened or saved, offered again by the save dialog.
        self.current: CollectionEntry | None = None
        self._filling = False

        layout = QVBoxLayout(self)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("collectionFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("collectionChooseButton")
        self.choose_button.clicked.connect(self.open_folder_dialog)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        layout.addLayout(folder_row)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("collectionSearchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        layout.addWidget(self.search_edit)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("collectionTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.header().setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        layout.addWidget(self.tree, 1)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("collectionOpenButton")
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("collectionRenameButton")
        self.rename_button.clicked.connect(self.rename_selected)
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.setObjectName("collectionDuplicateButton")
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("collectionDeleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("collectionMoveButton")
        self.move_button.clicked.connect(self.open_move_dialog)
        self.new_folder_button = QPushButton(self)
        self.new_folder_button.setObjectName("collectionNewFolderButton")
        self.new_folder_button.clicked.connect(self.open_new_folder_dialog)
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.move_button,
            self.delete_button,
            self.new_folder_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete_selected)

        self.message = QLabel(self)
        self.message.setObjectName("collectionMessageLabel")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self.retranslate()

    # State

    @property
    def root(self) -> Path:
        return self.collection.root

    def set_root(self, root: Path) -> None:
        self.collection = Collection(root, self._catalog)
        self.current = None
        self.message.clear()
        self.refresh()
        self.root_changed.emit(str(root))

    def selected_kind_and_path(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return str(item.data(NAME_COLUMN, KIND_ROLE)), str(item.data(NAME_COLUMN, PATH_ROLE))

    def select_path(self, path: str) -> bool:
        item = self._find_item("request", path)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setStyleSheet(f"color: {PROBLEM_COLOUR};" if problem else "")
        self.message.setText(text)

    # Listing

    def refresh(self) -> None:
        """List the collection again, keeping the selection where it still exists."""
        selected = self.selected_kind_and_path()
        query = self.search_edit.text()
        entries = self.collection.search(query)
        folders = self.collection.folders()
        if query.strip():
            shown = {entry.folder for entry in entries}
            folders = [f for f in folders if any(s == f or s.startswith(f + "/") for s in shown)]

        self._filling = True
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for folder in folders:
            parent_path, _, name = folder.rpartition("/")
            parent = items.get(parent_path)
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(NAME_COLUMN, name)
            item.setData(NAME_COLUMN, KIND_ROLE, "folder")
            item.setData(NAME_COLUMN, PATH_ROLE, folder)
            label = tr("Folder {name}").format(name=name)
            item.setData(NAME_COLUMN, Qt.ItemDataRole.AccessibleTextRole, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            items[folder] = item

        for entry in entries:
            parent = items.get(entry.folder)
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            self._fill_request_item(item, entry)

        self.tree.expandAll()
        self._filling = False
        self.folder_label.setText(tr("Collection: {folder}").format(folder=self.root))
        if selected is not None:
            previous = self._find_item(*selected)
            if previous is not None:
                self.tree.setCurrentItem(previous)

        self._update_buttons()

    def _fill_request_item(self, item: QTreeWidgetItem, entry: CollectionEntry) -> None:
        item.setData(NAME_COLUMN, KIND_ROLE, "request")
        item.setData(NAME_COLUMN, PATH_ROLE, entry.path)
        request = entry.request
        if request is None:
            item.setText(NAME_COLUMN, entry.file_name)
            item.setText(MODEL_COLUMN, tr("cannot be read"))
            for column in range(3):
                item.setForeground(column, QBrush(QColor(PROBLEM_COLOUR)))
                item.setToolTip(column, entry.problem or "")
            return
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setText(NAME_COLUMN, request.name)
        item.setText(MODEL_COLUMN, request.model)
        region = REGIONS.get(request.region)
        item.setText(REGION_COLUMN, region.name(current_language()) if region else request.region)
        item.setToolTip(NAME_COLUMN, request.prompt[:300] or entry.path)

    def _find_item(self, kind: str, path: str) -> QTreeWidgetItem | None:
        iterator = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while iterator:
            item = iterator.pop()
            if item is None:
                continue
            found = (item.data(NAME_COLUMN, KIND_ROLE), item.data(NAME_COLUMN, PATH_ROLE))
            if found == (kind, path):
                return item
            iterator.extend(item.child(i) for i in range(item.childCount()))
        return None

    def _update_buttons(self) -> None:
        selected = self.selected_kind_and_path()
        item = self.tree.currentItem()
        is_request = selected is not None and selected[0] == "request"
        # Only readable requests are editable; a broken file can only be deleted.
        editable = item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEditable)
        readable = is_request and editable
        self.open_button.setEnabled(is_request)
        self.rename_button.setEnabled(editable)
        self.duplicate_button.setEnabled(readable)
        self.move_button.setEnabled(readable)
        self.delete_button.setEnabled(selected is not None)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    def _on_tree_current_item_changed(self, *_items: QTreeWidgetItem | None) -> None:
        self._update_buttons()

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(NAME_COLUMN, KIND_ROLE) == "request":
            self.open_selected()

    # Actions on the selection

    def open_selected(self) -> SavedRequest | None:
        selected = self.selected_kind_and_path()
        if selected is None or selected[0] != "request":
            return None
        entry = self.collection.entry(selected[1])
        if entry.request is None:
            self.show_message(entry.problem or "", problem=True)
            return None
        self.current = entry
        self.show_message(tr("Opened {name}.").format(name=entry.request.name))
        self.open_requested.emit(entry.request)
        return entry.request

    def rename_selected(self) -> None:
        """Start editing the selected request's name in place (F2 does the same)."""
        item = self.tree.currentItem()
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
            self.tree.editItem(item, NAME_COLUMN)

    def rename(self, path: str, new_name: str) -> CollectionEntry | None:
        try:
            entry = self.collection.rename(path, new_name)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            self.refresh()
            return None
        if self.current is not None and self.current.path == path:
            self.current = entry
        self.refresh()
        self.select_path(entry.path)
        self.show_message(tr("Renamed to {name}.").format(name=entry.name))
        return entry

    def rename_folder(self, folder: str, new_name: str) -> str | None:
        try:
            renamed = self.collection.rename_folder(folder, new_name)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            self.refresh()
            return None
        current = self.current
        if current is not None and (
            current.folder == folder or current.folder.startswith(folder + "/")
        ):
            self.current = None  # its path changed, so the save dialog stops offering it
        self.refresh()
        item = self._find_item("folder", renamed)
        if item is not None:
            self.tree.setCurrentItem(item)
        self.show_message(tr("Renamed the folder to {name}.").format(name=renamed))
        return renamed

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != NAME_COLUMN:
            return
        if item.data(NAME_COLUMN, KIND_ROLE) == "folder":
            folder = str(item.data(NAME_COLUMN, PATH_ROLE))
            if item.text(NAME_COLUMN) != folder.rpartition("/")[2]:
                new_name = item.text(NAME_COLUMN)
                self.tree.itemChanged.disconnect(self._on_tree_item_changed)
                try:
                    self.rename_folder(folder, new_name)
                finally:
                    self.tree.itemChanged.connect(self._on_tree_item_changed)
            return
        if item.data(NAME_COLUMN, KIND_ROLE) != "request":
            return
        path = str(item.data(NAME_COLUMN, PATH_ROLE))
        entry = self.collection.entry(path)
        if entry.request is not None and item.text(NAME_COLUMN) != entry.request.name:
            # The tree is rebuilt after the rename; not while Qt still commits the edit.
            new_name = item.text(NAME_COLUMN)
            self.tree.itemChanged.disconnect(self._on_tree_item_changed)
            try:
                self.rename(path, new_name)
            finally:
                self.tree.itemChanged.connect(self._on_tree_item_changed)

    def duplicate_selected(self) -> CollectionEntry | None:
        selected = self.selected_kind_and_path()
        if selected is None or selected[0] != "request":
            return None
        try:
            entry = self.collection.duplicate(selected[1])
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return None
        self.refresh()
        self.select_path(entry.path)
        self.show_message(tr("Saved a copy as {name}.").format(name=entry.name))
        return entry

    def delete_selected(self) -> QMessageBox | None:
        """Ask for confirmation, then delete the selected request or folder."""
        selected = self.selected_kind_and_path()
        if selected is None:
            return None

        kind, path = selected
        box = QMessageBox(self)
        box.setObjectName("collectionDeleteBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Delete"))
        if kind == "folder":
            entries = self.collection.entries()
            count = sum(1 for e in entries if e.folder == path or e.folder.startswith(path + "/"))
            box.setText(
                tr("Delete the folder {folder} and the {count} requests in it?").format(
                    folder=path, count=count
                )
            )
        else:
            box.setText(
                tr("Delete the saved request {name}?").format(
                    name=self.collection.entry(path).name
                )
            )

        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._on_delete_box_finished(result, kind, path))
        box.open()
        self.confirm_box = box
        return box

    def _on_delete_box_finished(self, result: int, kind: str, path: str) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            if kind == "folder":
                self.collection.delete_folder(path)
                message = tr("Deleted the folder {folder}.").format(folder=path)
            else:
                name = self.collection.entry(path).name
                self.collection.delete(path)
                message = tr("Deleted {name}.").format(name=name)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return
        if self.current is not None and self.current.path == path:
            self.current = None
        self.refresh()
        self.show_message(message)

    def open_move_dialog(self) -> QInputDialog | None:
        """Ask which folder the selected request moves to."""
        selected = self.selected_kind_and_path()
        if selected is None or selected[0] != "request":
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("collectionMoveDialog")
        dialog.setWindowTitle(tr("Move request"))
        dialog.setLabelText(tr("Move to folder:"))
        top = tr("(top level)")
        folders = self.collection.folders()
        dialog.setComboBoxItems([top, *folders])
        current = self.collection.entry(selected[1]).folder
        dialog.setTextValue(current or top)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        path = selected[1]
        dialog.textValueSelected.connect(
            lambda text: self.move_request(path, "" if text == top else text)
        )
        dialog.open()
        self.move_dialog = dialog
        return dialog

    def move_request(self, path: str, folder: str) -> CollectionEntry | None:
        try:
            entry = self.collection.move(path, folder)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return None
        if self.current is not None and self.current.path == path:
            self.current = entry
        self.refresh()
        self.select_path(entry.path)
        self.show_message(
            tr("Moved {name} to {folder}.").format(
                name=entry.name, folder=folder or tr("(top level)")
            )
        )
        return entry

    def open_new_folder_dialog(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("collectionNewFolderDialog")
        dialog.setWindowTitle(tr("New folder"))
        dialog.setLabelText(tr("Name of the new folder:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.create_folder)
        dialog.open()
        self.folder_dialog = dialog
        return dialog

    def create_folder(self, name: str) -> str | None:
        """Create a folder in the selected folder (or beside the selected request)."""
        selected = self.selected_kind_and_path()
        parent = ""
        if selected is not None:
            kind, path = selected
            parent = path if kind == "folder" else self.collection.entry(path).folder
        try:
            folder = self.collection.create_folder(parent, name)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return None
        self.refresh()
        item = self._find_item("folder", folder)
        if item is not None:
            self.tree.setCurrentItem(item)
        self.show_message(tr("Created the folder {folder}.").format(folder=folder))
        return folder

    # Saving, the folder, import and export

    def save(self, request: SavedRequest, folder: str) -> CollectionEntry | None:
        try:
            self.collection.ensure_root()
            entry = self.collection.save(request, folder)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return None
        self.current = entry
        self.search_edit.clear()
        self.refresh()
        self.select_path(entry.path)
        self.show_message(tr("Saved {name} to {path}.").format(name=entry.name, path=entry.path))
        return entry

    def open_folder_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self, tr("Choose the collection folder"), str(self.root))
        dialog.setObjectName("collectionFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda folder: self.set_root(Path(folder)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def open_import_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self, tr("Import a collection"), str(self.root.parent))
        dialog.setObjectName("collectionImportDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(tr("Exported collections (*.json)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def import_file(self, source: Path) -> bool:
        try:
            report = self.collection.import_from(source)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return False
        self.refresh()
        text = tr("Imported {written} requests from {file}; {unchanged} were already here.").format(
            written=len(report.written), file=source.name, unchanged=len(report.unchanged)
        )
        if report.renamed:
            text += " " + tr("{count} got a new file name because theirs was taken.").format(
                count=len(report.renamed)
            )
        self.show_message(text)
        return True

    def open_export_dialog(self) -> QFileDialog:
        start = self.root.parent / f"{self.root.name}.collection.json"
        dialog = QFileDialog(self, tr("Export the collection"), str(start))
        dialog.setObjectName("collectionExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("Exported collections (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_file(Path(path)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def export_file(self, target: Path) -> bool:
        try:
            report = self.collection.export_to(target)
        except CollectionError as error:
            self.show_message(str(error), problem=True)
            return False
        text = tr("Exported {count} requests to {file}.").format(
            count=report.requests, file=str(target)
        )
        if report.skipped:
            text += " " + tr("Left out {count} files that cannot be read: {files}.").format(
                count=len(report.skipped),
                files=", ".join(entry.path for entry in report.skipped),
            )
        self.show_message(text, problem=bool(report.skipped))
        return True

    # Translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.choose_button.setText(tr("Change folder…"))
        self.choose_button.setAccessibleName(tr("Choose the collection folder"))
        self.folder_label.setText(tr("Collection: {folder}").format(folder=self.root))
        self.search_edit.setPlaceholderText(tr("Search by name, prompt or model"))
        self.search_edit.setAccessibleName(tr("Search saved requests"))
        self.tree.setHeaderLabels([tr("Name"), tr("Model"), tr("Region")])
        self.tree.setAccessibleName(tr("Saved requests"))
        self.open_button.setText(tr("Open"))
        self.open_button.setAccessibleName(tr("Open the selected request in the form"))
        self.rename_button.setText(tr("Rename"))
        self.rename_button.setAccessibleName(tr("Rename the selected request or folder (F2)"))
        self.move_button.setText(tr("Move to…"))
        self.move_button.setAccessibleName(tr("Move the selected request to another folder"))
        self.duplicate_button.setText(tr("Duplicate"))
        self.duplicate_button.setAccessibleName(tr("Save a copy of the selected request"))
        self.delete_button.setText(tr("Delete"))
        self.delete_button.setAccessibleName(tr("Delete the selected request or folder"))
        self.new_folder_button.setText(tr("New folder…"))
        self.new_folder_button.setAccessibleName(tr("Create a folder in the collection"))
        self.refresh()  # region names are written in the current language


class CollectionsDock(QDockWidget):
    """A dock widget containing a ``CollectionsPanel``."""

    def __init__(self, root: Path, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsDock")
        self.panel = CollectionsPanel(root, catalog, self)
        self.setWidget(self.panel)
        self.toggleViewAction().setObjectName("toggleCollectionsAction")
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Saved requests"))
        self.setAccessibleName(tr("Saved requests"))
        self.toggleViewAction().setText(tr("&Saved requests"))


class SaveRequestDialog(QDialog):
    """Asks for a name and a folder, then saves the request through the panel.

    ``request`` builds the request to save from the name; it raises
    RequestUnavailable, whose message the dialog shows, when there is none.
    """

    saved = Signal(object)
    """Payload: the CollectionEntry written."""

    def __init__(
        self,
        panel: CollectionsPanel,
        request: Callable[[str], SavedRequest],
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveRequestDialog")
        self._panel = panel
        self._request = request
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("saveRequestNameEdit")
        self.name_edit.setText(suggested_name)
        self.name_edit.selectAll()
        self.name_edit.textChanged.connect(self._update_note)
        self.name_label.setBuddy(self.name_edit)
        self.folder_label = QLabel(self)
        self.folder_combo = QComboBox(self)
        self.folder_combo.setObjectName("saveRequestFolderCombo")
        self.folder_combo.addItem("", "")
        for folder in panel.collection.folders():
            self.folder_combo.addItem(folder, folder)
        current = panel.current
        if current is not None:
            self.folder_combo.setCurrentIndex(max(self.folder_combo.findData(current.folder), 0))
        self.folder_combo.currentIndexChanged.connect(self._update_note)
        self.folder_label.setBuddy(self.folder_combo)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.folder_label, self.folder_combo)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setObjectName("saveRequestNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveRequestSaveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("saveRequestCancelButton")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.retranslate()
        self.setMinimumWidth(420)

    @property
    def folder(self) -> str:
        return str(self.folder_combo.currentData() or "")

    def save(self) -> CollectionEntry | None:
        name = self.name_edit.text().strip()
        if not name:
            self._show_problem(tr("Type a name for the request."))
            self.name_edit.setFocus()
            return None
        try:
            request = self._request(name)
        except RequestUnavailable as problem:
            self._show_problem(str(problem))
            return None
        entry = self._panel.save(request, self.folder)
        if entry is None:
            self._show_problem(self._panel.message.text())
            return None
        self.saved.emit(entry)
        self.accept()
        return entry

    def _show_problem(self, text: str) -> None:
        self.note.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.note.setText(text)

    def _update_note(self, *_args: object) -> None:
        self.note.setStyleSheet("")
        existing = self._panel.collection.find(self.folder, self.name_edit.text())
        if existing is not None:
            self.note.setText(
                tr("Saving replaces the saved request {name} in this folder.").format(
                    name=existing.name
                )
            )
        else:
            self.note.setText(tr("Saved to {folder}.").format(folder=self._panel.root))

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Save request"))
        self.name_label.setText(tr("&Name:"))
        self.name_edit.setAccessibleName(tr("Name of the saved request"))
        self.folder_label.setText(tr("&Folder:"))
        self.folder_combo.setItemText(0, tr("(top level)"))
        self.folder_combo.setAccessibleName(tr("Folder of the saved request"))
        self.save_button.setText(tr("Save"))
        self.save_button.setAccessibleName(tr("Save the request"))
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Close without saving"))
        self._update_note()
