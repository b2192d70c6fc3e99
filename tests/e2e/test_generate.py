"""The whole app in a window: type a prompt, send, watch the task, see and find the image."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gui.core.library import TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.main_window import MainWindow
from gui.widgets.task_list import STATUS

pytestmark = pytest.mark.timeout(60)

PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格 “引号” ☀"


def test_chinese_prompt_generates_saved_image(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    window.select_model("wan2.6-t2i")
    assert window.form is not None
    prompt_edit = window.form.editors["prompt"].input
    assert isinstance(prompt_edit, QPlainTextEdit)
    prompt_edit.setFocus()
    # Chinese text arrives from an input method as a committed string; QTest can
    # only type ASCII keys.
    commit = QInputMethodEvent()
    commit.setCommitString(PROMPT)
    QApplication.sendEvent(prompt_edit, commit)
    assert window.form.values()["prompt"] == PROMPT

    seen: list[TaskStatus] = []
    window.bridge.task_changed.connect(lambda record: seen.append(record.status))
    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    local_id = submitted.args[0].id

    def finished() -> bool:
        record = services.library.get_task(local_id)
        return record is not None and record.status.is_terminal and not record.downloads_pending

    qtbot.waitUntil(finished, timeout=20000)
    record = services.library.get_task(local_id)
    assert record is not None
    assert record.status == TaskStatus.SUCCEEDED
    assert [s for s in dict.fromkeys(seen) if s.value in ("PENDING", "RUNNING", "SUCCEEDED")] == [
        TaskStatus.PENDING,
        TaskStatus.RUNNING,
        TaskStatus.SUCCEEDED,
    ]

    row = window.task_model.row_of(local_id)
    assert row == 0
    assert window.task_model.index(row, STATUS).data() == "Succeeded"
    qtbot.waitUntil(lambda: len(window.preview.image_labels) == 1, timeout=5000)
    pixmap = window.preview.image_labels[0].pixmap()
    assert not pixmap.isNull()

    file = Path(record.saved_files[0])
    with Image.open(file) as image:
        assert image.size == (1280, 1280)
    sidecar = json.loads(file.with_name(file.stem + ".json").read_text(encoding="utf-8"))
    assert sidecar["orig_prompt"] == PROMPT
    assert sidecar["request"]["input"]["messages"][0]["content"][0]["text"] == PROMPT

    submits = [r for r in emulator.requests if r.method == "POST"]
    assert len(submits) == 1
    received = json.loads(submits[0].body.decode("utf-8"))
    assert received["input"]["messages"][0]["content"][0]["text"] == PROMPT
    assert PROMPT.encode("utf-8") in submits[0].body


def test_ctrl_enter_sends(window: MainWindow, qtbot: QtBot) -> None:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "a lighthouse"})
    with qtbot.waitSignal(window.task_submitted, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("size", "1024x1024", "asterisk"),
        ("size", "2048*1024", "512 to 1440"),
        ("prompt", "x" * 501, "501"),
    ],
)
def test_invalid_input_not_sent(
    window: MainWindow, emulator: Emulator, field: str, value: object, expected: str | None
) -> None:
    window.select_model("wan2.2-t2i-flash")
    form = window.form
    assert form is not None
    form.set_values({"prompt": "a lighthouse", field: value})
    assert window.send() is None
    assert expected in window.message_label.text()
    assert expected in form.editors[field].error.text()
    assert not [r for r in emulator.requests if r.method == "POST"]


def test_missing_key_opens_key_dialog(window: MainWindow, qtbot: QtBot) -> None:
    window.select_region("beijing")
    window.select_model("wan2.6-t2i")
    assert window.form is not None
    window.form.set_values({"prompt": "a lighthouse"})
    assert window.send() is None
    assert "No API key" in window.message_label.text()
    qtbot.waitUntil(lambda: window.key_dialog.isVisible(), timeout=3000)
    window.key_dialog.close()


def test_model_not_in_region_is_caught(window: MainWindow) -> None:
    window.select_region("virginia")
    window.select_model("wanx-v1")
    assert not window.send_button.isEnabled()
    assert "not offered" in window.endpoint_label.text()
    assert window.send() is None


def test_window_session_writes_no_key(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """Logs, history, sidecars and settings written by a window session hold no key."""
    import logging

    from gui.core.logs import configure_logging
    from tests.conftest import FAKE_KEY, files_containing

    handler = configure_logging(services.paths.log_dir, logging.DEBUG)
    try:
        services.keys.set("beijing", "sk-test-fake-beijing-0000000000c0de")
        window.select_model("wan2.2-t2i-flash")
        assert window.form is not None
        window.form.set_values({"prompt": "a lighthouse", "n": 1})
        record = window.send()
        assert record is not None

        def saved() -> bool:
            current = services.library.get_task(record.id)
            return current is not None and bool(current.saved_files)

        qtbot.waitUntil(saved, timeout=20000)
        window.language_combo.setCurrentIndex(1)  # writes the settings file
        window._settings.sync()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    home = services.paths.results_dir.parent
    assert services.paths.settings_file.exists()
    assert (services.paths.log_dir / "pixelpost.log").stat().st_size > 0
    assert files_containing(home, FAKE_KEY) == []
    assert files_containing(home, "sk-test-fake-beijing-0000000000c0de") == []
