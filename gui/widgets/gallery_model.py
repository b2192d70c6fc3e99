"""The gallery's list model and the delegate that paints its cells.

``GalleryModel`` lists result files newest first and filters them by text and
model. It requests a thumbnail from its ThumbnailLoader only when the view
paints an item, so only items in view are decoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.core.gallery import GalleryError, GalleryItem, ResultDetails, matches, read_details
from gui.widgets.thumbnails import ThumbnailLoader

ModelIndex = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
FAILED_ROLE = Qt.ItemDataRole.UserRole + 2
CELL_PADDING = 8


# Model


class GalleryModel(QAbstractListModel):
    """Result files, newest first, filtered by free text and model id."""

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.details: dict[str, ResultDetails] = {}
        self.problems: dict[str, str] = {}
        self._all: list[GalleryItem] = []
        self._shown: list[GalleryItem] = []
        self._rows: dict[str, int] = {}
        self._text = ""
        self._model = ""
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_changed)
        loader.thumbnail_failed.connect(self._on_loader_thumbnail_changed)

    # Qt model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        item = self._shown[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.loader.thumbnail(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.caption(item)
        if role == ITEM_ROLE:
            return item
        if role == FAILED_ROLE:
            return self.loader.failures.get(item.key)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            details = self.details.get(item.key)
            return details.prompt if details is not None else item.path.name
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Return the files of the dragged results, for file managers and image fields."""
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setUrls([QUrl.fromLocalFile(str(self._shown[row].path)) for row in rows])
        return data

    # Contents

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def filtering(self) -> bool:
        return bool(self._text.strip() or self._model)

    def caption(self, item: GalleryItem) -> str:
        details = self.details.get(item.key)
        model = details.model if details is not None else item.model_hint
        moment = item.created.strftime("%Y-%m-%d %H:%M")
        return f"{model}\n{moment}" if model else moment

    def item(self, row: int) -> GalleryItem:
        return self._shown[row]

    def row_of(self, key: str) -> int | None:
        return self._rows.get(key)

    def items(self) -> list[GalleryItem]:
        return list(self._shown)

    def models(self) -> list[str]:
        """Return the model ids of every result, sorted."""
        found = {
            self.details[item.key].model if item.key in self.details else item.model_hint
            for item in self._all
        }
        return sorted(model for model in found if model)

    def set_items(self, items: list[GalleryItem]) -> None:
        self.beginResetModel()
        self._all = list(items)
        keys = {item.key for item in items}
        self.details = {key: value for key, value in self.details.items() if key in keys}
        self.problems = {key: value for key, value in self.problems.items() if key in keys}
        self._refilter()
        self.endResetModel()

    def add_items(self, items: Iterable[GalleryItem]) -> list[GalleryItem]:
        """Insert new result files at their place by time; return the ones added.

        A file already listed with another modification time or size was
        replaced: its thumbnail and details are read again.
        """
        added = []
        known = {item.key: item for item in self._all}
        for item in items:
            previous = known.get(item.key)
            if previous is not None:
                if previous != item:
                    self._replace(previous, item)
                continue
            known[item.key] = item
            self._all.insert(_position(self._all, item), item)
            added.append(item)
            if not matches(item, self.details.get(item.key), self._text, self._model):
                continue
            row = _position(self._shown, item)
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(row, item)
            self._index_rows()
            self.endInsertRows()
        return added

    def remove_keys(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        self._all = [item for item in self._all if item.key not in wanted]
        for key in wanted:
            self.details.pop(key, None)
            self.problems.pop(key, None)
            self.loader.forget(key)
        rows = sorted((self._rows[key] for key in wanted if key in self._rows), reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()
        self._index_rows()

    def set_filter(self, text: str, model: str) -> None:
        if (text, model) == (self._text, self._model):
            return
        self._text, self._model = text, model
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def refilter(self) -> None:
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def set_details(self, batch: Iterable[tuple[str, ResultDetails | None, str | None]]) -> None:
        """Store details read in the background; captions of visible rows update."""
        changed = []
        for key, details, problem in batch:
            if details is not None:
                self.details[key] = details
            elif problem is not None:
                self.problems[key] = problem
            row = self._rows.get(key)
            if row is not None:
                changed.append(row)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed)),
                self.index(max(changed)),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def details_of(self, item: GalleryItem) -> tuple[ResultDetails | None, str | None]:
        """Return an item's details, reading its sidecar now when the background has not."""
        details = self.details.get(item.key)
        if details is not None:
            return details, None
        try:
            details = read_details(item.path)
        except GalleryError as error:
            self.problems[item.key] = str(error)
            return None, str(error)
        self.details[item.key] = details
        return details, None

    def _replace(self, previous: GalleryItem, item: GalleryItem) -> None:
        self.loader.forget(item.key)
        self.details.pop(item.key, None)
        self.problems.pop(item.key, None)
        self._all[self._all.index(previous)] = item
        row = self._rows.get(item.key)
        if row is not None:
            self._shown[row] = item
            self.dataChanged.emit(self.index(row), self.index(row))

    def _refilter(self) -> None:
        if self.filtering:
            self._shown = [
                item
                for item in self._all
                if matches(item, self.details.get(item.key), self._text, self._model)
            ]
        else:
            self._shown = list(self._all)
        self._index_rows()

    def _index_rows(self) -> None:
        self._rows = {item.key: row for row, item in enumerate(self._shown)}

    @Slot(str)
    @Slot(str, str)
    def _on_loader_thumbnail_changed(self, key: str, _error: str = "") -> None:
        row = self._rows.get(key)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def _position(items: list[GalleryItem], item: GalleryItem) -> int:
    """Return where ``item`` goes in a newest-first list."""
    for row, other in enumerate(items):
        if other.stamp < item.stamp or (other.stamp == item.stamp and other.number > item.number):
            return row
    return len(items)


# Painting


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints a thumbnail centred in a fixed cell, with the model and time below it."""

    def __init__(self, edge: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edge = edge

    def cell_size(self, line_height: int) -> QSize:
        """Return the cell of one result: the thumbnail and two caption lines."""
        return QSize(self.edge + 2 * CELL_PADDING, self.edge + 2 * CELL_PADDING + 2 * line_height)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return self.cell_size(option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()

        if selected:
            painter.fillRect(rect.adjusted(2, 2, -2, -2), palette.highlight())
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect.adjusted(2, 2, -2, -2), palette.midlight())

        frame = QRect(rect.x() + CELL_PADDING, rect.y() + CELL_PADDING, self.edge, self.edge)
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(image, QImage) and not image.isNull():
            ratio = image.devicePixelRatio() or 1.0
            size = QSize(round(image.width() / ratio), round(image.height() / ratio))
            size = size.scaled(frame.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(frame.center())
            painter.drawImage(target, image)
        elif index.data(FAILED_ROLE) is not None:
            painter.setPen(QPen(QColor("#b3261e"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(frame.adjusted(12, 12, -12, -12))
            painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, "?")
        else:
            painter.fillRect(frame.adjusted(12, 12, -12, -12), palette.alternateBase())

        metrics = option.fontMetrics
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        caption = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        line_top = frame.bottom() + 4
        for line in caption.split("\n")[:2]:
            line_rect = QRect(rect.x() + 4, line_top, rect.width() - 8, metrics.height())
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, line_rect.width())
            painter.drawText(line_rect, top_centre, elided)
            line_top += metrics.height()

        if state & QStyle.StateFlag.State_HasFocus:
            focus = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(focus, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
