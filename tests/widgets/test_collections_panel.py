"""The saved-requests dock in the window: save, open, rename, duplicate, delete, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from gui.core.collections import SavedRequest
from gui.core.services import Services
from gui.widgets.collections_panel import MODEL_COLUMN, NAME_COLUMN, PROBLEM_COLOUR
from gui.widgets.main_window import MainWindow
from tests.conftest import files_containing

pytestmark = pytest.mark.timeout(60)

PROMPT = "一只戴着草帽的橘猫坐在稻田边"
STORED_KEY = "sk-test-fake-collections-0000000cafe"


def fill_form(window: MainWindow, prompt: str = PROMPT) -> None:
    assert window.select_model("wanx2.1-t2i-turbo")
    assert window.form is not None
    window.form.set_values({"prompt": prompt, "n": 2, "seed": 1234, "size": "1280*720"})


def save_via_dialog(window: MainWindow, qtbot: QtBot, name: str, folder: str = "") -> None:
    window.saved_work.save_action.trigger()
    dialog = window.saved_work.save_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.name_edit.setText(name)
    dialog.folder_combo.setCurrentIndex(dialog.folder_combo.findData(folder))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def test_save_and_open_request(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    panel = window.saved_work.collections_dock.panel
    assert panel.root == services.paths.data_dir / "collections"
    fill_form(window)
    window.select_region("sandbox")

    window.saved_work.save_action.trigger()
    dialog = window.saved_work.save_dialog
    assert dialog is not None
    assert dialog.name_edit.text() == PROMPT  # suggested from the prompt
    dialog.name_edit.setText("Cat: sunset")
    dialog.save_button.click()

    file = panel.root / "Cat_ sunset.json"
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["name"] == "Cat: sunset"
    assert document["model"] == "wanx2.1-t2i-turbo"
    assert document["region"] == "sandbox"
    assert document["mode"] == "async"
    assert document["body"]["input"]["prompt"] == PROMPT
    assert document["body"]["parameters"]["seed"] == 1234
    assert window.saved_work.collections_dock.isVisible()
    assert "Saved Cat: sunset" in window.message_label.text()

    window.select_model("wan2.6-t2i")
    window.select_region("beijing")
    assert panel.select_path("Cat_ sunset.json")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.model_name == "wanx2.1-t2i-turbo"
    assert window.region == "sandbox"
    assert window.form is not None
    values = window.form.values()
    assert values["prompt"] == PROMPT
    assert values["seed"] == 1234
    assert values["n"] == 2
    assert values["size"] == "1280*720"
    assert "Cat: sunset" in window.message_label.text()

    # Saving again offers the opened request's name and replaces it.
    window.form.set_values({"seed": 99})
    window.saved_work.save_action.trigger()
    again = window.saved_work.save_dialog
    assert again is not None
    assert again.name_edit.text() == "Cat: sunset"
    assert "replaces the saved request Cat: sunset" in again.note.text()
    again.save_button.click()
    assert [path.name for path in panel.root.iterdir()] == ["Cat_ sunset.json"]
    assert json.loads(file.read_text(encoding="utf-8"))["body"]["parameters"]["seed"] == 99


def test_ctrl_s_opens_save_dialog(window: MainWindow, qtbot: QtBot) -> None:
    fill_form(window)
    window.activateWindow()
    window.form.setFocus()  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.saved_work.save_dialog is not None, timeout=3000)
    dialog = window.saved_work.save_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.reject()


def test_snapshot_model_and_json_tab(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.saved_work.collections_dock.panel
    body = {
        "model": "qwen-image-2.0-pro-2026-04-22",
        "input": {"messages": [{"role": "user", "content": [{"text": "橘猫"}]}]},
        "parameters": {"size": "1024*1024"},
        "future_member": {"kept": True},
    }
    window.load_request(body, "sandbox", "sync")
    window.request_tabs.setCurrentWidget(window.raw_json)
    save_via_dialog(window, qtbot, "Snapshot")
    saved = panel.collection.read("Snapshot.json")
    assert saved.model == "qwen-image-2.0-pro-2026-04-22"
    assert saved.body["future_member"] == {"kept": True}
    assert saved.mode == "sync"

    window.select_model("wan2.6-t2i")
    window.saved_work.open_saved_request(saved)
    assert window.model_name == "qwen-image-2.0-pro-2026-04-22"
    assert window.request_body()["future_member"] == {"kept": True}


def test_invalid_json_tab_not_saved(window: MainWindow, qtbot: QtBot) -> None:
    window.request_tabs.setCurrentWidget(window.raw_json)
    window.raw_json.edit.setPlainText("{ not json")
    window.saved_work.save_action.trigger()
    dialog = window.saved_work.save_dialog
    assert dialog is not None
    dialog.name_edit.setText("Broken")
    assert dialog.save() is None
    assert "Not saved: " in dialog.note.text()
    assert "line 1" in dialog.note.text()
    dialog.name_edit.setText("  ")
    assert dialog.save() is None
    assert "Type a name" in dialog.note.text()
    dialog.reject()
    assert list(window.saved_work.collections_dock.panel.root.glob("*.json")) == []


def test_rename_duplicate_delete_search(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.saved_work.collections_dock.panel
    window.saved_work.collections_dock.show()
    fill_form(window)
    save_via_dialog(window, qtbot, "Cat")
    fill_form(window, "A red kite over a windy beach")
    save_via_dialog(window, qtbot, "Kite")

    # F2 edits the name in place; Return commits the rename.
    assert panel.select_path("Cat.json")
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.findChild(QLineEdit)
    qtbot.waitUntil(lambda: panel.tree.findChild(QLineEdit) is not None, timeout=3000)
    editor = panel.tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Orange cat")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (panel.root / "Orange cat.json").exists(), timeout=3000)
    assert not (panel.root / "Cat.json").exists()
    assert panel.selected_kind_and_path() == ("request", "Orange cat.json")

    panel.duplicate_button.click()
    assert (panel.root / "Orange cat (2).json").exists()
    assert panel.selected_kind_and_path() == ("request", "Orange cat (2).json")

    box = panel.delete_selected()
    assert box is not None
    assert "Orange cat (2)" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert (panel.root / "Orange cat (2).json").exists()
    box = panel.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not (panel.root / "Orange cat (2).json").exists()

    names = lambda: [  # noqa: E731
        panel.tree.topLevelItem(i).text(NAME_COLUMN)  # type: ignore[union-attr]
        for i in range(panel.tree.topLevelItemCount())
    ]
    assert names() == ["Kite", "Orange cat"]
    panel.search_edit.setText("稻田")
    assert names() == ["Orange cat"]
    panel.search_edit.setText("KITE")
    assert names() == ["Kite"]
    panel.search_edit.setText("wanx2.1")
    assert names() == ["Kite", "Orange cat"]
    panel.search_edit.clear()


def test_folders_and_bad_files(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = window.saved_work.collections_dock.panel
    panel.set_root(tmp_path / "team")
    settings = QSettings(str(services.paths.settings_file), QSettings.Format.IniFormat)
    assert settings.value("collections/folder") == str(tmp_path / "team")

    dialog = panel.open_new_folder_dialog()
    dialog.setTextValue("Posters/2026")
    dialog.accept()
    assert (tmp_path / "team" / "Posters_2026").is_dir()
    fill_form(window)
    save_via_dialog(window, qtbot, "In folder", "Posters_2026")
    assert (tmp_path / "team" / "Posters_2026" / "In folder.json").is_file()

    (tmp_path / "team" / "broken.json").write_text("{oops", encoding="utf-8")
    panel.refresh()
    assert panel.select_path("broken.json")
    item = panel.tree.currentItem()
    assert item is not None
    assert item.text(MODEL_COLUMN) == "cannot be read"
    assert item.foreground(NAME_COLUMN).color().name() == PROBLEM_COLOUR
    assert "broken.json is not valid JSON" in item.toolTip(NAME_COLUMN)
    assert panel.open_selected() is None
    assert "broken.json is not valid JSON" in panel.message.text()
    assert not panel.rename_button.isEnabled()

    folder_item = panel.tree.topLevelItem(0)
    assert folder_item is not None and folder_item.text(NAME_COLUMN) == "Posters_2026"
    panel.tree.setCurrentItem(folder_item)
    box = panel.delete_selected()
    assert box is not None
    assert "1 requests" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not (tmp_path / "team" / "Posters_2026").exists()


def test_import_export_without_key(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    services.keys.set("beijing", STORED_KEY)
    panel = window.saved_work.collections_dock.panel
    fill_form(window)
    window.select_region("beijing")
    save_via_dialog(window, qtbot, "Beijing cat")
    panel.collection.save(
        SavedRequest("Second", "wan2.6-t2i", "beijing", "async", {"input": {"messages": []}}),
        panel.collection.create_folder("", "More"),
    )

    export_file = tmp_path / "shared" / "team.json"
    export_file.parent.mkdir()
    dialog = panel.open_export_dialog()
    dialog.fileSelected.emit(str(export_file))
    assert "Exported 2 requests" in panel.message.text()

    panel.set_root(tmp_path / "colleague")
    import_dialog = panel.open_import_dialog()
    import_dialog.fileSelected.emit(str(export_file))
    assert "Imported 2 requests from team.json" in panel.message.text()
    for name in ("Beijing cat.json", "More/Second.json"):
        original = services.paths.data_dir / "collections" / name
        assert (tmp_path / "colleague" / name).read_bytes() == original.read_bytes()

    assert not panel.import_file(tmp_path / "missing.json")
    assert "does not exist" in panel.message.text()

    for root in (tmp_path, services.paths.data_dir / "collections"):
        assert files_containing(root, STORED_KEY) == []
        assert files_containing(root, "sk-…cafe") == []


def test_panel_controls_named(window: MainWindow, qtbot: QtBot) -> None:
    window.saved_work.collections_dock.show()
    panel = window.saved_work.collections_dock.panel
    controls = [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit) and w.isVisible()
    ]
    assert len(controls) >= 7
    for control in controls:
        assert control.objectName()
        assert control.accessibleName(), control.objectName()
    assert window.saved_work.collections_dock.toggleViewAction() in window.view_menu.actions()
    texts = [action.text() for action in window.file_menu.actions()]
    for text in ("&Save request…", "Open collection folder…", "Import collection…"):
        assert text in texts
    assert texts[-1] == "&Quit"


def test_move_request_and_rename_folder(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = window.saved_work.collections_dock.panel
    panel.set_root(tmp_path / "team")
    panel.create_folder("Posters")
    panel.tree.clearSelection()
    panel.tree.setCurrentItem(None)
    fill_form(window)
    save_via_dialog(window, qtbot, "Loose")
    assert panel.select_path("Loose.json")
    assert panel.move_button.isEnabled()

    dialog = panel.open_move_dialog()
    assert dialog is not None
    assert dialog.comboBoxItems() == ["(top level)", "Posters"]
    dialog.setTextValue("Posters")
    dialog.accept()
    assert (tmp_path / "team" / "Posters" / "Loose.json").is_file()
    assert not (tmp_path / "team" / "Loose.json").exists()
    assert "Moved Loose to Posters." in panel.message.text()

    fill_form(window, "another prompt")
    save_via_dialog(window, qtbot, "Loose")  # a second "Loose" at the top level
    assert panel.select_path("Loose.json")
    assert panel.move_request("Loose.json", "Posters") is None
    assert "already has a request called 'Loose'" in panel.message.text()

    folder_item = panel._find_item("folder", "Posters")
    assert folder_item is not None
    folder_item.setText(NAME_COLUMN, "Print: 2026")
    assert (tmp_path / "team" / "Print_ 2026" / "Loose.json").is_file()
    assert "Renamed the folder to Print_ 2026." in panel.message.text()
    moved = panel.collection.read("Print_ 2026/Loose.json")
    assert moved.body["input"]["prompt"] == PROMPT
