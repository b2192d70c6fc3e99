"""The batch dialog: run the current form with many prompts through the task queue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch import BatchError, BatchPlan, plan_batch, read_batch_file
from gui.core.catalog import ModelSpec
from gui.core.engine import MissingKeyError, RequestRejected
from gui.core.library import TaskRecord, TaskStatus
from gui.core.request import build_request
from gui.core.services import Services
from gui.widgets.preview import current_language
from gui.widgets.texts import issue_text
from gui.widgets.translate import tr


class BatchDialog(QDialog):
    """Reads a .txt or .csv file, shows the count and cost, then submits every row.

    Open it with ``open()``. ``task_changed`` must be connected to the engine
    bridge so the progress bar follows the batch's tasks.
    """

    started = Signal(list)
    """Payload: the local ids of the submitted tasks."""

    def __init__(
        self,
        services: Services,
        model: ModelSpec,
        model_name: str,
        region: str,
        mode: str,
        base_values: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self._services = services
        self._model = model
        self._model_name = model_name
        self._region = region
        self._mode = mode
        self._base_values = base_values
        self._plan: BatchPlan | None = None
        self._task_ids: set[str] = set()
        self._finished: dict[str, TaskStatus] = {}
        self.file_dialog: QFileDialog | None = None

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("batchPathEdit")
        self.path_edit.editingFinished.connect(self._on_path_entered)
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("batchBrowseButton")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("batchSummaryLabel")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("batchStartButton")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("batchCloseButton")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Batch: {model}").format(model=self._model_name))
        self.path_edit.setPlaceholderText(
            tr("A .txt file with one prompt per line, or a .csv file with a column per field")
        )
        self.path_edit.setAccessibleName(tr("Batch file"))
        self.browse_button.setText(tr("Choose file…"))
        self.browse_button.setAccessibleName(tr("Choose the batch file"))
        self.start_button.setText(tr("Start batch"))
        self.start_button.setAccessibleName(tr("Submit every valid row"))
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close the batch dialog"))
        self.progress.setAccessibleName(tr("Batch progress"))

    def load(self, path: Path) -> BatchPlan | None:
        """Read and check a batch file; show what it would cost. Return the plan."""
        self.path_edit.setText(str(path))
        try:
            raw_rows = read_batch_file(path)
            plan = plan_batch(self._model, self._region, self._base_values, raw_rows)
        except BatchError as error:
            self._plan = None
            self.summary_label.setText(str(error))
            self.start_button.setEnabled(False)
            return None
        self._plan = plan
        valid = len(plan.valid_rows)
        lines = [
            tr("{valid} of {total} rows are ready: {images} images.").format(
                valid=valid, total=len(plan.rows), images=plan.images
            )
        ]
        if plan.cost is not None:
            lines.append(
                tr("Estimated cost: ¥{cost:.2f} at the catalog price.").format(cost=plan.cost)
            )
        if self._region == "sandbox":
            lines.append(tr("Sandbox requests are free and stay on this computer."))
        for batch_row in plan.rows:
            if batch_row.issues:
                issue = batch_row.issues[0]
                spec = self._model.field(issue.field)
                label = spec.label.get(current_language()) if spec else issue.field
                lines.append(
                    tr("Line {line} is skipped: {problem}").format(
                        line=batch_row.line, problem=issue_text(issue, label)
                    )
                )
        self.summary_label.setText("\n".join(lines))
        self.start_button.setEnabled(valid > 0)
        return plan

    def start(self) -> list[TaskRecord]:
        """Submit every valid row; the engine's queue keeps them within the limits."""
        plan = self._plan
        if plan is None:
            return []
        self.start_button.setEnabled(False)
        submitted = []
        for batch_row in plan.valid_rows:
            request = build_request(
                self._model, batch_row.values, self._mode, model_name=self._model_name
            )
            try:
                record = self._services.engine.submit(request, self._region)
            except (RequestRejected, MissingKeyError) as error:
                self.summary_label.setText(
                    tr("Line {line} was not sent: {problem}").format(
                        line=batch_row.line, problem=str(error)
                    )
                )
                continue
            submitted.append(record)
            self._task_ids.add(record.id)
        self.progress.setRange(0, len(submitted))
        self.progress.setValue(0)
        self.progress.show()
        self.started.emit([record.id for record in submitted])
        return submitted

    def on_task_changed(self, record: TaskRecord) -> None:
        """Count a batch task once it has ended and its images are saved."""
        if record.id not in self._task_ids:
            return
        if record.status.is_terminal and not record.downloads_pending:
            self._finished[record.id] = record.status
        self.progress.setValue(len(self._finished))
        if len(self._finished) == len(self._task_ids):
            succeeded = sum(
                1 for status in self._finished.values() if status == TaskStatus.SUCCEEDED
            )
            self.summary_label.setText(
                tr("Batch finished: {succeeded} of {total} tasks succeeded.").format(
                    succeeded=succeeded, total=len(self._task_ids)
                )
            )

    @property
    def finished_count(self) -> int:
        return len(self._finished)

    def _on_path_entered(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.load(Path(text))

    def _on_browse_button_clicked(self) -> None:
        dialog = QFileDialog(self, tr("Choose a batch file"))
        dialog.setNameFilters([tr("Prompt lists (*.txt *.csv)"), tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: self.load(Path(chosen)))
        self.file_dialog = dialog
        dialog.open()
