"""Paste a curl command (from the docs, a browser or a chat) and open it as a request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.curl_import import CurlImportError, ImportedCurl, import_curl, region_for_url
from gui.core.keystore import KeyStore
from gui.core.regions import REGIONS
from gui.core.secrets import InvalidKeyError, KeyStoreError
from gui.widgets.preview import current_language
from gui.widgets.translate import tr


class ImportCurlDialog(QDialog):
    """Parses a pasted curl command and emits ``imported`` with the result.

    A key written literally in the command is never put into the request. The
    dialog offers to save it in the key store for the command's region instead.
    """

    imported = Signal(object, object)
    """Payload: the ImportedCurl and the region id it belongs to (or None)."""

    def __init__(
        self, keys: KeyStore, sandbox_base_url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importCurlDialog")
        self._keys = keys
        self._sandbox_base_url = sandbox_base_url
        self._result: ImportedCurl | None = None
        self._region: str | None = None
        layout = QVBoxLayout(self)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("curlEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumSize(560, 200)
        layout.addWidget(self.edit, 1)
        self.message = QLabel(self)
        self.message.setObjectName("curlMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_key_button = QPushButton(self)
        self.save_key_button.setObjectName("curlSaveKeyButton")
        self.save_key_button.clicked.connect(self._on_save_key_button_clicked)
        self.save_key_button.hide()
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("curlImportButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("curlCloseButton")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.save_key_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.setWindowTitle(tr("Import a curl command"))
        self.edit.setPlaceholderText(
            tr("Paste a curl command, as copied from the documentation, a browser or a chat.")
        )
        self.edit.setAccessibleName(tr("curl command"))
        self.import_button.setText(tr("Import"))
        self.import_button.setAccessibleName(tr("Open the command as a request"))
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close the import dialog"))

    def run_import(self) -> ImportedCurl | None:
        text = self.edit.toPlainText()
        try:
            result = import_curl(text)
        except CurlImportError as error:
            self.message.setText(
                tr("The command could not be read: {problem}").format(problem=str(error))
            )
            return None
        self._result = result
        self._region = region_for_url(result.base_url, self._sandbox_base_url)
        lines = [tr("Imported {method} {path}.").format(method=result.method, path=result.path)]
        lines.extend(result.notes)
        if result.has_literal_key:
            lines.append(
                tr(
                    "The command contains an API key. It is not kept in the request, history or "
                    "logs; save it in the key store if you want to use it."
                )
            )
            self.save_key_button.setText(
                tr("Save the key for {region}").format(
                    region=REGIONS[self._region].name(current_language()) if self._region else "?"
                )
            )
            self.save_key_button.setAccessibleName(tr("Save the pasted key in the key store"))
            self.save_key_button.setVisible(self._region not in (None, "sandbox"))
        else:
            self.save_key_button.hide()
        self.message.setText("\n".join(lines))
        self.imported.emit(result, self._region)
        return result

    def _on_save_key_button_clicked(self) -> None:
        result, region = self._result, self._region
        if result is None or result.api_key is None or region is None:
            return
        try:
            stored = self._keys.set(region, result.api_key)
        except (InvalidKeyError, KeyStoreError) as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            tr("Saved {fingerprint} for {region}.").format(
                fingerprint=stored.fingerprint, region=REGIONS[region].name(current_language())
            )
        )
        self.save_key_button.hide()
