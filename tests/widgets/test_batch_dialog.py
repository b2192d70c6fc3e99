"""A batch from a prompt list runs through the queue to saved images."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.core.library import TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.main_window import MainWindow

pytestmark = pytest.mark.timeout(60)


def test_batch_of_prompts_finishes(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot, tmp_path: Path
) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("一只猫\na red kite\n\na lighthouse\n", encoding="utf-8")
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"n": 1})
    dialog = window.open_batch_dialog()
    assert dialog is not None
    plan = dialog.load(prompts)
    assert plan is not None
    assert "3 of 3 rows" in dialog.summary_label.text()
    assert "¥0.42" in dialog.summary_label.text()
    submitted = dialog.start()
    assert len(submitted) == 3
    qtbot.waitUntil(lambda: dialog.finished_count == 3, timeout=30000)
    assert "3 of 3 tasks succeeded" in dialog.summary_label.text()
    assert dialog.progress.value() == 3
    statuses = [services.library.get_task(record.id).status for record in submitted]  # type: ignore[union-attr]
    assert statuses == [TaskStatus.SUCCEEDED] * 3
    sent = sorted(request.json()["input"]["prompt"] for request in emulator.requests if request.method == "POST")
    assert sent == sorted(["一只猫", "a red kite", "a lighthouse"])
    dialog.close()


def test_batch_reports_bad_rows(window: MainWindow, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("prompt,size\na cat,1024x1024\na dog,1024*1024\n", encoding="utf-8")
    window.select_model("wan2.2-t2i-flash")
    dialog = window.open_batch_dialog()
    assert dialog is not None
    dialog.load(rows)
    text = dialog.summary_label.text()
    assert "1 of 2 rows" in text
    assert "Line 2 is skipped" in text
    assert "asterisk" in text
    dialog.close()
