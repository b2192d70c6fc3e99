"""Preview of the selected task's images, its details, and the error panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.explain import ErrorCatalog, Explanation
from gui.core.library import TaskRecord, TaskStatus
from gui.core.regions import REGIONS
from gui.widgets.translate import tr

THUMBNAIL_SIZE = 320



class ErrorPanel(QFrame):
    """Explains an error: title, likely cause, fix, and the raw code and request id."""

    action_requested = Signal(str)
    """Payload: the action id of the explanation (for example ``open_key_manager``)."""

    region_switch_requested = Signal(str)
    """Payload: the region to send the failed request to instead."""

    def __init__(self, errors: ErrorCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # The explanation keeps its full height; the image area gives way instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet("#errorPanel { background: #fdecea; border: 1px solid #e0a39c; }")
        self._errors = errors
        self._explanation: Explanation | None = None
        self._region_hint: str | None = None
        self._language = "en"
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("errorTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.cause = QLabel(self)
        self.cause.setObjectName("errorCause")
        self.cause.setWordWrap(True)
        self.fix = QLabel(self)
        self.fix.setObjectName("errorFix")
        self.fix.setWordWrap(True)
        self.raw = QLabel(self)
        self.raw.setObjectName("errorRaw")
        self.raw.setWordWrap(True)
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw.setStyleSheet("color: #555555;")
        self.hint = QLabel(self)
        self.hint.setObjectName("errorRegionHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.switch_button = QPushButton(self)
        self.switch_button.setObjectName("errorSwitchRegionButton")
        self.switch_button.clicked.connect(self._on_switch_button_clicked)
        self.switch_button.hide()
        buttons = QHBoxLayout()
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("errorActionButton")
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyRequestIdButton")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        for widget in (self.title, self.cause, self.fix, self.hint, self.raw):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.retranslate(current_language())
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate(current_language())
        super().changeEvent(event)

    def show_error(
        self,
        code: str | None,
        message: str | None,
        *,
        status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        self._explanation = self._errors.explain(
            code, message, status=status, request_id=request_id
        )
        self._region_hint = None
        self._render()
        self.show()

    def explain(self, code: str | None, message: str | None) -> Explanation:
        """Return the explanation of an error without showing it (per-image failures)."""
        return self._errors.explain(code, message)

    def set_region_hint(self, region: str | None) -> None:
        """Offer to send the request to ``region``, whose key may fit (None hides the offer)."""
        self._region_hint = region
        self._render()

    @property
    def region_hint(self) -> str | None:
        return self._region_hint

    def clear(self) -> None:
        self._explanation = None
        self._region_hint = None
        self.hide()

    @property
    def explanation(self) -> Explanation | None:
        return self._explanation

    def retranslate(self, language: str) -> None:
        self._language = language
        self.copy_button.setText(tr("Copy request ID"))
        self.copy_button.setAccessibleName(tr("Copy request ID"))
        self._render()

    def _render(self) -> None:
        explanation = self._explanation
        if explanation is None:
            return
        language = self._language
        self.title.setText(explanation.title.get(language))
        self.cause.setText(tr("Likely cause: {text}").format(text=explanation.cause.get(language)))
        self.fix.setText(tr("What to do: {text}").format(text=explanation.fix.get(language)))
        parts = []
        if explanation.status is not None:
            parts.append(f"HTTP {explanation.status}")
        if explanation.code:
            parts.append(explanation.code)
        if explanation.message:
            parts.append(explanation.message)
        raw = " · ".join(parts)
        if explanation.request_id:
            raw += "\n" + tr("Request ID: {id}").format(id=explanation.request_id)
        self.raw.setText(raw)
        self.copy_button.setVisible(bool(explanation.request_id))
        label = _action_label(explanation.action)
        self.action_button.setVisible(label is not None)
        if label:
            self.action_button.setText(label)
            self.action_button.setAccessibleName(label)
        self.setAccessibleName(explanation.title.get(language))
        self._render_region_hint()

    def _render_region_hint(self) -> None:
        region = self._region_hint
        self.hint.setVisible(region is not None)
        self.switch_button.setVisible(region is not None)
        if region is None:
            return
        name = REGIONS[region].name(self._language)
        self.hint.setText(
            tr(
                "Likely a region mismatch: your key store also has a key for {region}, "
                "and a key works only in the region where it was created."
            ).format(region=name)
        )
        label = tr("Switch to {region} and send again").format(region=name)
        self.switch_button.setText(label)
        self.switch_button.setAccessibleName(label)

    def _on_switch_button_clicked(self) -> None:
        if self._region_hint is not None:
            self.region_switch_requested.emit(self._region_hint)

    def _on_action_button_clicked(self) -> None:
        if self._explanation is not None and self._explanation.action:
            self.action_requested.emit(self._explanation.action)

    def _on_copy_button_clicked(self) -> None:
        if self._explanation is not None and self._explanation.request_id:
            QGuiApplication.clipboard().setText(self._explanation.request_id)


def current_language() -> str:
    """Return the UI language the LanguageManager last applied (it sets the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def _action_label(action: str | None) -> str | None:
    labels = {
        "open_key_manager": tr("Open key manager"),
        "switch_region": tr("Switch region"),
        "add_async_header": tr("Use task mode"),
        "remove_async_header": tr("Use sync mode"),
        "retry_later": tr("Send again"),
        "resubmit": tr("Send again"),
        "edit_request": tr("Edit request"),
        "use_local_file": tr("Use a local file…"),
        "open_billing_console": tr("Open billing console"),
    }
    return labels.get(action or "")


class PreviewPanel(QWidget):
    """Shows the selected task's images as they are saved, its prompts and files."""

    def __init__(self, errors: ErrorCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self._record: TaskRecord | None = None
        self._language = "en"
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("previewHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.error_panel = ErrorPanel(errors, self)
        layout.addWidget(self.error_panel)
        self._images = QWidget(self)
        self._images_layout = QVBoxLayout(self._images)
        self._images_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setObjectName("previewScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._images)
        layout.addWidget(scroll, 1)
        self.output_tree = QTreeWidget(self)
        self.output_tree.setObjectName("outputTree")
        self.output_tree.setColumnCount(2)
        self.output_tree.setMaximumHeight(160)
        layout.addWidget(self.output_tree)
        self.details = QLabel(self)
        self.details.setObjectName("previewDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.image_labels: list[QLabel] = []
        self.retranslate("en")

    @property
    def record(self) -> TaskRecord | None:
        return self._record

    def show_task(self, record: TaskRecord | None) -> None:
        previous = self._record
        self._record = record
        if record is None:
            self.error_panel.clear()
            self._set_images([])
            self._set_output({})
            self.details.clear()
            return
        if record.error_code or record.status in (TaskStatus.ERROR, TaskStatus.FAILED):
            self.error_panel.show_error(
                record.error_code,
                record.error_message,
                status=record.error_status,
                request_id=record.request_id,
            )
        else:
            self.error_panel.clear()
        files = record.saved_files
        if previous is None or previous.id != record.id or previous.saved_files != files:
            self._set_images(files)
        if previous is None or previous.id != record.id or previous.output != record.output:
            self._set_output(record.output)
        self._render_details()

    def _set_output(self, output: dict[str, object]) -> None:
        """Show the service's raw output as a tree, so unfamiliar shapes stay readable."""
        self.output_tree.clear()
        _add_tree_items(self.output_tree.invisibleRootItem(), output)
        self.output_tree.setVisible(bool(output))

    def _set_images(self, files: list[str]) -> None:
        for label in self.image_labels:
            label.deleteLater()
        self.image_labels = []
        for number, file in enumerate(files, start=1):
            pixmap = QPixmap(file)
            label = QLabel(self._images)
            label.setObjectName(f"previewImage{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if pixmap.isNull():
                label.setText(tr("Cannot show {file}").format(file=Path(file).name))
            else:
                label.setPixmap(
                    pixmap.scaled(
                        THUMBNAIL_SIZE,
                        THUMBNAIL_SIZE,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            label.setToolTip(file)
            label.setAccessibleName(tr("Result image {number}").format(number=number))
            self._images_layout.addWidget(label)
            self.image_labels.append(label)

    def retranslate(self, language: str) -> None:
        self._language = language
        self.heading.setText(tr("Preview"))
        self.output_tree.setHeaderLabels([tr("Member"), tr("Value")])
        self.output_tree.setAccessibleName(tr("Response output"))
        for number, label in enumerate(self.image_labels, start=1):
            label.setAccessibleName(tr("Result image {number}").format(number=number))
        self.error_panel.retranslate(language)
        self._render_details()

    def _render_details(self) -> None:
        record = self._record
        if record is None:
            self.details.setText(tr("Select a task to see its images."))
            return
        lines = [tr("Prompt: {text}").format(text=record.prompt)]
        rewritten = [image.actual_prompt for image in record.results if image.actual_prompt]
        actual = rewritten[0] if rewritten else None
        if actual:
            lines.append(tr("Rewritten prompt: {text}").format(text=actual))
        if record.task_id:
            lines.append(tr("Task ID: {id}").format(id=record.task_id))
        failed = [image for image in record.results if image.error_code]
        if failed and len(failed) == len(record.results):
            lines.append(tr("No image could be saved."))
        elif failed:
            lines.append(
                tr("{failed} of {total} images failed; the others are saved.").format(
                    failed=len(failed), total=len(record.results)
                )
            )
        for image in failed:
            explanation = self.error_panel.explain(image.error_code, image.error_message)
            lines.append(
                tr("Image {number} failed: {title} ({code}: {message}). {fix}").format(
                    number=image.index + 1,
                    title=explanation.title.get(self._language),
                    code=image.error_code,
                    message=image.error_message or "",
                    fix=explanation.fix.get(self._language),
                )
            )
        files = record.saved_files
        if files:
            lines.append(tr("Saved: {path}").format(path=str(Path(files[0]).parent)))
        elif record.status == TaskStatus.SUCCEEDED and record.downloads_pending:
            lines.append(tr("Saving images…"))
        self.details.setText("\n".join(lines))


def _add_tree_items(parent: QTreeWidgetItem, value: object) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            item = QTreeWidgetItem(parent, [str(key), _leaf_text(child)])
            _add_tree_items(item, child)
            item.setExpanded(True)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            item = QTreeWidgetItem(parent, [f"[{index}]", _leaf_text(child)])
            _add_tree_items(item, child)
            item.setExpanded(True)


def _leaf_text(value: object) -> str:
    if isinstance(value, dict | list):
        return ""
    return "null" if value is None else str(value)
