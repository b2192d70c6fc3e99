"""Guards against Qt binding builds known to corrupt Python reference counts."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_methods_keep_none_reference_count(qtbot: QtBot) -> None:
    """PySide6 6.12.0 decrements None's count on every void call; 3.11 then crashes."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        label.setWordWrap(True)
    assert sys.getrefcount(None) - before > -50
