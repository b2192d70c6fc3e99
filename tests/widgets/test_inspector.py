"""The inspector panel fed by a real engine against the emulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.core.exchanges import Exchange
from gui.core.library import TaskRecord
from gui.core.request import build_request
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.bridge import EngineBridge
from gui.widgets.i18n import LanguageManager
from gui.widgets.inspector import ExchangeTableModel, InspectorDock, InspectorPanel
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY

pytestmark = pytest.mark.timeout(60)

WRONG_KEY = "sk-test-fake-wrong-0000000000000dead"


@pytest.fixture
def panel(services: Services, qtbot: QtBot) -> InspectorPanel:
    inspector = InspectorPanel(services.catalog, services.library)
    qtbot.addWidget(inspector)
    bridge = EngineBridge(services, inspector)
    bridge.exchange_recorded.connect(inspector.add_exchange)
    bridge.task_changed.connect(inspector.update_task)
    inspector.destroyed.connect(bridge.detach)
    inspector.resize(1100, 800)
    inspector.show()
    return inspector


def run_task(services: Services, qtbot: QtBot, model_id: str, mode: str) -> TaskRecord:
    model = services.catalog[model_id]
    record = services.engine.submit(build_request(model, {"prompt": "一只猫"}, mode), "sandbox")
    qtbot.waitUntil(lambda: not services.engine.is_active(record.id), timeout=20000)
    final = services.library.get_task(record.id)
    assert final is not None
    return final


def view_texts(root: QWidget) -> list[str]:
    """Return every text a user can see or copy in the panel."""
    texts = []
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for view in root.findChildren(QPlainTextEdit):
        texts.append(view.toPlainText())
    for table in root.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                texts.append(item.text() if item else "")
    for view in root.findChildren(QTableView):
        model = view.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                texts.append(str(model.data(index)))
                texts.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole)))
    return texts


def test_failed_request_shows_request_id(
    panel: InspectorPanel, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    services.use_sandbox(emulator.base_url, WRONG_KEY)
    record = run_task(services, qtbot, "wan2.2-t2i-flash", "async")
    assert record.error_code == "InvalidApiKey"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)

    panel.select_row(0)

    exchange = panel.current_exchange
    assert exchange is not None
    assert exchange.status == 401
    assert exchange.request_id == record.request_id
    assert panel.summary_labels["status"].text() == "401 Unauthorized"
    assert panel.summary_labels["request_id"].text() == record.request_id
    assert "InvalidApiKey" in panel.response_body.toPlainText()
    assert "一只猫" in panel.request_body.toPlainText()
    assert "UTF-8" in panel.encoding_label.text()
    assert "e4 b8 80" in panel.request_hex.toPlainText()
    assert "\\xe4\\xb8\\x80" in panel.request_escaped.toPlainText()
    names = [panel.response_headers.item(row, 0).text().lower()
             for row in range(panel.response_headers.rowCount())]
    row = names.index("x-request-id")
    assert panel.response_headers.item(row, 0).data(Qt.ItemDataRole.UserRole) == "request_id"
    assert panel.copy_id_button.isEnabled()

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(panel.copy_id_button, Qt.MouseButton.LeftButton)

    assert QGuiApplication.clipboard().text() == record.request_id
    assert record.request_id in panel.status_label.text()
    texts = view_texts(panel)
    assert any("sk-…dead" in text for text in texts)
    for secret in (FAKE_KEY, WRONG_KEY):
        assert not [text for text in texts if secret in text]


def test_copy_as_every_format_without_key(
    panel: InspectorPanel, services: Services, qtbot: QtBot
) -> None:
    run_task(services, qtbot, "wan2.2-t2i-flash", "async")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 3, timeout=5000)
    submit_row = next(
        row for row in range(panel.model.rowCount())
        if (exchange := panel.model.exchange(row)) is not None and exchange.kind == "submit"
    )
    panel.select_row(submit_row)

    copied = {}
    for export_format, button in panel.export_buttons.items():
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        copied[export_format] = QGuiApplication.clipboard().text()

    assert copied["bash"].startswith("#!/usr/bin/env bash")
    assert '"Authorization: Bearer $DASHSCOPE_API_KEY"' in copied["bash"]
    assert "%DASHSCOPE_API_KEY%" in copied["cmd"]
    assert "===== request.json =====" in copied["cmd"]
    assert "$env:DASHSCOPE_API_KEY" in copied["powershell"]
    assert 'os.environ["DASHSCOPE_API_KEY"]' in copied["python"]
    assert "ImageSynthesis.async_call(" in copied["sdk"]
    for text in copied.values():
        assert FAKE_KEY not in text
        assert "一只猫" in text
    assert "clipboard" in panel.status_label.text()


def test_filter_by_task_and_selected_task(
    panel: InspectorPanel, services: Services, qtbot: QtBot
) -> None:
    first = run_task(services, qtbot, "wan2.2-t2i-flash", "async")
    second = run_task(services, qtbot, "wan2.6-t2i", "sync")
    qtbot.waitUntil(lambda: len(panel.model.tasks()) == 2, timeout=5000)
    total = panel.model.rowCount()
    assert [panel.model.exchange(row).started_at for row in range(total)] == sorted(
        (panel.model.exchange(row).started_at for row in range(total)), reverse=True
    )

    index = panel.task_combo.findData(first.id)
    assert index > 0
    assert panel.task_combo.itemText(index).startswith("wan2.2-t2i-flash · ")
    panel.task_combo.setCurrentIndex(index)

    shown = [panel.model.exchange(row) for row in range(panel.model.rowCount())]
    assert shown and all(exchange.task == first.id for exchange in shown)
    assert {exchange.kind for exchange in shown} >= {"submit", "poll", "download"}

    panel.set_selected_task(second.id)
    panel.selected_only_check.setChecked(True)
    assert not panel.task_combo.isEnabled()
    shown = [panel.model.exchange(row) for row in range(panel.model.rowCount())]
    assert shown and all(exchange.task == second.id for exchange in shown)
    panel.set_selected_task(None)
    assert panel.model.rowCount() == 0

    panel.selected_only_check.setChecked(False)
    panel.task_combo.setCurrentIndex(0)
    assert panel.model.rowCount() == total


def test_save_har_through_dialog(
    panel: InspectorPanel, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    run_task(services, qtbot, "wan2.6-t2i", "sync")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=5000)
    target = tmp_path / "session.har"

    qtbot.mouseClick(panel.save_har_button, Qt.MouseButton.LeftButton)
    dialog = panel.file_dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()
    assert not dialog.isModal() or dialog.windowModality() != Qt.WindowModality.ApplicationModal
    dialog.selectFile(str(target))
    dialog.accept()

    qtbot.waitUntil(target.exists, timeout=5000)
    log = json.loads(target.read_text("utf-8"))["log"]
    assert len(log["entries"]) == panel.model.rowCount()
    assert FAKE_KEY not in target.read_text("utf-8")
    assert "session.har" in panel.status_label.text()


def test_save_scripts_writes_every_format(
    panel: InspectorPanel, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    run_task(services, qtbot, "wan2.2-t2i-flash", "async")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 3, timeout=5000)
    row = next(row for row in range(panel.model.rowCount())
               if panel.model.exchange(row).kind == "submit")
    panel.select_row(row)

    written = panel.save_scripts(tmp_path)

    names = sorted(path.name for path in written)
    assert names == ["request.cmd", "request.json", "request.ps1", "request.sh",
                     "request_httpx.py", "request_sdk.py"]


def test_load_history_adds_earlier_sessions(
    services: Services, qtbot: QtBot, panel: InspectorPanel
) -> None:
    run_task(services, qtbot, "wan2.6-t2i", "sync")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=5000)
    live = panel.model.rowCount()
    fresh = InspectorPanel(services.catalog, services.library)
    qtbot.addWidget(fresh)
    assert fresh.model.rowCount() == 0

    qtbot.mouseClick(fresh.history_button, Qt.MouseButton.LeftButton)

    assert fresh.model.rowCount() == live
    assert f"Loaded {live}" in fresh.status_label.text()
    # Exchanges already listed are not added twice.
    assert panel.load_history() == 0
    assert panel.model.rowCount() == live


def test_timing_headers_highlighted(qtbot: QtBot) -> None:
    inspector = InspectorPanel()
    qtbot.addWidget(inspector)
    exchange = Exchange(
        id=1,
        kind="sync_call",
        task=None,
        method="POST",
        url="https://dashscope.aliyuncs.com/api/v1/services/aigc/multimodal-generation/generation",
        request_headers=(("authorization", "Bearer sk-…abcd"),),
        request_body=b'{"model": "wan2.6-t2i"}',
        started_at=1_767_000_000.0,
        status=200,
        response_headers=(
            ("content-type", "application/json"),
            ("x-request-id", "r-1"),
            ("req-cost-time", "2150"),
            ("x-envoy-upstream-service-time", "2148"),
            ("x-dashscope-timeout", "298"),
        ),
        response_body=b'{"request_id": "r-1"}',
        response_size=21,
        time_to_headers=2.2,
        total_time=2.3,
    )
    inspector.add_exchange(exchange)
    inspector.select_row(0)

    kinds = {
        inspector.response_headers.item(row, 0).text(): inspector.response_headers.item(
            row, 0
        ).data(Qt.ItemDataRole.UserRole)
        for row in range(inspector.response_headers.rowCount())
    }
    assert kinds == {
        "content-type": None,
        "x-request-id": "request_id",
        "req-cost-time": "timing",
        "x-envoy-upstream-service-time": "timing",
        "x-dashscope-timeout": "timing",
    }
    timing = inspector.summary_labels["service_timing"].text()
    assert "req-cost-time: 2150" in timing
    assert "x-dashscope-timeout: 298" in timing
    assert inspector.summary_labels["time_to_headers"].text() == "2200 ms"
    assert inspector.summary_labels["total_time"].text() == "2300 ms"


def test_controls_named_and_reachable(qtbot: QtBot) -> None:
    inspector = InspectorPanel()
    qtbot.addWidget(inspector)
    inspector.show()
    # Qt's own helper widgets, such as the table corner button, are named qt_*.
    controls = [
        widget for widget in inspector.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QComboBox | QPlainTextEdit | QTableView)
        and not widget.objectName().startswith("qt_")
    ]
    assert len(controls) > 12
    for control in controls:
        if isinstance(control.parent(), QComboBox):
            continue
        assert control.objectName(), type(control).__name__
        assert control.accessibleName(), control.objectName()
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus, control.objectName()
    for button in inspector.findChildren(QPushButton) + inspector.findChildren(QCheckBox):
        assert "&" in button.text(), button.objectName()


def test_language_switch_translates_panel(qtbot: QtBot, qapp: QApplication) -> None:
    languages = LanguageManager(resource_dir() / "i18n", qapp)
    inspector = InspectorPanel()
    qtbot.addWidget(inspector)
    try:
        languages.apply("zh_CN")
        qtbot.waitUntil(lambda: "复制" in inspector.copy_id_button.text(), timeout=3000)
        assert inspector.tabs.tabText(0) != "Summary"
        assert inspector.model.headerData(0, Qt.Orientation.Horizontal) != "Time"
    finally:
        languages.apply("en")
    qtbot.waitUntil(lambda: inspector.copy_id_button.text() == "Copy request &ID", timeout=3000)


def test_table_model_orders_and_deduplicates(qapp: QApplication) -> None:
    model = ExchangeTableModel()

    def exchange(number: int, started: float, task: str | None) -> Exchange:
        return Exchange(
            id=number, kind="poll", task=task, method="GET", url=f"http://h/api/v1/tasks/{number}",
            request_headers=(), request_body=b"", started_at=started,
        )

    assert model.add(exchange(1, 10.0, "a"))
    assert model.add(exchange(2, 30.0, None))
    assert model.add_many([exchange(3, 20.0, "b"), exchange(1, 10.0, "a")]) == 1
    assert not model.add(exchange(2, 30.0, None))

    assert [model.exchange(row).id for row in range(model.rowCount())] == [2, 3, 1]
    assert model.tasks() == ["b", "a"]
    model.set_task_filter("")
    assert [model.exchange(row).id for row in range(model.rowCount())] == [2]
    model.set_task_filter("a")
    assert model.rowCount(QModelIndex()) == 1
    assert model.total_count() == 3


def test_dock_in_main_window(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The main window's inspector opens with Ctrl+I and follows the selected task."""
    dock = window.inspector_dock
    assert isinstance(dock, InspectorDock)
    assert not dock.isVisible()

    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dock.isVisible, timeout=3000)
    window.select_model("wan2.6-t2i")
    assert window.form is not None
    window.form.set_values({"prompt": "一只猫"})
    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    local_id = submitted.args[0].id
    qtbot.waitUntil(lambda: not services.engine.is_active(local_id), timeout=20000)
    dock.panel.selected_only_check.setChecked(True)

    rows = [dock.panel.model.exchange(row) for row in range(dock.panel.model.rowCount())]
    assert rows
    assert {exchange.task for exchange in rows} == {local_id}
    assert dock.windowTitle() == "HTTP inspector"
    for control in dock.findChildren(QWidget):
        if isinstance(control, QAbstractButton | QComboBox) and control.isVisible():
            assert control.objectName(), type(control).__name__
            assert control.accessibleName() or control.text(), control.objectName()
