"""The key manager dialog: several named keys, rename, activate, delete and workspace fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.widgets.key_dialog import NAME, KeyDialog
from gui.widgets.main_window import MainWindow
from tests.conftest import files_containing

pytestmark = pytest.mark.timeout(30)

FIRST_KEY = "sk-test-fake-manager-first-0000a001"
SECOND_KEY = "sk-test-fake-manager-second-000b002"


def open_dialog(window: MainWindow, qtbot: QtBot) -> KeyDialog:
    window.select_region("beijing")
    dialog = window.open_key_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def add_key(dialog: KeyDialog, name: str, key: str, region: str = "beijing") -> None:
    dialog.new_button.click()
    dialog.name_edit.setText(name)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(region))
    dialog.key_edit.setText(key)
    dialog.save_button.click()


def key_names(services: Services) -> list[str]:
    """Return the names of the stored keys, without the sandbox's session key."""
    return sorted(p.name for p in services.keys.profiles() if p.region != "sandbox")


def test_two_keys_listed_with_fingerprints(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "Production", f" {FIRST_KEY}\n")
    add_key(dialog, "Experiments", SECOND_KEY)

    rows = dialog.row_texts()
    assert [row[NAME] for row in rows] == ["Experiments", "Production"]
    assert rows[1][2] == "sk-…a001"
    assert rows[1][5] == "yes"  # the first key of a region is the one in use
    assert rows[0][5] == ""
    assert "Saved Experiments (sk-…b002)" in dialog.message_label.text()
    assert FIRST_KEY not in " ".join(" ".join(row) for row in rows)
    assert services.keys.get("beijing") == FIRST_KEY

    dialog.select_profile(services.keys.profiles("beijing")[0].id)
    assert dialog.activate_button.isEnabled()
    dialog.activate_button.click()
    assert services.keys.get("beijing") == SECOND_KEY
    assert dialog.row_texts()[0][5] == "yes"
    assert not dialog.activate_button.isEnabled()


def test_rename_in_table_and_in_details(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "One", FIRST_KEY)
    add_key(dialog, "Two", SECOND_KEY)

    item = dialog.table.item(0, NAME)  # "One"
    assert item is not None
    item.setText("Uno")
    assert "Renamed the key to Uno." in dialog.message_label.text()
    assert key_names(services) == ["Two", "Uno"]

    item = dialog.table.item(1, NAME)  # "Uno" sorts after "Two"
    assert item is not None
    item.setText("two")
    assert "already exists" in dialog.message_label.text()
    assert key_names(services) == ["Two", "Uno"]
    assert [row[NAME] for row in dialog.row_texts()] == ["Two", "Uno"]

    dialog.select_profile(services.keys.profiles("beijing")[0].id)
    dialog.name_edit.setText("Dos")
    dialog.save_button.click()
    assert key_names(services) == ["Dos", "Uno"]
    assert services.keys.get("beijing") == FIRST_KEY  # an empty key field keeps the secret


def test_delete_asks_first(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "Doomed", FIRST_KEY)
    add_key(dialog, "Kept", SECOND_KEY)
    doomed = next(p for p in services.keys.profiles() if p.name == "Doomed")
    dialog.select_profile(doomed.id)

    dialog.delete_button.click()
    assert services.keys.profile(doomed.id) is not None
    assert "Doomed" in dialog.delete_button.text()
    # Selecting another key disarms the delete.
    survivor = next(p for p in services.keys.profiles() if p.name == "Kept")
    dialog.select_profile(survivor.id)
    dialog.select_profile(doomed.id)
    dialog.delete_button.click()
    assert services.keys.profile(doomed.id) is not None
    dialog.delete_button.click()
    assert services.keys.profile(doomed.id) is None
    assert services.keys.get("beijing") == SECOND_KEY
    assert "Deleted the key Doomed." in dialog.message_label.text()
    assert "Requests to China (Beijing) now use Kept." in dialog.message_label.text()
    assert [row[NAME] for row in dialog.row_texts()] == ["Kept"]


