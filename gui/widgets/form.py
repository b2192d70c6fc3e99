"""The request form, generated from a catalog model's fields."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import FieldSpec, ModelSpec
from gui.core.request import ValidationIssue, validate_values
from gui.widgets.image_field import ImageFieldContext, ImageFieldTools
from gui.widgets.texts import issue_text
from gui.widgets.translate import tr

# Combo box item data is always a string: PySide6 6.12 was seen corrupting the
# reference counts of Python bools stored as item data (a crash at exit).
UNSET = ""
TRUE = "true"
FALSE = "false"



class FieldEditor(QWidget):
    """One field's input widget, its character count and its inline error."""

    edited = Signal()

    def __init__(
        self,
        spec: FieldSpec,
        language: str,
        parent: QWidget | None = None,
        image_context: ImageFieldContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"field_{spec.name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.input = self._make_input(spec)
        self.input.setObjectName(f"input_{spec.name}")
        layout.addWidget(self.input)
        # Image fields also take local files: chosen, dropped or pasted, with a preview.
        self.image_tools: ImageFieldTools | None = None
        if isinstance(self.input, QLineEdit | QPlainTextEdit) and spec.type in (
            "image",
            "image_list",
        ):
            self.image_tools = ImageFieldTools(spec, self.input, image_context, self)
            layout.addWidget(self.image_tools)
        self.counter: QLabel | None = None
        if spec.type == "text" and spec.max_length:
            self.counter = QLabel(self)
            self.counter.setObjectName(f"counter_{spec.name}")
            self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(self.counter)
        self.error = QLabel(self)
        self.error.setObjectName(f"error_{spec.name}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        self.retranslate(language)
        if spec.initial is not None:
            self.set_value(spec.initial)
        self._update_counter()

    def _make_input(self, spec: FieldSpec) -> QWidget:
        if spec.type in ("image_list", "json"):
            lines = QPlainTextEdit(self)
            lines.setTabChangesFocus(True)
            lines.setMinimumHeight(50)
            lines.setMaximumHeight(90)
            lines.textChanged.connect(self._on_changed)
            return lines
        if spec.type == "image":
            url = QLineEdit(self)
            url.textChanged.connect(self._on_changed)
            return url
        if spec.type == "text" and spec.multiline:
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(140 if spec.required else 80)
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            edit.textChanged.connect(self._on_changed)
            return edit
        if spec.type == "text":
            line = QLineEdit(self)
            line.textChanged.connect(self._on_changed)
            return line
        if spec.type == "int":
            spin = QSpinBox(self)
            low = int(spec.minimum if spec.minimum is not None else -(2**31))
            high = int(spec.maximum if spec.maximum is not None else 2**31 - 1)
            # An optional field without a value shows a "service default" entry
            # one step below the minimum.
            spin.setRange(low - 1 if not spec.required else low, high)
            spin.setValue(spin.minimum())
            spin.valueChanged.connect(self._on_changed)
            return spin
        if spec.type == "float":
            double = QDoubleSpinBox(self)
            low_float = float(spec.minimum if spec.minimum is not None else -1e9)
            high_float = float(spec.maximum if spec.maximum is not None else 1e9)
            double.setDecimals(2)
            double.setSingleStep(0.05)
            double.setRange(low_float - 0.01 if not spec.required else low_float, high_float)
            double.setValue(double.minimum())
            double.valueChanged.connect(self._on_changed)
            return double
        combo = QComboBox(self)
        combo.setEditable(spec.type == "size" and not (spec.size and spec.size.choices))
        # Long choice labels would widen the whole form; the open list still shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(self._on_changed)
        combo.editTextChanged.connect(self._on_changed)
        return combo

    def retranslate(self, language: str) -> None:
        spec = self.spec
        label = spec.label.get(language)
        help_text = spec.help.get(language)
        if spec.unconfirmed:
            help_text += "\n" + tr("This limit is not confirmed by the official documentation.")
        if spec.server_default is not None:
            shown = _show_default(spec.server_default)
            help_text += "\n" + tr("Service default: {value}").format(value=shown)
        if spec.type == "image_list":
            help_text += "\n" + tr("One image per line: a URL or a local file.")
        if spec.type in ("image", "image_list"):
            help_text += "\n" + tr(
                "Local files are sent inline or uploaded for you; drop, paste or choose one."
            )
        elif spec.type == "json":
            help_text += "\n" + tr("Enter JSON, for example [] or {}.")
        self.input.setToolTip(help_text)
        self.input.setAccessibleName(label)
        self.input.setAccessibleDescription(help_text)
        if isinstance(self.input, QSpinBox | QDoubleSpinBox) and not spec.required:
            self.input.setSpecialValueText(tr("Service default"))
        if isinstance(self.input, QComboBox):
            self._fill_combo(language)
        if isinstance(self.input, QLineEdit) and self.spec.type == "image":
            self.input.setPlaceholderText(tr("https://…, or drop, paste or choose a file"))
        if self.image_tools is not None:
            self.image_tools.retranslate(language)
        self._update_counter()

    def _fill_combo(self, language: str) -> None:
        combo = self.input
        assert isinstance(combo, QComboBox)
        current = self.value()
        combo.blockSignals(True)
        combo.clear()
        spec = self.spec
        if spec.type == "bool":
            default = _show_default(spec.server_default) if spec.server_default is not None else ""
            combo.addItem(tr("Service default") + (f" ({default})" if default else ""), UNSET)
            combo.addItem(tr("On"), TRUE)
            combo.addItem(tr("Off"), FALSE)
        elif spec.type == "enum":
            if not spec.required and spec.initial is None:
                combo.addItem(tr("Service default"), UNSET)
            for choice in spec.choices:
                combo.addItem(f"{choice.label.get(language)}", choice.value)
        elif spec.type == "size":
            assert spec.size is not None
            for size in spec.size.choices or spec.size.suggested:
                combo.addItem(size, size)
            for preset in spec.size.presets:
                combo.addItem(preset, preset)
        if spec.type == "size" and current is None:
            # No size chosen: leave the box empty so the service default applies.
            combo.setCurrentIndex(-1)
            combo.setEditText("")
        combo.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def value(self) -> Any:
        """Return the field's value, or None when the service default applies."""
        widget = self.input
        if isinstance(widget, QPlainTextEdit) and self.spec.type == "image_list":
            return [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]
        if isinstance(widget, QPlainTextEdit) and self.spec.type == "json":
            text = widget.toPlainText().strip()
            if not text:
                return None
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                # The validator reports text where JSON is expected, naming the value.
                return text
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            if not self.spec.required and widget.value() == widget.minimum():
                return None
            return widget.value()
        assert isinstance(widget, QComboBox)
        if widget.isEditable():
            text = widget.currentText().strip()
            return text or None
        data = widget.currentData()
        if data is None or data == UNSET:
            return None
        if self.spec.type == "bool":
            return data == TRUE
        return data

    def set_value(self, value: Any) -> None:
        widget = self.input
        if isinstance(widget, QPlainTextEdit) and self.spec.type == "image_list":
            if isinstance(value, list):
                items = value
            elif value is None:
                items = []
            else:
                items = [value]
            widget.setPlainText("\n".join(str(item) for item in items))
        elif isinstance(widget, QPlainTextEdit) and self.spec.type == "json":
            shown = "" if value is None else json.dumps(value, ensure_ascii=False)
            widget.setPlainText(shown)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(widget.minimum() if value is None else int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(widget.minimum() if value is None else float(value))
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setEditText("" if value is None else str(value))
                return
            if value is None:
                wanted = UNSET
            elif isinstance(value, bool):
                wanted = TRUE if value else FALSE
            else:
                wanted = str(value)
            index = widget.findData(wanted)
            if index >= 0:
                widget.setCurrentIndex(index)

    def show_issue(self, message: str | None) -> None:
        if message:
            self.error.setText(message)
            self.error.show()
        else:
            self.error.clear()
            self.error.hide()

    def _on_changed(self, *_args: Any) -> None:
        self._update_counter()
        self.edited.emit()

    def _update_counter(self) -> None:
        if self.counter is None or self.spec.max_length is None:
            return
        value = self.value() or ""
        length = len(value) if isinstance(value, str) else 0
        self.counter.setText(
            tr("{count} / {maximum} characters").format(count=length, maximum=self.spec.max_length)
        )
        over = length > self.spec.max_length
        self.counter.setStyleSheet("color: #b3261e;" if over else "")


def _show_default(value: Any) -> str:
    if isinstance(value, bool):
        return tr("on") if value else tr("off")
    return str(value)


class RequestForm(QWidget):
    """Editors for every field of one model, with live validation."""

    changed = Signal()
    """Emitted after any field changes; the issues are already updated."""

    def __init__(
        self,
        model: ModelSpec,
        language: str,
        parent: QWidget | None = None,
        image_context: ImageFieldContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("requestForm")
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, FieldEditor] = {}
        self._labels: dict[str, QLabel] = {}
        for spec in model.fields:
            editor = FieldEditor(spec, language, self, image_context)
            editor.edited.connect(
                lambda name=spec.name: self._on_editor_edited(name)
            )
            label = QLabel(self)
            label.setObjectName(f"label_{spec.name}")
            label.setBuddy(editor.input)
            self._layout.addRow(label, editor)
            self.editors[spec.name] = editor
            self._labels[spec.name] = label
        for editor in self.editors.values():
            if editor.image_tools is not None:
                editor.image_tools.connect_form(self.editors)
        self.issues: list[ValidationIssue] = []
        # A missing required value is shown only once the user edited the field
        # or tried to send, so a fresh form does not open covered in errors.
        self._touched: set[str] = set()
        self._reveal_all = False
        self._filling = False
        self.retranslate(language)
        self.validate()

    def retranslate(self, language: str) -> None:
        self._language = language
        for name, editor in self.editors.items():
            spec = editor.spec
            text = spec.label.get(language) + (" *" if spec.required else "")
            if spec.unconfirmed:
                text += " ⚠"
                self._labels[name].setToolTip(
                    tr("This limit is not confirmed by the official documentation.")
                )
            self._labels[name].setText(text)
            editor.retranslate(language)
        self.validate()

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill fields from ``values``; filling is not editing, so no field counts as touched."""
        self._filling = True
        try:
            for name, value in values.items():
                if name in self.editors:
                    self.editors[name].set_value(value)
        finally:
            self._filling = False
        self.validate()

    def values(self) -> dict[str, Any]:
        """Return the values of the fields in use; fields hidden by a condition are left out."""
        values = {name: editor.value() for name, editor in self.editors.items()}
        return {
            name: value
            for name, value in values.items()
            if self.editors[name].spec.applies(values)
        }

    def _update_visibility(self) -> None:
        values = {name: editor.value() for name, editor in self.editors.items()}
        for editor in self.editors.values():
            self._layout.setRowVisible(editor, editor.spec.applies(values))

    def validate(self) -> list[ValidationIssue]:
        """Check every field, show each problem under its field, and return them."""
        self._update_visibility()
        self.issues = validate_values(self.model, self.values())
        by_field = {issue.field: issue for issue in self.issues}
        for name, editor in self.editors.items():
            issue = by_field.get(name)
            hidden = (
                issue is not None
                and issue.rule == "required"
                and not self._reveal_all
                and name not in self._touched
            )
            shown = issue if issue is not None and not hidden else None
            editor.show_issue(issue_text(shown, self.label(name)) if shown else None)
        return self.issues

    def reveal_issues(self) -> None:
        """Show every problem, including required fields left empty."""
        self._reveal_all = True
        self.validate()

    def label(self, name: str) -> str:
        editor = self.editors.get(name)
        return editor.spec.label.get(self._language) if editor else name

    def focus_field(self, name: str) -> None:
        editor = self.editors.get(name)
        if editor is not None:
            editor.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_editor_edited(self, name: str) -> None:
        if not self._filling:
            self._touched.add(name)
        self.validate()
        self.changed.emit()
