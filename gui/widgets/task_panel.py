"""The task list with its controls: cancel, send again, and track a task by its id."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.dashscope import DashScopeError
from gui.core.engine import CancelRefused, Engine, MissingKeyError
from gui.core.library import TaskRecord, TaskStatus
from gui.widgets.task_list import TaskTableModel, TaskTableView
from gui.widgets.translate import tr

CANCELABLE = (TaskStatus.QUEUED, TaskStatus.PENDING, TaskStatus.RUNNING)


class TaskPanel(QWidget):
    """Shows every task and acts on the selected one.

    ``region`` returns the current region's id and display name, for tracking.
    """

    selection_changed = Signal(object)
    """Payload: the selected TaskRecord, or None."""

    resend_requested = Signal(object)
    """Payload: the TaskRecord whose request should be sent again."""

    def __init__(
        self,
        engine: Engine,
        model: TaskTableModel,
        region: Callable[[], tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskPanel")
        self._engine = engine
        self._region = region
        self._tasks: set[asyncio.Task[None]] = set()
        self.model = model

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = TaskTableView(self)
        self.view.setModel(model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        # Feature modules append actions for the selected task to the context menu.
        self.context_actions: list[QAction] = []
        self.context_menu: QMenu | None = None
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        layout.addWidget(self.view, 1)

        row = QHBoxLayout()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelTaskButton")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("resendTaskButton")
        self.resend_button.clicked.connect(self._on_resend_button_clicked)
        self.track_edit = QLineEdit(self)
        self.track_edit.setObjectName("trackTaskEdit")
        self.track_edit.returnPressed.connect(self._on_track_requested)
        self.track_button = QPushButton(self)
        self.track_button.setObjectName("trackTaskButton")
        self.track_button.clicked.connect(self._on_track_requested)
        row.addWidget(self.cancel_button)
        row.addWidget(self.resend_button)
        row.addStretch(1)
        row.addWidget(self.track_edit, 2)
        row.addWidget(self.track_button)
        layout.addLayout(row)

        self.message = QLabel(self)
        self.message.setObjectName("taskMessageLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        self.view.setAccessibleName(tr("Task list"))
        self.cancel_button.setText(tr("Cancel task"))
        self.cancel_button.setAccessibleName(tr("Cancel the selected task"))
        self.resend_button.setText(tr("Send again"))
        self.resend_button.setAccessibleName(tr("Send the selected task's request again"))
        self.track_edit.setPlaceholderText(tr("Task ID submitted elsewhere"))
        self.track_edit.setAccessibleName(tr("Task ID to track"))
        self.track_button.setText(tr("Track"))
        self.track_button.setAccessibleName(tr("Track the task with this ID"))

    def selected_record(self) -> TaskRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_task(self, local_id: str) -> None:
        row = self.model.row_of(local_id)
        if row is not None:
            self.view.selectRow(row)

    def update_buttons(self) -> None:
        record = self.selected_record()
        self.cancel_button.setEnabled(record is not None and record.status in CANCELABLE)
        self.resend_button.setEnabled(record is not None and bool(record.body))

    def _on_view_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        record = self.model.record(indexes[0].row()) if indexes else None
        self.message.clear()
        self.update_buttons()
        self.selection_changed.emit(record)

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        if not self.context_actions or self.selected_record() is None:
            return
        menu = QMenu(self.view)
        menu.setObjectName("taskContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(self.context_actions)
        menu.popup(self.view.viewport().mapToGlobal(position))
        self.context_menu = menu

    def _on_cancel_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self._background(self._cancel(record))

    async def _cancel(self, record: TaskRecord) -> None:
        self.cancel_button.setEnabled(False)
        try:
            await self._engine.cancel(record.id)
            self.message.setText(tr("Task canceled."))
        except CancelRefused as refused:
            if refused.reason == "PixelPost.Cancel.Running":
                self.message.setText(
                    tr(
                        "The task is already running and cannot be canceled: the service "
                        "cancels only tasks that are still PENDING. It will finish and be "
                        "billed as usual."
                    )
                )
            else:
                self.message.setText(
                    tr("The task cannot be canceled: {reason}").format(reason=str(refused))
                )
        except DashScopeError as error:
            self.message.setText(
                tr("Canceling failed: {code} {message}").format(
                    code=error.code, message=error.message
                )
            )
        finally:
            self.update_buttons()

    def _on_resend_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.resend_requested.emit(record)

    def _on_track_requested(self) -> None:
        task_id = self.track_edit.text().strip()
        if not task_id:
            self.message.setText(tr("Paste a task ID to track a task submitted elsewhere."))
            return
        region, region_name = self._region()
        try:
            record = self._engine.track(task_id, region)
        except MissingKeyError:
            self.message.setText(
                tr("No API key is set for {region}. Add one to send requests there.").format(
                    region=region_name
                )
            )
            return
        self.track_edit.clear()
        self.select_task(record.id)
        self.message.setText(tr("Tracking task {id}.").format(id=task_id))

    def _background(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """Run a coroutine on the event loop, keeping a reference until it ends."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
