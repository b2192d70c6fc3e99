"""The history dock: lazy rows, filters, and actions on a task; repro bundles from the window."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gui.core.history import PAGE_SIZE
from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.widgets.history_view import COST, IMAGES, MODEL, STATUS, HistoryPanel
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY, files_containing
from tests.core.history_records import add_task

pytestmark = pytest.mark.timeout(60)

START = datetime(2026, 3, 1, 12, 0)


def history_panel(window: MainWindow) -> HistoryPanel:
    window.saved_work.history_dock.show()
    return window.saved_work.history_dock.panel


def send_and_wait(window: MainWindow, services: Services, qtbot: QtBot, prompt: str) -> TaskRecord:
    assert window.select_model("wanx2.1-t2i-turbo")
    assert window.form is not None
    window.form.set_values({"prompt": prompt, "n": 1})
    record = window.send()
    assert record is not None

    def finished() -> bool:
        current = services.library.get_task(record.id)
        return current is not None and current.status.is_terminal and not current.downloads_pending

    qtbot.waitUntil(finished, timeout=20000)
    final = services.library.get_task(record.id)
    assert final is not None
    return final


def test_lists_sent_task_live(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    panel = history_panel(window)
    assert panel.model.rowCount() == 0
    record = send_and_wait(window, services, qtbot, "一只橘猫")
    qtbot.waitUntil(lambda: panel.model.row_of(record.id) is not None, timeout=5000)
    row = panel.model.row_of(record.id)
    assert row is not None
    qtbot.waitUntil(
        lambda: panel.model.index(row, STATUS).data() == "Succeeded", timeout=5000
    )
    assert panel.model.index(row, IMAGES).data() == "1"
    assert panel.model.index(row, COST).data() == "free (sandbox)"
    assert panel.count_label.text() == "1 requests"


def test_pages_load_while_scrolling(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    with services.library.transaction():
        for number in range(PAGE_SIZE * 2 + 50):
            add_task(
                services.library,
                prompt=f"prompt {number}",
                created=START + timedelta(seconds=number),
                images=1,
            )
    panel = history_panel(window)
    panel.refresh()
    assert panel.model.total == 450
    assert panel.model.rowCount() == PAGE_SIZE
    assert panel.count_label.text() == "200 of 450 requests loaded"
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > PAGE_SIZE, timeout=5000)
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    assert panel.model.rowCount() == 450
    assert panel.count_label.text() == "450 requests"
    first = panel.model.entry(0)
    last = panel.model.entry(449)
    assert first is not None and first.record.prompt == "prompt 449"
    assert last is not None and last.record.prompt == "prompt 0"
    assert panel.model.index(0, COST).data() == "¥0.14"


def test_filters(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    library = services.library
    add_task(library, model="wan2.6-t2i", prompt="kite", created=START, images=2)
    add_task(library, prompt="一只戴着草帽的橘猫", created=START + timedelta(days=1), images=1)
    add_task(library, prompt="failed cat", status=TaskStatus.FAILED, created=START + timedelta(days=2))
    add_task(library, prompt="running", status=TaskStatus.RUNNING, created=START + timedelta(days=3))
    panel = history_panel(window)
    panel.refresh()

    def prompts() -> list[str]:
        return [panel.model.entry(row).record.prompt for row in range(panel.model.rowCount())]  # type: ignore[union-attr]

    assert prompts() == ["running", "failed cat", "一只戴着草帽的橘猫", "kite"]
    assert [panel.model_combo.itemText(i) for i in range(panel.model_combo.count())] == [
        "All models",
        "wan2.6-t2i",
        "wanx2.1-t2i-turbo",
    ]

    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.6-t2i"))
    assert prompts() == ["kite"]
    panel.model_combo.setCurrentIndex(0)

    panel.status_combo.setCurrentIndex(panel.status_combo.findData("failed"))
    assert prompts() == ["failed cat"]
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("unfinished"))
    assert prompts() == ["running"]
    assert panel.model.index(0, COST).data() == "≤ ¥0.56"
    panel.status_combo.setCurrentIndex(0)

    panel.text_edit.setFocus()
    qtbot.keyClicks(panel.text_edit, "CAT")
    qtbot.waitUntil(lambda: prompts() == ["failed cat"], timeout=3000)
    panel.text_edit.setText("橘猫")
    qtbot.waitUntil(lambda: prompts() == ["一只戴着草帽的橘猫"], timeout=3000)
    panel.text_edit.clear()
    qtbot.waitUntil(lambda: len(prompts()) == 4, timeout=3000)

    panel.from_edit.setDate(QDate(2026, 3, 2))
    panel.from_check.setChecked(True)
    assert prompts() == ["running", "failed cat", "一只戴着草帽的橘猫"]
    panel.to_edit.setDate(QDate(2026, 3, 3))
    panel.to_check.setChecked(True)
    assert prompts() == ["failed cat", "一只戴着草帽的橘猫"]
    panel.from_check.setChecked(False)
    assert prompts() == ["failed cat", "一只戴着草帽的橘猫", "kite"]


def test_actions_on_selected_task(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    opened: list[Path] = []
    record = send_and_wait(window, services, qtbot, "A lighthouse at dawn")
    old = add_task(services.library, prompt="old task", created=START, images=1)
    window.task_model.set_records([record])  # the old task is not in the task list
    panel = history_panel(window)
    panel._open_folder = lambda folder: opened.append(folder) or True  # type: ignore[method-assign]
    panel.refresh()

    assert panel.select_task(record.id)
    window.select_model("wan2.6-t2i")
    panel.reopen_button.click()
    assert window.model_name == "wanx2.1-t2i-turbo"
    assert window.form is not None
    assert window.form.values()["prompt"] == "A lighthouse at dawn"
    assert "Press Send" in window.message_label.text()

    panel.exchanges_button.click()
    inspector = window.inspector_dock.panel
    assert window.inspector_dock.isVisible()
    assert inspector.task_combo.currentData() == record.id
    assert inspector.model.rowCount() >= 2
    assert all(inspector.model.exchange(row).task == record.id for row in range(inspector.model.rowCount()))  # type: ignore[union-attr]

    panel.folder_button.click()
    assert opened == [Path(record.saved_files[0]).parent]

    assert panel.select_task(old.id)
    assert not panel.folder_button.isEnabled()  # its image was never saved
    panel.show_task_button.click()
    assert window.task_panel.selected_record() is not None
    assert window.task_panel.selected_record().id == old.id  # type: ignore[union-attr]
    panel.exchanges_button.click()
    assert "No HTTP exchange" in panel.message.text()


def test_bundle_from_history_and_task_list(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    record = send_and_wait(window, services, qtbot, "A lighthouse on a cliff")
    panel = history_panel(window)
    panel.refresh()
    assert panel.select_task(record.id)

    panel.bundle_button.click()
    dialog = window.saved_work.bundle_dialog
    assert dialog is not None
    target = tmp_path / "bundles" / "history.zip"
    target.parent.mkdir()
    dialog.fileSelected.emit(str(target))
    assert "Saved the repro bundle" in panel.message.text()
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
    assert "README.txt" in names
    assert f"images/{Path(record.saved_files[0]).name}" in names

    window.task_panel.select_task(record.id)
    window.task_view.customContextMenuRequested.emit(QPoint(5, 5))
    menu = window.task_panel.context_menu
    assert menu is not None
    actions = [action.text() for action in menu.actions()]
    assert "Export repro bundle…" in actions
    menu.close()
    window.saved_work.bundle_action.trigger()
    second = window.saved_work.bundle_dialog
    assert second is not None
    assert second.selectedFiles()[0].endswith(f"pixelpost-task-{record.id[:8]}.zip")
    second.fileSelected.emit(str(tmp_path / "bundles" / "tasks.zip"))
    assert "Saved the repro bundle" in window.task_panel.message.text()

    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    text = window.saved_work.export_bundle(record.id, blocked / "x.zip")
    assert "was not saved" in text

    assert files_containing(tmp_path, FAKE_KEY) == []


def test_history_controls_named(window: MainWindow) -> None:
    panel = history_panel(window)
    controls = [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox)
        and w.isVisible()
        and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)
    ]
    assert len(controls) >= 12
    for control in controls:
        assert control.objectName()
        assert control.accessibleName() or (
            isinstance(control, QAbstractButton) and control.text()
        ), control.objectName()
    toggle = window.saved_work.history_dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    assert toggle.shortcut().toString() == "Ctrl+H"


def test_history_translated(window: MainWindow, qtbot: QtBot) -> None:
    panel = history_panel(window)
    window.language_combo.setCurrentIndex(window.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: "发送" in window.send_button.text(), timeout=3000)
    # Strings the task list already uses are translated before this view's own.
    assert panel.model.headerData(MODEL, Qt.Orientation.Horizontal) == "模型"
    assert panel.model.headerData(STATUS, Qt.Orientation.Horizontal) == "状态"
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    qtbot.waitUntil(lambda: "Send" in window.send_button.text(), timeout=3000)
    assert panel.model.headerData(MODEL, Qt.Orientation.Horizontal) == "Model"
