"""Dropping a saved result onto the main window reopens its request."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.core.png_metadata import read_recipe
from gui.core.services import Services
from gui.widgets.main_window import MainWindow
from tests.gallery_results import write_result

pytestmark = pytest.mark.timeout(60)

PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格"


def file_drag(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return data


def drop_on(window: MainWindow, target: QWidget, data: QMimeData) -> bool:
    """Drag ``data`` over ``target`` and drop it there, as the platform would.

    The events go to the window's QWindow, which hands them to the widget under
    the cursor like a real drag does. Returns whether the drag was accepted.
    """
    handle = window.windowHandle()
    assert handle is not None
    position = QPointF(target.mapTo(window, target.rect().center()))
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(position.toPoint(), action, data, buttons, modifiers)
    QApplication.sendEvent(handle, enter)
    move = QDragMoveEvent(position.toPoint(), action, data, buttons, modifiers)
    QApplication.sendEvent(handle, move)
    accepted = move.isAccepted()
    drop = QDropEvent(position, action, data, buttons, modifiers)
    QApplication.sendEvent(handle, drop)
    return accepted


def finished(services: Services, local_id: str) -> bool:
    record = services.library.get_task(local_id)
    return record is not None and record.status.is_terminal and not record.downloads_pending


def test_dropped_png_reopens_request(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values(
        {"prompt": PROMPT, "negative_prompt": "低质量", "n": 1, "size": "1024*768", "seed": 321}
    )
    sent_values = window.form.values()
    record = window.send()
    assert record is not None
    qtbot.waitUntil(lambda: finished(services, record.id), timeout=20000)
    saved = services.library.get_task(record.id)
    assert saved is not None
    png = Path(saved.saved_files[0])
    assert read_recipe(png).model == "wan2.2-t2i-flash"

    # Somewhere else entirely: another model with other values.
    window.select_model("wan2.6-t2i")
    window.form.set_values({"prompt": "something else", "seed": 5})
    window.mode_combo.setCurrentIndex(window.mode_combo.findData("sync"))
    assert drop_on(window, window.preview, file_drag(png))

    assert window.model_name == "wan2.2-t2i-flash"
    assert window.region == "sandbox"
    assert window.mode == "async"
    assert window.form.values() == sent_values
    assert window.message_label.text() == f"Opened the request saved in {png.name}."
    again = window.send()
    assert again is not None
    assert again.body == saved.body


def test_png_without_recipe_is_explained(window: MainWindow, tmp_path: Path) -> None:
    plain = tmp_path / "holiday.png"
    Image.new("RGB", (20, 20), "orange").save(plain)
    model_before = window.model_name

    assert drop_on(window, window.task_view, file_drag(plain))

    assert window.message_label.text() == (
        "holiday.png has no PixelPost recipe: only images saved by PixelPost carry the "
        "request behind them."
    )
    assert window.model_name == model_before


def test_corrupt_png_is_explained(window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")

    drop_on(window, window.preview, file_drag(broken))

    assert window.message_label.text().startswith(
        "The PixelPost recipe in broken.png could not be read:"
    )


def test_jpeg_opens_through_its_sidecar(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    png = write_result(tmp_path, 1, model="wan2.2-t2i-flash", prompt="dunes at noon", seed=9)
    jpeg = png.with_suffix(".jpg")
    with Image.open(png) as image:
        image.save(jpeg, "JPEG")

    drop_on(window, window.preview, file_drag(jpeg))

    assert window.model_name == "wan2.2-t2i-flash"
    assert window.form is not None
    assert window.form.values()["prompt"] == "dunes at noon"
    assert window.form.values()["seed"] == 9


def test_first_droppable_file_is_used(window: MainWindow, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a result")
    png = write_result(tmp_path, 1, model="wan2.2-t2i-flash", prompt="first real one", embed=True)
    png.with_name(png.stem + ".json").unlink()  # only the PNG metadata is left

    drop_on(window, window.preview, file_drag(notes, png))

    assert window.form is not None
    assert window.form.values()["prompt"] == "first real one"


def test_text_drag_is_not_taken(window: MainWindow, tmp_path: Path) -> None:
    data = QMimeData()
    data.setText("just words")
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])

    assert not drop_on(window, window.preview, data)
    assert not drop_on(window, window.preview, other)
    assert window.message_label.text() == ""


class DropTaker(QWidget):
    """Stands in for an image field's own file-drop support: it takes every file drop."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.dropped: list[str] = []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.dropped.extend(url.toLocalFile() for url in event.mimeData().urls())
        event.acceptProposedAction()


def test_image_field_keeps_its_drops(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    png = write_result(tmp_path, 1, model="wan2.2-t2i-flash", prompt="for the field", embed=True)
    assert window.select_model("wanx2.1-imageedit")
    assert window.form is not None
    field = window.form.editors["base_image_url"]
    assert field.spec.type == "image"
    taker = DropTaker(field)
    taker.setGeometry(field.input.geometry())
    taker.show()
    taker.raise_()
    qtbot.waitUntil(taker.isVisible, timeout=3000)

    assert drop_on(window, taker, file_drag(png))

    assert taker.dropped == [str(png)]
    assert window.model_name == "wanx2.1-imageedit"
    assert window.message_label.text() == ""


def test_drop_on_text_box_opens_request(window: MainWindow, tmp_path: Path) -> None:
    png = write_result(tmp_path, 1, model="wan2.2-t2i-flash", prompt="from the text box", embed=True)
    window.select_model("wan2.6-t2i")
    assert window.form is not None
    prompt_box = window.form.editors["prompt"].input
    assert prompt_box.acceptDrops() or prompt_box.findChildren(QWidget)

    assert drop_on(window, prompt_box, file_drag(png))

    assert window.model_name == "wan2.2-t2i-flash"
    assert window.form.values()["prompt"] == "from the text box"
    assert "file:" not in window.form.values()["prompt"]


def test_real_image_field_keeps_drops(window: MainWindow, tmp_path: Path) -> None:
    png = write_result(tmp_path, 1, model="wan2.2-t2i-flash", prompt="for the field", embed=True)
    assert window.select_model("wanx2.1-imageedit")
    assert window.form is not None
    target = window.form.editors["base_image_url"].input

    drop_on(window, target, file_drag(png))

    assert window.model_name == "wanx2.1-imageedit"
    assert not window.message_label.text().startswith("Opened")
    assert png.name in str(window.form.values()["base_image_url"])
