"""The history view: every request sent, filtered by model, status, date and text.

Rows come from ``gui.core.history.TaskHistory`` a page at a time as the table
scrolls (``canFetchMore``/``fetchMore``), so a history of thousands of tasks
opens as fast as a short one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.history import PAGE_SIZE, HistoryEntry, HistoryFilter, HistoryReadError, TaskHistory
from gui.core.library import TaskRecord, TaskStatus
from gui.core.regions import REGIONS
from gui.core.spend import CostEstimate
from gui.widgets.preview import current_language
from gui.widgets.task_list import STATUS_COLOURS
from gui.widgets.texts import status_text
from gui.widgets.translate import tr

ModelIndex = QModelIndex | QPersistentModelIndex

TIME, MODEL, REGION, STATUS, IMAGES, COST, PROMPT = range(7)
COLUMN_COUNT = 7

# Status choices of the filter: a name and the statuses it covers.
STATUS_GROUPS: dict[str, frozenset[TaskStatus]] = {
    "all": frozenset(),
    "succeeded": frozenset({TaskStatus.SUCCEEDED}),
    "failed": frozenset({TaskStatus.FAILED, TaskStatus.ERROR, TaskStatus.UNKNOWN}),
    "canceled": frozenset({TaskStatus.CANCELED}),
    "unfinished": frozenset(
        {
            TaskStatus.QUEUED,
            TaskStatus.SUBMITTING,
            TaskStatus.PENDING,
            TaskStatus.RUNNING,
            TaskStatus.SUSPENDED,
        }
    ),
}
TEXT_FILTER_DELAY_MS = 250
REFRESH_DELAY_MS = 300


def cost_text(cost: CostEstimate) -> str:
    """Return an estimated cost as shown in the history: ``¥0.42``, ``≤ ¥0.56`` or ``free``."""
    if cost.free:
        return tr("free (sandbox)")
    if cost.amount is None:
        return "—"
    text = f"¥{cost.amount:.2f}"
    return text if cost.final else f"≤ {text}"


class HistoryTableModel(QAbstractTableModel):
    """History entries, newest first, fetched a page at a time."""

    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, history: TaskHistory | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._filter = HistoryFilter()
        self._entries: list[HistoryEntry] = []
        self._total = 0
        self.error: str | None = None

    @property
    def total(self) -> int:
        """Return how many tasks match the filter, loaded or not."""
        return self._total

    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    def set_filter(self, wanted: HistoryFilter) -> None:
        """Query again from the first page."""
        self.beginResetModel()
        self._filter = wanted
        self._entries = []
        self._total = 0
        self.error = None
        if self._history is not None:
            try:
                self._total = self._history.count(wanted)
                self._entries = self._history.page(wanted, 0, PAGE_SIZE)
            except HistoryReadError as error:
                self.error = str(error)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def entry(self, row: int) -> HistoryEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, local_id: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.record.id == local_id:
                return row
        return None

    def update_record(self, record: TaskRecord) -> bool:
        """Replace a listed task's entry; return False when the task is not listed."""
        row = self.row_of(record.id)
        if row is None or self._history is None:
            return False
        self._entries[row] = self._history.entry(record)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    # Qt model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._entries) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._history is None:
            return
        try:
            more = self._history.page(self._filter, len(self._entries), PAGE_SIZE)
        except HistoryReadError as error:
            self.error = str(error)
            self._total = len(self._entries)
            return
        if not more:
            self._total = len(self._entries)
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._entries.extend(more)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            tr("Time"),
            tr("Model"),
            tr("Region"),
            tr("Status"),
            tr("Images"),
            tr("Estimated cost"),
            tr("Prompt"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == self.ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            colour = STATUS_COLOURS.get(entry.record.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (IMAGES, COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: HistoryEntry, column: int) -> str:
        record = entry.record
        if column == TIME:
            return datetime.fromtimestamp(record.created_at).strftime("%Y-%m-%d %H:%M:%S")
        if column == MODEL:
            return record.model
        if column == REGION:
            region = REGIONS.get(record.region)
            return region.name(current_language()) if region else record.region
        if column == STATUS:
            return status_text(record.status)
        if column == IMAGES:
            count = str(entry.cost.images)
            return count if entry.cost.final else f"≤ {count}"
        if column == COST:
            return cost_text(entry.cost)
        if column == PROMPT:
            return entry.prompt_excerpt
        return ""

    def _tooltip(self, entry: HistoryEntry, column: int) -> str | None:
        record = entry.record
        if column == PROMPT:
            return record.prompt or None
        if column == STATUS and record.error_code:
            return f"{record.error_code}: {record.error_message or ''}"
        if column == COST and entry.cost.amount is None and not entry.cost.free:
            return tr("The catalog has no price for this model in this region.")
        if column == COST and not entry.cost.final:
            return tr("The task has not finished; this is the most it can cost.")
        return None


class HistoryPanel(QWidget):
    """Filters, the history table and actions on the selected task."""

    reopen_requested = Signal(object)
    """Payload: the TaskRecord whose request should open in the form."""

    show_task_requested = Signal(object)
    """Payload: the TaskRecord to select in the task list."""

    show_exchanges_requested = Signal(object)
    """Payload: the TaskRecord whose exchanges the inspector should list."""

    bundle_requested = Signal(object)
    """Payload: the TaskRecord to export as a repro bundle."""

    def __init__(
        self,
        history: TaskHistory | None,
        parent: QWidget | None = None,
        open_folder: Callable[[Path], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._history = history
        self._open_folder = open_folder or _open_in_file_manager
        self._stale = False
        self.model = HistoryTableModel(history, self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed widths: ResizeToContents would measure every row on each page fetch.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((TIME, 150), (MODEL, 170), (REGION, 130), (STATUS, 90)):
            header.resizeSection(column, width)
        header.resizeSection(IMAGES, 60)
        header.resizeSection(COST, 110)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.rowsInserted.connect(self._update_count)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_buttons())
        self.message = QLabel(self)
        self.message.setObjectName("historyMessageLabel")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filter)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("historyTextEdit")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        self.text_edit.returnPressed.connect(self.apply_filter)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("historyModelCombo")
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.currentIndexChanged.connect(self.apply_filter)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("historyStatusCombo")
        for key in STATUS_GROUPS:
            self.status_combo.addItem("", key)

        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        today = QDate.currentDate()
        self.from_check = QCheckBox(self)
        self.from_check.setObjectName("historyFromCheck")
        self.from_edit = QDateEdit(today.addDays(-7), self)
        self.from_edit.setObjectName("historyFromEdit")
        self.to_check = QCheckBox(self)
        self.to_check.setObjectName("historyToCheck")
        self.to_edit = QDateEdit(today, self)
        self.to_edit.setObjectName("historyToEdit")
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_filter)
            edit.dateChanged.connect(self.apply_filter)

        bar.addWidget(self.text_edit, 2)
        bar.addWidget(self.model_combo, 1)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.from_check)
        bar.addWidget(self.from_edit)
        bar.addWidget(self.to_check)
        bar.addWidget(self.to_edit)
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("historyReopenButton")
        self.reopen_button.clicked.connect(lambda: self._emit_for_selected(self.reopen_requested))
        self.show_task_button = QPushButton(self)
        self.show_task_button.setObjectName("historyShowTaskButton")
        self.show_task_button.clicked.connect(
            lambda: self._emit_for_selected(self.show_task_requested)
        )
        self.exchanges_button = QPushButton(self)
        self.exchanges_button.setObjectName("historyExchangesButton")
        self.exchanges_button.clicked.connect(
            lambda: self._emit_for_selected(self.show_exchanges_requested)
        )
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("historyFolderButton")
        self.folder_button.clicked.connect(self.open_results_folder)
        self.bundle_button = QPushButton(self)
        self.bundle_button.setObjectName("historyBundleButton")
        self.bundle_button.clicked.connect(lambda: self._emit_for_selected(self.bundle_requested))
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("historyRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCountLabel")
        for button in (
            self.reopen_button,
            self.show_task_button,
            self.exchanges_button,
            self.folder_button,
            self.bundle_button,
        ):
            row.addWidget(button)

        row.addStretch(1)
        row.addWidget(self.count_label)
        row.addWidget(self.refresh_button)
        return row

    # Filtering

    def current_filter(self) -> HistoryFilter:
        model = self.model_combo.currentData()
        statuses = STATUS_GROUPS.get(str(self.status_combo.currentData()), frozenset())
        since = _start_of(self.from_edit.date()) if self.from_check.isChecked() else None
        until = (
            _start_of(self.to_edit.date().addDays(1)) if self.to_check.isChecked() else None
        )
        return HistoryFilter(
            model=str(model) if model else None,
            statuses=statuses,
            since=since,
            until=until,
            text=self.text_edit.text(),
        )

    def apply_filter(self) -> None:
        self._text_timer.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        """Read the model list and the current filter's rows again, keeping the selection."""
        self._refresh_timer.stop()
        self._stale = False
        selected = self.selected_record()
        self._fill_models()
        self.model.refresh()
        if selected is not None:
            self.select_task(selected.id)

    def _fill_models(self) -> None:
        current = self.model_combo.currentData()
        models: list[str] = []
        if self._history is not None:
            try:
                models = self._history.models()
            except HistoryReadError as error:
                self.message.setText(str(error))
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        self.model_combo.addItem(tr("All models"), None)
        for model in models:
            self.model_combo.addItem(model, model)
        index = self.model_combo.findData(current) if current else 0
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)

    def _on_text_edit_text_changed(self, _text: str) -> None:
        self._text_timer.start()

    def on_task_changed(self, record: TaskRecord) -> None:
        """Update a listed task in place; list a new one soon, or when the view is shown."""
        if self.model.update_record(record):
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # Selection and actions

    def selected_record(self) -> TaskRecord | None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        return entry.record if entry is not None else None

    def select_task(self, local_id: str) -> bool:
        row = self.model.row_of(local_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _emit_for_selected(self, signal: Any) -> None:
        record = self.selected_record()
        if record is not None:
            signal.emit(record)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._emit_for_selected(self.reopen_requested)

    def open_results_folder(self) -> Path | None:
        """Open the folder of the selected task's images in the file manager."""
        record = self.selected_record()
        if record is None:
            return None
        folder = results_folder(record)
        if folder is None:
            self.message.setText(tr("This task has no saved results."))
            return None
        if not self._open_folder(folder):
            text = tr("The folder {folder} could not be opened.").format(folder=folder)
            self.message.setText(text)
        return folder

    def _update_buttons(self, *_args: object) -> None:
        record = self.selected_record()
        for button in (
            self.reopen_button,
            self.show_task_button,
            self.exchanges_button,
            self.bundle_button,
        ):
            button.setEnabled(record is not None)
        self.reopen_button.setEnabled(record is not None and bool(record.body))
        self.folder_button.setEnabled(record is not None and bool(record.saved_files))

    def _on_model_reset(self) -> None:
        self._update_count()
        self._update_buttons()
        if self.model.error:
            self.message.setText(self.model.error)

    def _update_count(self, *_args: object) -> None:
        total = self.model.total
        loaded = self.model.rowCount()
        if loaded < total:
            text = tr("{shown} of {total} requests loaded").format(shown=loaded, total=total)
        else:
            text = tr("{total} requests").format(total=total)
        self.count_label.setText(text)

    # Translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text_edit.setPlaceholderText(tr("Search prompt, model, task or request ID"))
        self.text_edit.setAccessibleName(tr("Search the history"))
        self.model_combo.setAccessibleName(tr("Filter by model"))
        if self.model_combo.count():
            self.model_combo.setItemText(0, tr("All models"))
        names = {
            "all": tr("All statuses"),
            "succeeded": tr("Succeeded"),
            "failed": tr("Failed"),
            "canceled": tr("Canceled"),
            "unfinished": tr("Unfinished"),
        }
        for index, key in enumerate(STATUS_GROUPS):
            self.status_combo.setItemText(index, names[key])
        self.status_combo.setAccessibleName(tr("Filter by status"))
        self.from_check.setText(tr("From"))
        self.from_check.setAccessibleName(tr("Only requests sent on or after a date"))
        self.from_edit.setAccessibleName(tr("First day"))
        self.to_check.setText(tr("To"))
        self.to_check.setAccessibleName(tr("Only requests sent on or before a date"))
        self.to_edit.setAccessibleName(tr("Last day"))
        self.table.setAccessibleName(tr("Request history"))
        self.reopen_button.setText(tr("Open as new request"))
        self.reopen_button.setAccessibleName(tr("Open the selected request in the form"))
        self.show_task_button.setText(tr("Show task"))
        self.show_task_button.setAccessibleName(tr("Select the task in the task list"))
        self.exchanges_button.setText(tr("Show exchanges"))
        self.exchanges_button.setAccessibleName(
            tr("Show the task's HTTP exchanges in the inspector")
        )
        self.folder_button.setText(tr("Open results folder"))
        self.folder_button.setAccessibleName(tr("Open the folder of the task's images"))
        self.bundle_button.setText(tr("Export repro bundle…"))
        self.bundle_button.setAccessibleName(tr("Save the task as a zip file for a bug report"))
        self.refresh_button.setText(tr("Refresh"))
        self.refresh_button.setAccessibleName(tr("Read the history again"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._update_count()


class HistoryDock(QDockWidget):
    """A dock widget containing a ``HistoryPanel``, shown and hidden with Ctrl+H."""

    def __init__(
        self,
        history: TaskHistory | None,
        parent: QWidget | None = None,
        open_folder: Callable[[Path], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDock")
        self.panel = HistoryPanel(history, self, open_folder)
        self.setWidget(self.panel)
        action = self.toggleViewAction()
        action.setObjectName("toggleHistoryAction")
        action.setShortcut("Ctrl+H")
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("History"))
        self.setAccessibleName(tr("Request history"))
        self.toggleViewAction().setText(tr("&History (Ctrl+H)"))


def results_folder(record: TaskRecord) -> Path | None:
    """Return the folder holding a task's saved images, or None when it saved none."""
    for file in record.saved_files:
        folder = Path(file).parent
        if folder.is_dir():
            return folder
    return None


def _start_of(day: QDate) -> float:
    start = datetime.combine(date(day.year(), day.month(), day.day()), time())
    return start.timestamp()


def _open_in_file_manager(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
