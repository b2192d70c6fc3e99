"""The inspector: every recorded HTTP exchange, its details, and exports of it.

``ExchangeTableModel`` keeps the exchanges, newest first, and filters them by
task. ``InspectorPanel`` shows the list, the details of the current exchange
(headers, body as JSON and as bytes, status, request id, timings) and copies or
saves it as a script or a HAR file. Exchanges are redacted when they are
recorded, so nothing here ever contains an API key.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Sequence
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import Catalog
from gui.core.exchange_errors import exchange_error
from gui.core.exchange_history import HistoryReadError, load_exchanges
from gui.core.exchange_text import (
    escaped_bytes,
    header_kind,
    hex_dump,
    is_utf8,
    pretty_body,
    request_id,
)
from gui.core.exchanges import Exchange
from gui.core.explain import ErrorCatalog
from gui.core.exports import FORMATS, ExportError, export_exchange
from gui.core.har import write_har
from gui.core.library import Library, TaskRecord
from gui.widgets.preview import ErrorPanel
from gui.widgets.translate import tr

ModelIndex = QModelIndex | QPersistentModelIndex

TIME, KIND, METHOD, STATUS, URL, DURATION = range(6)

# A task filter that matches nothing: "selected task only" while no task is selected.
NO_TASK = "\0"

HIGHLIGHT_COLOURS = {"request_id": "#fff3c4", "timing": "#dcefff", "trace": "#eeeeee"}
ERROR_COLOUR = "#b3261e"
SUCCESS_COLOUR = "#1b7f3b"


def _kind_text(kind: str) -> str:
    texts = {
        "submit": tr("Submit"),
        "sync_call": tr("Direct call"),
        "poll": tr("Status query"),
        "download": tr("Download"),
        "cancel": tr("Cancel"),
        "list": tr("Task list"),
        "upload_policy": tr("Upload policy"),
        "upload": tr("Upload"),
        "url_check": tr("URL check"),
    }
    return texts.get(kind, kind)


def _milliseconds(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return tr("{value} ms").format(value=round(seconds * 1000))


def _status_text(status: int | None) -> str:
    """Return ``401 Unauthorized`` style text, or a note that no response came."""
    if status is None:
        return tr("No response")
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _size_text(size: int | None) -> str:
    if size is None:
        return tr("unknown")
    return tr("{count} bytes").format(count=size)


def _exchange_key(exchange: Exchange) -> tuple[int, float, str, str]:
    return exchange.id, exchange.started_at, exchange.method, exchange.url


class ExchangeTableModel(QAbstractTableModel):
    """Recorded exchanges, newest first, optionally limited to one task.

    A task filter of None shows every exchange. The empty string selects the
    exchanges that belong to no task.
    """

    EXCHANGE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Exchange] = []
        self._keys: set[tuple[int, float, str, str]] = set()
        self._rows: list[Exchange] = []
        self._task: str | None = None

    @property
    def task_filter(self) -> str | None:
        return self._task

    def add(self, exchange: Exchange) -> bool:
        """Add an exchange unless it is already listed; return whether it was added."""
        key = _exchange_key(exchange)
        if key in self._keys:
            return False
        self._keys.add(key)
        self._all.insert(self._position(self._all, exchange), exchange)
        if self._matches(exchange):
            row = self._position(self._rows, exchange)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, exchange)
            self.endInsertRows()
        return True

    def add_many(self, exchanges: Iterable[Exchange]) -> int:
        """Add exchanges in one reset; return how many were new."""
        added = 0
        self.beginResetModel()
        for exchange in exchanges:
            key = _exchange_key(exchange)
            if key in self._keys:
                continue
            self._keys.add(key)
            self._all.insert(self._position(self._all, exchange), exchange)
            added += 1
        self._rows = [exchange for exchange in self._all if self._matches(exchange)]
        self.endResetModel()
        return added

    def set_task_filter(self, task: str | None) -> None:
        self.beginResetModel()
        self._task = task
        self._rows = [exchange for exchange in self._all if self._matches(exchange)]
        self.endResetModel()

    def tasks(self) -> list[str]:
        """Return the task ids of all exchanges, most recent first."""
        return list(dict.fromkeys(e.task for e in self._all if e.task is not None))

    def total_count(self) -> int:
        return len(self._all)

    def has_exchanges_without_task(self) -> bool:
        return any(exchange.task is None for exchange in self._all)

    def exchange(self, row: int) -> Exchange | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, exchange: Exchange) -> int | None:
        key = _exchange_key(exchange)
        for row, listed in enumerate(self._rows):
            if _exchange_key(listed) == key:
                return row
        return None

    def visible(self) -> list[Exchange]:
        return list(self._rows)

    def _matches(self, exchange: Exchange) -> bool:
        if self._task is None:
            return True
        if self._task == "":
            return exchange.task is None
        return exchange.task == self._task

    @staticmethod
    def _position(rows: list[Exchange], exchange: Exchange) -> int:
        """Return where ``exchange`` goes so ``rows`` stays newest first."""
        if not rows or exchange.started_at >= rows[0].started_at:
            return 0  # live exchanges arrive newest first
        keys = [-(row.started_at) for row in rows]
        return bisect.bisect_right(keys, -exchange.started_at)

    # Qt model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [tr("Time"), tr("Kind"), tr("Method"), tr("Status"), tr("URL"), tr("Duration")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        exchange = self.exchange(index.row()) if index.isValid() else None
        if exchange is None:
            return None
        column = index.column()
        if role == self.EXCHANGE_ROLE:
            return exchange
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(exchange, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == URL:
            return exchange.url
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            if exchange.error or (exchange.status or 0) >= 400:
                return QBrush(QColor(ERROR_COLOUR))
            if exchange.status is not None and exchange.status < 300:
                return QBrush(QColor(SUCCESS_COLOUR))
        return None

    def _display(self, exchange: Exchange, column: int) -> str:
        if column == TIME:
            started = time.localtime(exchange.started_at)
            millis = int((exchange.started_at % 1) * 1000)
            return f"{time.strftime('%H:%M:%S', started)}.{millis:03d}"
        if column == KIND:
            return _kind_text(exchange.kind)
        if column == METHOD:
            return exchange.method
        if column == STATUS:
            if exchange.status is not None:
                return str(exchange.status)
            return tr("failed") if exchange.error else "…"
        if column == URL:
            parts = urlsplit(exchange.url)
            return parts.path + (f"?{parts.query}" if parts.query else "")
        return _milliseconds(exchange.total_time)


def _monospace(widget: QWidget) -> None:
    font: QFont = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    widget.setFont(font)


def _text_view(parent: QWidget, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setTabChangesFocus(True)
    return view


def _header_table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 2, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


class InspectorPanel(QWidget):
    """Lists recorded exchanges and shows, copies and saves the selected one.

    ``catalog`` gives the SDK export the protocol of each model. ``load_history``
    reads exchanges of earlier sessions from ``library``.
    """

    def __init__(
        self,
        catalog: Catalog | None = None,
        library: Library | None = None,
        parent: QWidget | None = None,
        errors: ErrorCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorPanel")
        self._catalog = catalog
        self._library = library
        self._errors = errors
        self._task_labels: dict[str, str] = {}
        self._selected_task: str | None = None
        self.file_dialog: QFileDialog | None = None

        self.model = ExchangeTableModel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("inspectorSplitter")
        self.table = QTableView(splitter)
        self.table.setObjectName("exchangeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(URL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.model.modelReset.connect(self._on_model_reset)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_details())
        splitter.setSizes([220, 380])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("inspectorStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self._exchange: Exchange | None = None
        self.retranslate()
        self.show_exchange(None)

    # Layout

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.task_label = QLabel(self)
        self.task_combo = QComboBox(self)
        self.task_combo.setObjectName("exchangeTaskCombo")
        self.task_combo.setMinimumContentsLength(24)
        self.task_label.setBuddy(self.task_combo)
        self.task_combo.currentIndexChanged.connect(self._on_task_combo_changed)
        self.selected_only_check = QCheckBox(self)
        self.selected_only_check.setObjectName("selectedTaskOnlyCheck")
        self.selected_only_check.toggled.connect(self._on_selected_only_check_toggled)
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("loadHistoryButton")
        self.history_button.setEnabled(self._library is not None)
        self.history_button.clicked.connect(self.load_history)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("exchangeCountLabel")
        for widget in (self.task_label, self.task_combo, self.selected_only_check):
            bar.addWidget(widget)
        bar.addWidget(self.history_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        return bar

    def _build_details(self) -> QTabWidget:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("exchangeTabs")

        summary = QWidget(self.tabs)
        summary.setObjectName("exchangeSummaryTab")
        summary_layout = QVBoxLayout(summary)
        self.error_panel: ErrorPanel | None = None
        if self._errors is not None:
            # A failed exchange is explained here as in the preview.
            self.error_panel = ErrorPanel(self._errors, summary)
            self.error_panel.setObjectName("inspectorErrorPanel")
            summary_layout.addWidget(self.error_panel)
        form = QFormLayout()
        summary_layout.addLayout(form)
        self.summary_labels: dict[str, QLabel] = {}
        self.summary_titles: dict[str, QLabel] = {}
        for key in (
            "request", "status", "request_id", "kind", "task", "started", "time_to_headers",
            "total_time", "request_size", "response_size", "service_timing", "error",
        ):
            title = QLabel(summary)
            value = QLabel(summary)
            value.setObjectName(f"summary_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_titles[key] = title
            self.summary_labels[key] = value
            form.addRow(title, value)
        self.tabs.addTab(summary, "")

        request = QWidget(self.tabs)
        request.setObjectName("exchangeRequestTab")
        request_layout = QVBoxLayout(request)
        self.request_headers = _header_table(request, "requestHeadersTable")
        self.request_body = _text_view(request, "requestBodyView")
        request_layout.addWidget(self.request_headers, 1)
        request_layout.addWidget(self.request_body, 2)
        self.tabs.addTab(request, "")

        raw = QWidget(self.tabs)
        raw.setObjectName("exchangeBytesTab")
        raw_layout = QVBoxLayout(raw)
        self.encoding_label = QLabel(raw)
        self.encoding_label.setObjectName("requestEncodingLabel")
        self.encoding_label.setWordWrap(True)
        self.request_hex = _text_view(raw, "requestHexView")
        self.request_hex.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        _monospace(self.request_hex)
        self.request_escaped = _text_view(raw, "requestEscapedView")
        _monospace(self.request_escaped)
        raw_layout.addWidget(self.encoding_label)
        raw_layout.addWidget(self.request_hex, 2)
        raw_layout.addWidget(self.request_escaped, 1)
        self.tabs.addTab(raw, "")

        response = QWidget(self.tabs)
        response.setObjectName("exchangeResponseTab")
        response_layout = QVBoxLayout(response)
        self.response_headers = _header_table(response, "responseHeadersTable")
        self.response_body = _text_view(response, "responseBodyView")
        response_layout.addWidget(self.response_headers, 1)
        response_layout.addWidget(self.response_body, 2)
        self.tabs.addTab(response, "")
        return self.tabs

    def _build_buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        first = QHBoxLayout()
        self.copy_id_button = QPushButton(self)
        self.copy_id_button.setObjectName("copyRequestIdButton")
        self.copy_id_button.clicked.connect(self.copy_request_id)
        first.addWidget(self.copy_id_button)
        self.export_buttons: dict[str, QPushButton] = {}
        for export_format in FORMATS:
            button = QPushButton(self)
            button.setObjectName(f"copyAs_{export_format}_Button")
            button.clicked.connect(
                lambda _checked=False, chosen=export_format: self.copy_export(chosen)
            )
            self.export_buttons[export_format] = button
            first.addWidget(button)
        first.addStretch(1)
        second = QHBoxLayout()
        self.save_har_button = QPushButton(self)
        self.save_har_button.setObjectName("saveHarButton")
        self.save_har_button.clicked.connect(self.open_har_dialog)
        self.save_scripts_button = QPushButton(self)
        self.save_scripts_button.setObjectName("saveScriptsButton")
        self.save_scripts_button.clicked.connect(self.open_scripts_dialog)
        second.addWidget(self.save_har_button)
        second.addWidget(self.save_scripts_button)
        second.addStretch(1)
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    # Feeding

    def add_exchange(self, exchange: Exchange) -> None:
        """Add one recorded exchange (connect ``EngineBridge.exchange_recorded`` here)."""
        if self.model.add(exchange):
            self._refresh_task_combo()
            self._update_count()

    def add_exchanges(self, exchanges: Iterable[Exchange]) -> int:
        added = self.model.add_many(exchanges)
        self._refresh_task_combo()
        self._update_count()
        return added

    def update_task(self, record: TaskRecord) -> None:
        """Label a task in the filter by its model (connect ``EngineBridge.task_changed``)."""
        label = f"{record.model} · {record.id[:8]}"
        if self._task_labels.get(record.id) != label:
            self._task_labels[record.id] = label
            self._refresh_task_combo()

    def set_selected_task(self, local_id: str | None) -> None:
        """Tell the panel which task the window has selected, for "selected task only"."""
        self._selected_task = local_id
        if self.selected_only_check.isChecked():
            self._apply_filter()

    def load_history(self) -> int:
        """Add exchanges of earlier sessions from the history database; return how many."""
        if self._library is None:
            return 0
        try:
            stored = load_exchanges(self._library)
        except HistoryReadError as error:
            self.status_label.setText(
                tr("Reading the exchange history failed: {reason}").format(reason=str(error))
            )
            return 0
        added = self.add_exchanges(item.exchange for item in stored)
        self.status_label.setText(
            tr("Loaded {count} earlier exchanges from the history.").format(count=added)
        )
        return added

    # Selection and details

    @property
    def current_exchange(self) -> Exchange | None:
        return self._exchange

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def select_exchange(self, exchange: Exchange) -> bool:
        row = self.model.row_of(exchange)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def selected_exchanges(self) -> list[Exchange]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [self.model.exchange(row) for row in rows]
        return [exchange for exchange in chosen if exchange is not None]

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_exchange(self.model.exchange(current.row()) if current.isValid() else None)

    def _on_model_reset(self) -> None:
        if self._exchange is not None:
            row = self.model.row_of(self._exchange)
            if row is not None:
                self.table.selectRow(row)
                return
        self.show_exchange(None)

    def show_exchange(self, exchange: Exchange | None) -> None:
        self._exchange = exchange
        has_exchange = exchange is not None
        for button in (*self.export_buttons.values(), self.save_scripts_button):
            button.setEnabled(has_exchange)
        self.save_har_button.setEnabled(self.model.rowCount() > 0)
        identifier = request_id(exchange) if exchange is not None else None
        self.copy_id_button.setEnabled(identifier is not None)
        if exchange is None:
            for label in self.summary_labels.values():
                label.clear()
            self.summary_labels["request"].setText(tr("Select an exchange to see its details."))
            for table in (self.request_headers, self.response_headers):
                table.setRowCount(0)
            for view in (self.request_body, self.request_hex, self.request_escaped,
                         self.response_body):
                view.clear()
            self.encoding_label.clear()
            return
        self._show_summary(exchange, identifier)
        self._explain(exchange, identifier)
        self._fill_headers(self.request_headers, exchange.request_headers)
        self._fill_headers(self.response_headers, exchange.response_headers)
        self.request_body.setPlainText(self._body_text(exchange.request_body))
        self._show_bytes(exchange.request_body)
        self.response_body.setPlainText(self._response_text(exchange))

    def _explain(self, exchange: Exchange, identifier: str | None) -> None:
        if self.error_panel is None:
            return
        error = exchange_error(exchange)
        if error is None:
            self.error_panel.clear()
            return
        status = exchange.status if (exchange.status or 0) >= 400 else None
        self.error_panel.show_error(error.code, error.message, status=status, request_id=identifier)

    def _show_summary(self, exchange: Exchange, identifier: str | None) -> None:
        labels = self.summary_labels
        labels["request"].setText(f"{exchange.method} {exchange.url}")
        labels["status"].setText(_status_text(exchange.status))
        colour = ERROR_COLOUR if exchange.error or (exchange.status or 0) >= 400 else ""
        labels["status"].setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        labels["request_id"].setText(identifier or "—")
        labels["kind"].setText(_kind_text(exchange.kind))
        task = exchange.task
        labels["task"].setText(self._task_labels.get(task, task) if task else "—")
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(exchange.started_at))
        labels["started"].setText(started)
        labels["time_to_headers"].setText(_milliseconds(exchange.time_to_headers))
        labels["total_time"].setText(_milliseconds(exchange.total_time))
        labels["request_size"].setText(_size_text(len(exchange.request_body)))
        labels["response_size"].setText(_size_text(exchange.response_size))
        timing = [
            f"{name}: {value}"
            for name, value in exchange.response_headers
            if header_kind(name) == "timing"
        ]
        labels["service_timing"].setText("\n".join(timing) or "—")
        labels["error"].setText(exchange.error or "—")

    def _fill_headers(self, table: QTableWidget, pairs: Sequence[tuple[str, str]]) -> None:
        table.setRowCount(len(pairs))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (name, value) in enumerate(pairs):
            name_item = QTableWidgetItem(name)
            value_item = QTableWidgetItem(value)
            kind = header_kind(name)
            if kind is not None:
                tips = {
                    "request_id": tr("Request ID: quote it when you contact support."),
                    "timing": tr("Timing header set by the service."),
                    "trace": tr("Trace header set by the service."),
                }
                for item in (name_item, value_item):
                    item.setBackground(QBrush(QColor(HIGHLIGHT_COLOURS[kind])))
                    item.setFont(bold)
                    item.setToolTip(tips[kind])
                    item.setData(Qt.ItemDataRole.UserRole, kind)
            table.setItem(row, 0, name_item)
            table.setItem(row, 1, value_item)

    def _body_text(self, data: bytes) -> str:
        kind, text = pretty_body(data)
        if kind == "empty":
            return tr("(no body)")
        if text is None:
            return tr("({count} bytes of binary data)").format(count=len(data))
        return text

    def _response_text(self, exchange: Exchange) -> str:
        if exchange.body_omitted:
            return tr("Image body not stored ({size}).").format(
                size=_size_text(exchange.response_size)
            )
        text = self._body_text(exchange.response_body)
        size = exchange.response_size
        if size is not None and size > len(exchange.response_body) and exchange.response_body:
            text += "\n\n" + tr("Only the first {stored} of {size} bytes were stored.").format(
                stored=len(exchange.response_body), size=size
            )
        return text

    def _show_bytes(self, data: bytes) -> None:
        if not data:
            self.encoding_label.setText(tr("The request has no body."))
        elif is_utf8(data):
            self.encoding_label.setText(
                tr("Encoding: UTF-8, {count} bytes. Non-ASCII characters take 2 to 4 bytes "
                   "each; the escaped view writes them as \\xNN.").format(count=len(data))
            )
        else:
            self.encoding_label.setText(
                tr("Encoding: not valid UTF-8, {count} bytes.").format(count=len(data))
            )
        self.request_hex.setPlainText(hex_dump(data))
        self.request_escaped.setPlainText(escaped_bytes(data))

    # Filter

    def _refresh_task_combo(self) -> None:
        current = self.task_combo.currentData()
        self.task_combo.blockSignals(True)
        self.task_combo.clear()
        self.task_combo.addItem(tr("All tasks"), None)
        if self.model.has_exchanges_without_task():
            self.task_combo.addItem(tr("Without a task"), "")
        for task in self.model.tasks():
            self.task_combo.addItem(self._task_labels.get(task, task[:8]), task)
        index = self.task_combo.findData(current)
        self.task_combo.setCurrentIndex(index if index >= 0 else 0)
        self.task_combo.blockSignals(False)

    def _on_task_combo_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_selected_only_check_toggled(self, checked: bool) -> None:
        self.task_combo.setEnabled(not checked)
        self._apply_filter()

    def _apply_filter(self) -> None:
        task: str | None
        if self.selected_only_check.isChecked():
            task = self._selected_task if self._selected_task is not None else NO_TASK
        else:
            data = self.task_combo.currentData()
            task = data if isinstance(data, str) else None
        if task != self.model.task_filter:
            self.model.set_task_filter(task)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            tr("{shown} of {total} exchanges").format(
                shown=self.model.rowCount(), total=self.model.total_count()
            )
        )
        self.save_har_button.setEnabled(self.model.rowCount() > 0)

    # Copying and saving

    def copy_request_id(self) -> str | None:
        """Copy the current exchange's request id to the clipboard; return it."""
        identifier = request_id(self._exchange) if self._exchange is not None else None
        if identifier is None:
            self.status_label.setText(tr("This exchange has no request ID."))
            return None
        QGuiApplication.clipboard().setText(identifier)
        self.status_label.setText(tr("Copied the request ID {id}.").format(id=identifier))
        return identifier

    def export_text(self, export_format: str) -> str:
        """Return the current exchange as a script; raise ExportError when it cannot be."""
        if self._exchange is None:
            raise ExportError("No exchange is selected.")
        return export_exchange(self._exchange, export_format, catalog=self._catalog).text()

    def copy_export(self, export_format: str) -> str | None:
        """Copy the current exchange as a script in ``export_format``; return the text."""
        try:
            text = self.export_text(export_format)
        except ExportError as error:
            self.status_label.setText(tr("Cannot export: {reason}").format(reason=str(error)))
            return None
        QGuiApplication.clipboard().setText(text)
        name = self.export_buttons[export_format].toolTip() or export_format
        self.status_label.setText(
            tr("Copied the {format} script to the clipboard. It reads the key from the "
               "DASHSCOPE_API_KEY environment variable.").format(format=name)
        )
        return text

    def har_exchanges(self) -> list[Exchange]:
        """Return the exchanges a HAR file gets: the selected rows, or every listed one."""
        return self.selected_exchanges() or self.model.visible()

    def open_har_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self, tr("Save HAR file"))
        dialog.setObjectName("saveHarDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("HAR files (*.har)"))
        dialog.setDefaultSuffix("har")
        dialog.selectFile("pixelpost-exchanges.har")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._on_har_dialog_file_selected)
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def _on_har_dialog_file_selected(self, path: str) -> None:
        self.save_har(Path(path))

    def save_har(self, path: Path) -> int:
        """Write the HAR file for ``har_exchanges()``; return how many exchanges it holds."""
        exchanges = self.har_exchanges()
        try:
            write_har(path, exchanges)
        except OSError as error:
            self.status_label.setText(
                tr("Saving {path} failed: {reason}").format(path=str(path), reason=error.strerror)
            )
            return 0
        self.status_label.setText(
            tr("Saved {count} exchanges to {path}.").format(count=len(exchanges), path=str(path))
        )
        return len(exchanges)

    def open_scripts_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self, tr("Choose a folder for the scripts"))
        dialog.setObjectName("saveScriptsDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._on_scripts_dialog_file_selected)
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def _on_scripts_dialog_file_selected(self, folder: str) -> None:
        self.save_scripts(Path(folder))

    def save_scripts(self, folder: Path) -> list[Path]:
        """Write every export of the current exchange into ``folder``; return the files."""
        if self._exchange is None:
            return []
        written: list[Path] = []
        skipped: list[str] = []
        for export_format in FORMATS:
            try:
                export = export_exchange(self._exchange, export_format, catalog=self._catalog)
                written.extend(export.write(folder))
            except ExportError:
                skipped.append(export_format)
            except OSError as error:
                self.status_label.setText(
                    tr("Saving to {folder} failed: {reason}").format(
                        folder=str(folder), reason=error.strerror
                    )
                )
                return written
        message = tr("Saved {count} files to {folder}.").format(
            count=len(written), folder=str(folder)
        )
        if skipped:
            message += " " + tr("Not possible for this exchange: {formats}.").format(
                formats=", ".join(skipped)
            )
        self.status_label.setText(message)
        return written

    # Translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.task_label.setText(tr("&Task:"))
        self.task_combo.setAccessibleName(tr("Show the exchanges of"))
        self.selected_only_check.setText(tr("Selected task o&nly"))
        self.selected_only_check.setAccessibleName(tr("Show only the selected task"))
        self.history_button.setText(tr("&Load history"))
        self.history_button.setAccessibleName(tr("Load exchanges of earlier sessions"))
        self.table.setAccessibleName(tr("Recorded exchanges"))

        self.tabs.setAccessibleName(tr("Exchange details"))
        self.tabs.setTabText(0, tr("Summary"))
        self.tabs.setTabText(1, tr("Request"))
        self.tabs.setTabText(2, tr("Request bytes"))
        self.tabs.setTabText(3, tr("Response"))
        titles = {
            "request": tr("Request"),
            "status": tr("Status"),
            "request_id": tr("Request ID"),
            "kind": tr("Kind"),
            "task": tr("Task"),
            "started": tr("Started"),
            "time_to_headers": tr("Time to headers"),
            "total_time": tr("Total time"),
            "request_size": tr("Request body"),
            "response_size": tr("Response body"),
            "service_timing": tr("Service timing"),
            "error": tr("Error"),
        }
        for key, title in titles.items():
            self.summary_titles[key].setText(title)
            self.summary_labels[key].setAccessibleName(title)

        header_titles = [tr("Header"), tr("Value")]
        self.request_headers.setHorizontalHeaderLabels(header_titles)
        self.response_headers.setHorizontalHeaderLabels(header_titles)
        self.request_headers.setAccessibleName(tr("Request headers"))
        self.response_headers.setAccessibleName(tr("Response headers"))
        self.request_body.setAccessibleName(tr("Request body"))
        self.request_hex.setAccessibleName(tr("Request body bytes in hexadecimal"))
        self.request_escaped.setAccessibleName(tr("Request body bytes, escaped"))
        self.response_body.setAccessibleName(tr("Response body"))

        self.copy_id_button.setText(tr("Copy request &ID"))
        self.copy_id_button.setAccessibleName(tr("Copy the request ID"))
        button_texts = {
            "bash": (tr("Copy as &bash"), tr("bash (curl)")),
            "cmd": (tr("Copy as &cmd"), tr("cmd.exe (curl.exe)")),
            "powershell": (tr("Copy as Po&werShell"), tr("PowerShell")),
            "python": (tr("Copy as P&ython"), tr("Python (httpx)")),
            "sdk": (tr("Copy as S&DK"), tr("Python (dashscope SDK)")),
        }
        for export_format, (text, title) in button_texts.items():
            button = self.export_buttons[export_format]
            button.setText(text)
            button.setToolTip(title)
            button.setAccessibleName(tr("Copy as {format} script").format(format=title))

        self.save_har_button.setText(tr("Save &HAR…"))
        self.save_har_button.setAccessibleName(tr("Save the selected exchanges as a HAR file"))
        self.save_har_button.setToolTip(
            tr("Saves the selected rows, or every listed exchange when no row is selected.")
        )
        self.save_scripts_button.setText(tr("Save scripts to &folder…"))
        self.save_scripts_button.setAccessibleName(tr("Save every script for this exchange"))
        self.status_label.setAccessibleName(tr("Inspector messages"))
        self.count_label.setAccessibleName(tr("Number of exchanges"))

        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self._refresh_task_combo()
        self._update_count()
        self.show_exchange(self._exchange)


class InspectorDock(QDockWidget):
    """A dock widget containing an ``InspectorPanel``, shown and hidden with Ctrl+I.

    The window adds ``toggleViewAction()`` to itself (or to a menu) so the
    shortcut works while the dock is hidden.
    """

    def __init__(
        self,
        catalog: Catalog | None = None,
        library: Library | None = None,
        parent: QWidget | None = None,
        errors: ErrorCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorDock")
        self.panel = InspectorPanel(catalog, library, self, errors)
        self.setWidget(self.panel)
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        action = self.toggleViewAction()
        action.setObjectName("toggleInspectorAction")
        action.setShortcut(QKeySequence("Ctrl+I"))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("HTTP inspector"))
        self.setAccessibleName(tr("HTTP inspector"))
        self.toggleViewAction().setText(tr("HTTP &inspector (Ctrl+I)"))
