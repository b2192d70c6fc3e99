"""Named keys in the window: workspace header, region mismatch and a one-click switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.widgets.main_window import MainWindow
from tests.conftest import files_containing
from tests.qt_fixtures import wait_for_task

pytestmark = pytest.mark.timeout(60)

BEIJING_KEY = "sk-test-fake-beijing-region-0000a1"
SINGAPORE_KEY = "sk-test-fake-singapore-region-00b2"
FAST = EmulatorConfig(pending_seconds=0.0, running_seconds=0.1, sync_seconds=0.0)


def send_prompt(window: MainWindow, qtbot: QtBot, prompt: str) -> TaskRecord:
    assert window.form is not None
    window.form.set_values({"prompt": prompt})
    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    record = submitted.args[0]
    assert isinstance(record, TaskRecord)
    return record


def test_rejected_key_offers_region_switch(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    with (
        Emulator(key=BEIJING_KEY, config=FAST) as beijing,
        Emulator(key=SINGAPORE_KEY, config=FAST) as singapore,
    ):
        services.set_base_url("beijing", beijing.base_url)
        services.set_base_url("singapore", singapore.base_url)
        # The Singapore key was saved for Beijing by mistake, and for Singapore too.
        services.keys.add("Mistake", "beijing", SINGAPORE_KEY)
        services.keys.add("Singapore", "singapore", SINGAPORE_KEY)
        window.select_region("beijing")
        window.select_model("wan2.2-t2i-flash")

        failed = wait_for_task(qtbot, services, send_prompt(window, qtbot, "a lighthouse").id)
        assert failed.status == TaskStatus.ERROR
        assert failed.error_code == "InvalidApiKey"
        panel = window.preview.error_panel
        qtbot.waitUntil(lambda: panel.region_hint == "singapore", timeout=5000)
        assert panel.switch_button.isVisible()
        assert "Singapore" in panel.switch_button.text()
        assert "region mismatch" in panel.hint.text()

        with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
            qtbot.mouseClick(panel.switch_button, Qt.MouseButton.LeftButton)
        retried = wait_for_task(qtbot, services, submitted.args[0].id)
        assert retried.region == "singapore"
        assert retried.status == TaskStatus.SUCCEEDED
        assert window.region == "singapore"
        assert [r.route for r in singapore.requests if r.route == "submit"] == ["submit"]
        submit = next(r for r in singapore.requests if r.route == "submit")
        assert submit.json()["input"]["prompt"] == "a lighthouse"
    home = services.paths.results_dir.parent
    assert files_containing(home, SINGAPORE_KEY) == []


def test_no_switch_offered_without_other_key(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    with Emulator(key=BEIJING_KEY, config=FAST) as beijing:
        services.set_base_url("beijing", beijing.base_url)
        services.keys.add("Wrong", "beijing", "sk-test-fake-wrong-key-000000000c3")
        window.select_region("beijing")
        window.select_model("wan2.2-t2i-flash")
        failed = wait_for_task(qtbot, services, send_prompt(window, qtbot, "a boat").id)
        assert failed.error_code == "InvalidApiKey"
        panel = window.preview.error_panel
        qtbot.waitUntil(lambda: panel.isVisible() and panel.explanation is not None, timeout=5000)
        assert panel.region_hint is None
        assert not panel.switch_button.isVisible()
        assert panel.action_button.isVisible()  # "Open key manager"


def test_workspace_key_sends_workspace_header(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    config = EmulatorConfig(pending_seconds=0.0, running_seconds=0.1, workspaces=("ws-good",))
    with Emulator(key=BEIJING_KEY, config=config) as workspace_domain:
        # The emulator plays the part of a workspace-dedicated domain.
        stored = services.keys.add(
            "Workspace",
            "beijing",
            BEIJING_KEY,
            base_url=workspace_domain.base_url,
            workspace="ws-good",
        )
        window.select_region("beijing")
        window.select_model("wan2.2-t2i-flash")
        good = wait_for_task(qtbot, services, send_prompt(window, qtbot, "a kite").id)
        assert good.status == TaskStatus.SUCCEEDED
        submit = next(r for r in workspace_domain.requests if r.route == "submit")
        assert submit.header("X-DashScope-WorkSpace") == "ws-good"
        queries = [r for r in workspace_domain.requests if r.route == "query"]
        assert queries
        assert all(query.header("X-DashScope-WorkSpace") == "ws-good" for query in queries)

        services.keys.update(stored.profile_id, workspace="ws-other")
        bad = wait_for_task(qtbot, services, send_prompt(window, qtbot, "a kite").id)
        assert bad.error_code == "NOT AUTHORIZED"
        panel = window.preview.error_panel
        qtbot.waitUntil(lambda: panel.explanation is not None, timeout=5000)
        assert panel.title.text() == "No access to the workspace"
