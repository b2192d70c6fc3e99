"""The spend view: rows per model and day, free quota used, totals and the shared-quota reminder."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.widgets.main_window import MainWindow
from gui.widgets.spend_view import COST, DAY, FREE, IMAGES, MODEL, PRICE
from tests.core.history_records import add_task

pytestmark = pytest.mark.timeout(60)


def test_spend_view_rows_and_reminder(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    library = services.library
    model = "qwen-image-2.0-pro"  # ¥0.50 an image, 100 free in Beijing
    add_task(library, model=model, created=datetime(2026, 3, 1, 10), images=90)
    add_task(library, model=model, created=datetime(2026, 3, 2, 10), images=20)
    add_task(library, model="flux-schnell", created=datetime(2026, 3, 2, 11), images=1)
    add_task(library, region="sandbox", created=datetime(2026, 3, 2, 12), images=3)

    assert window.saved_work.spend_action in window.tools_menu.actions()
    window.saved_work.spend_action.trigger()
    dialog = window.saved_work.spend_dialog
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)

    table = dialog.model
    rows = [
        [table.index(row, column).data() for column in (DAY, MODEL, IMAGES, FREE, PRICE, COST)]
        for row in range(table.rowCount())
    ]
    assert rows == [
        ["2026-03-02", "flux-schnell", "1", "", "—", "—"],
        ["2026-03-02", model, "20", "10", "¥0.5", "¥5.00"],
        ["2026-03-02", "wanx2.1-t2i-turbo", "3", "", "free (sandbox)", "¥0.00"],
        ["2026-03-01", model, "90", "90", "¥0.5", "¥0.00"],
    ]
    reminder = dialog.reminder.text()
    assert "shared by the whole Alibaba Cloud account" in reminder
    assert "colleagues" in reminder
    assert "estimates" in reminder
    assert dialog.total_label.text().startswith("114 images, estimated ¥5.00")
    assert "1 images have no known price" in dialog.total_label.text()
    assert f"{model}: 110 of 100 free images used in Beijing, 0 left." in dialog.quota_label.text()

    add_task(library, model=model, created=datetime(2026, 3, 3, 10), images=2)
    window.saved_work.spend_action.trigger()
    assert window.saved_work.spend_dialog is dialog
    assert dialog.total_label.text().startswith("116 images, estimated ¥6.00")
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_spend_view_empty(window: MainWindow) -> None:
    dialog = window.saved_work.open_spend_dialog()
    assert dialog.model.rowCount() == 0
    assert dialog.total_label.text().startswith("0 images")
    assert "No image of this history used a free quota." in dialog.quota_label.text()
    dialog.close()
