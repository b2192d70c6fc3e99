"""The results gallery: thumbnails off the GUI thread, details, filters and actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.core.catalog import load_catalog
from gui.core.gallery import item_for_file
from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.widgets.gallery import GalleryHooks, GalleryPanel
from gui.widgets.main_window import MainWindow
from gui.widgets.thumbnails import cached_file
from tests.gallery_results import write_result
from tests.qt_fixtures import destroy_now

pytestmark = pytest.mark.timeout(60)

CATALOG = load_catalog()


@dataclass
class FakeHooks:
    """Records the calls the panel makes outside itself."""

    sent: list[TaskRecord] = field(default_factory=list)
    inputs: list[tuple[str, str, Path]] = field(default_factory=list)
    opened: list[QUrl] = field(default_factory=list)
    revealed: list[Path] = field(default_factory=list)
    trashed: list[Path] = field(default_factory=list)
    trash_works: bool = True

    def hooks(self) -> GalleryHooks:
        return GalleryHooks(
            send=self.send,
            open_input=self.open_input,
            open_url=self.open_url,
            reveal=self.reveal,
            trash=self.trash,
        )

    def send(self, record: TaskRecord) -> TaskRecord:
        self.sent.append(record)
        return record

    def open_input(self, model: str, field_name: str, path: Path) -> bool:
        self.inputs.append((model, field_name, path))
        return True

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True

    def reveal(self, path: Path) -> bool:
        self.revealed.append(path)
        return True

    def trash(self, path: Path) -> bool:
        if not self.trash_works:
            return False
        self.trashed.append(path)
        path.unlink()
        return True


@pytest.fixture
def fake() -> FakeHooks:
    return FakeHooks()


PanelFactory = Callable[..., GalleryPanel]


@pytest.fixture
def make_panel(tmp_path: Path, fake: FakeHooks, qtbot: QtBot) -> Iterator[PanelFactory]:
    panels: list[GalleryPanel] = []

    def build(results: Path | None = None, cache: Path | None = None) -> GalleryPanel:
        panel = GalleryPanel(
            CATALOG,
            results or tmp_path / "results",
            cache or tmp_path / "cache",
            fake.hooks(),
            lambda: "en",
        )
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        panels.append(panel)
        return panel

    yield build
    for panel in panels:
        panel.shutdown()
        panel.close()
        panel.deleteLater()
    destroy_now()


def thumbnails_shown(panel: GalleryPanel) -> bool:
    """Return whether every item in view has its thumbnail (or a failure) in memory."""
    viewport = panel.view.viewport().rect()
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row)
        if not panel.view.visualRect(index).intersects(viewport):
            continue
        key = panel.model.item(row).key
        if key not in panel.loader.memory and key not in panel.loader.failures:
            return False
    return True


def test_lists_results_newest_first(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    paths = [write_result(tmp_path / "results", number) for number in range(5)]
    panel = make_panel()

    panel.refresh()

    assert panel.model.rowCount() == 5
    assert [panel.model.item(row).path for row in range(5)] == list(reversed(paths))
    assert panel.count_label.text() == "5 results"
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=5000)
    assert panel.loader.decoded == 5
    image = panel.model.data(panel.model.index(0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(image, QImage)
    assert (image.width(), image.height()) == (96, 64)  # smaller than a cell: not enlarged


def test_thumbnails_are_scaled_and_cached(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    path = write_result(tmp_path / "results", 1, pixels=(1280, 640), colour=(200, 30, 30))
    panel = make_panel()
    panel.refresh()
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=5000)
    image = panel.loader.memory.get(str(path))
    assert image is not None
    assert image.width() == panel.loader.edge
    assert image.height() == panel.loader.edge // 2
    item = item_for_file(path)
    assert item is not None
    jpeg, _png = cached_file(tmp_path / "cache", item, panel.loader.edge)
    assert jpeg.exists()

    # A second gallery reads the disk cache: a marked cache file proves it.
    Image.new("RGB", (40, 20), (0, 0, 255)).save(jpeg, "JPEG")
    second = make_panel()
    second.refresh()
    qtbot.waitUntil(lambda: thumbnails_shown(second), timeout=5000)
    cached = second.loader.memory.get(str(path))
    assert cached is not None
    assert cached.width() == 40
    assert QImage(cached).pixelColor(20, 10).blue() > 200


def test_only_items_in_view_are_decoded(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    for number in range(400):
        write_result(tmp_path / "results", number, pixels=(32, 32))
    panel = make_panel()
    panel.refresh()
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=5000)
    qtbot.waitUntil(lambda: not panel.loader.busy, timeout=5000)

    first_screen = panel.loader.decoded
    assert 0 < first_screen < 60
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=5000)
    qtbot.waitUntil(lambda: not panel.loader.busy, timeout=5000)
    assert panel.loader.decoded < 2 * first_screen + 20
    last_key = panel.model.item(399).key
    assert last_key in panel.loader.memory


def test_unreadable_image_is_marked(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    path = write_result(tmp_path / "results", 1)
    path.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    panel = make_panel()
    with qtbot.waitSignal(panel.loader.thumbnail_failed, timeout=5000) as failed:
        panel.refresh()

    assert failed.args[0] == str(path)
    assert panel.model.data(panel.model.index(0), Qt.ItemDataRole.DecorationRole) is None
    panel.view.setCurrentIndex(panel.model.index(0))
    assert panel.details_pane.text("prompt") == "result 1: a lighthouse on a cliff"


def test_selection_shows_details(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    path = write_result(
        tmp_path / "results", 3, model="wan2.2-t2i-flash", region="beijing", prompt="灯塔 at dawn", seed=4242
    )
    panel = make_panel()
    panel.refresh()

    panel.view.setCurrentIndex(panel.model.index(0))

    pane = panel.details_pane
    assert pane.text("prompt") == "灯塔 at dawn"
    assert pane.text("actual_prompt") == "灯塔 at dawn, rewritten with more detail"
    assert pane.text("negative_prompt") == "blurry"
    assert pane.text("model") == "wan2.2-t2i-flash"
    assert pane.text("region") == "China (Beijing)"
    assert pane.text("seed") == "4242"
    assert pane.text("size") == "96×64"
    assert pane.text("task_id") == "task-00000003"
    assert pane.text("request_id") == "req-00000003"
    assert pane.text("duration") == "12.0 s"
    price = CATALOG["wan2.2-t2i-flash"].prices["beijing"]
    assert pane.text("cost") == f"¥{price:g} (catalog price per image in China (Beijing))"
    assert pane.text("file") == str(path)
    assert panel.rerun_action.isEnabled()
    assert panel.reseed_action.isEnabled()
    assert not panel.compare_action.isEnabled()


def test_result_without_sidecar_is_explained(tmp_path: Path, make_panel: PanelFactory) -> None:
    path = write_result(tmp_path / "results", 1)
    path.with_name(path.stem + ".json").unlink()
    panel = make_panel()
    panel.refresh()

    panel.view.setCurrentIndex(panel.model.index(0))

    assert "has no PixelPost request" in panel.details_pane.heading.text()
    assert not panel.rerun_action.isEnabled()
    assert panel.open_action.isEnabled()


def test_filter_by_text_and_model(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    results = tmp_path / "results"
    write_result(results, 1, model="wan2.2-t2i-flash", prompt="red kite over the sea")
    write_result(results, 2, model="qwen-image", prompt="red barn in snow")
    write_result(results, 3, model="wan2.2-t2i-flash", prompt="blue whale")
    panel = make_panel()
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.details_loading, timeout=5000)
    assert [panel.model_combo.itemText(i) for i in range(panel.model_combo.count())] == [
        "All models",
        "qwen-image",
        "wan2.2-t2i-flash",
    ]

    panel.filter_edit.setText("RED")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=2000)
    assert panel.count_label.text() == "Showing 2 of 3"
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.2-t2i-flash"))
    assert panel.model.rowCount() == 1
    assert panel.model.details[panel.model.item(0).key].prompt == "red kite over the sea"
    panel.filter_edit.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=2000)


def test_open_reveal_and_copy(tmp_path: Path, make_panel: PanelFactory, fake: FakeHooks) -> None:
    path = write_result(tmp_path / "results", 1, colour=(10, 200, 10))
    panel = make_panel()
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0))

    panel.open_action.trigger()
    panel.reveal_action.trigger()
    QGuiApplication.clipboard().clear()
    panel.copy_action.trigger()

    assert fake.opened == [QUrl.fromLocalFile(str(path))]
    assert fake.revealed == [path]
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.urls() == [QUrl.fromLocalFile(str(path))]
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (96, 64)
    assert image.pixelColor(5, 5).green() == 200
    assert panel.message.text() == f"Copied {path.name} to the clipboard."


def test_rerun_same_and_new_seed(tmp_path: Path, make_panel: PanelFactory, fake: FakeHooks) -> None:
    write_result(tmp_path / "results", 1, model="wan2.2-t2i-flash", region="singapore", seed=77)
    panel = make_panel()
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0))

    panel.rerun_action.trigger()
    panel.reseed_action.trigger()

    same, reseeded = fake.sent
    assert same.model == "wan2.2-t2i-flash"
    assert same.region == "singapore"
    assert same.mode == "async"
    assert same.path == "services/aigc/text2image/image-synthesis"
    assert same.body["parameters"] == {"size": "96*64", "n": 1, "seed": 77}
    assert reseeded.body["input"] == same.body["input"]
    assert reseeded.body["parameters"]["seed"] != 77
    seed = reseeded.body["parameters"]["seed"]
    assert panel.message.text() == f"Sent wan2.2-t2i-flash again with seed {seed}."


def test_use_as_input_dialog(tmp_path: Path, make_panel: PanelFactory, fake: FakeHooks) -> None:
    path = write_result(tmp_path / "results", 1)
    panel = make_panel()
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0))

    dialog = panel.use_selected_as_input()
    assert dialog is not None
    assert dialog.select("wanx2.1-imageedit", "base_image_url")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    assert fake.inputs == [("wanx2.1-imageedit", "base_image_url", path)]
    assert panel.message.text() == f"{path.name} is now the input image of wanx2.1-imageedit."
    again = panel.use_selected_as_input()
    assert again is not None
    assert again.model_combo.currentData() == "wanx2.1-imageedit"
    assert again.field_combo.currentData() == "base_image_url"
    again.reject()


def test_compare_keeps_views_in_step(tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot) -> None:
    results = tmp_path / "results"
    write_result(results, 1, pixels=(800, 600), seed=1)
    write_result(results, 2, pixels=(800, 600), seed=2)
    write_result(results, 3, pixels=(400, 300), seed=3)
    panel = make_panel()
    panel.refresh()
    panel.select_keys(panel.model.item(row).key for row in range(3))
    assert panel.compare_action.isEnabled()
    assert "3 results selected" in panel.details_pane.heading.text()

    dialog = panel.compare_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)

    assert len(dialog.views) == 3
    assert [label.text() for label in dialog.captions] == [
        "wan2.2-t2i-flash · seed 3",
        "wan2.2-t2i-flash · seed 2",
        "wan2.2-t2i-flash · seed 1",
    ]
    assert dialog.fitting
    assert dialog.zoom < 1.0
    dialog.set_zoom(2.0)
    assert {view.transform().m11() for view in dialog.views} == {2.0}
    assert dialog.zoom_label.text() == "200%"
    first, second = dialog.views[1], dialog.views[2]
    first.verticalScrollBar().setValue(first.verticalScrollBar().maximum())
    assert second.verticalScrollBar().value() == second.verticalScrollBar().maximum()
    first.horizontalScrollBar().setValue(0)
    assert second.horizontalScrollBar().value() == 0
    dialog.close()


def test_delete_asks_then_moves_to_trash(
    tmp_path: Path, make_panel: PanelFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    trash_home = tmp_path / "xdg-data"
    trash_home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(trash_home))
    results = tmp_path / "results"
    kept = write_result(results, 1)
    doomed = write_result(results, 2)
    panel = make_panel()
    panel.hooks.trash = GalleryHooks.trash  # the real recycle bin (an XDG trash here)
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0))

    box = panel.delete_selected()
    assert box is not None
    assert box.text() == f"Move {doomed.name} and its sidecar to the recycle bin?"
    box.button(QMessageBox.StandardButton.No).click()
    assert doomed.exists()

    box = panel.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()

    assert not doomed.exists()
    assert not doomed.with_suffix(".json").exists()
    trashed = sorted(path.name for path in (trash_home / "Trash" / "files").iterdir())
    assert trashed == sorted([doomed.name, doomed.stem + ".json"])
    assert panel.model.rowCount() == 1
    assert panel.model.item(0).path == kept
    assert panel.message.text() == f"Moved {doomed.name} to the recycle bin."


def test_delete_key_removes_several(
    tmp_path: Path, make_panel: PanelFactory, fake: FakeHooks, qtbot: QtBot
) -> None:
    paths = [write_result(tmp_path / "results", number) for number in range(3)]
    panel = make_panel()
    panel.refresh()
    panel.select_keys([str(paths[0]), str(paths[2])])
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=3000)
    panel.view.setFocus()

    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)

    boxes = [dialog for dialog in panel.dialogs if isinstance(dialog, QMessageBox)]
    assert len(boxes) == 1
    assert boxes[0].text() == "Move 2 results and their sidecars to the recycle bin?"
    boxes[0].button(QMessageBox.StandardButton.Yes).click()
    assert sorted(fake.trashed) == sorted(
        [paths[0], paths[0].with_suffix(".json"), paths[2], paths[2].with_suffix(".json")]
    )
    assert [panel.model.item(row).path for row in range(panel.model.rowCount())] == [paths[1]]
    assert panel.message.text() == "Moved 2 results to the recycle bin."
    assert panel.count_label.text() == "1 result"


def test_failed_trash_keeps_files(tmp_path: Path, make_panel: PanelFactory, fake: FakeHooks) -> None:
    path = write_result(tmp_path / "results", 1)
    fake.trash_works = False
    panel = make_panel()
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0))

    box = panel.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()

    assert path.exists()
    assert panel.model.rowCount() == 1
    assert panel.message.text() == f"{path.name} could not be moved to the recycle bin and was kept."


# In the main window


def finished(services: Services, local_id: str) -> bool:
    record = services.library.get_task(local_id)
    return record is not None and record.status.is_terminal and not record.downloads_pending


def test_gallery_opens_and_updates_live(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    write_result(services.library.results_dir, 1)
    toggle = window.gallery_dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    assert toggle.shortcut().toString() == "Ctrl+G"
    assert toggle.text() == "Gallery"

    toggle.trigger()

    panel = window.gallery_dock.panel
    assert window.gallery_dock.isVisible()
    assert panel.model.rowCount() == 1
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "a kite for the gallery", "n": 2})
    record = window.send()
    assert record is not None
    qtbot.waitUntil(lambda: finished(services, record.id), timeout=20000)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    saved = services.library.get_task(record.id)
    assert saved is not None
    assert {panel.model.item(row).key for row in range(2)} == set(saved.saved_files)
    assert panel.model.details[saved.saved_files[0]].prompt == "a kite for the gallery"
    assert panel.count_label.text() == "3 results"
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=5000)


def test_gallery_rerun_goes_through_window(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "run me twice", "n": 1, "seed": 31})
    first = window.send()
    assert first is not None
    qtbot.waitUntil(lambda: finished(services, first.id), timeout=20000)
    window.gallery_dock.toggleViewAction().trigger()
    panel = window.gallery_dock.panel
    panel.view.setCurrentIndex(panel.model.index(0))

    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        panel.rerun_action.trigger()

    again: TaskRecord = submitted.args[0]
    original = services.library.get_task(first.id)
    assert original is not None
    assert again.id != first.id
    assert again.body == original.body
    assert again.region == "sandbox"
    qtbot.waitUntil(lambda: finished(services, again.id), timeout=20000)
    done = services.library.get_task(again.id)
    assert done is not None
    assert done.status == TaskStatus.SUCCEEDED
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)


def test_use_as_input_fills_image_field(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    path = write_result(services.library.results_dir, 1)
    window.gallery_dock.toggleViewAction().trigger()
    panel = window.gallery_dock.panel
    panel.view.setCurrentIndex(panel.model.index(0))

    dialog = panel.use_selected_as_input()
    assert dialog is not None
    assert dialog.select("wanx2.1-imageedit", "base_image_url")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    assert window.model_name == "wanx2.1-imageedit"
    assert window.form is not None
    assert window.form.values()["base_image_url"] == str(path)
    message = f"{path.name} is now the input image of wanx2.1-imageedit."
    assert panel.message.text() == message


def test_use_as_input_fills_image_list(window: MainWindow, services: Services) -> None:
    path = write_result(services.library.results_dir, 1)
    window.gallery_dock.toggleViewAction().trigger()
    panel = window.gallery_dock.panel
    panel.view.setCurrentIndex(panel.model.index(0))
    list_fields = [
        (model.id, spec.name)
        for model in CATALOG.active()
        for spec in model.fields
        if spec.type == "image_list"
    ]
    assert list_fields
    model_id, field_name = list_fields[0]

    assert panel.hooks.open_input(model_id, field_name, path)

    assert window.form is not None
    assert window.form.values()[field_name] == [str(path)]


def test_gallery_texts_follow_language(window: MainWindow) -> None:
    window.gallery_dock.toggleViewAction().trigger()
    panel = window.gallery_dock.panel

    window.retranslate()

    assert panel.rerun_action.text() == "&Run again"
    for action in panel.item_actions:
        assert action.text()
    for button in panel.action_buttons.values():
        assert button.accessibleName()
    assert panel.filter_edit.accessibleName() == "Filter results"
    assert panel.view.accessibleName() == "Saved results"


def test_dragged_results_carry_files(tmp_path: Path, make_panel: PanelFactory) -> None:
    first = write_result(tmp_path / "results", 1)
    second = write_result(tmp_path / "results", 2)
    panel = make_panel()
    panel.refresh()

    data = panel.model.mimeData([panel.model.index(1), panel.model.index(0)])

    assert data.urls() == [QUrl.fromLocalFile(str(second)), QUrl.fromLocalFile(str(first))]
    assert panel.model.flags(panel.model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
