"""The key manager: named API keys per region, shown only by their fingerprints."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.explain import ErrorCatalog
from gui.core.keystore import (
    InvalidProfileError,
    KeyProfile,
    KeyStore,
    StoredKey,
    check_base_url,
    check_workspace,
)
from gui.core.regions import REGIONS, workspace_domain_parts
from gui.core.secrets import (
    InvalidKeyError,
    KeyStoreError,
    SecretsError,
    clean_key,
    fingerprint,
    key_was_changed,
)
from gui.core.services import KeyTestResult
from gui.widgets.preview import current_language
from gui.widgets.translate import tr

# Tests a key: (region id, pasted key, base_url=..., workspace=...) -> result.
KeyTester = Callable[..., Awaitable[KeyTestResult]]

NAME, REGION, KEY, WORKSPACE, ENDPOINT, IN_USE = range(6)


class KeyDialog(QDialog):
    """Add, edit, rename, test and delete named API keys, and choose each region's key.

    Open it with ``open()``; it never runs a nested event loop.
    """

    keys_changed = Signal(str)
    """Payload: the region whose keys were added, changed or deleted."""

    def __init__(
        self,
        keys: KeyStore,
        region: str,
        language: str,
        parent: QWidget | None = None,
        tester: KeyTester | None = None,
        errors: ErrorCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyDialog")
        self._keys = keys
        self._tester = tester
        self._errors = errors
        self._tasks: set[asyncio.Task[None]] = set()
        self._language = language
        self._filling = False
        layout = QVBoxLayout(self)

        self.table_label = QLabel(self)
        layout.addWidget(self.table_label)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("keyTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table_label.setBuddy(self.table)
        layout.addWidget(self.table)

        row = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("keyNewButton")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.activate_button = QPushButton(self)
        self.activate_button.setObjectName("keyActivateButton")
        self.activate_button.clicked.connect(self._on_activate_button_clicked)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("keyTestButton")
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_button.setVisible(tester is not None)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("keyDeleteButton")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        for button in (self.new_button, self.activate_button, self.test_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        self.details = QGroupBox(self)
        self.details.setObjectName("keyDetails")
        form = QFormLayout(self.details)
        self.name_edit = QLineEdit(self.details)
        self.name_edit.setObjectName("keyNameEdit")
        self.name_label = QLabel(self.details)
        self.name_label.setBuddy(self.name_edit)
        form.addRow(self.name_label, self.name_edit)
        self.region_combo = QComboBox(self.details)
        self.region_combo.setObjectName("keyRegionCombo")
        for region_id, region_info in REGIONS.items():
            if region_id != "sandbox":
                self.region_combo.addItem(region_info.name(language), region_id)
        index = self.region_combo.findData(region)
        self.region_combo.setCurrentIndex(max(index, 0))
        self.region_label = QLabel(self.details)
        self.region_label.setBuddy(self.region_combo)
        form.addRow(self.region_label, self.region_combo)
        self.key_edit = QLineEdit(self.details)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_caption = QLabel(self.details)
        self.key_caption.setBuddy(self.key_edit)
        form.addRow(self.key_caption, self.key_edit)
        self.current_label = QLabel(self.details)
        self.current_label.setObjectName("keyCurrentLabel")
        self.current_caption = QLabel(self.details)
        form.addRow(self.current_caption, self.current_label)
        self.base_url_edit = QLineEdit(self.details)
        self.base_url_edit.setObjectName("keyBaseUrlEdit")
        self.base_url_edit.setPlaceholderText("https://{WorkspaceId}.cn-beijing.maas.aliyuncs.com")
        self.base_url_edit.editingFinished.connect(self._on_base_url_edited)
        self.base_url_label = QLabel(self.details)
        self.base_url_label.setBuddy(self.base_url_edit)
        form.addRow(self.base_url_label, self.base_url_edit)
        self.workspace_edit = QLineEdit(self.details)
        self.workspace_edit.setObjectName("keyWorkspaceEdit")
        self.workspace_label = QLabel(self.details)
        self.workspace_label.setBuddy(self.workspace_edit)
        form.addRow(self.workspace_label, self.workspace_edit)
        env_row = QHBoxLayout()
        self.env_button = QPushButton(self.details)
        self.env_button.setObjectName("keyUseEnvironmentButton")
        self.env_button.clicked.connect(self._on_env_button_clicked)
        env_row.addWidget(self.env_button)
        env_row.addStretch(1)
        form.addRow(env_row)
        layout.addWidget(self.details)

        self.backend_label = QLabel(self)
        self.backend_label.setObjectName("keyBackendLabel")
        self.backend_label.setWordWrap(True)
        layout.addWidget(self.backend_label)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("keyMessageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.setObjectName("keyButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("keySaveButton")
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self._retranslate()
        self._fill_table()
        active = keys.active_profile(region)
        if active is not None:
            self.select_profile(active.id)
        else:
            self._start_new(region)

    # Public helpers for the window and tests

    @property
    def region(self) -> str:
        return str(self.region_combo.currentData())

    @property
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), NAME)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_profile(self, profile_id: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == profile_id:
                self.table.selectRow(row)
                return True
        return False

    def row_texts(self) -> list[list[str]]:
        """Return the table's cells as text, row by row (what a screen reader reads)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                cells.append(item.text() if item is not None else "")
            rows.append(cells)
        return rows

    # Texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._language = current_language()
            self._retranslate()
            for index in range(self.region_combo.count()):
                region_id = str(self.region_combo.itemData(index))
                self.region_combo.setItemText(index, REGIONS[region_id].name(self._language))
            self._fill_table()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("API keys"))
        self.table_label.setText(tr("&Stored keys"))
        self.table.setAccessibleName(tr("Stored keys"))
        self.table.setHorizontalHeaderLabels(
            [tr("Name"), tr("Region"), tr("Key"), tr("Workspace"), tr("Endpoint"), tr("In use")]
        )
        self.new_button.setText(tr("&New key"))
        self.new_button.setAccessibleName(tr("Add a new key"))
        self.activate_button.setText(tr("&Use for its region"))
        self.activate_button.setAccessibleName(
            tr("Send this region's requests with the selected key")
        )
        self.test_button.setText(tr("&Test key"))
        self.test_button.setAccessibleName(
            tr("Test the pasted key, or the selected one, with one harmless request")
        )
        self.delete_button.setText(tr("&Delete key"))
        self.delete_button.setAccessibleName(tr("Delete the selected key"))
        self.name_label.setText(tr("Na&me"))
        self.name_edit.setAccessibleName(tr("Key name"))
        self.name_edit.setPlaceholderText(tr("For example: Beijing production"))
        self.region_label.setText(tr("&Region"))
        self.region_combo.setAccessibleName(tr("Region"))
        self.key_caption.setText(tr("API &key"))
        self.key_edit.setAccessibleName(tr("API key"))
        self.current_caption.setText(tr("Stored key"))
        self.current_label.setAccessibleName(tr("Fingerprint of the stored key"))
        self.base_url_label.setText(tr("&Base URL (optional)"))
        self.base_url_edit.setAccessibleName(tr("Base URL, for a workspace domain"))
        self.base_url_edit.setToolTip(
            tr(
                "Leave empty to use the region's shared endpoint. A workspace domain looks "
                "like https://WORKSPACE-ID.cn-beijing.maas.aliyuncs.com."
            )
        )
        self.workspace_label.setText(tr("&Workspace ID (optional)"))
        self.workspace_edit.setAccessibleName(tr("Workspace ID"))
        self.workspace_edit.setToolTip(
            tr("Sent as the X-DashScope-WorkSpace header, to use a sub-workspace.")
        )
        self.env_button.setText(tr("Use DASHSCOPE_API_KEY"))
        self.env_button.setAccessibleName(tr("Use the key from the DASHSCOPE_API_KEY variable"))
        self.save_button.setText(tr("Save"))
        self.save_button.setAccessibleName(tr("Save the key"))
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
        self._update_details_title()

    def _update_details_title(self) -> None:
        if self.selected_id is None:
            self.details.setTitle(tr("New key"))
            self.key_edit.setPlaceholderText(tr("Paste the key from the Model Studio console"))
        else:
            self.details.setTitle(tr("Selected key"))
            self.key_edit.setPlaceholderText(tr("Leave empty to keep the stored key"))

    # Table

    def _fill_table(self) -> None:
        selected = self.selected_id
        self._filling = True
        try:
            profiles = [p for p in self._keys.profiles() if p.region != "sandbox"]
            self.table.setRowCount(len(profiles))
            for row, profile in enumerate(profiles):
                self._fill_row(row, profile)
        finally:
            self._filling = False
        if selected is not None:
            self.select_profile(selected)

    def _fill_row(self, row: int, profile: KeyProfile) -> None:
        try:
            stored = self._keys.describe_profile(profile.id)
        except KeyStoreError:
            stored = None
        key_text = tr("not readable") if stored is None else stored.fingerprint
        if stored is not None and stored.source == "session":
            key_text = tr("{fingerprint} (this session only)").format(
                fingerprint=stored.fingerprint
            )
        active = self._keys.active_profile(profile.region)
        cells = [
            profile.name,
            REGIONS[profile.region].name(self._language),
            key_text,
            profile.workspace or "",
            profile.base_url or tr("shared endpoint"),
            tr("yes") if active is not None and active.id == profile.id else "",
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            if column != NAME:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            else:
                item.setToolTip(tr("Press F2 or double-click to rename."))
            self.table.setItem(row, column, item)

    def _on_table_selection_changed(self) -> None:
        self.message_label.clear()
        # A delete armed for one key must never delete another.
        self._disarm_delete()
        profile_id = self.selected_id
        profile = self._keys.profile(profile_id) if profile_id else None
        if profile is None:
            self._update_buttons()
            return
        self.name_edit.setText(profile.name)
        self.region_combo.setCurrentIndex(max(self.region_combo.findData(profile.region), 0))
        self.key_edit.clear()
        self.base_url_edit.setText(profile.base_url or "")
        self.workspace_edit.setText(profile.workspace or "")
        self._show_current(profile)
        self._update_buttons()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NAME:
            return
        profile_id = str(item.data(Qt.ItemDataRole.UserRole))
        profile = self._keys.profile(profile_id)
        if profile is None or item.text() == profile.name:
            return
        try:
            renamed = self._keys.rename(profile_id, item.text())
        except SecretsError as error:
            self._fill_table()
            self._show_message(_secrets_error_text(error))
            return
        self._fill_table()
        self.name_edit.setText(renamed.name)
        self._show_message(tr("Renamed the key to {name}.").format(name=renamed.name))
        self.keys_changed.emit(renamed.region)

    def _show_current(self, profile: KeyProfile | None) -> None:
        stored: StoredKey | None = None
        if profile is not None:
            try:
                stored = self._keys.describe_profile(profile.id)
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

    def _update_buttons(self) -> None:
        profile_id = self.selected_id
        has_selection = profile_id is not None
        self.delete_button.setEnabled(has_selection)
        profile = self._keys.profile(profile_id) if profile_id else None
        active = self._keys.active_profile(profile.region) if profile else None
        self.activate_button.setEnabled(
            profile is not None and (active is None or active.id != profile.id)
        )
        env_key = self._keys.environment_key()
        self.env_button.setVisible(env_key is not None)
        if env_key is not None:
            self.env_button.setToolTip(fingerprint(env_key))
        self._update_details_title()

    def _start_new(self, region: str | None = None) -> None:
        self.table.clearSelection()
        self._disarm_delete()
        self.name_edit.clear()
        if region is not None:
            self.region_combo.setCurrentIndex(max(self.region_combo.findData(region), 0))
        self.key_edit.clear()
        self.base_url_edit.clear()
        self.workspace_edit.clear()
        self._show_current(None)
        self._update_buttons()

    def _on_new_button_clicked(self) -> None:
        self.message_label.clear()
        self._start_new()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_base_url_edited(self) -> None:
        """Fill the region and workspace from a pasted workspace domain when they are empty."""
        parts = workspace_domain_parts(self.base_url_edit.text().strip())
        if parts is None:
            return
        workspace, region = parts
        if region is not None:
            self.region_combo.setCurrentIndex(max(self.region_combo.findData(region), 0))
        if not self.workspace_edit.text().strip():
            self.workspace_edit.setText(workspace)

    # Actions

    def _disarm_delete(self) -> None:
        self.delete_button.setProperty("confirming", False)
        self.delete_button.setText(tr("&Delete key"))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _on_save(self) -> None:
        profile_id = self.selected_id
        raw = self.key_edit.text()
        region = self.region
        name = self.name_edit.text()
        try:
            if profile_id is None:
                if not name.strip():
                    name = self._keys.free_name(REGIONS[region].name(self._language))
                stored = self._keys.add(
                    name,
                    region,
                    raw,
                    base_url=self.base_url_edit.text(),
                    workspace=self.workspace_edit.text(),
                )
            else:
                stored = self._keys.update(
                    profile_id,
                    name=name,
                    region=region,
                    base_url=self.base_url_edit.text(),
                    workspace=self.workspace_edit.text(),
                    raw_key=raw if raw.strip() else None,
                )
        except SecretsError as error:
            self._show_message(_secrets_error_text(error))
            return
        self.key_edit.clear()
        self._fill_table()
        self.select_profile(stored.profile_id)
        message = tr("Saved {name} ({fingerprint}) for {region}.").format(
            name=stored.name,
            fingerprint=stored.fingerprint,
            region=REGIONS[stored.region].name(self._language),
        )
        if raw.strip() and key_was_changed(raw, clean_key(raw)):
            message += " " + tr(
                "A Bearer prefix, spaces, line breaks or invisible characters were removed "
                "from the pasted text; check that the key in the console also ends in {end}."
            ).format(end=stored.fingerprint.rpartition("…")[2])
        self._show_message(message)
        self.keys_changed.emit(stored.region)

    def _on_activate_button_clicked(self) -> None:
        profile_id = self.selected_id
        profile = self._keys.profile(profile_id) if profile_id else None
        if profile is None:
            return
        self._keys.activate(profile.id)
        self._fill_table()
        self._update_buttons()
        self._show_message(
            tr("Requests to {region} now use {name}.").format(
                region=REGIONS[profile.region].name(self._language), name=profile.name
            )
        )
        self.keys_changed.emit(profile.region)

    def _on_env_button_clicked(self) -> None:
        env_key = self._keys.environment_key()
        if env_key is not None:
            self.key_edit.setText(env_key)
            self._on_save()

    def _on_delete_button_clicked(self) -> None:
        profile_id = self.selected_id
        profile = self._keys.profile(profile_id) if profile_id else None
        if profile is None:
            return

        if not self.delete_button.property("confirming"):
            # Deleting needs confirmation: the first click arms the button, the second deletes.
            self.delete_button.setProperty("confirming", True)
            self.delete_button.setText(tr("Click again to delete {name}").format(name=profile.name))
            self._show_message(
                tr(
                    "Deleting removes {name} from the system key store. Click the button "
                    "again to delete it."
                ).format(name=profile.name)
            )
            return

        try:
            self._keys.remove(profile.id)
        except KeyStoreError as error:
            self._show_message(str(error))
            return

        self._disarm_delete()
        self._fill_table()
        self._start_new(profile.region)
        message = tr("Deleted the key {name}.").format(name=profile.name)
        region_name = REGIONS[profile.region].name(self._language)
        successor = self._keys.active_profile(profile.region)
        if successor is not None:
            message += " " + tr("Requests to {region} now use {name}.").format(
                region=region_name, name=successor.name
            )
        else:
            message += " " + tr("{region} has no key now.").format(region=region_name)

        self._show_message(message)
        self.keys_changed.emit(profile.region)

    def _on_test_button_clicked(self) -> None:
        raw = self.key_edit.text().strip()
        profile_id = self.selected_id
        if not raw and profile_id is not None:
            try:
                raw = self._keys.key_for(profile_id) or ""
            except KeyStoreError as error:
                self._show_message(str(error))
                return
        if not raw:
            self._show_message(tr("Paste a key, or select a stored one, to test it."))
            return
        try:
            base_url = check_base_url(self.base_url_edit.text())
            workspace = check_workspace(self.workspace_edit.text())
        except SecretsError as error:
            self._show_message(_secrets_error_text(error))
            return
        task = asyncio.get_running_loop().create_task(
            self._test(self.region, raw, base_url, workspace)
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _test(
        self, region: str, raw: str, base_url: str | None, workspace: str | None
    ) -> None:
        assert self._tester is not None
        self.test_button.setEnabled(False)
        self._show_message(tr("Testing the key…"))
        name = REGIONS[region].name(self._language)
        try:
            result = await self._tester(region, raw, base_url=base_url, workspace=workspace)
        except InvalidKeyError as error:
            self._show_message(_secrets_error_text(error))
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
        elif result.outcome == "error:NOT AUTHORIZED":
            self._show_message(
                tr(
                    "{region} accepts the key but not the workspace: check the workspace ID "
                    "and that the workspace belongs to this region."
                ).format(region=name)
            )
        else:
            code = result.outcome.removeprefix("error:")
            explanation = self._errors.explain(code) if self._errors is not None else None
            if explanation is not None and explanation.known:
                self._show_message(
                    tr("The test could not finish: {title}. {fix}").format(
                        title=explanation.title.get(self._language),
                        fix=explanation.fix.get(self._language),
                    )
                )
            else:
                self._show_message(tr("The test could not finish: {code}.").format(code=code))


def _secrets_error_text(error: SecretsError) -> str:
    """Return the translated message for a rejected key, name, base URL or workspace."""
    if isinstance(error, InvalidKeyError):
        return _invalid_key_text(error)

    if not isinstance(error, InvalidProfileError):
        return str(error)

    params = error.params
    if error.reason == "name_empty":
        return tr("The key name is empty; give the key a name.")

    if error.reason == "name_too_long":
        return tr("The key name has {length} characters; use at most {maximum}.").format(**params)

    if error.reason == "name_taken":
        return tr("A key named {name} already exists; choose another name.").format(**params)

    if error.reason == "workspace":
        return tr(
            "The workspace ID {value} is not valid: use only letters, digits, '-' and '_', "
            "as shown in the Model Studio console."
        ).format(**params)

    if error.reason == "base_url_placeholder":
        return tr(
            "The base URL {value} still contains a placeholder in braces; replace it with "
            "your workspace ID."
        ).format(**params)

    if error.reason == "base_url_region":
        region = REGIONS[str(params["region"])].name(current_language())
        return tr(
            "The base URL {value} is a workspace domain in {region}; choose {region} as "
            "the key's region."
        ).format(value=params["value"], region=region)

    if error.reason == "base_url_path":
        return tr("The base URL {value} must end in /api/v1 or have no path.").format(**params)

    if error.reason.startswith("base_url"):
        return tr(
            "The base URL {value} is not usable. Write it like "
            "https://dashscope.aliyuncs.com/api/v1, with https:// and no query."
        ).format(**params)

    return str(error)


def _invalid_key_text(error: InvalidKeyError) -> str:
    if error.reason == "empty":
        return tr("The key is empty. Paste the API key from the Model Studio console.")
    if error.reason == "too_long":
        return tr(
            "The key has {length} characters; API keys are shorter than {maximum}. "
            "Check that only the key was copied."
        ).format(**error.params)
    return tr(
        "Character {position} of the key is “{character}” ({code_point}), which an API key "
        "cannot contain. Copy the key again from the Model Studio console."
    ).format(**error.params)
