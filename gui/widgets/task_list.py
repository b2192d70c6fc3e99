"""The task list: a table model over task records and its view."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.core.library import TaskRecord, TaskStatus
from gui.widgets.texts import status_text
from gui.widgets.translate import tr

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS, MODEL, PROMPT, ELAPSED, TASK_ID = range(5)

STATUS_COLOURS = {
    TaskStatus.SUCCEEDED: "#1b7f3b",
    TaskStatus.FAILED: "#b3261e",
    TaskStatus.ERROR: "#b3261e",
    TaskStatus.UNKNOWN: "#8a6d00",
    TaskStatus.CANCELED: "#666666",
}


def note_text(record: TaskRecord) -> str | None:
    """Return why a task waits or how it ended, in the UI language."""
    code, params = record.note_code, record.note_params
    if code == "queued":
        return tr("Queued, position {position}").format(position=params.get("position", "?"))
    if code == "throttled":
        return tr("Waiting: the service limited requests ({code}); retrying in {seconds} s").format(
            code=params.get("code", ""), seconds=params.get("seconds", "?")
        )
    if code == "retrying":
        return tr("Retrying after {code}").format(code=params.get("code", ""))
    if code == "uploading":
        return tr("Uploading file {number} of {count}… {percent}%").format(
            number=params.get("number", "?"),
            count=params.get("count", "?"),
            percent=params.get("percent", 0),
        )
    if code == "tracked":
        return tr("Tracked by task ID")
    if code == "canceled_locally":
        return tr("Canceled before it was sent")
    if code == "reconciled":
        return tr("Found in the task list after the connection broke")
    if code == "may_finish":
        return tr("Stopped checking; the task may still finish on the service")
    return None


def format_elapsed(seconds: float) -> str:
    seconds = max(0, int(seconds))
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class TaskTableModel(QAbstractTableModel):
    """Rows of task records, newest first, updated in place as tasks change."""

    RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        parent: QWidget | None = None,
        remaining: Callable[[TaskRecord], float | None] | None = None,
        explain: Callable[[TaskRecord], tuple[str, str] | None] | None = None,
    ) -> None:
        super().__init__(parent)
        # Estimated seconds left for a running task, from past tasks of its model.
        self._remaining = remaining or (lambda _record: None)
        # The (title, fix) explaining a task's error in the current language.
        self._explain = explain or (lambda _record: None)
        self._records: list[TaskRecord] = []
        self._rows: dict[str, int] = {}
        # Elapsed times of unfinished tasks tick once a second.
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self._ticker.start()

    def set_records(self, records: list[TaskRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._reindex()
        self.endResetModel()

    def upsert(self, record: TaskRecord) -> int:
        """Add or replace a record; return its row."""
        row = self._rows.get(record.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._records.insert(0, record)
            self._reindex()
            self.endInsertRows()
            return 0
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return row

    def record(self, row: int) -> TaskRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, local_id: str) -> int | None:
        return self._rows.get(local_id)

    def _reindex(self) -> None:
        self._rows = {record.id: row for row, record in enumerate(self._records)}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [tr("Status"), tr("Model"), tr("Prompt"), tr("Elapsed"), tr("Task ID")][section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index.row())
        if record is None:
            return None
        column = index.column()
        if role == self.RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PROMPT:
                return record.prompt
            if column == STATUS:
                explained = self._explain(record)
                if explained is not None:
                    title, fix = explained
                    return "\n".join(filter(None, (title, fix, record.error_code)))
                return note_text(record) or record.error_code or status_text(record.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            colour = STATUS_COLOURS.get(record.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(record, column)
        return None

    def _display(self, record: TaskRecord, column: int) -> str:
        if column == STATUS:
            text = status_text(record.status)
            waiting = note_text(record)
            if waiting and not record.status.is_terminal:
                text = waiting
            if record.status == TaskStatus.SUCCEEDED and record.downloads_pending:
                text = tr("Saving images…")
            elif record.status == TaskStatus.SUCCEEDED and record.error_code:
                failed = sum(1 for image in record.results if image.error_code)
                if failed == len(record.results):
                    text = tr("Succeeded, but no image was saved")
                else:
                    text = tr("Succeeded, {failed} of {total} failed").format(
                        failed=failed, total=len(record.results)
                    )
            elif record.status in (TaskStatus.FAILED, TaskStatus.ERROR):
                explained = self._explain(record)
                if explained is not None:
                    text = tr("{status}: {reason}").format(status=text, reason=explained[0])
            return text
        if column == MODEL:
            return record.model
        if column == PROMPT:
            prompt = record.prompt.replace("\n", " ")
            return prompt if len(prompt) <= 80 else prompt[:79] + "…"
        if column == ELAPSED:
            end = record.finished_at or time.time()
            elapsed = format_elapsed(end - record.created_at)
            left = self._remaining(record)
            if left is None:
                return elapsed
            return tr("{elapsed} (about {left} left)").format(
                elapsed=elapsed, left=format_elapsed(left)
            )
        if column == TASK_ID:
            return record.task_id or ""
        return ""

    def _on_ticker_timeout(self) -> None:
        for row, record in enumerate(self._records):
            if not record.status.is_terminal:
                index = self.index(row, ELAPSED)
                self.dataChanged.emit(index, index)


class TaskTableView(QTableView):
    """The task list view: one row per task, whole-row selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the visible rows only: measuring every row on each task update
        # costs time in proportion to the history's length.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        # Task ids are 36 characters; an elided column leaves room for the prompt.
        header.setSectionResizeMode(TASK_ID, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TASK_ID, 110)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
