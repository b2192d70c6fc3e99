"""Testing a key: accepted, rejected, and accepted only in another region."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.widgets.main_window import MainWindow
from tests.conftest import files_containing

pytestmark = pytest.mark.timeout(30)

BEIJING_KEY = "sk-test-fake-beijing-000000000000aaaa"
SINGAPORE_KEY = "sk-test-fake-singapore-0000000000bbbb"


def test_key_test_reports_region_of_key(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    config = EmulatorConfig(pending_seconds=0.0, running_seconds=0.0)
    # Two emulators stand in for the Beijing and Singapore endpoints, each
    # accepting only its own region's key.
    with Emulator(key=BEIJING_KEY, config=config) as beijing, Emulator(
        key=SINGAPORE_KEY, config=config
    ) as singapore:
        services.set_base_url("beijing", beijing.base_url)
        services.set_base_url("singapore", singapore.base_url)
        services.set_base_url("virginia", "")
        dialog = window.open_key_dialog()
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("beijing"))

        dialog.key_edit.setText(BEIJING_KEY)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "works in" in dialog.message_label.text(), timeout=5000)
        assert "China (Beijing)" in dialog.message_label.text()

        dialog.key_edit.setText(f" {SINGAPORE_KEY}\n")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "accepts it" in dialog.message_label.text(), timeout=5000)
        assert "Singapore" in dialog.message_label.text()
        assert SINGAPORE_KEY not in dialog.message_label.text()

        dialog.key_edit.setText("sk-test-fake-nowhere-00000000000cccc")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "rejects the key." in dialog.message_label.text(), timeout=5000)
        dialog.close()
        assert [r.route for r in beijing.requests] == ["list"] * 3
    home = services.paths.results_dir.parent
    assert files_containing(home, SINGAPORE_KEY) == []
    assert files_containing(home, BEIJING_KEY) == []
