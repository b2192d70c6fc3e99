"""Window behaviour: language switching, keyboard and screen reader names, keys, errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.core.library import TaskStatus
from gui.core.services import Services
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY

pytestmark = pytest.mark.timeout(60)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)


def visible_controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisible()]


@pytest.mark.parametrize(
    "model_id", ["wanx-v1", "wan2.2-t2i-flash", "wan2.6-t2i", "wanx2.1-imageedit", "wan2.6-image"]
)
def test_every_control_has_object_and_accessible_name(window: MainWindow, model_id: str) -> None:
    window.select_model(model_id)
    # The docks of the View menu are checked too.
    for dock in (window.gallery_dock, window.inspector_dock):
        dock.show()
    window.saved_work.collections_dock.show()
    window.saved_work.history_dock.show()
    controls = visible_controls(window)
    assert len(controls) > 8
    for control in controls:
        if control.parent() is not None and isinstance(
            control.parent(), QComboBox | QAbstractSpinBox
        ):
            continue  # line edits inside combo and spin boxes belong to their parent
        assert control.objectName(), f"{type(control).__name__} has no objectName"
        assert control.accessibleName() or (
            isinstance(control, QAbstractButton) and control.text()
        ), control.objectName()


def test_language_switch_translates_window(window: MainWindow, qtbot: QtBot) -> None:
    window.select_model("wan2.6-t2i")
    index = window.language_combo.findData("zh_CN")
    window.language_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: "发送" in window.send_button.text(), timeout=3000)
    assert window.model_combo.accessibleName() == "模型"
    assert (
        window.task_model.headerData(0, window.task_view.horizontalHeader().orientation()) == "状态"
    )
    assert window.form is not None
    assert window.form._labels["prompt"].text().startswith("提示词")
    assert "中文" in window.form.editors["prompt"].input.toolTip()
    window.form.set_values({"size": "1024x1024"})
    assert "星号" in window.form.editors["size"].error.text()

    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    qtbot.waitUntil(lambda: "Send" in window.send_button.text(), timeout=3000)
    assert "asterisk" in window.form.editors["size"].error.text()


def test_key_dialog_stores_fingerprint_only(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = window.open_key_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("singapore"))
    dialog.key_edit.setText(f"  {FAKE_KEY}\n")
    dialog.save_button.click()
    assert services.keys.get("singapore") == FAKE_KEY
    assert dialog.current_label.text() == "sk-…abcd"
    assert FAKE_KEY not in dialog.message_label.text()

    dialog.key_edit.setText("sk-密钥")
    dialog.save_button.click()
    assert "U+5BC6" in dialog.message_label.text()
    assert services.keys.get("singapore") == FAKE_KEY

    dialog.delete_button.click()
    assert services.keys.get("singapore") == FAKE_KEY  # the first click only arms the button
    dialog.delete_button.click()
    assert services.keys.get("singapore") is None
    dialog.close()


def test_rejected_key_shows_explanation(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    services.use_sandbox(services.base_url("sandbox"), "sk-test-wrong-key-00000000000zzzz")
    window.select_model("wan2.6-t2i")
    assert window.form is not None
    window.form.set_values({"prompt": "a lighthouse"})
    record = window.send()
    assert record is not None

    def failed() -> bool:
        current = services.library.get_task(record.id)
        return current is not None and current.status == TaskStatus.ERROR

    qtbot.waitUntil(failed, timeout=10000)
    panel = window.preview.error_panel
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    explanation = panel.explanation
    assert explanation is not None
    assert explanation.code == "InvalidApiKey"
    assert explanation.action == "open_key_manager"
    assert panel.title.text() == explanation.title.en
    assert explanation.fix.en in panel.fix.text()
    assert "HTTP 401" in panel.raw.text()
    assert panel.action_button.isVisible()
    panel.action_button.click()
    qtbot.waitUntil(lambda: window.key_dialog.isVisible(), timeout=3000)
    window.key_dialog.close()

    # The inspector explains the same failed exchange.
    inspector = window.inspector_dock.panel
    window.inspector_dock.show()
    failed_rows = [
        row
        for row in range(inspector.model.rowCount())
        if inspector.model.exchange(row).status == 401
    ]
    assert failed_rows
    inspector.table.selectRow(failed_rows[0])
    assert inspector.error_panel is not None
    qtbot.waitUntil(inspector.error_panel.isVisible, timeout=3000)
    assert inspector.error_panel.explanation is not None
    assert inspector.error_panel.explanation.code == "InvalidApiKey"
    assert explanation.request_id in inspector.error_panel.raw.text()
