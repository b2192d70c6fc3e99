"""Cancel, resend and track from the task list."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.core.library import TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY

pytestmark = pytest.mark.timeout(60)


def send_prompt(window: MainWindow, prompt: str) -> str:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": prompt, "n": 1})
    record = window.send()
    assert record is not None
    return record.id


def test_running_task_cancel_is_explained(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    config = EmulatorConfig(pending_seconds=0.0, running_seconds=30.0)
    with Emulator(key=FAKE_KEY, config=config) as slow:
        services.use_sandbox(slow.base_url, slow.key)
        local_id = send_prompt(window, "a slow lighthouse")
        qtbot.waitUntil(
            lambda: services.library.get_task(local_id).status == TaskStatus.RUNNING,  # type: ignore[union-attr]
            timeout=10000,
        )
        qtbot.waitUntil(window.cancel_button.isEnabled, timeout=3000)
        window.cancel_button.click()
        qtbot.waitUntil(lambda: "PENDING" in window.task_message.text(), timeout=5000)
        assert "cannot be canceled" in window.task_message.text()
        assert services.library.get_task(local_id).status == TaskStatus.RUNNING  # type: ignore[union-attr]


def test_pending_task_canceled(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    config = EmulatorConfig(pending_seconds=30.0, running_seconds=1.0)
    with Emulator(key=FAKE_KEY, config=config) as slow:
        services.use_sandbox(slow.base_url, slow.key)
        local_id = send_prompt(window, "cancel me")
        qtbot.waitUntil(
            lambda: services.library.get_task(local_id).status == TaskStatus.PENDING,  # type: ignore[union-attr]
            timeout=10000,
        )
        window.cancel_button.click()
        qtbot.waitUntil(
            lambda: services.library.get_task(local_id).status == TaskStatus.CANCELED,  # type: ignore[union-attr]
            timeout=10000,
        )
        assert window.task_message.text() == "Task canceled."
        assert [task.status for task in slow.tasks] == ["CANCELED"]


def test_track_unknown_id_is_explained(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    window.track_edit.setText("  not-a-real-task-id ")
    window.track_button.click()
    assert "not-a-real-task-id" in window.task_message.text()
    record = services.library.tasks()[0]
    assert record.task_id == "not-a-real-task-id"
    qtbot.waitUntil(
        lambda: services.library.get_task(record.id).status == TaskStatus.UNKNOWN,  # type: ignore[union-attr]
        timeout=10000,
    )
    qtbot.waitUntil(window.preview.error_panel.isVisible, timeout=5000)
    explanation = window.preview.error_panel.explanation
    assert explanation is not None
    assert explanation.code == "PixelPost.Task.Unknown"
    assert "24 hours" in explanation.cause.en


def test_resend_sends_the_task_request(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    local_id = send_prompt(window, "original prompt")
    qtbot.waitUntil(lambda: services.library.get_task(local_id).status.is_terminal, timeout=10000)  # type: ignore[union-attr]
    assert window.form is not None
    window.form.set_values({"prompt": "something else entirely"})
    window.resend_button.click()
    qtbot.waitUntil(lambda: len([r for r in emulator.requests if r.method == "POST"]) == 2, timeout=5000)
    bodies = [r.json() for r in emulator.requests if r.method == "POST"]
    assert [body["input"]["prompt"] for body in bodies] == ["original prompt", "original prompt"]
