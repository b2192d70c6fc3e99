"""Editing a model's account limits in settings."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.widgets.main_window import MainWindow

pytestmark = pytest.mark.timeout(30)


def test_limits_saved_shown_and_used(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    window.select_model("wan2.2-t2i-flash")
    assert "up to 2 submissions/s; running at once: 2" in window.endpoint_label.text()
    dialog = window.open_limits_dialog()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.rate_spin.value() == 2.0
    dialog.rate_spin.setValue(0.5)
    dialog.running_spin.setValue(1)
    dialog.save_button.click()
    assert "up to 0.5 submissions/s; running at once: 1" in window.endpoint_label.text()
    assert services.engine._limits("sandbox", "wan2.2-t2i-flash", "async") == (0.5, 1)

    dialog = window.open_limits_dialog()
    assert dialog is not None
    assert dialog.rate_spin.value() == 0.5
    dialog.reset_button.click()
    dialog.close()
    assert "up to 2 submissions/s; running at once: 2" in window.endpoint_label.text()
    assert services.engine._limits("sandbox", "wan2.2-t2i-flash", "async") == (2.0, 2)
