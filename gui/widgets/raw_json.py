"""The raw JSON editor: the whole request body as text, next to the form."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from gui.widgets.translate import tr


class BodyError(ValueError):
    """Raised when the editor's text is not a JSON object; the message is translated."""


class RawJsonEditor(QWidget):
    """Edits a request body as JSON. Fields the form does not know stay in the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawJsonEditor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("rawJsonEdit")
        self.edit.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.edit.setFont(font)
        layout.addWidget(self.edit, 1)
        self.error = QLabel(self)
        self.error.setObjectName("rawJsonError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setAccessibleName(tr("Request body as JSON"))

    def set_body(self, body: dict[str, Any]) -> None:
        self.edit.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
        self.show_error(None)

    def body(self) -> dict[str, Any]:
        """Return the parsed body; raise BodyError naming the line and column of a mistake."""
        text = self.edit.toPlainText()
        try:
            body = json.loads(text)
        except json.JSONDecodeError as error:
            raise BodyError(
                tr("The JSON is invalid at line {line}, column {column}: {problem}.").format(
                    line=error.lineno, column=error.colno, problem=error.msg
                )
            ) from None
        if not isinstance(body, dict):
            raise BodyError(tr("The request body must be a JSON object ({…})."))
        return body

    def show_error(self, message: str | None) -> None:
        if message:
            self.error.setText(message)
            self.error.show()
        else:
            self.error.clear()
            self.error.hide()
