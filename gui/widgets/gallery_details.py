"""The gallery's details pane and its dialog for using a result as an input image."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import Catalog, FieldSpec, ModelSpec
from gui.core.gallery import GalleryItem, ResultDetails, estimate_cost, image_inputs
from gui.core.regions import REGIONS
from gui.widgets.translate import tr

# Rows of the details pane, in order.
ROWS = (
    "prompt",
    "actual_prompt",
    "negative_prompt",
    "model",
    "region",
    "size",
    "seed",
    "task_id",
    "request_id",
    "submitted",
    "finished",
    "duration",
    "cost",
    "file",
)


def _row_label(name: str) -> str:
    labels = {
        "prompt": tr("Prompt"),
        "actual_prompt": tr("Rewritten prompt"),
        "negative_prompt": tr("Negative prompt"),
        "model": tr("Model"),
        "region": tr("Region"),
        "size": tr("Size"),
        "seed": tr("Seed"),
        "task_id": tr("Task ID"),
        "request_id": tr("Request ID"),
        "submitted": tr("Submitted"),
        "finished": tr("Finished"),
        "duration": tr("Duration"),
        "cost": tr("Estimated cost"),
        "file": tr("File"),
    }
    return labels[name]


class DetailsPane(QWidget):
    """Shows the request behind the selected result; every value can be selected and copied."""

    def __init__(self, catalog: Catalog, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryDetails")
        self._catalog = catalog
        self.language = language
        self._item: GalleryItem | None = None
        self._details: ResultDetails | None = None
        self._problem: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("galleryDetailsHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for name in ROWS:
            label = QLabel(self)
            value = QLabel(self)
            value.setObjectName(f"galleryDetail_{name}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setBuddy(value)
            self.labels[name] = label
            self.values[name] = value
            self._form.addRow(label, value)

        layout.addLayout(self._form)
        layout.addStretch(1)
        self.retranslate()

    def show_item(
        self, item: GalleryItem | None, details: ResultDetails | None, problem: str | None = None
    ) -> None:
        """Show one result; ``problem`` explains why its details are missing."""
        self._item, self._details, self._problem = item, details, problem
        self._fill()

    def show_selection_count(self, count: int) -> None:
        self._item, self._details, self._problem = None, None, None
        self._fill(count)

    def retranslate(self) -> None:
        self.setAccessibleName(tr("Result details"))
        for name, label in self.labels.items():
            label.setText(_row_label(name))
            self.values[name].setAccessibleName(_row_label(name))
        self._fill()

    def text(self, name: str) -> str:
        return self.values[name].text()

    def _fill(self, count: int | None = None) -> None:
        item, details = self._item, self._details
        for name in ROWS:
            self._set_row(name, None)
        if item is None:
            if count:
                self.heading.setText(
                    tr("{count} results selected. Compare them side by side, or delete them.")
                    .format(count=count)
                )
            else:
                self.heading.setText(tr("Select a result to see the request behind it."))
            return

        self.heading.setText(item.path.name)
        self._set_row("file", str(item.path))
        self._set_row("size", self._pixel_size(item.path, details))
        if details is None:
            self.heading.setText(
                tr("{name}: the request behind this image is unknown. {problem}").format(
                    name=item.path.name, problem=self._problem or ""
                )
            )
            self._set_row("model", item.model_hint or None)
            return

        self._set_row("prompt", details.prompt or None)
        self._set_row("actual_prompt", details.actual_prompt)
        self._set_row("negative_prompt", details.negative_prompt)
        self._set_row("model", details.model)
        region = REGIONS.get(details.region or "")
        self._set_row("region", region.name(self.language) if region else details.region)
        self._set_row("seed", None if details.seed is None else str(details.seed))
        self._set_row("task_id", details.task_id)
        self._set_row("request_id", details.request_id)
        self._set_row("submitted", _time_text(details.times.get("submitted")))
        self._set_row("finished", _time_text(details.times.get("finished")))
        duration = details.duration_seconds()
        if duration is not None:
            self._set_row("duration", tr("{seconds:.1f} s").format(seconds=duration))
        self._set_row("cost", self._cost_text(details))

    def _set_row(self, name: str, text: str | None) -> None:
        self.values[name].setText(text or "")
        shown = bool(text)
        self._form.setRowVisible(self.values[name], shown)

    def _pixel_size(self, path: Path, details: ResultDetails | None) -> str | None:
        size = QImageReader(str(path)).size()
        actual = f"{size.width()}×{size.height()}" if size.isValid() else None
        requested = details.size.replace("*", "×") if details and details.size else None
        if actual and requested and actual != requested:
            return tr("{actual} (requested {requested})").format(
                actual=actual, requested=requested
            )
        return actual or requested

    def _cost_text(self, details: ResultDetails) -> str | None:
        estimate = estimate_cost(self._catalog, details)
        if estimate is None:
            return None
        region = REGIONS[estimate.region].name(self.language)
        if estimate.free:
            return tr("Free in the sandbox (¥{price:g} per image in {region})").format(
                price=round(estimate.amount, 4), region=region
            )
        return tr("¥{price:g} (catalog price per image in {region})").format(
            price=round(estimate.amount, 4), region=region
        )


def _time_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class UseAsInputDialog(QDialog):
    """Lets the user pick a model with an image field to receive a result as input.

    ``chosen`` carries the model id and the field name when the user accepts.
    """

    chosen = Signal(str, str)

    def __init__(
        self,
        catalog: Catalog,
        language: str,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("useAsInputDialog")
        self._language = language
        self._pairs: dict[str, list[tuple[ModelSpec, FieldSpec]]] = {}
        for model, spec in image_inputs(catalog):
            self._pairs.setdefault(model.id, []).append((model, spec))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.model_label = QLabel(self)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("inputModelCombo")
        for model_id, pairs in self._pairs.items():
            self.model_combo.addItem(f"{model_id} — {pairs[0][0].title.get(language)}", model_id)
        self.model_label.setBuddy(self.model_combo)
        self.field_label = QLabel(self)
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("inputFieldCombo")
        self.field_label.setBuddy(self.field_combo)
        form.addRow(self.model_label, self.model_combo)
        form.addRow(self.field_label, self.field_combo)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.model_combo.currentIndexChanged.connect(self._on_model_combo_changed)
        self._path = path
        self._on_model_combo_changed(self.model_combo.currentIndex())
        self.retranslate()

    def select(self, model_id: str, field: str | None = None) -> bool:
        index = self.model_combo.findData(model_id)
        if index < 0:
            return False
        self.model_combo.setCurrentIndex(index)
        if field is not None:
            field_index = self.field_combo.findData(field)
            if field_index < 0:
                return False
            self.field_combo.setCurrentIndex(field_index)
        return True

    def accept(self) -> None:
        model_id, field = self.model_combo.currentData(), self.field_combo.currentData()
        if isinstance(model_id, str) and isinstance(field, str):
            self.chosen.emit(model_id, field)
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Use as input image"))
        self.intro.setText(
            tr("Open {name} in the form of a model that takes an input image.").format(
                name=self._path.name
            )
        )
        self.model_label.setText(tr("&Model"))
        self.model_combo.setAccessibleName(tr("Model that receives the image"))
        self.field_label.setText(tr("&Image field"))
        self.field_combo.setAccessibleName(tr("Field that receives the image"))

    def _on_model_combo_changed(self, _index: int) -> None:
        self.field_combo.clear()
        for _model, spec in self._pairs.get(str(self.model_combo.currentData()), []):
            self.field_combo.addItem(spec.label.get(self._language), spec.name)
        self.field_combo.setEnabled(self.field_combo.count() > 1)
