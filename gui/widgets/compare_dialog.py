"""Side-by-side comparison of result images with one zoom level and linked scrolling."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QImageReader,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.translate import tr

MIN_ZOOM = 0.05
MAX_ZOOM = 16.0
ZOOM_STEP = 1.25


class CompareDialog(QDialog):
    """Shows images side by side at one zoom level; scrolling one view scrolls them all.

    ``entries`` contains (image path, caption, prompt) per image. Ctrl+wheel over
    any image zooms all of them; Fit shows every image whole at one common scale.
    """

    def __init__(
        self, entries: Sequence[tuple[Path, str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.zoom = 1.0
        self.fitting = True
        self._syncing = False
        self.views: list[QGraphicsView] = []
        self.captions: list[QLabel] = []
        self._sizes: list[tuple[int, int]] = []

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_out_button = QPushButton(self)
        self.zoom_out_button.setObjectName("compareZoomOutButton")
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("compareZoomLabel")
        self.zoom_in_button = QPushButton(self)
        self.zoom_in_button.setObjectName("compareZoomInButton")
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        self.fit_button = QPushButton(self)
        self.fit_button.setObjectName("compareFitButton")
        self.fit_button.clicked.connect(self.fit)
        self.actual_button = QPushButton(self)
        self.actual_button.setObjectName("compareActualSizeButton")
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        for widget in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)

        row = QHBoxLayout()
        for path, caption, prompt in entries:
            row.addLayout(self._column(path, caption, prompt), 1)
        layout.addLayout(row, 1)
        # Views resize while they are destroyed; linked scrolling stops before that.
        self.finished.connect(self._on_finished)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(min(1600, 420 * max(2, len(entries))), 640)
        self.retranslate()

    def _column(self, path: Path, caption: str, prompt: str) -> QVBoxLayout:
        column = QVBoxLayout()
        scene = QGraphicsScene(self)
        view = QGraphicsView(scene, self)
        view.setObjectName(f"compareView{len(self.views)}")
        view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            scene.addText(
                tr("{name} could not be read: {reason}").format(
                    name=path.name, reason=reader.errorString()
                )
            )
            self._sizes.append((0, 0))
        else:
            scene.addItem(QGraphicsPixmapItem(QPixmap.fromImage(image)))
            self._sizes.append((image.width(), image.height()))

        view.viewport().installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value, source=bar: self._on_scroll_bar_moved(source))

        label = QLabel(caption, self)
        label.setObjectName(f"compareCaption{len(self.views)}")
        label.setToolTip(prompt)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(view, 1)
        column.addWidget(label)
        self.views.append(view)
        self.captions.append(label)
        return column

    def set_zoom(self, factor: float, fitting: bool = False) -> None:
        """Show every image at ``factor`` times its size."""
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.fitting = fitting
        for view in self.views:
            view.setTransform(QTransform.fromScale(self.zoom, self.zoom))
        self.zoom_label.setText(tr("{percent}%").format(percent=round(self.zoom * 100)))

    def fit(self) -> None:
        """Zoom so that every image is shown whole, all at the same scale."""
        factors = []
        for view, (width, height) in zip(self.views, self._sizes, strict=True):
            if width and height:
                viewport = view.viewport().size()
                factors.append(min(viewport.width() / width, viewport.height() / height))
        self.set_zoom(min(factors) if factors else 1.0, fitting=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.fitting:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps)
            return True
        return super().eventFilter(watched, event)

    def _on_finished(self, _result: int) -> None:
        self._syncing = True

    def _on_scroll_bar_moved(self, source: QScrollBar) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            fraction = source.value() / source.maximum() if source.maximum() else 0.0
            for view in self.views:
                for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
                    if bar is not source and bar.orientation() == source.orientation():
                        bar.setValue(round(fraction * bar.maximum()))
        finally:
            self._syncing = False

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Compare results"))
        self.zoom_out_button.setText(tr("Zoom out"))
        self.zoom_out_button.setAccessibleName(tr("Zoom out"))
        self.zoom_in_button.setText(tr("Zoom in"))
        self.zoom_in_button.setAccessibleName(tr("Zoom in"))
        self.fit_button.setText(tr("Fit"))
        self.fit_button.setAccessibleName(tr("Show every image whole"))
        self.actual_button.setText(tr("100%"))
        self.actual_button.setAccessibleName(tr("Show images at their actual size"))
        self.zoom_label.setAccessibleName(tr("Zoom level"))
        self.zoom_label.setText(tr("{percent}%").format(percent=round(self.zoom * 100)))
        for number, view in enumerate(self.views):
            view.setAccessibleName(tr("Image {number}").format(number=number + 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
