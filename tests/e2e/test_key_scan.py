"""A scripted key session leaves no key in any file the app wrote or any export."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from gui.core.exports import FORMATS, ExportError
from gui.core.library import TaskRecord
from gui.core.logs import configure_logging
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import HttpError
from gui.widgets.key_dialog import KeyDialog
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY, files_containing
from tests.qt_fixtures import wait_for_task

pytestmark = pytest.mark.timeout(90)

BEIJING_KEY = "sk-test-fake-scan-beijing-00000d1"
SINGAPORE_KEY = "sk-test-fake-scan-singapore-000d2"
SPARE_KEY = "sk-test-fake-scan-spare-000000d3"
KEYS = (BEIJING_KEY, SINGAPORE_KEY, SPARE_KEY, FAKE_KEY)
FAST = EmulatorConfig(pending_seconds=0.0, running_seconds=0.1, workspaces=("ws-scan",))


def wait_ended(qtbot: QtBot, services: Services, record: TaskRecord | None) -> TaskRecord:
    assert record is not None
    return wait_for_task(qtbot, services, record.id)


def add_key(dialog: KeyDialog, name: str, region: str, key: str, workspace: str = "") -> None:
    dialog.new_button.click()
    dialog.name_edit.setText(name)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(region))
    dialog.key_edit.setText(key)
    dialog.workspace_edit.setText(workspace)
    dialog.save_button.click()
    assert "Saved" in dialog.message_label.text(), dialog.message_label.text()


def test_key_session_leaves_no_key(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    handler = configure_logging(services.paths.log_dir, logging.DEBUG)
    exports: list[str] = []
    export_dir = tmp_path / "exports"
    try:
        with (
            Emulator(key=BEIJING_KEY, config=FAST) as beijing,
            Emulator(key=SINGAPORE_KEY, config=FAST) as singapore,
        ):
            services.set_base_url("beijing", beijing.base_url)
            services.set_base_url("singapore", singapore.base_url)
            services.set_base_url("virginia", "")
            window.select_region("beijing")

            # Add three keys, one of them with a workspace, and test two.
            dialog = window.open_key_dialog()
            qtbot.waitUntil(dialog.isVisible, timeout=3000)
            add_key(dialog, "Beijing", "beijing", f" {SINGAPORE_KEY}\n", "ws-scan")
            add_key(dialog, "Singapore", "singapore", SINGAPORE_KEY)
            add_key(dialog, "Spare", "beijing", SPARE_KEY)
            dialog.new_button.click()
            dialog.key_edit.setText(BEIJING_KEY)
            dialog.test_button.click()
            qtbot.waitUntil(lambda: "works in" in dialog.message_label.text(), timeout=5000)
            dialog.key_edit.setText(SPARE_KEY)
            dialog.test_button.click()
            qtbot.waitUntil(lambda: "rejects the key" in dialog.message_label.text(), timeout=5000)
            dialog.close()

            # Use the wrong key, switch region from the explanation, then hit an error.
            window.select_model("wan2.2-t2i-flash")
            assert window.form is not None
            window.form.set_values({"prompt": "a scan of keys", "n": 1})
            wait_ended(qtbot, services, window.send())
            panel = window.preview.error_panel
            qtbot.waitUntil(lambda: panel.region_hint == "singapore", timeout=5000)
            with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
                qtbot.mouseClick(panel.switch_button, Qt.MouseButton.LeftButton)
            switched = wait_ended(qtbot, services, submitted.args[0])
            assert switched.saved_files
            singapore.faults.add("submit", HttpError(403, "AccessDenied", "Access denied."))
            wait_ended(qtbot, services, window.send())

            # Every export of the form and of each exchange, and a HAR file.
            for export_format in FORMATS:
                text = window.copy_request_as(export_format)
                assert text is not None
                exports.append(text)
                exports.append(QGuiApplication.clipboard().text())
            inspector = window.inspector_dock.panel
            inspector.set_selected_task(None)
            for row in range(inspector.model.rowCount()):
                inspector.select_row(row)
                for export_format in FORMATS:
                    try:
                        exports.append(inspector.export_text(export_format))
                    except ExportError:
                        continue  # an upload or download exchange has no script form
                inspector.save_scripts(export_dir / str(row))
            inspector.table.clearSelection()
            assert inspector.save_har(export_dir / "all.har") > 5

            # Delete every key through the dialog.
            dialog = window.open_key_dialog()
            qtbot.waitUntil(dialog.isVisible, timeout=3000)
            while dialog.table.rowCount():
                dialog.table.selectRow(0)
                dialog.delete_button.click()
                dialog.delete_button.click()
            dialog.close()
            window._settings.sync()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    assert [p for p in services.keys.profiles() if p.region != "sandbox"] == []
    home = services.paths.results_dir.parent
    assert (services.paths.log_dir / "pixelpost.log").stat().st_size > 0
    assert len(list(export_dir.rglob("*"))) > 10
    assert len(exports) > 20
    for key in KEYS:
        assert files_containing(home, key) == [], key
        assert files_containing(export_dir, key) == [], key
        assert files_containing(tmp_path, key) == [], key
        assert not [text for text in exports if key in text], key
