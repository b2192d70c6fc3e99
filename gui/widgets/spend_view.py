"""The spend view: images per model and day with the estimated cost and free quota used."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.catalog import Catalog
from gui.core.history import HistoryReadError, TaskHistory
from gui.core.regions import REGIONS
from gui.core.spend import SpendRow, SpendSummary, summarize_spend
from gui.widgets.preview import current_language
from gui.widgets.translate import tr

ModelIndex = QModelIndex | QPersistentModelIndex

DAY, MODEL, REGION, IMAGES, FREE, PRICE, COST = range(7)
COLUMN_COUNT = 7


class SpendTableModel(QAbstractTableModel):
    """Spend rows, newest day first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[SpendRow, ...] = ()

    def set_rows(self, rows: tuple[SpendRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: int) -> SpendRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            tr("Day"),
            tr("Model"),
            tr("Region"),
            tr("Images"),
            tr("Free quota used"),
            tr("Price per image"),
            tr("Estimated spend"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= IMAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COST and row.estimated_cost is None:
            return tr("The catalog has no price for this model in this region.")
        return None

    def _display(self, row: SpendRow, column: int) -> str:
        if column == DAY:
            return row.day.isoformat()
        if column == MODEL:
            return row.model
        if column == REGION:
            region = REGIONS.get(row.region)
            return region.name(current_language()) if region else row.region
        if column == IMAGES:
            return str(row.images)
        if column == FREE:
            return str(row.free_images) if row.free_images else ""
        if column == PRICE:
            if row.region == "sandbox":
                return tr("free (sandbox)")
            return f"¥{row.unit_price:g}" if row.unit_price is not None else "—"
        if column == COST:
            return f"¥{row.estimated_cost:.2f}" if row.estimated_cost is not None else "—"
        return ""


class SpendDialog(QDialog):
    """A non-modal window with the spend table, the free quota used and the totals."""

    def __init__(
        self, history: TaskHistory | None, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spendDialog")
        self._history = history
        self._catalog = catalog
        self.summary = SpendSummary((), ())

        layout = QVBoxLayout(self)
        self.reminder = QLabel(self)
        self.reminder.setObjectName("spendReminderLabel")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "background: #fff4e5; color: #5f3700; border: 1px solid #f0c36d; padding: 6px;"
        )
        layout.addWidget(self.reminder)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("spendTotalLabel")
        self.total_label.setWordWrap(True)
        layout.addWidget(self.total_label)
        self.model = SpendTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("spendTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(REGION, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.quota_label = QLabel(self)
        self.quota_label.setObjectName("spendQuotaLabel")
        self.quota_label.setWordWrap(True)
        self.quota_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.quota_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("spendRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("spendCloseButton")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.resize(760, 480)
        self.refresh()

    def refresh(self) -> None:
        problem = None
        summary = SpendSummary((), ())
        if self._history is not None:
            try:
                summary = summarize_spend(self._history.billed_records(), self._catalog)
            except HistoryReadError as error:
                problem = str(error)
        self.summary = summary
        self.model.set_rows(summary.rows)
        self.retranslate()
        if problem:
            self.total_label.setText(problem)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Estimated spend"))
        self.reminder.setText(
            tr(
                "Free quota is shared by the whole Alibaba Cloud account: other tools, "
                "other computers and colleagues use it too. These figures are estimates "
                "from this computer's history at catalog prices; the Billing page of the "
                "Model Studio console has the real amounts."
            )
        )
        self.reminder.setAccessibleName(tr("About these figures"))
        summary = self.summary
        total = tr("{images} images, estimated ¥{cost:.2f} after free quota.").format(
            images=summary.images, cost=summary.estimated_cost
        )
        if summary.unpriced_images:
            total += " " + tr("{count} images have no known price and are not counted.").format(
                count=summary.unpriced_images
            )
        self.total_label.setText(total)
        self.total_label.setAccessibleName(tr("Total"))
        template = tr("{model}: {used} of {quota} free images used in Beijing, {left} left.")
        lines = [
            template.format(
                model=quota.model, used=quota.used, quota=quota.free_quota, left=quota.left
            )
            for quota in summary.quotas
        ]
        if not lines:
            lines = [tr("No image of this history used a free quota.")]
        lines.append(
            tr("Free quotas apply in Beijing only, for 90 days after Model Studio is activated.")
        )
        self.quota_label.setText("\n".join(lines))
        self.quota_label.setAccessibleName(tr("Free quota used"))
        self.table.setAccessibleName(tr("Images and estimated spend per model and day"))
        self.refresh_button.setText(tr("Refresh"))
        self.refresh_button.setAccessibleName(tr("Read the history again"))
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close the spend view"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
