"""Save a request, restart the app on the same folders, reopen it and run it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.explain import load_error_catalog
from gui.core.library import TaskRecord, TaskStatus
from gui.core.paths import AppPaths
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.i18n import LanguageManager
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY, MemoryKeyring, files_containing
from tests.qt_fixtures import destroy_now, run_on_loop

pytestmark = pytest.mark.timeout(90)

PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格"
STORED_KEY = "sk-test-fake-restart-000000000000d00d"


def start(
    paths: AppPaths,
    emulator: Emulator,
    keyring: MemoryKeyring,
    loop: qasync.QEventLoop,
    qtbot: QtBot,
    qapp: QApplication,
) -> tuple[Services, MainWindow]:
    services = Services(
        paths,
        keyring_backend=keyring,
        environment={},
        poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
        retry=RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1),
    )
    run_on_loop(qtbot, loop, services.start())
    services.use_sandbox(emulator.base_url, emulator.key)
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    languages = LanguageManager(resource_dir() / "i18n", qapp)
    languages.apply("en")
    window = MainWindow(services, load_error_catalog(), languages, settings)
    window.show()
    return services, window


def stop(services: Services, window: MainWindow, loop: qasync.QEventLoop, qtbot: QtBot) -> None:
    window.close()
    window.deleteLater()
    run_on_loop(qtbot, loop, services.aclose())
    destroy_now()


def wait_finished(services: Services, qtbot: QtBot, record: TaskRecord) -> TaskRecord:
    def finished() -> bool:
        current = services.library.get_task(record.id)
        return current is not None and current.status.is_terminal and not current.downloads_pending

    qtbot.waitUntil(finished, timeout=20000)
    final = services.library.get_task(record.id)
    assert final is not None
    assert final.status == TaskStatus.SUCCEEDED
    return final


def test_saved_request_survives_restart(
    app_paths: AppPaths,
    emulator: Emulator,
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
    qapp: QApplication,
) -> None:
    keyring = MemoryKeyring()
    services, window = start(app_paths, emulator, keyring, qt_loop, qtbot, qapp)
    services.keys.set("beijing", STORED_KEY)
    window.select_region("sandbox")
    assert window.select_model("wanx2.1-t2i-turbo")
    assert window.form is not None
    window.form.set_values({"prompt": PROMPT, "n": 1, "seed": 4321, "size": "1024*1024"})
    window.saved_work.save_action.trigger()
    dialog = window.saved_work.save_dialog
    assert dialog is not None
    dialog.name_edit.setText("Cat at sunset")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved_file = app_paths.data_dir / "collections" / "Cat at sunset.json"
    assert saved_file.is_file()
    first = window.send()
    assert first is not None
    first = wait_finished(services, qtbot, first)
    stop(services, window, qt_loop, qtbot)

    services, window = start(app_paths, emulator, keyring, qt_loop, qtbot, qapp)
    try:
        window.select_model("wan2.6-t2i")
        panel = window.saved_work.collections_dock.panel
        assert [entry.name for entry in panel.collection.entries()] == ["Cat at sunset"]
        assert panel.select_path("Cat at sunset.json")
        panel.open_button.click()
        assert window.region == "sandbox"
        assert window.model_name == "wanx2.1-t2i-turbo"
        assert window.form is not None
        assert window.form.values()["prompt"] == PROMPT
        assert window.form.values()["seed"] == 4321

        with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
            qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
        rerun = wait_finished(services, qtbot, submitted.args[0])
        assert rerun.body == first.body
        sidecar = Path(rerun.saved_files[0]).with_suffix(".json")
        recorded = json.loads(sidecar.read_text(encoding="utf-8"))
        assert recorded["request"]["input"]["prompt"] == PROMPT
        assert recorded["seed"] == 4321

        # The history lists the first run too, and reopens it as a new request.
        history = window.saved_work.history_dock.panel
        history.refresh()
        assert history.model.total == 2
        assert history.select_task(first.id)
        window.select_model("wan2.6-t2i")
        history.reopen_button.click()
        assert window.form is not None
        assert window.form.values()["prompt"] == PROMPT
        third = window.send()
        assert third is not None
        wait_finished(services, qtbot, third)
    finally:
        stop(services, window, qt_loop, qtbot)

    home = app_paths.data_dir.parent
    for secret in (STORED_KEY, FAKE_KEY):
        assert files_containing(home, secret) == []
