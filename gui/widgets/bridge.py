"""Turns core listener callbacks into Qt signals for the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.core.exchanges import Exchange
from gui.core.library import TaskRecord
from gui.core.services import Services


class EngineBridge(QObject):
    """Re-emits engine and exchange events as Qt signals.

    The engine runs on the qasync loop, which is the GUI thread, so the signals
    are delivered directly.
    """

    task_changed = Signal(object)
    """Payload: the TaskRecord after the change."""

    exchange_recorded = Signal(object)
    """Payload: the redacted Exchange."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        services.engine.add_listener(self._on_engine_task_changed)
        services.exchange_log.add_listener(self._on_exchange_log_recorded)

    def detach(self) -> None:
        self._services.engine.remove_listener(self._on_engine_task_changed)
        self._services.exchange_log.remove_listener(self._on_exchange_log_recorded)

    def _on_engine_task_changed(self, record: TaskRecord) -> None:
        self.task_changed.emit(record)

    def _on_exchange_log_recorded(self, exchange: Exchange) -> None:
        self.exchange_recorded.emit(exchange)
