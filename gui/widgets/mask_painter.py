"""The mask painter: paint the area to edit over a base image and save it as a mask.

The mask has exactly the base image's pixel size. White marks the area the model
may change and black the area to keep, as the editing APIs expect. Painting never
blends: the brush, eraser and rectangle write pure white or pure black without
antialiasing, and saving thresholds again, so the file contains no grey pixels.

Everything works from the keyboard. B, E and R choose the brush, eraser and
rectangle, and [ and ] change the brush size. On the canvas the arrow keys move
the cursor (Shift moves faster), and Space paints there or sets a rectangle corner.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.core.local_images import save_mask
from gui.widgets.translate import tr

BRUSH, ERASER, RECTANGLE = "brush", "eraser", "rectangle"
EDIT, KEEP = 255, 0
OVERLAY_COLOUR = QColor(255, 48, 48)
OVERLAY_OPACITY = 0.55
# Undo steps are kept while their masks take no more than this many bytes in total.
UNDO_BYTES = 256 * 1024 * 1024


class MaskCanvas(QWidget):
    """Shows the base image with the mask over it, and paints the mask in image pixels."""

    mask_changed = Signal()
    """Emitted after every stroke, rectangle, inversion, clearing, undo or redo."""

    def __init__(self, base: QImage, mask: QImage | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("maskCanvas")
        self.base = base.convertToFormat(QImage.Format.Format_RGB32)
        if mask is not None and mask.size() == base.size():
            self.mask_image = mask.convertToFormat(QImage.Format.Format_Grayscale8)
        else:
            self.mask_image = QImage(base.size(), QImage.Format.Format_Grayscale8)
            self.mask_image.fill(KEEP)
        self.tool = BRUSH
        self.brush_size = max(4, min(base.width(), base.height()) // 16)
        self.cursor_position = QPoint(base.width() // 2, base.height() // 2)
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPoint | None = None
        self._anchor: QPoint | None = None
        self._display_base: QImage | None = None
        self._display_overlay: QImage | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:
        return QSize(720, 540)

    # Geometry

    def image_rect(self) -> QRectF:
        """Return where the image is drawn: centred, as large as fits, aspect kept."""
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        scale = min(area.width() / self.base.width(), area.height() / self.base.height())
        width, height = self.base.width() * scale, self.base.height() * scale
        left = area.left() + (area.width() - width) / 2
        top = area.top() + (area.height() - height) / 2
        return QRectF(left, top, width, height)

    def to_image(self, point: QPointF) -> QPoint:
        """Map a widget position to the image pixel under it, clamped to the image."""
        target = self.image_rect()
        x = (point.x() - target.left()) * self.base.width() / target.width()
        y = (point.y() - target.top()) * self.base.height() / target.height()
        return QPoint(
            min(max(int(x), 0), self.base.width() - 1), min(max(int(y), 0), self.base.height() - 1)
        )

    def to_widget(self, point: QPoint) -> QPointF:
        """Map an image pixel to the widget position of its centre."""
        target = self.image_rect()
        return QPointF(
            target.left() + (point.x() + 0.5) * target.width() / self.base.width(),
            target.top() + (point.y() + 0.5) * target.height() / self.base.height(),
        )

    # Painting operations, in image pixels

    def begin_change(self) -> None:
        """Keep the current mask for undo; call before each change."""
        self._undo.append(self.mask_image.copy())
        self._redo.clear()
        limit = max(3, UNDO_BYTES // max(1, self.mask_image.sizeInBytes()))
        del self._undo[:-limit]

    def paint_line(self, start: QPoint, end: QPoint) -> None:
        """Paint a stroke of the brush size with the brush (white) or the eraser (black)."""
        value = KEEP if self.tool == ERASER else EDIT
        painter = QPainter(self.mask_image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        colour = QColor(value, value, value)
        if start == end:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            radius = self.brush_size / 2
            painter.drawEllipse(QPointF(start) + QPointF(0.5, 0.5), radius, radius)
        else:
            pen = QPen(colour, self.brush_size)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawLine(start, end)
        painter.end()
        self._mask_edited()

    def fill_rect(self, corner: QPoint, other: QPoint) -> None:
        """Mark the rectangle between two pixels, both included, as the area to edit."""
        painter = QPainter(self.mask_image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        top_left = QPoint(min(corner.x(), other.x()), min(corner.y(), other.y()))
        bottom_right = QPoint(max(corner.x(), other.x()), max(corner.y(), other.y()))
        painter.fillRect(QRect(top_left, bottom_right), QColor(EDIT, EDIT, EDIT))
        painter.end()
        self._mask_edited()

    def invert(self) -> None:
        self.begin_change()
        self.mask_image.invertPixels()
        self._mask_edited()

    def clear(self) -> None:
        self.begin_change()
        self.mask_image.fill(KEEP)
        self._mask_edited()

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.mask_image)
        self.mask_image = self._undo.pop()
        self._mask_edited()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.mask_image)
        self.mask_image = self._redo.pop()
        self._mask_edited()
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _mask_edited(self) -> None:
        self._display_overlay = None
        self.update()
        self.mask_changed.emit()

    # Qt events

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(48, 48, 48))
        target = self.image_rect()
        size = target.size().toSize()
        if size.width() < 1 or size.height() < 1:
            return
        if self._display_base is None or self._display_base.size() != size:
            self._display_base = self.base.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._display_overlay = None
        if self._display_overlay is None or self._display_overlay.size() != size:
            self._display_overlay = self._overlay(size)
        painter.drawImage(target.topLeft(), self._display_base)
        painter.setOpacity(OVERLAY_OPACITY)
        painter.drawImage(target.topLeft(), self._display_overlay)
        painter.setOpacity(1.0)
        self._paint_cursor(painter, target)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _overlay(self, size: QSize) -> QImage:
        small_mask = self.mask_image.scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
        )
        overlay = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        overlay.fill(OVERLAY_COLOUR)
        overlay.setAlphaChannel(small_mask)
        return overlay

    def _paint_cursor(self, painter: QPainter, target: QRectF) -> None:
        scale = target.width() / self.base.width()
        centre = self.to_widget(self.cursor_position)
        painter.setPen(QPen(QColor(255, 255, 255), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._anchor is not None:
            corner = self.to_widget(self._anchor)
            painter.drawRect(QRectF(corner, centre).normalized())
        elif self.tool != RECTANGLE:
            radius = max(2.0, self.brush_size * scale / 2)
            painter.drawEllipse(centre, radius, radius)
        else:
            painter.drawLine(centre - QPointF(6, 0), centre + QPointF(6, 0))
            painter.drawLine(centre - QPointF(0, 6), centre + QPointF(0, 6))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._display_base = None
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = self.to_image(event.position())
        self.cursor_position = point
        self.begin_change()
        if self.tool == RECTANGLE:
            self._anchor = point
            self.update()
        else:
            self._last = point
            self.paint_line(point, point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.to_image(event.position())
        self.cursor_position = point
        if event.buttons() & Qt.MouseButton.LeftButton and self._last is not None:
            self.paint_line(self._last, point)
            self._last = point
        else:
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        point = self.to_image(event.position())
        if self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            self.fill_rect(anchor, point)
        self._last = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = max(1, self.brush_size // 2)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            step *= 4
        moves = {
            Qt.Key.Key_Left: QPoint(-step, 0),
            Qt.Key.Key_Right: QPoint(step, 0),
            Qt.Key.Key_Up: QPoint(0, -step),
            Qt.Key.Key_Down: QPoint(0, step),
        }
        if key in moves:
            moved = self.cursor_position + moves[Qt.Key(key)]
            self.cursor_position = QPoint(
                min(max(moved.x(), 0), self.base.width() - 1),
                min(max(moved.y(), 0), self.base.height() - 1),
            )
            self.update()
            return
        if key == Qt.Key.Key_Space:
            self._stamp_from_keyboard()
            return
        super().keyPressEvent(event)

    def _stamp_from_keyboard(self) -> None:
        if self.tool != RECTANGLE:
            self.begin_change()
            self.paint_line(self.cursor_position, self.cursor_position)
        elif self._anchor is None:
            self._anchor = self.cursor_position
            self.update()
        else:
            anchor, self._anchor = self._anchor, None
            self.begin_change()
            self.fill_rect(anchor, self.cursor_position)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


class MaskPainterDialog(QDialog):
    """A dialog that paints a mask over a base image and saves it as a PNG.

    ``output_dir`` receives the mask file; ``base_name`` becomes part of its name.
    Show it with ``open()``; ``mask_saved`` reports the saved file.
    """

    mask_saved = Signal(str)
    """Payload: the absolute path of the saved mask PNG."""

    def __init__(
        self,
        base: QImage,
        output_dir: Path,
        *,
        initial_mask: QImage | None = None,
        base_name: str = "image",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maskPainterDialog")
        self._output_dir = output_dir
        self._base_name = base_name
        self.saved_path: Path | None = None
        self.canvas = MaskCanvas(base, initial_mask, self)
        self.canvas.mask_changed.connect(self._on_canvas_mask_changed)

        self.brush_button = self._tool_button("maskBrushButton", BRUSH)
        self.eraser_button = self._tool_button("maskEraserButton", ERASER)
        self.rectangle_button = self._tool_button("maskRectangleButton", RECTANGLE)
        self.tool_group = QButtonGroup(self)
        for button in (self.brush_button, self.eraser_button, self.rectangle_button):
            self.tool_group.addButton(button)
        self.brush_button.setChecked(True)

        self.size_label = QLabel(self)
        self.size_spin = QSpinBox(self)
        self.size_spin.setObjectName("maskBrushSize")
        self.size_spin.setRange(1, max(base.width(), base.height()))
        self.size_spin.setSuffix(" px")
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setObjectName("maskBrushSlider")
        self.size_slider.setRange(1, max(2, min(base.width(), base.height()) // 2))
        self.size_label.setBuddy(self.size_spin)
        self.size_spin.valueChanged.connect(self._on_size_spin_value_changed)
        self.size_slider.valueChanged.connect(self.size_spin.setValue)
        self.size_spin.setValue(self.canvas.brush_size)

        self.invert_button = self._action_button("maskInvertButton", self.canvas.invert)
        self.clear_button = self._action_button("maskClearButton", self.canvas.clear)
        self.undo_button = self._action_button("maskUndoButton", self.canvas.undo)
        self.redo_button = self._action_button("maskRedoButton", self.canvas.redo)
        self.hint = QLabel(self)
        self.hint.setObjectName("maskHint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("maskButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setObjectName("maskError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        tools = QHBoxLayout()
        for widget in (self.brush_button, self.eraser_button, self.rectangle_button):
            tools.addWidget(widget)
        tools.addSpacing(12)
        tools.addWidget(self.size_label)
        tools.addWidget(self.size_spin)
        self.size_slider.setMinimumWidth(120)
        tools.addWidget(self.size_slider, 1)
        actions = QHBoxLayout()
        for widget in (self.invert_button, self.clear_button, self.undo_button, self.redo_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(actions)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._add_shortcut(QKeySequence.StandardKey.Undo, self.canvas.undo)
        self._add_shortcut(QKeySequence.StandardKey.Redo, self.canvas.redo)
        # Ctrl+Y is Redo on Windows already; a second shortcut would make it ambiguous.
        if QKeySequence("Ctrl+Y") not in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            self._add_shortcut(QKeySequence("Ctrl+Y"), self.canvas.redo)
        self._add_shortcut(QKeySequence("B"), self.brush_button.click)
        self._add_shortcut(QKeySequence("E"), self.eraser_button.click)
        self._add_shortcut(QKeySequence("R"), self.rectangle_button.click)
        self._add_shortcut(QKeySequence("I"), self.canvas.invert)
        self._add_shortcut(QKeySequence("["), lambda: self.size_spin.stepBy(-self._size_step()))
        self._add_shortcut(QKeySequence("]"), lambda: self.size_spin.stepBy(self._size_step()))
        self._add_shortcut(QKeySequence.StandardKey.Save, self.save)

        self.resize(820, 680)
        self.retranslate()
        self._update_buttons()
        self.canvas.setFocus()

    def _tool_button(self, name: str, tool: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setCheckable(True)
        button.toggled.connect(lambda checked: self._on_tool_button_toggled(tool, checked))
        return button

    def _action_button(self, name: str, action: object) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(action)
        return button

    def _add_shortcut(
        self, sequence: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> None:
        shortcut = QShortcut(QKeySequence(sequence), self)
        shortcut.activated.connect(slot)

    def _size_step(self) -> int:
        return max(1, self.size_spin.value() // 5)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Paint mask"))
        width, height = self.canvas.base.width(), self.canvas.base.height()
        texts = {
            self.brush_button: (tr("&Brush"), tr("Brush: paints the area to edit (B)")),
            self.eraser_button: (tr("&Eraser"), tr("Eraser: marks the area to keep (E)")),
            self.rectangle_button: (tr("&Rectangle"), tr("Rectangle: marks a box to edit (R)")),
            self.invert_button: (tr("&Invert"), tr("Swap the areas to edit and to keep (I)")),
            self.clear_button: (tr("C&lear"), tr("Keep the whole image: clear the mask")),
            self.undo_button: (tr("&Undo"), tr("Undo the last change (Ctrl+Z)")),
            self.redo_button: (tr("Re&do"), tr("Redo the change undone last (Ctrl+Y)")),
        }
        for button, (text, description) in texts.items():
            button.setText(text)
            button.setToolTip(description)
            button.setAccessibleName(description)

        self.size_label.setText(tr("Brush &size"))
        self.size_spin.setAccessibleName(tr("Brush size in image pixels ([ and ] change it)"))
        self.size_slider.setAccessibleName(tr("Brush size"))
        self.canvas.setAccessibleName(tr("Mask canvas"))
        self.canvas.setAccessibleDescription(
            tr(
                "Arrow keys move the cursor, Shift moves faster, Space paints there. With the "
                "rectangle, Space sets the first corner and then the second."
            )
        )

        self.hint.setText(
            tr(
                "Red shows the area the model may change (white in the mask); the rest is "
                "kept (black). The mask is saved at {width}*{height} pixels, the size of the "
                "base image."
            ).format(width=width, height=height)
        )

        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(tr("Save mask"))
        save.setAccessibleName(tr("Save the mask and use it in the form (Ctrl+S)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> Path | None:
        """Write the mask PNG, report it through ``mask_saved`` and close; return its path."""
        mask = self.canvas.mask_image
        stamp = time.strftime("%Y%m%d-%H%M%S")
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", self._base_name).strip("-.")[:40] or "image"
        path = self._output_dir / f"mask-{stem}-{stamp}-{int(time.time() * 1000) % 1000:03d}.png"
        try:
            save_mask(
                bytes(mask.constBits()), mask.width(), mask.height(), mask.bytesPerLine(), path
            )
        except OSError as error:
            self.error.setText(
                tr("The mask could not be saved to {path}: {reason}").format(
                    path=str(path), reason=error.strerror or str(error)
                )
            )
            self.error.show()
            return None
        self.saved_path = path
        self.mask_saved.emit(str(path))
        self.accept()
        return path

    def _on_tool_button_toggled(self, tool: str, checked: bool) -> None:
        if checked:
            self.canvas.tool = tool
            self.canvas.update()

    def _on_size_spin_value_changed(self, value: int) -> None:
        self.canvas.brush_size = value
        self.size_slider.blockSignals(True)
        self.size_slider.setValue(min(value, self.size_slider.maximum()))
        self.size_slider.blockSignals(False)
        self.canvas.update()

    def _on_canvas_mask_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(self.canvas.can_undo)
        self.redo_button.setEnabled(self.canvas.can_redo)
