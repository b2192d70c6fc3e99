"""The mask painter on its own: brush, eraser, rectangle, invert, clear, undo, keyboard
painting, and the saved PNG (base size, only pure black and white)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.widgets.mask_painter import BRUSH, ERASER, RECTANGLE, MaskCanvas, MaskPainterDialog
from tests.qt_fixtures import destroy_now

pytestmark = pytest.mark.timeout(30)

BASE_SIZE = (320, 200)


def base_image() -> QImage:
    image = QImage(*BASE_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 140, 200))
    return image


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[MaskPainterDialog]:
    painter = MaskPainterDialog(base_image(), tmp_path / "masks", base_name="照片 1")
    qtbot.addWidget(painter)
    painter.show()
    qtbot.waitExposed(painter)
    painter.activateWindow()
    painter.canvas.setFocus()
    yield painter
    painter.close()
    painter.deleteLater()
    destroy_now()


def send_mouse(canvas: MaskCanvas, kind: QEvent.Type, pixel: QPoint, held: bool) -> None:
    position = canvas.to_widget(pixel)
    button = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    global_position = QPointF(canvas.mapToGlobal(position.toPoint()))
    event = QMouseEvent(
        kind,
        position,
        global_position,
        Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, event)


def drag(canvas: MaskCanvas, points: list[QPoint]) -> None:
    send_mouse(canvas, QEvent.Type.MouseButtonPress, points[0], held=True)
    for point in points[1:]:
        send_mouse(canvas, QEvent.Type.MouseMove, point, held=True)
    send_mouse(canvas, QEvent.Type.MouseButtonRelease, points[-1], held=False)


def mask_value(canvas: MaskCanvas, x: int, y: int) -> int:
    return canvas.mask_image.pixelColor(x, y).red()


def mask_values(canvas: MaskCanvas) -> set[int]:
    image = canvas.mask_image
    return {image.pixelColor(x, y).red() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_brush_stroke_paints_white(dialog: MaskPainterDialog) -> None:
    canvas = dialog.canvas
    dialog.size_spin.setValue(12)
    drag(canvas, [QPoint(40, 100), QPoint(120, 100), QPoint(200, 100)])
    assert mask_value(canvas, 40, 100) == 255
    assert mask_value(canvas, 120, 100) == 255
    assert mask_value(canvas, 200, 100) == 255
    assert mask_value(canvas, 120, 150) == 0
    assert mask_value(canvas, 5, 5) == 0
    assert mask_values(canvas) == {0, 255}
    assert dialog.undo_button.isEnabled()


def test_eraser_and_rectangle(dialog: MaskPainterDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    qtbot.mouseClick(dialog.rectangle_button, Qt.MouseButton.LeftButton)
    assert canvas.tool == RECTANGLE
    drag(canvas, [QPoint(50, 40), QPoint(150, 120)])
    assert mask_value(canvas, 50, 40) == 255
    assert mask_value(canvas, 150, 120) == 255
    assert mask_value(canvas, 100, 80) == 255
    assert mask_value(canvas, 151, 121) == 0
    qtbot.mouseClick(dialog.eraser_button, Qt.MouseButton.LeftButton)
    assert canvas.tool == ERASER
    dialog.size_spin.setValue(10)
    drag(canvas, [QPoint(100, 80), QPoint(101, 80)])
    assert mask_value(canvas, 100, 80) == 0
    assert mask_value(canvas, 60, 50) == 255
    assert mask_values(canvas) == {0, 255}


def test_invert_clear_undo_redo(dialog: MaskPainterDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    drag(canvas, [QPoint(100, 100), QPoint(101, 100)])
    assert mask_value(canvas, 100, 100) == 255
    qtbot.mouseClick(dialog.invert_button, Qt.MouseButton.LeftButton)
    assert mask_value(canvas, 100, 100) == 0
    assert mask_value(canvas, 5, 5) == 255
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert mask_values(canvas) == {0}
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mask_value(canvas, 5, 5) == 255
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mask_value(canvas, 5, 5) == 0
    assert mask_value(canvas, 100, 100) == 255
    qtbot.keyClick(canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert mask_value(canvas, 5, 5) == 255
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert mask_values(canvas) == {0}
    assert not dialog.undo_button.isEnabled()
    assert dialog.redo_button.isEnabled()


def test_keyboard_only_painting(dialog: MaskPainterDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_B)
    assert canvas.tool == BRUSH
    dialog.size_spin.setValue(8)
    start = QPoint(canvas.cursor_position)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    moved = QPoint(canvas.cursor_position)
    assert moved == start + QPoint(8, 0)
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    assert mask_value(canvas, moved.x(), moved.y()) == 255
    assert mask_value(canvas, start.x() - 20, start.y()) == 0

    qtbot.keyClick(canvas, Qt.Key.Key_R)
    assert canvas.tool == RECTANGLE
    qtbot.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    corner = QPoint(canvas.cursor_position)
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    for _step in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    other = QPoint(canvas.cursor_position)
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    middle = (corner + other) / 2
    assert mask_value(canvas, middle.x(), middle.y()) == 255
    assert mask_value(canvas, other.x(), other.y()) == 255

    before = dialog.size_spin.value()
    qtbot.keyClick(canvas, Qt.Key.Key_BracketRight)
    assert dialog.size_spin.value() > before
    assert canvas.brush_size == dialog.size_spin.value()


def test_saved_mask_is_base_size_and_binary(dialog: MaskPainterDialog, tmp_path: Path) -> None:
    canvas = dialog.canvas
    dialog.size_spin.setValue(16)
    drag(canvas, [QPoint(60, 60), QPoint(90, 70), QPoint(140, 90)])
    saved: list[str] = []
    dialog.mask_saved.connect(saved.append)
    path = dialog.save()
    assert path is not None
    assert saved == [str(path)]
    assert path.parent == tmp_path / "masks"
    assert path.name.startswith("mask-1-")
    with Image.open(path) as mask:
        assert mask.format == "PNG"
        assert mask.size == BASE_SIZE
        colours = {colour for _count, colour in mask.convert("RGB").getcolors(maxcolors=1 << 16)}
        assert colours == {(0, 0, 0), (255, 255, 255)}
        rgb = mask.convert("RGB")
        assert rgb.getpixel((90, 70)) == (255, 255, 255)
        assert rgb.getpixel((300, 190)) == (0, 0, 0)
    assert not list((tmp_path / "masks").glob("*.part"))


def test_initial_mask_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    initial = QImage(*BASE_SIZE, QImage.Format.Format_Grayscale8)
    initial.fill(0)
    for x in range(10, 20):
        initial.setPixelColor(x, 10, QColor(255, 255, 255))
    painter = MaskPainterDialog(base_image(), tmp_path, initial_mask=initial)
    qtbot.addWidget(painter)
    assert mask_value(painter.canvas, 15, 10) == 255
    assert mask_value(painter.canvas, 15, 11) == 0
    assert "320*200" in painter.hint.text()
    painter.deleteLater()
