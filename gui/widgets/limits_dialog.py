"""Edit a model's account limits: task submissions per second and tasks running at once."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.core.engine import Engine, LimitsResolver
from gui.widgets.translate import tr

SETTINGS_GROUP = "limits"


def settings_key(region: str, model: str) -> str:
    return f"{SETTINGS_GROUP}/{region}/{model.replace('/', '|')}"


def read_override(settings: QSettings, region: str, model: str) -> tuple[float, int | None] | None:
    """Return the user's limits for a model in a region, or None to use the catalog's."""
    text = settings.value(settings_key(region, model))
    if not isinstance(text, str) or ";" not in text:
        return None
    rate_text, running_text = text.split(";", 1)
    try:
        rate = float(rate_text)
        running = int(running_text) if running_text else None
    except ValueError:
        return None
    return (rate, running) if rate > 0 else None


def settings_limits(settings: QSettings, engine: Engine) -> LimitsResolver:
    """Return a resolver that prefers the user's limits and falls back to the catalog."""

    def resolve(region: str, model: str, mode: str) -> tuple[float, int | None] | None:
        override = read_override(settings, region, model)
        if override is not None:
            rate, running = override
            return rate, running if mode == "async" else None
        return engine.catalog_limits(region, model, mode)

    return resolve


class LimitsDialog(QDialog):
    """Shows the catalog's limits for the model and lets the user set the account's own."""

    limits_changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        engine: Engine,
        region: str,
        model: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("limitsDialog")
        self._settings = settings
        self._engine = engine
        self._region = region
        self._model = model
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("limitsExplanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.rate_spin = QDoubleSpinBox(self)
        self.rate_spin.setObjectName("limitsRateSpin")
        self.rate_spin.setDecimals(3)
        self.rate_spin.setRange(0.001, 100.0)
        self.rate_label = QLabel(self)
        self.rate_label.setBuddy(self.rate_spin)
        form.addRow(self.rate_label, self.rate_spin)
        self.running_spin = QSpinBox(self)
        self.running_spin.setObjectName("limitsRunningSpin")
        self.running_spin.setRange(0, 100)
        self.running_label = QLabel(self)
        self.running_label.setBuddy(self.running_spin)
        form.addRow(self.running_label, self.running_spin)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("limitsSaveButton")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("limitsResetButton")
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self._on_reset)
        layout.addWidget(buttons)
        self._retranslate()
        self._show(
            read_override(settings, region, model) or engine.catalog_limits(region, model, "async")
        )

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Limits: {model}").format(model=self._model))
        catalog = self._engine.catalog_limits(self._region, self._model, "async")
        shown = (
            tr(
                "The catalog lists {rate:g} submissions per second and {running} running tasks."
            ).format(rate=catalog[0], running=catalog[1] or "∞")
            if catalog
            else tr("The catalog lists no limits for this model.")
        )
        self.explanation.setText(
            shown
            + " "
            + tr(
                "Limits apply to the whole account, shared by all its keys. Set your account's "
                "own if Model Studio raised or lowered them; PixelPost queues requests beyond them."
            )
        )
        self.rate_label.setText(tr("Task &submissions per second"))
        self.rate_spin.setAccessibleName(tr("Task submissions per second"))
        self.running_label.setText(tr("Tasks &running at once (0 = no limit)"))
        self.running_spin.setAccessibleName(tr("Tasks running at once"))
        self.save_button.setText(tr("Save"))
        self.reset_button.setText(tr("Use the catalog's limits"))
        self.reset_button.setAccessibleName(tr("Use the catalog's limits"))

    def _show(self, limits: tuple[float, int | None] | None) -> None:
        rate, running = limits if limits is not None else (1.0, None)
        self.rate_spin.setValue(rate)
        self.running_spin.setValue(running or 0)

    def _on_save(self) -> None:
        running = self.running_spin.value()
        value = f"{self.rate_spin.value():g};{running if running else ''}"
        self._settings.setValue(settings_key(self._region, self._model), value)
        self._apply()
        self.accept()

    def _on_reset(self) -> None:
        self._settings.remove(settings_key(self._region, self._model))
        self._show(self._engine.catalog_limits(self._region, self._model, "async"))
        self._apply()

    def _apply(self) -> None:
        self._engine.set_limits_resolver(settings_limits(self._settings, self._engine))
        self.limits_changed.emit()
