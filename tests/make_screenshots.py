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
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("singapore"))
    dialog.key_edit.setText("sk-test-fake-screenshot-00000000abcd")
    dialog.save_button.click()
    await asyncio.sleep(0.1)
    dialog.grab().save(str(folder / f"key-manager-{language}.png"))
    dialog.close()


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
