"""Render the README screenshots offscreen against the emulator.

Run ``python -m tests.make_screenshots [FOLDER]`` (default ``resources/screenshots``).
It needs CJK fonts (Debian: fonts-noto-cjk) for the Chinese screenshots.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from gui.core.engine import PollSchedule
from gui.core.explain import load_error_catalog
from gui.core.paths import AppPaths
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.sandbox import EmulatorConfig
from gui.widgets.i18n import LanguageManager
from gui.widgets.main_window import MainWindow
from tests.conftest import MemoryKeyring

# Forms shown in the README: a text-to-image model, image editing with a mask, and
# background generation (retired, so its notice shows too).
FORMS = [
    ("text-to-image", "wan2.6-t2i", {"prompt": "A red kite over a windy beach", "n": 2}),
    (
        "imageedit-mask",
        "wanx2.1-imageedit",
        {
            "function": "description_edit_with_mask",
            "prompt": "Replace the box with a vase of sunflowers",
            "base_image_url": "sample:photo",
            "mask_image_url": "sample:mask",
        },
    ),
    (
        "background",
        "wanx-background-generation-v2",
        {"base_image_url": "sample:product-rgba", "ref_prompt": "A marble table by a window"},
    ),
]

PROMPTS = {
    "en": "An orange cat in a straw hat by a rice field at sunset, watercolour",
    "zh_CN": "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格",
}

SAVED_NAMES = {"en": "Orange cat, watercolour", "zh_CN": "橘猫，水彩"}


async def render(app: QApplication, language: str, folder: Path) -> Path:
    home = Path(tempfile.mkdtemp(prefix="pixelpost-shots-"))
    paths = AppPaths.under(home)
    services = Services(
        paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=PollSchedule(first=0.1, factor=1.5, maximum=0.3),
    )
    await services.start()
    services.start_sandbox(EmulatorConfig(pending_seconds=0.2, running_seconds=0.6))
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    languages = LanguageManager(resource_dir() / "i18n", app)
    languages.apply(language)
    window = MainWindow(services, load_error_catalog(), languages, settings)
    window.resize(1320, 900)
    window.show()
    try:
        window.select_region("sandbox")
        window.select_model("wan2.2-t2i-flash")
        assert window.form is not None
        window.form.set_values({"prompt": "A lighthouse on a basalt cliff at dawn", "n": 1})
        first = window.send()
        window.select_model("wan2.6-t2i")
        window.form.set_values({"prompt": PROMPTS[language], "n": 2, "size": "1280*1280"})
        second = window.send()
        assert first is not None and second is not None
        await services.engine.wait(first.id)
        await services.engine.wait(second.id)
        window.task_view.selectRow(0)
        await asyncio.sleep(0.2)  # lets the preview lay out before the grab
        target = folder / f"window-{language}.png"
        window.grab().save(str(target))
        await _render_failure(window, services, language, folder)
        await _render_saved_work(window, language, folder)
        await _render_local_image(window, language, folder, home)
        await _render_gallery(window, services, language, folder)
        for name, model_id, values in FORMS:
            assert window.select_model(model_id)
            window.form.set_values(services.emulator.resolve_samples(dict(values)))  # type: ignore[union-attr]
            await asyncio.sleep(0.1)
            panel = window.findChild(QWidget, "requestPanel")
            assert panel is not None
            panel.grab().save(str(folder / f"form-{name}-{language}.png"))
        return target
    finally:
        window.close()
        window.deleteLater()
        await services.aclose()


async def _render_failure(
    window: MainWindow, services: Services, language: str, folder: Path
) -> None:
    """Send with a rejected key, then grab the explained error, the inspector and keys."""
    emulator = services.emulator
    assert emulator is not None
    services.use_sandbox(emulator.base_url, "sk-test-rejected-0000000000000000")
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "A lighthouse at dusk", "n": 1})
    failed = window.send()
    assert failed is not None
    await services.engine.wait(failed.id)
    services.use_sandbox(emulator.base_url, emulator.key)
    window.task_view.selectRow(0)
    window.resize(1320, 1150)
    window.inspector_dock.show()
    inspector = window.inspector_dock.panel
    for row in range(inspector.model.rowCount()):
        if inspector.model.exchange(row).status == 401:
            inspector.table.selectRow(row)
            break
    await asyncio.sleep(0.2)  # lets the dock lay out before the grab
    window.grab().save(str(folder / f"inspector-error-{language}.png"))
    window.inspector_dock.hide()
    window.resize(1320, 900)
    dialog = window.open_key_dialog()
    keys = [
        ("Beijing production", "beijing", "sk-test-fake-screenshot-00000000abcd", "", ""),
        ("Experiments", "beijing", "sk-test-fake-screenshot-00000000ef01", "", ""),
        (
            "Singapore workspace",
            "singapore",
            "sk-test-fake-screenshot-000000002345",
            "https://ws-demo01.ap-southeast-1.maas.aliyuncs.com",
            "ws-demo01",
        ),
    ]
    for name, region, key, base_url, workspace in keys:
        dialog.new_button.click()
        dialog.name_edit.setText(name)
        dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(region))
        dialog.key_edit.setText(key)
        dialog.base_url_edit.setText(base_url)
        dialog.workspace_edit.setText(workspace)
        dialog.save_button.click()
    dialog.resize(900, dialog.sizeHint().height())
    await asyncio.sleep(0.1)
    dialog.grab().save(str(folder / f"key-manager-{language}.png"))
    dialog.close()


async def _render_saved_work(window: MainWindow, language: str, folder: Path) -> None:
    """Grab the history dock and the saved-requests dock with a small collection."""
    saved_work = window.saved_work
    panel = saved_work.collections_dock.panel
    collection = panel.collection
    collection.ensure_root()
    posters = collection.create_folder("", "Posters")
    window.select_model("wan2.6-t2i")
    for name, prompt, target in (
        (SAVED_NAMES[language], PROMPTS[language], ""),
        ("Lighthouse at dawn", "A lighthouse on a basalt cliff at dawn", ""),
        ("Kite festival poster", "A red kite over a windy beach, poster", posters),
    ):
        assert window.form is not None
        window.form.set_values({"prompt": prompt, "n": 1})
        collection.save(saved_work.current_request(name), target)
    panel.refresh()
    saved_work.collections_dock.show()
    saved_work.history_dock.show()
    saved_work.history_dock.panel.refresh()
    saved_work.history_dock.panel.table.selectRow(1)
    window.resize(1320, 1000)
    await asyncio.sleep(0.2)  # lets the docks lay out before the grab
    window.grab().save(str(folder / f"history-{language}.png"))
    saved_work.history_dock.hide()
    saved_work.collections_dock.hide()
    window.resize(1320, 900)


# Extra results for the gallery screenshot: (model, English prompt, Chinese prompt).
GALLERY_PROMPTS = [
    ("wan2.2-t2i-flash", "A red kite over a windy beach", "海风中的红色风筝"),
    ("wan2.6-t2i", "A paper boat on a rainy street, film photo", "雨中街道上的纸船，胶片风格"),
    ("wanx2.1-t2i-turbo", "A bowl of ramen with a soft egg, top view", "一碗加溏心蛋的拉面，俯视"),
    ("wan2.2-t2i-flash", "Snowy pine forest at blue hour", "蓝调时刻的雪松林"),
]


async def _render_gallery(
    window: MainWindow, services: Services, language: str, folder: Path
) -> None:
    """Make a few more results, then grab the gallery with one result selected."""
    records = []
    for model_id, english, chinese in GALLERY_PROMPTS:
        assert window.select_model(model_id)
        assert window.form is not None
        prompt = chinese if language == "zh_CN" else english
        window.form.set_values({"prompt": prompt, "n": 2})
        record = window.send()
        assert record is not None
        records.append(record)
    for record in records:
        await services.engine.wait(record.id)
    dock = window.gallery_dock
    dock.setFloating(True)
    dock.resize(1200, 720)
    dock.show()
    panel = dock.panel
    panel.view.setCurrentIndex(panel.model.index(1))
    for _ in range(100):  # thumbnails are decoded in worker threads
        await asyncio.sleep(0.05)
        if not panel.loader.busy:
            break
    await asyncio.sleep(0.2)  # lets the dock lay out before the grab
    dock.grab().save(str(folder / f"gallery-{language}.png"))
    dock.hide()
    dock.setFloating(False)


async def _render_local_image(window: MainWindow, language: str, folder: Path, home: Path) -> None:
    """Grab an editing form with a local base image and painted mask, and the mask painter."""
    from PySide6.QtCore import QPoint

    from gui.sandbox.samples import sample_png

    base = home / "我的 照片" / "living room.png"
    base.parent.mkdir(parents=True, exist_ok=True)
    base.write_bytes(sample_png("photo"))
    assert window.select_model("wanx2.1-imageedit")
    assert window.form is not None
    window.form.set_values(
        {
            "function": "description_edit_with_mask",
            "prompt": "Replace the house with a glass greenhouse",
            "base_image_url": str(base),
        }
    )
    tools = window.form.editors["mask_image_url"].image_tools
    assert tools is not None
    dialog = tools.open_mask_painter()
    assert dialog is not None
    canvas = dialog.canvas
    canvas.begin_change()
    canvas.fill_rect(QPoint(520, 470), QPoint(760, 700))
    canvas.brush_size = 40
    canvas.paint_line(QPoint(300, 760), QPoint(480, 720))
    canvas.cursor_position = QPoint(480, 720)
    dialog.size_spin.setValue(40)
    await asyncio.sleep(0.2)  # lets the dialog lay out before the grab
    dialog.grab().save(str(folder / f"mask-painter-{language}.png"))
    dialog.save()
    await asyncio.sleep(0.3)  # lets the thumbnails refresh before the grab
    panel = window.findChild(QWidget, "requestPanel")
    assert panel is not None
    panel.grab().save(str(folder / f"form-local-image-{language}.png"))


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else resource_dir() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for language in ("en", "zh_CN"):
            print(loop.run_until_complete(render(app, language, folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