def test_workspace_domain_fills_region_and_workspace(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.new_button.click()
    dialog.name_edit.setText("Workspace")
    dialog.base_url_edit.setText("https://ws-abc123.ap-southeast-1.maas.aliyuncs.com")
    dialog.base_url_edit.editingFinished.emit()
    assert dialog.region == "singapore"
    assert dialog.workspace_edit.text() == "ws-abc123"
    dialog.key_edit.setText(FIRST_KEY)
    dialog.save_button.click()
    profile = services.keys.active_profile("singapore")
    assert profile is not None
    assert profile.base_url == "https://ws-abc123.ap-southeast-1.maas.aliyuncs.com/api/v1"
    assert profile.workspace == "ws-abc123"
    credentials = services.credentials("singapore")
    assert credentials.headers()["X-DashScope-WorkSpace"] == "ws-abc123"
    assert credentials.base_url == profile.base_url


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("base_url", "https://{WorkspaceId}.cn-beijing.maas.aliyuncs.com", "placeholder"),
        ("base_url", "https://dashscope.aliyuncs.com/v2", "must end in /api/v1"),
        ("workspace", "ws 1", "The workspace ID ws 1 is not valid"),
        ("key", "sk-测试", "Character 4 of the key is “测” (U+6D4B)"),
    ],
)
def test_bad_values_named_in_message(
    window: MainWindow, services: Services, qtbot: QtBot, field: str, value: str, words: str
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.new_button.click()
    dialog.name_edit.setText("Bad")
    dialog.key_edit.setText(FIRST_KEY)
    {
        "base_url": dialog.base_url_edit,
        "workspace": dialog.workspace_edit,
        "key": dialog.key_edit,
    }[field].setText(value)
    dialog.save_button.click()
    assert words in dialog.message_label.text()
    assert services.keys.profiles("beijing") == []


def test_key_test_sends_workspace(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    config = EmulatorConfig(workspaces=("ws-good",))
    with Emulator(key=FIRST_KEY, config=config) as domain:
        dialog = open_dialog(window, qtbot)
        dialog.new_button.click()
        dialog.base_url_edit.setText(domain.base_url)
        dialog.workspace_edit.setText("ws-good")
        dialog.key_edit.setText(FIRST_KEY)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "works in" in dialog.message_label.text(), timeout=5000)
        dialog.workspace_edit.setText("ws-bad")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "not the workspace" in dialog.message_label.text(), timeout=5000)
        headers = [r.header("X-DashScope-WorkSpace") for r in domain.requests]
        assert headers == ["ws-good", "ws-bad"]
    assert files_containing(services.paths.data_dir, FIRST_KEY) == []


def test_keyboard_reaches_every_control(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    controls = [
        dialog.table,
        dialog.new_button,
        dialog.activate_button,
        dialog.test_button,
        dialog.delete_button,
        dialog.name_edit,
        dialog.region_combo,
        dialog.key_edit,
        dialog.base_url_edit,
        dialog.workspace_edit,
        dialog.save_button,
    ]
    for control in controls:
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
        assert control.accessibleName(), control.objectName()
        assert control.objectName()


def test_endpoint_and_export_follow_active_key(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.new_button.click()
    dialog.name_edit.setText("Workspace domain")
    dialog.base_url_edit.setText("https://ws-77.cn-beijing.maas.aliyuncs.com")
    dialog.workspace_edit.setText("ws-77")
    dialog.key_edit.setText(FIRST_KEY)
    dialog.save_button.click()
    window.select_model("wan2.2-t2i-flash")
    endpoint = window.endpoint_label.text()
    assert "POST https://ws-77.cn-beijing.maas.aliyuncs.com/api/v1/services/aigc/" in endpoint
    assert "X-DashScope-WorkSpace: ws-77" in endpoint
    script = window.copy_request_as("bash")
    assert script is not None
    assert "https://ws-77.cn-beijing.maas.aliyuncs.com/api/v1/" in script
    assert "X-DashScope-WorkSpace: ws-77" in script
    assert FIRST_KEY not in script


def test_pasted_bearer_header_cleaned_with_notice(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "From curl", f"Bearer {FIRST_KEY[:12]}\n{FIRST_KEY[12:]}")
    assert services.keys.get("beijing") == FIRST_KEY
    message = dialog.message_label.text()
    assert "Saved From curl (sk-…a001)" in message
    assert "A Bearer prefix, spaces, line breaks or invisible characters were removed" in message
    assert "ends in a001" in message
    add_key(dialog, "Clean", SECOND_KEY)
    assert "were removed" not in dialog.message_label.text()


def test_last_key_deleted_says_none_left(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "Only", FIRST_KEY)
    dialog.delete_button.click()
    dialog.delete_button.click()
    assert "China (Beijing) has no key now." in dialog.message_label.text()


def test_workspace_domain_of_other_region_rejected(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.new_button.click()
    dialog.name_edit.setText("Mismatch")
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("singapore"))
    dialog.base_url_edit.setText("https://ws-auto99.cn-beijing.maas.aliyuncs.com")
    dialog.key_edit.setText(FIRST_KEY)
    dialog.save_button.click()
    assert "is a workspace domain in China (Beijing)" in dialog.message_label.text()
    assert services.keys.profiles("singapore") == []


def test_failed_test_explained_in_words(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    # Nothing listens on port 9 of the loopback address, so the test is refused.
    services.set_base_url("beijing", "http://127.0.0.1:9/api/v1")
    dialog = open_dialog(window, qtbot)
    dialog.key_edit.setText(FIRST_KEY)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "could not finish" in dialog.message_label.text(), timeout=10000)
    message = dialog.message_label.text()
    assert "PixelPost.Network" not in message
    assert "Connection refused" in message or "refused" in message.lower()


def test_dialog_follows_language_switch(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    add_key(dialog, "Main", FIRST_KEY)
    window.language_combo.setCurrentIndex(window.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "API 密钥", timeout=3000)
    assert dialog.new_button.text() == "新建密钥(&N)"
    assert dialog.row_texts()[0][1] == "华北2（北京）"
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "API keys", timeout=3000)
