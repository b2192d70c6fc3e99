"""The API key dialog: one key per region, shown only by its fingerprint."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.regions import REGIONS
from gui.core.secrets import InvalidKeyError, KeyStore, KeyStoreError, fingerprint
from gui.core.services import KeyTestResult
from gui.widgets.translate import tr

# Tests a key in a region: (region id, pasted key) -> result.
KeyTester = Callable[[str, str], Awaitable[KeyTestResult]]


class KeyDialog(QDialog):
    """Enter, replace or delete the API key of a region.

    Open it with ``open()``; it never runs a nested event loop.
    """

    keys_changed = Signal(str)
    """Payload: the region whose key was saved or deleted."""

    def __init__(
        self,
        keys: KeyStore,
        region: str,
        language: str,
        parent: QWidget | None = None,
        tester: KeyTester | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyDialog")
        self._keys = keys
        self._tester = tester
        self._tasks: set[asyncio.Task[None]] = set()
        self._language = language
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.region_combo = QComboBox(self)
        self.region_combo.setObjectName("keyRegionCombo")
        for region_id, region_info in REGIONS.items():
            if region_id != "sandbox":
                self.region_combo.addItem(region_info.name(language), region_id)
        index = self.region_combo.findData(region)
        self.region_combo.setCurrentIndex(max(index, 0))
        self.region_combo.currentIndexChanged.connect(self._on_region_combo_changed)
        self.region_label = QLabel(self)
        self.region_label.setBuddy(self.region_combo)
        form.addRow(self.region_label, self.region_combo)
        self.current_label = QLabel(self)
        self.current_label.setObjectName("keyCurrentLabel")
        self.current_caption = QLabel(self)
        form.addRow(self.current_caption, self.current_label)
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_caption = QLabel(self)
        self.key_caption.setBuddy(self.key_edit)
        form.addRow(self.key_caption, self.key_edit)
        layout.addLayout(form)

        self.backend_label = QLabel(self)
        self.backend_label.setObjectName("keyBackendLabel")
        self.backend_label.setWordWrap(True)
        layout.addWidget(self.backend_label)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("keyMessageLabel")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

        row = QHBoxLayout()
        self.env_button = QPushButton(self)
        self.env_button.setObjectName("keyUseEnvironmentButton")
        self.env_button.clicked.connect(self._on_env_button_clicked)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("keyDeleteButton")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("keyTestButton")
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_button.setVisible(tester is not None)
        row.addWidget(self.test_button)
        row.addWidget(self.env_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.setObjectName("keyButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("keySaveButton")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._retranslate()
        self._refresh()

    @property
    def region(self) -> str:
        return str(self.region_combo.currentData())

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("API keys"))
        self.region_label.setText(tr("&Region"))
        self.region_combo.setAccessibleName(tr("Region"))
        self.current_caption.setText(tr("Stored key"))
        self.key_caption.setText(tr("&New key"))
        self.key_edit.setAccessibleName(tr("New API key"))
        self.key_edit.setPlaceholderText(tr("Paste the key from the Model Studio console"))
        self.env_button.setText(tr("Use DASHSCOPE_API_KEY"))
        self.env_button.setAccessibleName(tr("Use the key from the DASHSCOPE_API_KEY variable"))
        self.delete_button.setText(tr("Delete key"))
        self.delete_button.setAccessibleName(tr("Delete the stored key"))
        self.test_button.setText(tr("Test key"))
        self.test_button.setAccessibleName(
            tr("Test the new key, or the stored one, with one harmless request")
        )
        self.save_button.setText(tr("Save"))
        if self._keys.is_secure:
            self.backend_label.setText(
                tr("Keys are kept in the system key store ({backend}).").format(
                    backend=self._keys.backend_name
                )
            )
        else:
            self.backend_label.setText(
                tr(
                    "No system key store is available ({backend}). Keys are kept for this "
                    "session only and are never written to a file. On Windows they would go "
                    "to the Credential Manager."
                ).format(backend=self._keys.backend_name)
            )

    def _refresh(self) -> None:
        try:
            stored = self._keys.describe(self.region)
        except KeyStoreError as error:
            self.current_label.setText(str(error))
            return
        if stored is None:
            self.current_label.setText(tr("none"))
        elif stored.source == "session":
            self.current_label.setText(
                tr("{fingerprint} (this session only)").format(fingerprint=stored.fingerprint)
            )
        else:
            self.current_label.setText(stored.fingerprint)
        env_key = self._keys.environment_key()
        self.env_button.setVisible(env_key is not None)
        if env_key is not None:
            self.env_button.setToolTip(fingerprint(env_key))
        self.delete_button.setEnabled(stored is not None)

    def _on_region_combo_changed(self, _index: int) -> None:
        self.message_label.clear()
        # A delete armed for one region must not delete another region's key.
        self._disarm_delete()
        self._refresh()

    def _disarm_delete(self) -> None:
        self.delete_button.setProperty("confirming", False)
        self.delete_button.setText(tr("Delete key"))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.adjustSize()

    def _store(self, raw: str) -> None:
        try:
            stored = self._keys.set(self.region, raw)
        except InvalidKeyError as error:
            self._show_message(_invalid_key_text(error))
            return
        except KeyStoreError as error:
            self._show_message(str(error))
            return
        self.key_edit.clear()
        self._show_message(
            tr("Saved {fingerprint} for {region}.").format(
                fingerprint=stored.fingerprint, region=self.region_combo.currentText()
            )
        )
        self._refresh()
        self.keys_changed.emit(self.region)

    def _on_test_button_clicked(self) -> None:
        raw = self.key_edit.text().strip()
        if not raw:
            try:
                raw = self._keys.get(self.region) or ""
            except KeyStoreError as error:
                self._show_message(str(error))
                return
        if not raw:
            self._show_message(tr("Paste a key, or save one for this region, to test it."))
            return
        task = asyncio.get_running_loop().create_task(self._test(self.region, raw))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _test(self, region: str, raw: str) -> None:
        assert self._tester is not None
        self.test_button.setEnabled(False)
        self._show_message(tr("Testing the key…"))
        name = REGIONS[region].name(self._language)
        try:
            result = await self._tester(region, raw)
        except InvalidKeyError as error:
            self._show_message(_invalid_key_text(error))
            return
        finally:
            self.test_button.setEnabled(True)
        if result.outcome == "accepted":
            self._show_message(tr("The key works in {region}.").format(region=name))
        elif result.outcome == "rejected" and result.works_in:
            other = REGIONS[result.works_in].name(self._language)
            self._show_message(
                tr(
                    "{region} rejects the key, but {other} accepts it: the key was created "
                    "in {other}. Save it for {other}, or create a key in {region}."
                ).format(region=name, other=other)
            )
        elif result.outcome == "rejected":
            self._show_message(
                tr(
                    "{region} rejects the key. Check that it was copied whole and has not "
                    "been deleted in the Model Studio console."
                ).format(region=name)
            )
        else:
            self._show_message(
                tr("The test could not finish: {code}.").format(
                    code=result.outcome.removeprefix("error:")
                )
            )

    def _on_save(self) -> None:
        self._store(self.key_edit.text())

    def _on_env_button_clicked(self) -> None:
        env_key = self._keys.environment_key()
        if env_key is not None:
            self._store(env_key)

    def _on_delete_button_clicked(self) -> None:
        if self.delete_button.property("confirming"):
            self.delete_button.setProperty("confirming", False)
            self._keys.delete(self.region)
            self._show_message(
                tr("Deleted the key for {region}.").format(region=self.region_combo.currentText())
            )
            self._disarm_delete()
            self._refresh()
            self.keys_changed.emit(self.region)
            return
        # Deleting needs confirmation: the first click arms the button, the second deletes.
        self.delete_button.setProperty("confirming", True)
        self.delete_button.setText(tr("Click again to delete"))


def _invalid_key_text(error: InvalidKeyError) -> str:
    if error.reason == "empty":
        return tr("The key is empty. Paste the API key from the Model Studio console.")
    if error.reason == "too_long":
        return tr(
            "The key has {length} characters; API keys are shorter than {maximum}. "
            "Check that only the key was copied."
        ).format(**error.params)
    return tr(
        "Character {position} of the key is {code_point}, which an API key cannot contain. "
        "Copy the key again from the Model Studio console."
    ).format(**error.params)
