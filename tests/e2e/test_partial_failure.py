"""A task that succeeds with some images failed: what is saved and how it is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.core.explain import load_error_catalog
from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.sandbox.faults import PartialFailure
from gui.widgets.main_window import MainWindow
from gui.widgets.task_list import STATUS
from tests.qt_fixtures import wait_for_task

pytestmark = pytest.mark.timeout(60)

MESSAGE = "Output data may contain inappropriate content."


def test_two_of_four_failed(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    emulator.faults.add(
        "submit", PartialFailure(indices=(1, 3), code="DataInspectionFailed", message=MESSAGE)
    )
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "four paper cranes", "n": 4})
    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    local_id = submitted.args[0].id
    record = wait_for_task(qtbot, services, local_id)
    assert record.status == TaskStatus.SUCCEEDED
    assert record.error_code == "PixelPost.Task.PartialFailure"
    assert [image.error_code for image in record.results] == [
        None,
        "DataInspectionFailed",
        None,
        "DataInspectionFailed",
    ]
    saved = record.saved_files
    assert len(saved) == 2
    assert all(Path(file).stat().st_size > 0 for file in saved)

    row = window.task_model.row_of(local_id)
    assert row is not None
    status = window.task_model.data(window.task_model.index(row, STATUS))
    assert status == "Succeeded, 2 of 4 failed"

    window.task_panel.select_task(local_id)
    catalog = load_error_catalog()
    image_error = catalog.explain("DataInspectionFailed", MESSAGE)
    panel = window.preview.error_panel
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert panel.title.text() == "Some images failed"
    details = window.preview.details.text()
    assert "2 of 4 images failed; the others are saved." in details
    for number in (2, 4):
        line = f"Image {number} failed: {image_error.title.en} (DataInspectionFailed: {MESSAGE})."
        assert line in details
    assert image_error.fix.en in details
    assert len(window.preview.image_labels) == 2


def send_and_wait(window: MainWindow, services: Services, qtbot: QtBot) -> TaskRecord:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "a paper lantern", "n": 1})
    record = window.send()
    assert record is not None
    latest = wait_for_task(qtbot, services, record.id)
    window.task_panel.select_task(latest.id)
    return latest


def status_text(window: MainWindow, record: TaskRecord) -> str:
    row = window.task_model.row_of(record.id)
    assert row is not None
    return str(window.task_model.data(window.task_model.index(row, STATUS)))


def test_html_gateway_error_explained(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    emulator.faults.add_spec("submit non_json status=502")
    record = send_and_wait(window, services, qtbot)
    assert record.status == TaskStatus.ERROR
    assert record.error_status == 502
    assert "<html" not in (record.error_message or "").lower()
    panel = window.preview.error_panel
    assert panel.isVisible()
    assert panel.title.text() == "Server error"
    assert status_text(window, record) == "Error: Server error"


def test_arrearage_opens_billing_console(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    opened: list[str] = []
    window.open_url = lambda url: opened.append(url.toString()) or True  # type: ignore[method-assign]
    emulator.faults.add_spec("submit http_error code=Arrearage")
    send_and_wait(window, services, qtbot)
    panel = window.preview.error_panel
    assert panel.action_button.isVisible()
    assert panel.action_button.text() == "Open billing console"
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://usercenter2.aliyun.com/home"]


def test_every_download_failed_wording(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    emulator.faults.add_spec("submit expire_urls")
    record = send_and_wait(window, services, qtbot)
    assert [image.error_code for image in record.results] == ["PixelPost.Download.Expired"]
    assert status_text(window, record) == "Succeeded, but no image was saved"
    details = window.preview.details.text()
    assert "No image could be saved." in details
    assert "the others are saved" not in details
    assert "<?xml" not in details
    assert "<Code>" not in details


def inspector_titles(window: MainWindow, kind: str) -> list[str]:
    """Return the explanation title the inspector shows for each exchange of ``kind``."""
    inspector = window.inspector_dock.panel
    inspector.set_selected_task(None)
    titles = []
    for row in range(inspector.model.rowCount()):
        exchange = inspector.model.exchange(row)
        if exchange is None or exchange.kind != kind:
            continue
        inspector.select_row(row)
        panel = inspector.error_panel
        assert panel is not None
        titles.append(panel.title.text() if panel.explanation is not None else "")
    return titles


def test_inspector_explains_failures_inside_200(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    catalog = load_error_catalog()
    emulator.faults.add(
        "submit", PartialFailure(indices=(0,), code="DataInspectionFailed", message=MESSAGE)
    )
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "two paper boats", "n": 2})
    partial = window.send()
    assert partial is not None
    wait_for_task(qtbot, services, partial.id)
    titles = inspector_titles(window, "poll")
    assert titles[0] == "Some images failed"  # the newest query reports the finished task
    emulator.faults.add_spec("submit task_failed code=IPInfringementSuspect")
    failed = window.send()
    assert failed is not None
    wait_for_task(qtbot, services, failed.id)
    expected = catalog.explain("IPInfringementSuspect").title.en
    assert inspector_titles(window, "poll")[0] == expected
    assert "" in inspector_titles(window, "poll")  # a PENDING or RUNNING reply has no error
